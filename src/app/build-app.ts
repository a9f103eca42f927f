import type { Logger } from "pino";
import { type Database, type Executor, migrate, openDatabase } from "../db/database.js";
import { type Clock, systemClock } from "../lib/clock.js";
import { createSecretBox, loadOrCreateKeyFile } from "../lib/secret-box.js";
import { createMetrics } from "../http/metrics.js";
import { createHttpServer } from "../http/server.js";
import { consoleRoutes } from "../http/console.routes.js";
import { createAuditService } from "../modules/audit/audit.service.js";
import { createEventsService, type EventConsumers } from "../modules/events/events.service.js";
import { createAccountsService } from "../modules/accounts/accounts.service.js";
import { accountsRoutes } from "../modules/accounts/accounts.routes.js";
import { systemRoutes } from "../http/system.routes.js";
import { createCatalogService } from "../modules/catalog/catalog.service.js";
import { catalogRoutes } from "../modules/catalog/catalog.routes.js";
import { createSimsService } from "../modules/sims/sims.service.js";
import { simsRoutes } from "../modules/sims/sims.routes.js";
import { simLookupRepo } from "../modules/sims/sim-lookup.shared.repo.js";
import { startLoop } from "./worker-loop.js";
import { auditRoutes } from "../modules/audit/audit.routes.js";
import { createNetworkClientsService } from "../modules/network/network-clients.service.js";
import {
  calendarMonthUtc,
  createSignalsService,
  type UsageCycleOf,
} from "../modules/network/signals.service.js";
import { createNetworkViewService } from "../modules/network/network-view.service.js";
import { networkRoutes } from "../modules/network/network.routes.js";
import { createSmsUsageService } from "../modules/network/sms-usage.service.js";
import { smsRecordsRoutes } from "../modules/network/sms-records.routes.js";
import { createFleetService } from "../modules/network/fleet.service.js";
import { fleetRoutes } from "../modules/network/fleet.routes.js";
import { createSearchService } from "../modules/search/search.service.js";
import { searchRoutes } from "../modules/search/search.routes.js";
import { loadCellLocations, noCellLocations } from "../modules/network/cell-locations.js";
import { type RadiusServer, startRadiusServer } from "../network/radius-server.js";
import { sendDisconnect } from "../network/disconnect-client.js";
import { cancelLocationClient } from "../network/hss-client.js";
import { createOutboundGuard, type Resolver } from "../network/outbound-guard.js";
import { createGuardedPost } from "../network/outbound-http.js";
import { createNetworkActionsService } from "../modules/network/network-actions.service.js";
import { createDiagnosticsService } from "../modules/diagnostics/diagnostics.service.js";
import { diagnosticsRoutes } from "../modules/diagnostics/diagnostics.routes.js";
import { createHssEndpointsService } from "../modules/network/hss-endpoints.service.js";
import {
  createSimActionsService,
  type SimActionsService,
} from "../modules/actions/sim-actions.service.js";
import { simActionsRoutes } from "../modules/actions/sim-actions.routes.js";
import { createJobsService } from "../modules/jobs/jobs.service.js";
import { jobsRoutes } from "../modules/jobs/jobs.routes.js";
import { jobFinishedNotice } from "../modules/jobs/job-notice.js";
import { createSimImport } from "../modules/sims/import/sim-import.js";
import { createHeapGrowth } from "../lib/heap-growth.js";
import { simImportRoutes } from "../modules/sims/import/sim-import.routes.js";
import { createSimBulk } from "../modules/sims/bulk/sim-bulk.js";
import { simBulkRoutes } from "../modules/sims/bulk/sim-bulk.routes.js";
import { createMailService } from "../modules/mail/mail.service.js";
import { mailRoutes } from "../modules/mail/mail.routes.js";
import { createWebhooksService, WEBHOOKS_CONSUMER } from "../modules/webhooks/webhooks.service.js";
import { WEBHOOK_SOURCE_TYPES } from "../modules/webhooks/webhook-events.js";
import { webhooksRoutes } from "../modules/webhooks/webhooks.routes.js";
import {
  AUTOMATION_CONSUMER,
  AUTOMATION_EVENT_TYPES,
  type CaseOpener,
  createAutomationService,
} from "../modules/automation/automation.service.js";
import { automationRoutes } from "../modules/automation/automation.routes.js";
import { createSilenceDetector } from "../modules/network/silence-detector.js";
import {
  createPartitionMaintenance,
  MAINTENANCE_INTERVAL_MS,
} from "../modules/network/partitions.js";
import { createSmsCentresService } from "../modules/sms/sms-centres.service.js";
import { createSmsService } from "../modules/sms/sms.service.js";
import { smsRoutes } from "../modules/sms/sms.routes.js";
import { SmppLink } from "../network/smpp-client.js";
import { createCasesService } from "../modules/desk/cases.service.js";
import { CHUNK_BYTES } from "../modules/desk/desk-blobs.js";
import { createDeskMailService } from "../modules/desk/desk-mail.service.js";
import { createMailParser } from "../modules/desk/mail-parse-thread.js";
import { createCaseView } from "../modules/desk/case-view.js";
import { createDeskService } from "../modules/desk/desk.service.js";
import { createClarityService } from "../modules/clarity/clarity.service.js";
import { clarityRoutes } from "../modules/clarity/clarity.routes.js";
import { deskRoutes } from "../modules/desk/desk.routes.js";
import { deriveThreadKey } from "../modules/desk/mail-threading.js";
import { type SmtpListener, startSmtpListener } from "../modules/desk/smtp-listener.js";
import { createSlaService } from "../modules/desk/sla/sla.service.js";
import { slaRoutes } from "../modules/desk/sla/sla.routes.js";
import { createOnboardingService } from "../modules/onboarding/onboarding.service.js";
import { createOnboardingProvisioner } from "../modules/onboarding/onboarding-provision.js";
import { onboardingRoutes } from "../modules/onboarding/onboarding.routes.js";
import { createBillingService } from "../modules/billing/billing.service.js";
import { createBillingAlerts } from "../modules/billing/billing-alerts.service.js";
import { billingRoutes } from "../modules/billing/billing.routes.js";
import { createBillingExportsService } from "../modules/billing/billing-exports.service.js";
import { billingExportsRoutes } from "../modules/billing/billing-exports.routes.js";
import { createKnowledgeService } from "../modules/desk/knowledge/knowledge.service.js";
import { knowledgeRoutes } from "../modules/desk/knowledge/knowledge.routes.js";
import { createSigninService } from "../modules/signin/signin.service.js";
import { SIGNIN_PUBLIC_PATHS, signinRoutes } from "../modules/signin/signin.routes.js";
import { createControlCenterService } from "../modules/controlcenter/controlcenter.service.js";
import { controlcenterRoutes } from "../modules/controlcenter/controlcenter.routes.js";
import { type Config, ConfigError } from "./config.js";
import { OTTER_VERSION } from "./version.js";
import type { IdGenerator } from "../lib/ids.js";

