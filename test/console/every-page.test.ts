import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { launchBrowser, person, seriousA11yViolations, signedIn } from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { billedCustomer } from "../billing/billing-support.js";

/**
 * Every main page of the console, opened by its deep link as an operations agent would: it shows its
 * heading, no refused request, and axe-core finds no serious or critical accessibility violation.
 */
describe("console: every main page", () => {
  let t: TestOtter;
  let browser: Browser;
  let page: Page;
  let paths: string[];
  let ruleId: string;
  let ratePlanId: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
    const cat = await buildCatalog(t);
    const { account } = await buildCustomer(t, { name: "Savanna Trackers" });
    await offer(t, cat, account.id);
    const sim = await buildSim(t, {
      accountId: account.id,
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const opened = await t.api("POST", "/api/v1/cases", {
      body: {
        accountId: account.id,
        subject: "We lost a giraffe",
        description: "The collar went silent.",
      },
    });
    if (opened.status !== 201) throw new Error(`open case: ${JSON.stringify(opened.body)}`);
    await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    const billed = await billedCustomer(t, { name: "Frutteto Sensori" });
    const billingCase = await t.api("POST", "/api/v1/cases", {
      body: { accountId: billed.customer.account.id, subject: "November", category: "billing" },
    });
    await t.api("POST", `/api/v1/cases/${billingCase.body.id}/links`, {
      body: { invoiceId: billed.invoice.id },
    });
    const rule = await t.api("POST", "/api/v1/automation-rules", {
      body: {
        name: "Silent collars",
        accountId: account.id,
        trigger: { type: "no_session", rhythmMultiple: 3 },
        conditions: [{ type: "rate_plan", plan: cat.rate.id }],
        actions: [{ type: "email", note: "Call the ranger station." }],
      },
    });
    if (rule.status !== 201) throw new Error(`rule: ${JSON.stringify(rule.body)}`);
    ruleId = rule.body.id;
    ratePlanId = cat.rate.id;
    paths = [
      "/",
      "/sims",
      `/sims/${sim.iccid}`,
      "/cases",
      `/cases/${opened.body.id}`,
      "/callers",
      "/outbox",
      "/accounts",
      `/accounts/${account.id}`,
      "/catalog",
      `/catalog/rate-plans/${cat.rate.id}`,
      `/catalog/communication-plans/${cat.comm.id}`,
      "/onboardings",
      "/jobs",
      "/imports/new",
      "/automation",
      `/automation/${rule.body.id}`,
      "/webhooks",
      "/profile",
      "/invoices",
      `/invoices/${billed.invoice.id}`,
      `/invoices/${billed.invoice.id}/lines/1`,
      `/invoices/compare?account=${billed.customer.account.id}&from=2026-11&to=2026-11`,
      `/cases/${billingCase.body.id}`,
    ];
    const agent = await person(t, t.rootAccountId, "operator_admin");
    page = await signedIn(browser, t, agent);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("opens each page by its address with a heading, no error and no serious axe violation", async () => {
    const found: Record<string, unknown> = {};
    for (const path of paths) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      // Let the page's first requests settle: the loading line gives way to content or an error.
      await expect
        .poll(
          () =>
            page
              .getByRole("status")
              .filter({ hasText: /Loading/ })
              .count(),
          { message: `still loading: ${path}`, timeout: 10_000 },
        )
        .toBe(0);
      const errors = await page.locator(".error-box").allTextContents();
      const violations = await seriousA11yViolations(page);
      if (errors.length || violations.length) found[path] = { errors, violations };
    }
    expect(found).toEqual({});
  });

  it("opens each form dialog with labelled fields, no serious axe violation, and closes it with Escape", async () => {
    const dialogs: [path: string, button: string, dialog: string][] = [
      ["/automation", "New rule", "New automation rule"],
      [`/automation/${ruleId}`, "Edit the rule", "Edit the rule “Silent collars”"],
      [`/catalog/rate-plans/${ratePlanId}`, "Add a version", "Add a version to"],
      ["/catalog", "New rate plan", "New rate plan"],
      ["/catalog", "New communication plan", "New communication plan"],
    ];
    const found: Record<string, unknown> = {};
    for (const [path, button, name] of dialogs) {
      await page.goto(path);
      await page.getByRole("button", { name: button }).click();
      const dialog = page.getByRole("dialog", { name: new RegExp(`^${name}`) });
      await dialog.waitFor();
      // Focus is inside the dialog, on its first control.
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      const violations = await seriousA11yViolations(page);
      if (violations.length) found[`${path} ${button}`] = violations;
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
    }
    expect(found).toEqual({});
  });

  it("answers an unknown address inside the console with its not-found page", async () => {
    await page.goto("/no/such/page");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Not found");
    expect(await page.getByRole("link", { name: "Back to the home page" }).count()).toBe(1);
  });

  it("focuses the search box with / from any page", async () => {
    await page.goto("/accounts");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("global-search");
  });
});
