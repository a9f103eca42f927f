import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCatalog,
  buildCustomer,
  buildSim,
  offer,
  runJob,
  simCsv,
  simIdentifiers,
  uploadCsv,
} from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { asBrowser, giveUserPassword, signIn, type Signed } from "../support/signin.js";

/**
 * Every route of the API, called by customer A's administrator with customer B's identifiers.
 * A must never get a success, never see one of B's identifiers, and never change B's data.
 * A route added without an entry here fails the completeness test: each new route needs a decision.
 */
type Kind =
  | "tenant" // names a tenant resource: 404 (or 403 when the role lacks the right)
  | "operator_only" // a customer role lacks the right: 403
  | "scoped_list" // lists what A may see: 200 without any of B's identifiers
  | "shared_catalog" // operator-wide reference data (zones), readable by all, holds no tenant data
  | "before_sign_in" // called without a principal (sign-in, password reset): answers nothing of B's
  | "own_session"; // acts on the caller's own session only (sign-out): 204 with a cookie, 400 with a key

interface Entry {
  kind: Kind;
  query?: (w: World) => string;
  body?: (w: World) => unknown;
  raw?: (w: World) => string;
  contentType?: string;
}
interface World {
  a: Awaited<ReturnType<typeof buildCustomer>>;
  b: Awaited<ReturnType<typeof buildCustomer>>;
  cat: Awaited<ReturnType<typeof buildCatalog>>;
  simB: { iccid: string; imsi: string; msisdn: string };
  jobB: string;
  keyB: string;
  contactB: string;
  changeB: string;
  mailId: string;
  networkClient: string;
  hssEndpoint: string;
  smsCentre: string;
  actionB: string;
  webhookB: string;
  deliveryB: string;
  ruleB: string;
  caseB: string;
  consultationB: string;
  mailbox: string;
  sessionB: string;
  invoiceB: string;
}