/**
 * The composition root: the one place that builds Otter's services from its infrastructure and
 * wires them to the listeners. Tests call it with the real database and chosen fakes (clock, mail).
 */
export interface Infrastructure {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An already opened database (tests); otherwise opened from config. */
  database?: Database;
  /** Start background workers (jobs, scheduler, mail). Tests may drive them by hand instead. */
  startWorkers?: boolean;
  /** The case desk's port for automation rules (`open_case`); without it such rules are refused. */
  cases?: CaseOpener;
  /** Ids of the domain events this node writes (tests play a node whose clock is off). */
  eventIds?: IdGenerator;
  /** Resolves host names for outbound connections (webhooks, HSS, SMPP); the system resolver by default. */
  resolve?: Resolver;
}

/** Who consumes which domain events, declared once: each consumer gets its own queue (src/modules/events). */
export const EVENT_CONSUMERS = {
  [AUTOMATION_CONSUMER]: AUTOMATION_EVENT_TYPES,
  [WEBHOOKS_CONSUMER]: WEBHOOK_SOURCE_TYPES,
} satisfies EventConsumers;

export async function buildOtter(infra: Infrastructure) {
  const { config, logger } = infra;
  const clock = infra.clock ?? systemClock;
  const database =
    infra.database ??
    (await openDatabase({ url: config.DATABASE_URL, dataDir: config.OTTER_DATA_DIR }));
  await migrate(database.db);

  if (database.engine === "postgres" && !config.OTTER_SECRET_KEY) {
    await database.close();
    throw new ConfigError(
      "Invalid configuration:\n  OTTER_SECRET_KEY: must be set when Otter runs on PostgreSQL (DATABASE_URL).",
    );
  }
  const secretKey = config.OTTER_SECRET_KEY ?? loadOrCreateKeyFile(config.OTTER_DATA_DIR);
  const secrets = createSecretBox(secretKey);
  const metrics = createMetrics();
  const { db } = database;

  const audit = createAuditService({ db, clock });
  const events = createEventsService({
    db,
    clock,
    ids: infra.eventIds,
    consumers: EVENT_CONSUMERS,
  });
  const accounts = createAccountsService({
    db,
    clock,
    audit,
    events,
    simsWithin: simLookupRepo.countWithin,
    logger: logger.child({ module: "accounts" }),
  });

  const catalog = createCatalogService({ db, clock, audit, accounts });

  const mail = createMailService({
    db,
    clock,
    metrics,
    logger: logger.child({ module: "mail" }),
    config: { relayUrl: config.OTTER_SMTP_RELAY, from: config.OTTER_MAIL_FROM },
  });

  const sims = createSimsService({ db, clock, accounts, catalog, events });

  // Links in mails need a URL people can open; the bind address is a guess (docs/sign-in.md).
  let publicUrl =
    config.OTTER_PUBLIC_URL ?? guessPublicUrl(config.OTTER_HOST, config.OTTER_HTTP_PORT);
  if (!config.OTTER_PUBLIC_URL)
    logger.warn(
      { guessed: publicUrl },
      "OTTER_PUBLIC_URL is not set: links in invitation and password reset mails use a URL guessed from the bind address",
    );
  const signin = createSigninService({
    db,
    clock,
    accounts,
    mail,
    audit,
    publicUrl: () => publicUrl,
  });

  const jobs = createJobsService({
    db,
    clock,
    engine: database.engine,
    logger: logger.child({ module: "jobs" }),
    leaseMs: config.OTTER_JOB_LEASE_MS,
    accounts,
    onFinished: jobFinishedNotice({ mail, accounts }),
  });
  const simImport = createSimImport({
    db,
    clock,
    jobs,
    accounts,
    catalog,
    audit,
    events,
    maxUploadBytes: config.OTTER_MAX_UPLOAD_BYTES,
    batchSize: config.OTTER_IMPORT_BATCH_SIZE,
    applyLanes: config.OTTER_IMPORT_APPLY_LANES,
    crashPoint: (name) => {
      if (name === config.OTTER_CRASH_POINT) process.kill(process.pid, "SIGKILL");
    },
    heapGrowth: createHeapGrowth(config.OTTER_IMPORT_HEAP_GROWING_PERCENT),
    onRows: (outcome, n) => metrics.jobRows.inc({ kind: "sims.import", outcome }, n),
  });
  jobs.register(simImport.handler);
  const simBulk = createSimBulk({ db, clock, jobs, sims, accounts, catalog, audit });
  jobs.register(simBulk.handler);
  await jobs.recoverAfterRestart();

  // Every outbound HTTP and SMPP connection goes through one guard (docs/webhooks.md, "Destinations").
  const outbound = createOutboundGuard({
    allow: config.OTTER_OUTBOUND_ALLOW,
    resolve: infra.resolve,
  });
  const outboundPost = createGuardedPost(outbound);
  const operatorConnect = outbound.connectGuard("operator");

  const networkClients = createNetworkClientsService({ db, clock, secrets, audit, accounts });
  const networkActions = createNetworkActionsService({
    db,
    clock,
    logger: logger.child({ module: "network-actions" }),
    secrets,
    sims,
    send: (target) => sendDisconnect(target),
    cancelLocation: cancelLocationClient(outboundPost),
  });
  // Rules ask for usage thresholds of their own; the automation service is built further down.
  let usageThresholds: ((tx: Executor, accountPath: string) => Promise<number[]>) | null = null;
  // Usage thresholds count each customer's billing cycle; the billing service is built further down.
  let usageCycles: ((tx: Executor, ids: string[]) => Promise<UsageCycleOf>) | null = null;
  const signals = createSignalsService({
    db,
    clock,
    logger: logger.child({ module: "network" }),
    accounts,
    catalog,
    sims,
    events,
    actions: networkActions,
    usageThresholds: (tx, path) => usageThresholds?.(tx, path) ?? Promise.resolve([]),
    usageCycles: (tx, ids) =>
      usageCycles ? usageCycles(tx, ids) : Promise.resolve((_, at) => calendarMonthUtc(at)),
  });
  const cells = config.OTTER_CELL_LOCATIONS_CSV
    ? await loadCellLocations(config.OTTER_CELL_LOCATIONS_CSV)
    : noCellLocations;
  const networkView = createNetworkViewService({
    db,
    clock,
    sims,
    catalog,
    cells,
    registrationTimeoutMs: config.OTTER_REGISTRATION_TIMEOUT_MINUTES * 60_000,
  });
  const fleet = createFleetService({
    db,
    clock,
    sims,
    catalog,
    registrationTimeoutMs: config.OTTER_REGISTRATION_TIMEOUT_MINUTES * 60_000,
  });
  const search = createSearchService({ db, fleet, accounts });

  const services = {
    accounts,
    signin,
    audit,
    events,
    catalog,
    mail,
    sims,
    jobs,
    simImport,
    simBulk,
    networkClients,
    signals,
    networkView,
    networkActions,
    fleet,
    search,
  };
  // The diagnosis asks the actions module (built on top of it, below) which actions are being watched.
  let pendingActions: SimActionsService["pendingForSim"] | null = null;
  const diagnostics = createDiagnosticsService({
    db,
    clock,
    sims,
    catalog,
    network: networkView,
    pendingActions: (simId, now) => pendingActions?.(simId, now) ?? Promise.resolve([]),
  });
  const hssEndpoints = createHssEndpointsService({
    db,
    clock,
    secrets,
    audit,
    accounts,
    outbound: operatorConnect,
  });
  const smsCentres = createSmsCentresService({
    db,
    clock,
    secrets,
    audit,
    accounts,
    outbound: operatorConnect,
  });
  const smsLog = logger.child({ module: "sms" });
  const smsUsage = createSmsUsageService({ db, clock, catalog });
  const sms = createSmsService({
    db,
    clock,
    logger: smsLog,
    centres: smsCentres,
    sims,
    usage: smsUsage,
    link: (centre, onReceipt) =>
      new SmppLink(centre, {
        onReceipt,
        log: (msg, err) => smsLog.warn({ err }, msg),
        guard: operatorConnect,
      }),
  });
  const simActions = createSimActionsService({
    db,
    clock,
    audit,
    sims,
    networkActions,
    networkView,
    diagnostics,
    events,
    sms,
    catalog,
  });
  pendingActions = simActions.pendingForSim;
  const webhooks = createWebhooksService({
    db,
    clock,
    secrets,
    accounts,
    audit,
    mail,
    events,
    logger: logger.child({ module: "webhooks" }),
    guard: outbound,
    post: outboundPost,
  });
  // Every timeline entry recomputes the case's SLA projection (the queue's order) in the same transaction.
  const sla = createSlaService({ db, clock, accounts, audit, events });
  const cases = createCasesService({
    db,
    clock,
    accounts,
    sims,
    audit,
    events,
    onEntryAppended: (tx, caseId, kind) => sla.onEntryAppended(tx, caseId, kind),
  });
  const knowledge = createKnowledgeService({
    db,
    clock,
    accounts,
    audit,
    sims,
    requireVisibleCase: (p, id) => cases.requireVisibleCase(p, id),
  });
  // Billing rates through the sims, network and catalog shared repositories; its run is a job.
  const billing = createBillingService({
    db,
    clock,
    customersPerPass: config.OTTER_BILLING_CUSTOMERS_PER_PASS,
    audit,
    accounts,
    jobs,
    mail,
    sims,
    // The exports service reads invoices through billing, so the PDF is handed over as a closure.
    invoicePdf: async (principal, id) => (await billingExports.pdf(principal, id)).bytes,
  });
  const mailParser = createMailParser();
  // A customer's mail that names its invoice links the invoice to the case (billing says whose it is).
  const deskMail = createDeskMailService({
    db,
    clock,
    cases,
    accounts,
    mail,
    events,
    audit,
    sims,
    billing,
    threadKey: deriveThreadKey(secretKey),
    logger: logger.child({ module: "desk-mail" }),
    parser: mailParser,
    chunkBytes: CHUNK_BYTES[database.engine],
    config: {
      from: config.OTTER_MAIL_FROM,
      reopenDays: config.OTTER_DESK_REOPEN_DAYS,
      acknowledge: config.OTTER_DESK_ACKNOWLEDGE,
    },
  });
  const billingExports = createBillingExportsService({
    db,
    billing,
    accounts,
    publicUrl: () => publicUrl,
  });
  usageCycles = (tx, ids) => billing.usageCycles(tx, ids);
  // The clarity check reads the case's words through the desk, and the desk runs it on each reply sent;
  // billing says whose an invoice number in a reply is.
  const clarity = createClarityService({
    db,
    clock,
    accounts,
    sims,
    cases,
    billing,
    logger: logger.child({ module: "clarity" }),
  });
  const desk = createDeskService({
    db,
    clock,
    cases,
    deskMail,
    accounts,
    audit,
    events,
    mail,
    sims,
    billing,
    caseView: createCaseView({ db, accounts, sims, networkView, diagnostics, billing }),
    clarity,
  });
  // Automation rules open cases on the desk (the CaseOpener port); tests may put a recorder in its place.
  const automation = createAutomationService({
    db,
    clock,
    logger: logger.child({ module: "automation" }),
    accounts,
    audit,
    events,
    mail,
    sims,
    catalog,
    network: networkView,
    cases: infra.cases ?? cases,
  });
  usageThresholds = (tx, path) => automation.usagePercentsFor(tx, path);
  const billingAlerts = createBillingAlerts({
    db,
    clock,
    logger: logger.child({ module: "billing-alerts" }),
    billing,
    events,
    poolThresholds: () => automation.poolThresholds(),
  });
  const silence = createSilenceDetector({ db, clock, events });
  const partitions = createPartitionMaintenance({
    db,
    clock,
    logger: logger.child({ module: "partitions" }),
    retention: {
      accountingRecordsDays: config.OTTER_RETENTION_ACCOUNTING_DAYS,
      registrationEventsDays: config.OTTER_RETENTION_REGISTRATION_DAYS,
      usageMonths: config.OTTER_RETENTION_USAGE_MONTHS,
    },
  });
  // Onboarding provisions through the accounts, catalog and desk services; its job joins the others.
  const onboarding = createOnboardingService({
    db,
    clock,
    jobs,
    accounts,
    catalog,
    events,
    cases,
    secrets,
  });
  // Specs stored before PSKs were sealed: sealed now, with the key migrations do not have.
  const resealed = await onboarding.sealStoredPsks();
  if (resealed > 0) logger.info({ onboardings: resealed }, "sealed the PSKs stored in clear");
  const onboardingProvisioner = createOnboardingProvisioner({
    db,
    clock,
    accounts,
    catalog,
    sla,
    events,
    audit,
    cases,
    crashPoint: (name) => {
      if (name === config.OTTER_CRASH_POINT) process.kill(process.pid, "SIGKILL");
    },
  });
  jobs.register(onboardingProvisioner.handler);
  // Control Center's API over the same services (docs/control-center.md).
  const controlcenter = createControlCenterService({
    db,
    clock,
    accounts,
    sims,
    catalog,
    network: networkView,
    simBulk,
    simActions,
    sms,
  });
  const allServices = {
    ...services,
    onboarding,
    diagnostics,
    hssEndpoints,
    simActions,
    webhooks,
    automation,
    silence,
    partitions,
    smsCentres,
    sms,
    smsUsage,
    cases,
    deskMail,
    desk,
    sla,
    knowledge,
    controlcenter,
    clarity,
    billing,
    billingExports,
    billingAlerts,
  };

  const created = await accounts.bootstrap({
    apiKey: config.OTTER_BOOTSTRAP_API_KEY,
    adminEmail: config.OTTER_ADMIN_EMAIL,
  });
  // The admin's way into the console on first start: a one-time link `otter serve` prints.
  const bootstrap = {
    ...created,
    signIn: created.adminUserId ? await signin.firstSignInLink(created.adminUserId) : undefined,
  };

  const app = await createHttpServer({
    logger,
    metrics,
    version: OTTER_VERSION,
    authenticate: (key, o) => accounts.authenticate(key, o),
    sessions: {
      authenticate: (secret) => signin.authenticate(secret),
      csrfTokenOf: (secret) => signin.csrfTokenOf(secret),
      publicPaths: SIGNIN_PUBLIC_PATHS,
    },
    trustProxy: config.OTTER_TRUST_PROXY,
    rateLimitPerMinute: config.OTTER_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(
    systemRoutes({ db, metrics, engine: database.engine, version: OTTER_VERSION }),
  );
  await app.register(accountsRoutes(services));
  await app.register(
    signinRoutes(services, { secureCookies: new URL(publicUrl).protocol === "https:" }),
  );
  await app.register(catalogRoutes(services));
  await app.register(simsRoutes(services));
  await app.register(fleetRoutes(services));
  await app.register(searchRoutes(services));
  await app.register(mailRoutes(services));
  await app.register(jobsRoutes(services));
  await app.register(auditRoutes(services));
  await app.register(networkRoutes(services));
  await app.register(diagnosticsRoutes(allServices));
  await app.register(simActionsRoutes(allServices));
  await app.register(simImportRoutes(services));
  await app.register(simBulkRoutes(services));
  await app.register(webhooksRoutes(allServices));
  await app.register(automationRoutes(allServices));
  await app.register(smsRoutes(allServices));
  await app.register(deskRoutes(allServices));
  await app.register(slaRoutes(allServices));
  await app.register(knowledgeRoutes(allServices));
  await app.register(onboardingRoutes(allServices));
  await app.register(
    controlcenterRoutes(allServices, { ratePerSecond: config.OTTER_CC_RATE_LIMIT_PER_SECOND }),
    { prefix: "/rws" },
  );
  await app.register(clarityRoutes(allServices));
  await app.register(billingRoutes(allServices));
  await app.register(billingExportsRoutes(allServices));
  await app.register(smsRecordsRoutes(allServices));
  await app.register(consoleRoutes());
  await app.ready();

  const stopMailWorker =
    infra.startWorkers === false ? null : mail.startWorker(config.OTTER_WORKER_POLL_MS);
  const workerLog = logger.child({ module: "workers" });
  const stopNetworkActions =
    infra.startWorkers === false
      ? null
      : startLoop(
          "network-actions",
          config.OTTER_WORKER_POLL_MS,
          async () => {
            await networkActions.deliverDue();
            await sms.deliverDue();
            await simActions.followUp();
          },
          workerLog,
        );
  const stopJobs =
    infra.startWorkers === false
      ? null
      : startLoop("jobs", config.OTTER_WORKER_POLL_MS, () => jobs.runPending(), workerLog);
  if (stopJobs) jobs.onJobReady(stopJobs.wake);
  const stopScheduler =
    infra.startWorkers === false
      ? null
      : startLoop(
          "sim-scheduler",
          config.OTTER_WORKER_POLL_MS,
          async () => {
            await sims.applyDueChanges();
            await sims.endTestPeriods();
          },
          workerLog,
        );

  const stopWebhooks =
    infra.startWorkers === false ? null : webhooks.startWorker(config.OTTER_WORKER_POLL_MS);
  const stopAutomation =
    infra.startWorkers === false
      ? null
      : startLoop(
          "automation",
          config.OTTER_WORKER_POLL_MS,
          async () => {
            await silence.runOnce();
            await automation.runOnce();
          },
          workerLog,
        );
  // Pool alerts: the loop only asks whether a round is due; one node runs it (billing_schedules).
  const stopBillingAlerts =
    infra.startWorkers === false
      ? null
      : startLoop("billing-alerts", 60_000, () => billingAlerts.runOnce(), workerLog);
  const stopSla =
    infra.startWorkers === false
      ? null
      : startLoop("desk-sla", config.OTTER_WORKER_POLL_MS, () => sla.runOnce(), workerLog);

  // Makes today's partitions at start, then keeps them ahead and within retention every hour.
  const stopPartitions =
    infra.startWorkers === false
      ? null
      : startLoop("partitions", MAINTENANCE_INTERVAL_MS, () => partitions.runOnce(), workerLog);

  let radius: RadiusServer | null = null;
  let smtp: SmtpListener | null = null;
  let closed = false;
  return {
    app,
    services: allServices,
    database,
    clock,
    secrets,
    metrics,
    /** Set on first start: the generated admin key and the admin's set-password link (printed once by `otter serve`). */
    bootstrap,
    /** Starts the HTTP and RADIUS listeners; returns the HTTP URL. */
    async listen(): Promise<string> {
      const url = await app.listen({ host: config.OTTER_HOST, port: config.OTTER_HTTP_PORT });
      // Port 0 picks a free port: the guess is only right once it is known.
      if (!config.OTTER_PUBLIC_URL && config.OTTER_HTTP_PORT === 0)
        publicUrl = guessPublicUrl(config.OTTER_HOST, new URL(url).port);
      radius = await startRadiusServer({
        host: config.OTTER_RADIUS_HOST,
        port: config.OTTER_RADIUS_PORT,
        logger: logger.child({ module: "radius" }),
        registry: metrics.registry,
        clock,
        signals,
        clients: networkClients,
        // Two lanes on PostgreSQL answer more per second where the machine has CPU to spare; one
        // lane's bigger batches cost less CPU per request (docs/decisions.md, OTTER_RADIUS_LANES).
        parallelCommits: database.engine === "pglite" ? 1 : (config.OTTER_RADIUS_LANES ?? 2),
        reusePort: config.OTTER_REUSE_PORT,
      });
      smtp = await startSmtpListener({
        host: config.OTTER_SMTP_HOST,
        port: config.OTTER_SMTP_PORT,
        deskMail,
        logger: logger.child({ module: "smtp" }),
        maxMessageBytes: config.OTTER_SMTP_MAX_MESSAGE_BYTES,
        maxConnections: config.OTTER_SMTP_MAX_CONNECTIONS,
        maxConnectionsPerAddress: config.OTTER_SMTP_MAX_CONNECTIONS_PER_ADDRESS,
        exemptAddresses: config.OTTER_SMTP_EXEMPT_ADDRESSES,
        reusePort: config.OTTER_REUSE_PORT,
      });
      return url;
    },
    /** The UDP port RADIUS accounting listens on (after listen()). */
    get radiusPort(): number | null {
      return radius?.port ?? null;
    },
    /** The TCP port the inbound SMTP listener (case desk) listens on (after listen()). */
    get smtpPort(): number | null {
      return smtp?.port ?? null;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await radius?.close();
      await smtp?.close();
      await mailParser.close();
      await stopMailWorker?.();
      await stopScheduler?.();
      await stopWebhooks?.();
      await stopAutomation?.();
      await stopSla?.();
      await stopBillingAlerts?.();
      await stopNetworkActions?.();
      await stopPartitions?.();
      await sms.close();
      jobs.stop();
      await stopJobs?.();
      await app.close();
      await accounts.settleKeyUse();
      if (!infra.database) await database.close();
    },
  };
}

export type Otter = Awaited<ReturnType<typeof buildOtter>>;

/** http://<host>:<port>, with a wildcard bind address replaced by localhost (no one opens 0.0.0.0). */
function guessPublicUrl(host: string, port: number | string): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${name.includes(":") ? `[${name}]` : name}:${port}`;
}
