import { lazy } from "react";

/**
 * Every page of the console and its address: one deep link per object. Pages load on demand (one
 * chunk each), so the first page's JavaScript is the shell plus that page.
 */
export const routes = [
  { path: "/", Page: lazy(() => import("../pages/home/HomePage")) },
  { path: "/profile", Page: lazy(() => import("../pages/home/ProfilePage")) },
  { path: "/sims", Page: lazy(() => import("../pages/sims/SimsPage")) },
  { path: "/sims/:key", Page: lazy(() => import("../pages/sims/SimPage")) },
  { path: "/cases", Page: lazy(() => import("../pages/cases/QueuePage")) },
  { path: "/cases/:id", Page: lazy(() => import("../pages/cases/CasePage")) },
  { path: "/callers", Page: lazy(() => import("../pages/cases/CallersPage")) },
  { path: "/outbox", Page: lazy(() => import("../pages/outbox/OutboxPage")) },
  { path: "/accounts", Page: lazy(() => import("../pages/accounts/AccountsPage")) },
  { path: "/accounts/:id", Page: lazy(() => import("../pages/accounts/AccountPage")) },
  { path: "/catalog", Page: lazy(() => import("../pages/catalog/CatalogPage")) },
  { path: "/catalog/:kind/:ref", Page: lazy(() => import("../pages/catalog/PlanPage")) },
  { path: "/onboardings", Page: lazy(() => import("../pages/onboarding/OnboardingsPage")) },
  { path: "/onboardings/:id", Page: lazy(() => import("../pages/onboarding/OnboardingPage")) },
  {
    path: "/onboardings/new",
    Page: lazy(() => import("../pages/onboarding/NewOnboardingPage")),
  },
  { path: "/jobs", Page: lazy(() => import("../pages/jobs/JobsPage")) },
  { path: "/jobs/:id", Page: lazy(() => import("../pages/jobs/JobPage")) },
  { path: "/imports/new", Page: lazy(() => import("../pages/jobs/ImportPage")) },
  { path: "/automation", Page: lazy(() => import("../pages/automation/RulesPage")) },
  { path: "/automation/:id", Page: lazy(() => import("../pages/automation/RulePage")) },
  { path: "/invoices", Page: lazy(() => import("../pages/billing/InvoicesPage")) },
  { path: "/invoices/compare", Page: lazy(() => import("../pages/billing/ComparePage")) },
  { path: "/invoices/:id", Page: lazy(() => import("../pages/billing/InvoicePage")) },
  {
    path: "/invoices/:id/lines/:n",
    Page: lazy(() => import("../pages/billing/ExplanationPage")),
  },
  { path: "/webhooks", Page: lazy(() => import("../pages/webhooks/WebhooksPage")) },
  { path: "/webhooks/:id", Page: lazy(() => import("../pages/webhooks/WebhookPage")) },
];