const TABLE: Record<string, Entry> = {
  createAccount: { kind: "tenant", body: (w) => ({ name: "intruder", parentId: w.b.account.id }) },
  listAccounts: { kind: "tenant", query: (w) => `parentId=${w.b.account.id}` },
  getAccount: { kind: "tenant" },
  updateAccount: { kind: "tenant", body: () => ({ name: "hijacked" }) },
  moveAccount: { kind: "tenant", body: (w) => ({ parentId: w.b.account.id }) },
  listContacts: { kind: "tenant" },
  addContact: { kind: "tenant", body: () => ({ name: "spy" }) },
  deleteContact: { kind: "tenant" },
  createUser: {
    kind: "tenant",
    body: (w) => ({
      accountId: w.b.account.id,
      email: "spy@a.example",
      name: "Spy",
      role: "customer_admin",
    }),
  },
  listUsers: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}` },
  whoAmI: { kind: "scoped_list" },
  updateMe: { kind: "scoped_list", body: () => ({ language: "it" }) },
  inviteUser: { kind: "tenant", body: () => ({}) },
  signIn: {
    kind: "before_sign_in",
    body: (w) => ({ email: w.b.admin.email, password: "a guess at B's password" }),
  },
  requestPasswordReset: { kind: "before_sign_in", body: (w) => ({ email: w.b.admin.email }) },
  setPassword: {
    kind: "before_sign_in",
    body: () => ({ token: "not-a-token", password: "a guess at B's password" }),
  },
  signOut: { kind: "own_session" },
  listSessions: { kind: "scoped_list" },
  revokeSession: { kind: "tenant" },
  getUser: { kind: "tenant" },
  createApiKey: { kind: "tenant", body: () => ({}) },
  listApiKeys: { kind: "tenant" },
  revokeApiKey: { kind: "tenant" },
  createZone: { kind: "operator_only", body: () => ({ name: "z", countries: ["FR"] }) },
  listZones: { kind: "shared_catalog" },
  getZone: { kind: "shared_catalog" },
  updateZone: { kind: "operator_only", body: () => ({ countries: ["FR"] }) },
  deleteZone: { kind: "operator_only" },
  createCommunicationPlan: {
    kind: "operator_only",
    body: (w) => ({ name: "x", apns: [{ name: "a.b" }], rats: ["LTE"], zones: [w.cat.home.id] }),
  },
  listCommunicationPlans: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}` },
  getCommunicationPlan: { kind: "tenant" },
  updateCommunicationPlan: { kind: "operator_only", body: () => ({ rats: ["2G"] }) },
  createRatePlan: {
    kind: "operator_only",
    body: (w) => ({
      name: "x",
      currency: "EUR",
      subscription: { monthlyFeePerSim: 0 },
      zones: [{ zone: w.cat.home.id, dataPerMB: 0 }],
    }),
  },
  listRatePlans: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}` },
  getRatePlan: { kind: "tenant" },
  addRatePlanVersion: {
    kind: "operator_only",
    body: (w) => ({
      subscription: { monthlyFeePerSim: 0 },
      zones: [{ zone: w.cat.home.id, dataPerMB: 0 }],
    }),
  },
  listCommunicationPlanOffers: { kind: "operator_only" },
  offerCommunicationPlan: { kind: "operator_only", body: (w) => ({ accountId: w.a.account.id }) },
  withdrawCommunicationPlanOffer: { kind: "operator_only" },
  listRatePlanOffers: { kind: "operator_only" },
  offerRatePlan: { kind: "operator_only", body: (w) => ({ accountId: w.a.account.id }) },
  withdrawRatePlanOffer: { kind: "operator_only" },
  checkPlanCombination: {
    kind: "tenant",
    query: (w) => `communicationPlan=${w.cat.comm.id}&ratePlan=${w.cat.rate.id}`,
  },
  createSim: {
    kind: "operator_only",
    body: (w) => ({ ...simIdentifiers(), accountId: w.b.account.id }),
  },
  listSims: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}` },
  getSim: { kind: "tenant" },
  countSims: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}&by=connectivity` },
  // The first digits of B's SIM's IMSI: A's answer must hold none of B's SIMs.
  search: { kind: "scoped_list", query: (w) => `q=${w.simB.imsi.slice(0, 12)}&limit=20` },
  updateSim: { kind: "tenant", body: () => ({ state: "DEACTIVATED" }) },
  getSimAudit: { kind: "tenant" },
  listSimScheduledChanges: { kind: "tenant" },
  cancelSimScheduledChange: { kind: "tenant" },
  listOutbox: { kind: "operator_only" },
  sendTestMail: { kind: "operator_only", body: () => ({ to: "x@example.com" }) },
  getOutboxMessage: { kind: "operator_only" },
  getOutboxAttachment: { kind: "operator_only" },
  retryOutboxMessage: { kind: "operator_only" },
  listJobs: { kind: "scoped_list" },
  getJob: { kind: "tenant" },
  cancelJob: { kind: "tenant" },
  listJobErrors: { kind: "tenant" },
  downloadJobResults: { kind: "tenant" },
  importSims: {
    kind: "operator_only",
    query: (w) => `accountId=${w.b.account.id}`,
    raw: () => simCsv(1).csv,
  },
  bulkChangeSims: {
    kind: "tenant",
    body: (w) => ({ filter: { accountId: w.b.account.id }, change: { state: "DEACTIVATED" } }),
  },
  listAuditLog: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}` },
  createNetworkClient: {
    kind: "operator_only",
    body: () => ({ name: "rogue", address: "10.9.9.9", secret: "12345678" }),
  },
  listNetworkClients: { kind: "operator_only" },
  updateNetworkClient: { kind: "operator_only", body: () => ({ secret: "stolen-secret" }) },
  deleteNetworkClient: { kind: "operator_only" },
  postRegistrationEvents: {
    kind: "operator_only",
    body: (w) => ({ id: "spoof", type: "purge", imsi: w.simB.imsi, at: "2026-03-01T09:00:00Z" }),
  },
  importRegistrationEvents: {
    kind: "operator_only",
    raw: (w) =>
      `${JSON.stringify({ id: "spoof2", type: "purge", imsi: w.simB.imsi, at: "2026-03-01T09:00:00Z" })}\n`,
    contentType: "application/x-ndjson",
  },
  listUnknownImsis: { kind: "operator_only" },
  getSimConnectivity: { kind: "tenant" },
  listSimSessions: { kind: "tenant" },
  getSimUsage: { kind: "tenant", query: () => "from=2026-01-01&to=2026-12-31" },
  getSimTimeline: { kind: "tenant" },
  getSimLocations: { kind: "tenant" },
  listSimNetworkActions: { kind: "tenant" },
  diagnoseSim: { kind: "tenant" },
  requestSimAction: {
    kind: "tenant",
    body: () => ({ type: "reset-connectivity", reason: "intrusion" }),
  },
  listSimActions: { kind: "tenant" },
  getSimAction: { kind: "tenant" },
  createHssEndpoint: {
    kind: "operator_only",
    body: () => ({ name: "rogue-hss", url: "http://127.0.0.1:9/", secret: "0123456789abcdef" }),
  },
  listHssEndpoints: { kind: "operator_only" },
  deleteHssEndpoint: { kind: "operator_only" },
  createSmsCentre: {
    kind: "operator_only",
    body: () => ({
      name: "rogue-smsc",
      host: "127.0.0.1",
      port: 9,
      systemId: "rogue",
      password: "rogue123",
      sourceAddress: "4400",
    }),
  },
  listSmsCentres: { kind: "operator_only" },
  deleteSmsCentre: { kind: "operator_only" },
  createWebhook: {
    kind: "tenant",
    body: (w) => ({
      url: "https://spy.a.example/hook",
      events: ["*"],
      secret: "0123456789abcdef",
      accountId: w.b.account.id,
    }),
  },
  listWebhooks: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}` },
  getWebhook: { kind: "tenant" },
  updateWebhook: {
    kind: "tenant",
    body: () => ({ url: "https://spy.a.example/hook", secret: "stolen-secret-0123456789" }),
  },
  deleteWebhook: { kind: "tenant" },
  listWebhookDeliveries: { kind: "tenant" },
  replayWebhookDelivery: { kind: "tenant" },
  replayWebhookRange: {
    kind: "tenant",
    body: () => ({ from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }),
  },
  createAutomationRule: {
    kind: "tenant",
    body: (w) => ({
      name: "spy",
      accountId: w.b.account.id,
      trigger: { type: "imei_changed" },
      actions: [{ type: "webhook" }],
    }),
  },
  listAutomationRules: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}` },
  getAutomationRule: { kind: "tenant" },
  updateAutomationRule: { kind: "tenant", body: () => ({ enabled: false }) },
  deleteAutomationRule: { kind: "tenant" },
  listAutomationRuleFirings: { kind: "tenant" },
  createDeskMailbox: {
    kind: "operator_only",
    body: (w) => ({ address: "spy@a.example", accountId: w.b.account.id }),
  },
  listDeskMailboxes: { kind: "operator_only" },
  deleteDeskMailbox: { kind: "operator_only" },
  lookupCaller: { kind: "operator_only", query: () => "number=%2B46701234567" },
  listCases: { kind: "scoped_list", query: (w) => `account=${w.b.account.id}` },
  createCase: {
    kind: "tenant",
    body: (w) => ({ accountId: w.b.account.id, subject: "intrusion" }),
  },
  getCase: { kind: "tenant" },
  updateCase: { kind: "tenant", body: () => ({ state: "closed" }) },
  addCaseNote: { kind: "tenant", body: () => ({ body: "spy" }) },
  replyToCase: { kind: "tenant", body: () => ({ body: "spy", to: ["spy@a.example"] }) },
  retryCaseReply: { kind: "tenant" },
  logCaseCall: {
    kind: "tenant",
    body: () => ({
      direction: "inbound",
      number: "+46701234567",
      durationSeconds: 1,
      summary: "spy",
    }),
  },
  openConsultation: {
    kind: "tenant",
    body: () => ({ address: "spy@a.example", subject: "s", body: "b" }),
  },
  replyInConsultation: { kind: "tenant", body: () => ({ body: "spy" }) },
  closeConsultation: { kind: "tenant" },
  linkCase: { kind: "tenant", body: (w) => ({ accountId: w.a.account.id }) },
  unlinkCase: { kind: "tenant" },
  getCaseMessageRaw: { kind: "tenant" },
  getCaseAttachment: { kind: "tenant" },
  getDeskCalendar: { kind: "operator_only" },
  setDeskCalendar: {
    kind: "operator_only",
    body: () => ({ timeZone: "Europe/Rome", hours: { mon: [["08:00", "18:00"]] }, holidays: [] }),
  },
  getDefaultSupportAgreement: { kind: "operator_only" },
  setDefaultSupportAgreement: {
    kind: "operator_only",
    body: () => ({ firstResponse: { urgent: "PT1H" }, resolution: {} }),
  },
  createOnboarding: {
    kind: "operator_only",
    body: () => ({ spec: "version: 1\nreference: CTR-INTRUDER\n", dryRun: true }),
  },
  listOnboardings: { kind: "operator_only" },
  getOnboarding: { kind: "operator_only" },
  getOnboardingIpsecConfig: { kind: "operator_only", query: () => "side=operator" },
  getOnboardingTunnelSheet: { kind: "operator_only" },
  onboardingLeadTimes: { kind: "operator_only" },
  completeOnboardingTask: { kind: "operator_only", body: () => ({ state: "done", note: "x" }) },
  getSupportAgreement: { kind: "tenant" },
  setSupportAgreement: {
    kind: "tenant",
    body: () => ({ firstResponse: { urgent: "PT1H" }, resolution: {} }),
  },
  getDeskQueue: { kind: "operator_only", query: (w) => `owner=${w.b.admin.id}` },
  listMacros: { kind: "operator_only" },
  createMacro: { kind: "operator_only", body: () => ({ name: "spy", body: "{{case.number}}" }) },
  getMacro: { kind: "operator_only" },
  updateMacro: { kind: "operator_only", body: () => ({ body: "hijacked" }) },
  deleteMacro: { kind: "operator_only" },
  renderMacro: { kind: "operator_only" },
  listArticles: { kind: "operator_only", query: () => "q=sim" },
  createArticle: { kind: "operator_only", body: () => ({ title: "spy", body: "spy" }) },
  getArticle: { kind: "operator_only" },
  updateArticle: { kind: "operator_only", body: () => ({ body: "hijacked" }) },
  deleteArticle: { kind: "operator_only" },
  checkCaseReply: { kind: "tenant", body: () => ({ body: "The SIM was deactivated." }) },
  getSentReplyClarity: { kind: "tenant" },
  checkText: {
    kind: "tenant",
    body: (w) => ({ body: "The SIM was deactivated.", accountId: w.b.account.id }),
  },
  listGlossary: { kind: "operator_only" },
  addGlossaryTerm: { kind: "operator_only", body: () => ({ term: "spy", explanation: "spy" }) },
  updateGlossaryTerm: { kind: "operator_only", body: () => ({ explanation: "hijacked" }) },
  removeGlossaryTerm: { kind: "operator_only" },
  getClarityStats: { kind: "operator_only", query: () => "weeks=4" },
  getBillingProfile: { kind: "tenant" },
  putBillingProfile: { kind: "tenant", body: () => ({ cycle: "calendar", country: "IT" }) },
  startBillingRun: {
    kind: "operator_only",
    body: (w) => ({ period: "2026-03", accountId: w.b.account.id }),
  },
  listInvoices: { kind: "tenant", query: (w) => `accountId=${w.b.account.id}` },
  getInvoice: { kind: "tenant" },
  downloadInvoiceLines: { kind: "tenant" },
  downloadInvoicePdf: { kind: "tenant" },
  downloadInvoiceRatedUsage: { kind: "tenant" },
  getInvoiceTmf678: { kind: "tenant" },
  issueInvoice: { kind: "tenant" },
  creditInvoice: {
    kind: "tenant",
    body: () => ({ reason: "x", lines: [{ description: "x", amount: "0.01" }] }),
  },
  mailInvoice: { kind: "tenant" },
  // As text for a reply: the same reading of the invoice as the JSON answer, then its words.
  explainInvoiceLine: { kind: "tenant", query: () => "format=text" },
  billingCycleToDate: { kind: "tenant" },
  simBillingCycleToDate: { kind: "tenant" },
  compareBillingCycles: { kind: "tenant", query: () => "from=2026-02&to=2026-03" },
  postSmsRecords: {
    kind: "operator_only",
    body: (w) => ({
      id: "spoof-sms",
      direction: "MO",
      imsi: w.simB.imsi,
      at: "2026-03-01T09:00:00Z",
    }),
  },
  importSmsRecords: {
    kind: "operator_only",
    raw: (w) =>
      `${JSON.stringify({ id: "spoof-sms2", direction: "MT", imsi: w.simB.imsi, at: "2026-03-01T09:00:00Z" })}\n`,
    contentType: "application/x-ndjson",
  },
};

