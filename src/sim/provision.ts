import { ApiError, seg } from "../cli/client.js";
import type { SimApi } from "./otter-api.js";
import type { NetworkSpec, Scenario } from "./scenario.js";

/**
 * Makes Otter ready for a scenario, through its API and only adding what is missing: the gateway
 * as a network client, the scenario's zones and plans, the customer accounts it names (with the
 * plans offered to them) and the SIMs of devices marked `provision`. Nothing that exists is
 * changed — except the simulator's own network client, whose address, secret and Disconnect port
 * are the simulator's to declare (the port is new on every run unless fixed).
 */

/** Above this many SIMs to create, one CSV import job instead of one request per SIM. */
const IMPORT_THRESHOLD = 20;

export interface ProvisionReport {
  networkClient: "created" | "updated";
  zones: number;
  communicationPlans: number;
  ratePlans: number;
  accounts: number;
  sims: number;
}

export class ProvisionError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "ProvisionError";
  }
}

export async function ensureNetworkClient(
  api: SimApi,
  network: NetworkSpec,
  coaPort: number,
): Promise<"created" | "updated"> {
  const { items } = await api.get<{ items: { id: string; name: string }[] }>(
    "/api/v1/network/clients",
  );
  const body = { address: network.nasIp, secret: network.secret, coaPort };
  const existing = items.find((c) => c.name === network.name);
  if (existing) {
    await api.patch(`/api/v1/network/clients/${seg(existing.id)}`, body);
    return "updated";
  }
  await api.post("/api/v1/network/clients", { name: network.name, ...body });
  return "created";
}

/**
 * Registers the simulator's HSS with Otter for the IMSIs of its devices (their 5-digit prefixes), so
 * that Otter's cancel-location requests for them come here. An earlier registration under the same
 * name is replaced: the URL changes from run to run. Null when this Otter takes no HSS endpoints.
 */