let t: TestOtter;
let w: World;
/** A's administrator signed in: the sweep runs again with the cookie instead of the key. */
let cookieA: Signed;
const PASSWORD = "sweeping the otter den";
let ops: { method: string; path: string; operationId: string }[];

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  const cat = await buildCatalog(t);
  const a = await buildCustomer(t);
  const b = await buildCustomer(t);
  await offer(t, cat, b.account.id);
  const webhookB = (
    await t.api("POST", "/api/v1/webhooks", {
      key: b.adminKey,
      body: { url: "http://127.0.0.1:9/b-hook", events: ["*"], secret: "b-secret-0123456789" },
    })
  ).body.id;
  const contactB = (
    await t.api("POST", `/api/v1/accounts/${b.account.id}/contacts`, {
      body: { name: "Ops B", email: "ops@b.example" },
    })
  ).body.id;
  const simB = await buildSim(t, {
    accountId: b.account.id,
    state: "ACTIVATED",
    communicationPlan: cat.comm.id,
    ratePlan: cat.rate.id,
  });
  const later = new Date(t.clock.now().getTime() + 86400_000).toISOString();
  const changeB = (
    await t.api("PATCH", `/api/v1/sims/${simB.iccid}`, {
      body: { state: "DEACTIVATED", effectiveDate: later },
    })
  ).body.pendingChanges[0].id;
  const jobB = (await uploadCsv(t, simCsv(2).csv, `accountId=${b.account.id}`)).body.jobId;
  await runJob(t, jobB);
  const keyB = (await t.api("GET", `/api/v1/users/${b.admin.id}/api-keys`)).body.items[0].id;
  await t.api("POST", "/api/v1/outbox/test", { body: { to: "noc@operator.example" } });
  const mailId = (await t.api("GET", "/api/v1/outbox")).body.items[0].id;
  const networkClient = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-sweep", address: "10.1.0.0/16", secret: "sweep-secret" },
    })
  ).body.id;
  const hssEndpoint = (
    await t.api("POST", "/api/v1/network/hss-endpoints", {
      body: { name: "hss-sweep", url: "http://127.0.0.1:9/", secret: "0123456789abcdef" },
    })
  ).body.id;
  const smsCentre = (
    await t.api("POST", "/api/v1/network/sms-centres", {
      body: {
        name: "smsc-sweep",
        host: "127.0.0.1",
        port: 9,
        systemId: "sweep",
        password: "sweep123",
        sourceAddress: "4400",
      },
    })
  ).body.id;
  const actionB = (
    await t.api("POST", `/api/v1/sims/${simB.iccid}/actions`, {
      body: { type: "override-limit", reason: "sweep setup", override: "DEFAULT" },
    })
  ).body.id;
  await t.otter.services.webhooks.dispatch();
  const deliveryB = (await t.api("GET", `/api/v1/webhooks/${webhookB}/deliveries`)).body.items[0]
    .id;
  const ruleB = (
    await t.api("POST", "/api/v1/automation-rules", {
      key: b.adminKey,
      body: {
        name: "b rule",
        trigger: { type: "sim_state_changed" },
        actions: [{ type: "webhook" }],
      },
    })
  ).body.id;
  const caseB = (
    await t.api("POST", "/api/v1/cases", {
      key: b.adminKey,
      body: { subject: "B's collar is offline", description: "since 06:00" },
    })
  ).body.id;
  const consultationB = (
    await t.api("POST", `/api/v1/cases/${caseB}/consultations`, {
      body: { team: "network", subject: "B check", body: "look" },
    })
  ).body.id;
  const mailbox = (
    await t.api("POST", "/api/v1/desk/mailboxes", { body: { address: "support@operator.example" } })
  ).body.id;
  await giveUserPassword(t, a.admin.id, PASSWORD);
  await giveUserPassword(t, b.admin.id, PASSWORD);
  cookieA = await signIn(t, a.admin.email, PASSWORD);
  await signIn(t, b.admin.email, PASSWORD);
  const sessionB = (await t.api("GET", "/api/v1/auth/sessions", { key: b.adminKey })).body.items[0]
    .id;
  await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
    body: { cycle: "calendar", country: "IT" },
  });
  await t.api("PUT", `/api/v1/accounts/${b.account.id}/billing-profile`, {
    body: { cycle: "calendar", country: "IT", contactEmail: "ap@b.example" },
  });
  const billingRun = await t.api("POST", "/api/v1/billing-runs", {
    body: { period: "2026-03", accountId: b.account.id },
  });
  await runJob(t, billingRun.body.jobId);
  const invoiceB = (await t.api("GET", `/api/v1/invoices?accountId=${b.account.id}`)).body.items[0]
    .id;
  await t.api("POST", `/api/v1/invoices/${invoiceB}/issue`);
  w = {
    invoiceB,
    sessionB,
    a,
    b,
    cat,
    simB,
    jobB,
    keyB,
    contactB,
    changeB,
    mailId,
    networkClient,
    hssEndpoint,
    smsCentre,
    actionB,
    webhookB,
    deliveryB,
    ruleB,
    caseB,
    consultationB,
    mailbox,
  };
  const doc = (await t.api("GET", "/api/v1/openapi.json")).body as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  ops = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
      })),
    )
    .filter((o) => o.path.startsWith("/api/v1/"));
});
afterAll(async () => {
  await t?.close();
});