export async function ensureHssEndpoint(
  api: SimApi,
  p: { name: string; url: string; secret: string; imsis: string[] },
): Promise<"created" | "replaced" | null> {
  let items: { id: string; name: string }[];
  try {
    ({ items } = await api.get<{ items: { id: string; name: string }[] }>(
      "/api/v1/network/hss-endpoints",
    ));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
  const existing = items.find((e) => e.name === p.name);
  if (existing) await api.delete(`/api/v1/network/hss-endpoints/${seg(existing.id)}`);
  const imsiPrefixes = [...new Set(p.imsis.map((i) => i.slice(0, 5)))].slice(0, 1000);
  await api.post("/api/v1/network/hss-endpoints", {
    name: p.name,
    url: p.url,
    secret: p.secret,
    imsiPrefixes,
  });
  return existing ? "replaced" : "created";
}

/** Registers the simulated SMS centre in Otter (replacing one of the same name); null when this Otter takes none. */
export async function ensureSmsCentre(
  api: SimApi,
  p: {
    name: string;
    host: string;
    port: number;
    systemId: string;
    password: string;
    sourceAddress: string;
    imsis: string[];
  },
): Promise<"created" | "replaced" | null> {
  let items: { id: string; name: string }[];
  try {
    ({ items } = await api.get<{ items: { id: string; name: string }[] }>(
      "/api/v1/network/sms-centres",
    ));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
  const existing = items.find((e) => e.name === p.name);
  if (existing) await api.delete(`/api/v1/network/sms-centres/${seg(existing.id)}`);
  const imsiPrefixes = [...new Set(p.imsis.map((i) => i.slice(0, 5)))].slice(0, 1000);
  await api.post("/api/v1/network/sms-centres", {
    name: p.name,
    host: p.host,
    port: p.port,
    systemId: p.systemId,
    password: p.password,
    sourceAddress: p.sourceAddress,
    imsiPrefixes,
  });
  return existing ? "replaced" : "created";
}

async function exists(api: SimApi, path: string): Promise<boolean> {
  try {
    await api.get(path);
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return false;
    throw err;
  }
}

export async function provision(
  api: SimApi,
  scenario: Scenario,
  network: { coaPort: number },
  log: (line: string) => void = () => {},
): Promise<ProvisionReport> {
  const report: ProvisionReport = {
    networkClient: await ensureNetworkClient(api, scenario.network, network.coaPort),
    zones: 0,
    communicationPlans: 0,
    ratePlans: 0,
    accounts: 0,
    sims: 0,
  };
  const { catalog } = scenario;

  for (const zone of catalog.zones) {
    if (await exists(api, `/api/v1/zones/${seg(zone.name)}`)) continue;
    await api.post("/api/v1/zones", zone);
    report.zones++;
  }
  for (const plan of catalog.communicationPlans) {
    if (await exists(api, `/api/v1/communication-plans/${seg(plan.name)}`)) continue;
    await api.post("/api/v1/communication-plans", plan);
    report.communicationPlans++;
  }
  for (const plan of catalog.ratePlans) {
    if (await exists(api, `/api/v1/rate-plans/${seg(plan.name)}`)) continue;
    await api.post("/api/v1/rate-plans", plan);
    report.ratePlans++;
  }

  const toProvision = scenario.devices.filter((d) => d.provision);
  if (toProvision.length === 0) return report;

  // Customer accounts by name, created under the operator when missing; plans offered to them.
  const accountIds = new Map<string, string>();
  const names = new Set(
    toProvision.map((d) => d.provision!.account).filter((a): a is string => !!a),
  );
  if (names.size > 0) {
    for await (const page of api.pages<{ id: string; name: string }>("/api/v1/accounts", {
      limit: 1000,
    })) {
      for (const a of page.items)
        if (names.has(a.name) && !accountIds.has(a.name)) accountIds.set(a.name, a.id);
    }
    for (const name of names) {
      if (accountIds.has(name)) continue;
      const created = await api.post<{ id: string }>("/api/v1/accounts", { name });
      accountIds.set(name, created.id);
      report.accounts++;
    }
    const offers = new Set<string>();
    for (const d of toProvision) {
      const p = d.provision!;
      if (!p.account) continue;
      const accountId = accountIds.get(p.account)!;
      for (const [segment, plan] of [
        ["communication-plans", p.communicationPlan],
        ["rate-plans", p.ratePlan],
      ] as const) {
        const key = `${segment}|${plan}|${accountId}`;
        if (!plan || offers.has(key)) continue;
        offers.add(key);
        await api.post(`/api/v1/${segment}/${seg(plan)}/offers`, { accountId });
      }
    }
  }

  // Which SIMs are missing: asked one by one for a few devices, listed once for a fleet.
  const present = new Set<string>();
  if (toProvision.length <= IMPORT_THRESHOLD) {
    for (const d of toProvision) {
      const page = await api.get<{ items: unknown[] }>("/api/v1/sims", {
        iccid: d.iccid,
        limit: 1,
      });
      if (page.items.length > 0) present.add(d.iccid);
    }
  } else {
    const scopes = new Set(
      toProvision.map((d) => (d.provision!.account ? accountIds.get(d.provision!.account)! : "")),
    );
    for (const accountId of scopes.has("") ? [""] : [...scopes]) {
      for await (const page of api.pages<{ iccid: string }>("/api/v1/sims", {
        limit: 1000,
        accountId: accountId || undefined,
      })) {
        for (const s of page.items) present.add(s.iccid);
      }
    }
  }
  const missing = toProvision.filter((d) => !present.has(d.iccid));
  if (missing.length === 0) return report;

  const row = (d: (typeof missing)[number]) => ({
    iccid: d.iccid,
    imsi: d.imsi,
    msisdn: d.msisdn,
    imei: d.imei,
    state: d.provision!.state,
    ...(d.provision!.account && { accountId: accountIds.get(d.provision!.account)! }),
    ...(d.provision!.communicationPlan && { communicationPlan: d.provision!.communicationPlan }),
    ...(d.provision!.ratePlan && { ratePlan: d.provision!.ratePlan }),
  });

  if (missing.length <= IMPORT_THRESHOLD) {
    for (const d of missing) {
      try {
        await api.post("/api/v1/sims", row(d));
      } catch (err) {
        throw new ProvisionError(
          `${d.origin} (${d.name}): Otter refused the SIM ${d.iccid}: ${(err as Error).message}`,
          err,
        );
      }
      report.sims++;
    }
    return report;
  }

  log(`importing ${missing.length} SIMs into Otter…`);
  const header = "iccid,imsi,msisdn,imei,state,account,communicationPlan,ratePlan";
  const csvCell = (v: string | undefined) =>
    v === undefined ? "" : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const lines = missing.map((d) => {
    const r = row(d);
    return [
      r.iccid,
      r.imsi,
      r.msisdn,
      r.imei,
      r.state,
      r.accountId,
      r.communicationPlan,
      r.ratePlan,
    ]
      .map(csvCell)
      .join(",");
  });
  // Rows without an account go to the caller's own account (the operator's stock for an operator key).
  const me = await api.get<{ accountId: string }>("/api/v1/users/me");
  const { jobId } = await api.upload<{ jobId: string }>(
    "/api/v1/sims/imports",
    `${header}\n${lines.join("\n")}\n`,
    "text/csv",
    { accountId: me.accountId },
  );
  const job = await waitForJob(api, jobId, log);
  if (job.status !== "succeeded") {
    const first = job.errors[0];
    throw new ProvisionError(
      `the import of the scenario's SIMs (job ${jobId}) ${job.status}: ${job.failure?.message ?? ""}${first ? ` First problem: line ${first.line}: ${first.message}` : ""}`,
    );
  }
  report.sims += job.counts.created;
  return report;
}

interface JobOut {
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: { phase: string; done: number; total: number };
  counts: { created: number };
  errors: { line: number; message: string }[];
  failure: { code: string; message: string } | null;
}

async function waitForJob(
  api: SimApi,
  jobId: string,
  log: (line: string) => void,
): Promise<JobOut> {
  const deadline = Date.now() + 30 * 60_000;
  let lastLog = 0;
  for (;;) {
    const job = await api.get<JobOut>(`/api/v1/jobs/${seg(jobId)}`);
    if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled")
      return job;
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      if (job.progress.total > 0)
        log(`import ${jobId}: ${job.progress.phase} ${job.progress.done}/${job.progress.total}`);
    }
    if (Date.now() > deadline)
      throw new ProvisionError(
        `the import job ${jobId} did not finish within 30 minutes; is Otter running its background workers?`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}