/** Saved replies and articles are operator-level: any id will do, the customer's role is refused first. */
const OPERATOR_THING = "01900000-0000-7000-8000-000000000000";

function fill(path: string): string {
  const id = path.startsWith("/api/v1/accounts")
    ? w.b.account.id
    : path.startsWith("/api/v1/users")
      ? w.b.admin.id
      : path.startsWith("/api/v1/jobs")
        ? w.jobB
        : path.startsWith("/api/v1/outbox")
          ? w.mailId
          : path.startsWith("/api/v1/network/clients")
            ? w.networkClient
            : path.startsWith("/api/v1/network/hss-endpoints")
              ? w.hssEndpoint
              : path.startsWith("/api/v1/network/sms-centres")
                ? w.smsCentre
                : path.startsWith("/api/v1/actions")
                  ? w.actionB
                  : path.startsWith("/api/v1/webhooks")
                    ? w.webhookB
                    : path.startsWith("/api/v1/automation-rules")
                      ? w.ruleB
                      : path.startsWith("/api/v1/cases")
                        ? w.caseB
                        : path.startsWith("/api/v1/desk/mailboxes")
                          ? w.mailbox
                          : path.startsWith("/api/v1/desk/")
                            ? OPERATOR_THING
                            : path.startsWith("/api/v1/invoices")
                              ? w.invoiceB
                              : "";
  const ref = path.startsWith("/api/v1/zones")
    ? w.cat.home.id
    : path.startsWith("/api/v1/rate-plans")
      ? w.cat.rate.id
      : w.cat.comm.id;
  return path
    .replace(/^\/api\/v1\/auth\/sessions\/\{id\}$/, `/api/v1/auth/sessions/${w.sessionB}`)
    .replace("{id}", id)
    .replace("{ref}", ref)
    .replace("{iccid}", w.simB.iccid)
    .replace("{keyId}", w.keyB)
    .replace("{contactId}", w.contactB)
    .replace("{changeId}", w.changeB)
    .replace("{accountId}", w.b.account.id)
    .replace("{deliveryId}", w.deliveryB)
    .replace("{subId}", w.consultationB)
    .replace("{entryId}", OPERATOR_THING)
    .replace("{language}", "en")
    .replace("{term}", "APN")
    .replace("{n}", "1")

    .replace("{macroId}", OPERATOR_THING);
}

describe("tenant isolation across every route", () => {
  it("finds, lists and counts SIMs by identifier only within the caller's tenant", async () => {
    const key = w.a.adminKey;
    for (const id of [w.simB.imsi, w.simB.msisdn, `+${w.simB.msisdn}`]) {
      const one = await t.api("GET", `/api/v1/sims/${encodeURIComponent(id)}`, { key });
      expect(one.status, id).toBe(404);
      const q = `identifier=${encodeURIComponent(id)}`;
      expect((await t.api("GET", `/api/v1/sims?${q}`, { key })).body.items).toEqual([]);
      const count = await t.api("GET", `/api/v1/sims/count?${q}&by=state`, { key });
      expect(count.body).toMatchObject({ total: 0, groups: [] });
    }
    const all = await t.api("GET", "/api/v1/sims/count?by=ratePlan", { key });
    expect(all.body.total).toBe(0);
    const found = await t.api("GET", `/api/v1/search?q=${w.simB.iccid.slice(0, 15)}`, { key });
    expect(found.body.sims).toEqual([]);
    const named = await t.api("GET", `/api/v1/search?q=${encodeURIComponent(w.b.account.name)}`, {
      key,
    });
    expect(named.body.accounts).toEqual([]);
  });

  it("has a decision for every operation in the OpenAPI document", () => {
    const missing = ops.map((o) => o.operationId).filter((id) => !(id in TABLE));
    expect(missing).toEqual([]);
  });

  /** Calls every operation as A's administrator, with A's API key or with A's session cookie. */
  async function sweep(how: "key" | "cookie") {
    const secrets = [
      w.b.account.id,
      w.b.admin.id,
      w.b.user.id,
      w.simB.iccid,
      w.simB.imsi,
      w.jobB,
      w.keyB,
      w.contactB,
      w.changeB,
      w.actionB,
      w.webhookB,
      w.deliveryB,
      w.ruleB,
      w.caseB,
      w.consultationB,
      w.sessionB,
    ];
    const auth = how === "key" ? { key: w.a.adminKey, headers: {} } : asBrowser(cookieA);
    for (const op of ops) {
      // Signing out with the cookie would end the sweep's own session.
      if (how === "cookie" && op.operationId === "signOut") continue;
      const entry = TABLE[op.operationId]!;
      const path = fill(op.path) + (entry.query ? `?${entry.query(w)}` : "");
      const body = entry.body?.(w);
      const res = entry.raw
        ? await t.api(op.method, path, {
            key: auth.key,
            raw: entry.raw(w),
            headers: { ...auth.headers, "content-type": entry.contentType ?? "text/csv" },
          })
        : await t.api(op.method, path, { ...auth, body });
      // An error may echo an identifier the caller gave; anything else of B's is a leak.
      const asked = path + JSON.stringify(body ?? "");
      const label = `${how}: ${op.method} ${path} (${op.operationId})`;
      const text = typeof res.body === "string" ? res.body : JSON.stringify(res.body);
      for (const s of secrets)
        if (!asked.includes(s)) expect(text.includes(s), `${label} leaks ${s}`).toBe(false);
      if (entry.kind === "tenant") expect([403, 404], label).toContain(res.status);
      if (entry.kind === "operator_only") expect(res.status, label).toBe(403);
      if (entry.kind === "scoped_list" || entry.kind === "shared_catalog")
        expect(res.status, label).toBe(200);
      if (entry.kind === "before_sign_in") expect([202, 400, 401], label).toContain(res.status);
      if (entry.kind === "own_session") expect([204, 400], label).toContain(res.status);
    }
  }

  it("never lets customer A succeed on, see or change customer B's data", async () => {
    await sweep("key");
  });

  it("answers A's session cookie exactly as A's key: B's data stays out of reach", async () => {
    await sweep("cookie");
    // The session survived the sweep, and B's is still open.
    expect((await t.api("GET", "/api/v1/users/me", asBrowser(cookieA))).status).toBe(200);
    const bSessions = await t.api("GET", "/api/v1/auth/sessions", { key: w.b.adminKey });
    expect(bSessions.body.items.map((x: { id: string }) => x.id)).toEqual([w.sessionB]);
  });

  it("left all of B's data as it was", async () => {
    expect((await t.api("GET", `/api/v1/accounts/${w.b.account.id}`)).body).toMatchObject({
      name: w.b.account.name,
      contacts: [{ id: w.contactB }],
    });
    expect((await t.api("GET", `/api/v1/sims/${w.simB.iccid}`)).body).toMatchObject({
      state: "ACTIVATED",
      pendingChanges: [{ id: w.changeB, status: "pending" }],
    });
    expect((await t.api("GET", "/api/v1/users/me", { key: w.b.adminKey })).status).toBe(200);
    expect((await t.api("GET", `/api/v1/jobs/${w.jobB}`)).body.status).toBe("succeeded");
    expect(
      (await t.api("GET", `/api/v1/users?accountId=${w.b.account.id}`)).body.items,
    ).toHaveLength(2);
    expect(
      (await t.api("GET", `/api/v1/communication-plans/${w.cat.comm.id}/offers`)).body.accounts.map(
        (x: { id: string }) => x.id,
      ),
    ).toEqual([w.b.account.id]);
    expect(
      (await t.api("GET", "/api/v1/network/clients")).body.items.map(
        (c: { name: string }) => c.name,
      ),
    ).toEqual(["pgw-sweep"]);
    expect((await t.api("GET", `/api/v1/sims/${w.simB.iccid}/timeline`)).body.items).toEqual([]);
    expect((await t.api("GET", `/api/v1/webhooks/${w.webhookB}`)).body).toMatchObject({
      url: "http://127.0.0.1:9/b-hook",
      status: "active",
    });
    expect((await t.api("GET", `/api/v1/automation-rules/${w.ruleB}`)).body).toMatchObject({
      name: "b rule",
      enabled: true,
    });
    expect(
      (await t.api("GET", `/api/v1/webhooks/${w.webhookB}/deliveries`)).body.items.find(
        (d: { id: string }) => d.id === w.deliveryB,
      ),
    ).toMatchObject({ status: "queued", attemptCount: 0 });
    const caseB = (await t.api("GET", `/api/v1/cases/${w.caseB}`)).body;
    expect(caseB).toMatchObject({
      state: "waiting_on_consultation",
      accountId: w.b.account.id,
      links: [],
      consultations: [{ id: w.consultationB, state: "open" }],
    });
    expect(caseB.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "event",
      "consultation",
      "event",
    ]);
    expect(
      (await t.api("GET", "/api/v1/desk/mailboxes")).body.items.map(
        (m: { address: string }) => m.address,
      ),
    ).toEqual(["support@operator.example"]);
  });

  it("answers 401 on every API route without a key or a session", async () => {
    for (const op of ops) {
      if (op.path === "/api/v1/openapi.json") continue;
      // Signing in and resetting a password is what one does before having either.
      if (TABLE[op.operationId]!.kind === "before_sign_in") continue;
      const res = await t.api(op.method, fill(op.path), { key: null });
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
    }
  });
});
