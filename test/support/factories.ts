import { randomBytes } from "node:crypto";
import { type Iccid, type Imsi, luhnCheckDigit, type Msisdn } from "../../src/lib/identifiers.js";
import type { Role } from "../../src/modules/auth/principal.js";
import type { TestOtter } from "./otter.js";

/** Fixtures built through the real API, so every test sees what a user would create. */
let seq = 0;
const unique = () =>
  `${Date.now().toString(36)}${(seq++).toString(36)}${randomBytes(2).toString("hex")}`;

export async function buildAccount(
  t: TestOtter,
  input: Record<string, unknown> = {},
  key?: string,
) {
  const res = await t.api("POST", "/api/v1/accounts", {
    key,
    body: { name: `Customer ${unique()}`, ...input },
  });
  if (res.status !== 201)
    throw new Error(`buildAccount: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string; parentId: string };
}

/** A user with a fresh API key. */
export async function buildUser(t: TestOtter, accountId: string, role: Role, key?: string) {
  const res = await t.api("POST", "/api/v1/users", {
    key,
    body: { accountId, email: `u${unique()}@example.com`, name: `User ${role}`, role },
  });
  if (res.status !== 201) throw new Error(`buildUser: ${res.status} ${JSON.stringify(res.body)}`);
  const k = await t.api("POST", `/api/v1/users/${res.body.id}/api-keys`, { key, body: {} });
  if (k.status !== 201) throw new Error(`buildUser key: ${k.status} ${JSON.stringify(k.body)}`);
  return {
    user: res.body as { id: string; accountId: string; email: string },
    key: k.body.key as string,
  };
}

/** A customer account with an admin and a plain user. */
export async function buildCustomer(t: TestOtter, input: Record<string, unknown> = {}) {
  const account = await buildAccount(t, input);
  const admin = await buildUser(t, account.id, "customer_admin");
  const user = await buildUser(t, account.id, "customer_user");
  return { account, adminKey: admin.key, userKey: user.key, admin: admin.user, user: user.user };
}

let simCounter = Math.floor(Math.random() * 1e6);
/** Valid, unique SIM identifiers (ICCID with its Luhn digit, IMSI, MSISDN). */
export function simIdentifiers() {
  const n = String(simCounter++).padStart(9, "0");
  const salt = String(Math.floor(Math.random() * 1e3)).padStart(3, "0");
  const payload = `894400${salt}${n}`; // 18 digits
  const iccid = payload + luhnCheckDigit(payload);
  return {
    iccid,
    imsi: `23415${salt}${n.slice(2)}0`.slice(0, 15).padEnd(15, "0"),
    msisdn: `447${salt}${n}`,
  };
}

/** Zones, a communication plan and a rate plan, uniquely named; the rate plan prices only `home`. */
export async function buildCatalog(t: TestOtter) {
  const u = unique();
  const home = (
    await t.api("POST", "/api/v1/zones", {
      body: { name: `EU ${u}`, countries: ["FR", "IT", "SE", "DE"] },
    })
  ).body;
  const africa = (
    await t.api("POST", "/api/v1/zones", {
      body: { name: `East Africa ${u}`, countries: ["KE", "TZ"], plmns: ["63902"] },
    })
  ).body;
  const comm = await t.api("POST", "/api/v1/communication-plans", {
    body: {
      name: `Trackers ${u}`,
      apns: [{ name: "iot.otter.example" }],
      rats: ["LTE-M", "NB-IoT"],
      zones: [home.name],
    },
  });
  if (comm.status !== 201) throw new Error(`comm plan: ${JSON.stringify(comm.body)}`);
  const rate = await t.api("POST", "/api/v1/rate-plans", {
    body: {
      name: `Tracker 10MB ${u}`,
      currency: "EUR",
      subscription: { monthlyFeePerSim: 1.5 },
      included: { dataBytes: 10 * 1024 * 1024 },
      zones: [{ zone: home.name, dataPerMB: 0.5 }],
      dataLimitBytes: 50 * 1024 * 1024,
    },
  });
  if (rate.status !== 201) throw new Error(`rate plan: ${JSON.stringify(rate.body)}`);
  return {
    home,
    africa,
    comm: comm.body as { id: string; name: string },
    rate: rate.body as { id: string; name: string },
  };
}

export async function offer(
  t: TestOtter,
  plans: { comm: { id: string }; rate: { id: string } },
  accountId: string,
) {
  for (const [seg, p] of [
    ["communication-plans", plans.comm],
    ["rate-plans", plans.rate],
  ] as const) {
    const r = await t.api("POST", `/api/v1/${seg}/${p.id}/offers`, { body: { accountId } });
    if (r.status !== 201) throw new Error(`offer: ${JSON.stringify(r.body)}`);
  }
}

export async function buildSim(t: TestOtter, input: Record<string, unknown> = {}) {
  const res = await t.api("POST", "/api/v1/sims", { body: { ...simIdentifiers(), ...input } });
  if (res.status !== 201) throw new Error(`buildSim: ${res.status} ${JSON.stringify(res.body)}`);
  // The SIM as the API stored it: its identifiers passed the API's parsers.
  return res.body as {
    iccid: Iccid;
    imsi: Imsi;
    msisdn: Msisdn;
    state: string;
    accountId: string;
  };
}

/** A CSV body of `n` valid SIM rows (and the identifiers used), with optional extra columns. */
export function simCsv(
  n: number,
  opts: { header?: string; extra?: (i: number) => string[]; sep?: string } = {},
) {
  const sep = opts.sep ?? ",";
  const sims = Array.from({ length: n }, () => simIdentifiers());
  const header = opts.header ?? ["iccid", "imsi", "msisdn"].join(sep);
  const lines = sims.map((s, i) =>
    [s.iccid, s.imsi, s.msisdn, ...(opts.extra?.(i) ?? [])].join(sep),
  );
  return { csv: `${header}\n${lines.join("\n")}\n`, sims };
}

export async function uploadCsv(t: TestOtter, csv: string, query = "", key?: string) {
  return t.api("POST", `/api/v1/sims/imports${query ? `?${query}` : ""}`, {
    key,
    raw: csv,
    headers: { "content-type": "text/csv" },
  });
}

/** Runs queued jobs in this process (tests start Otter without background workers) and returns the job. */
export async function runJob(t: TestOtter, jobId: string, key?: string) {
  await t.otter.services.jobs.runPending();
  const res = await t.api("GET", `/api/v1/jobs/${jobId}`, { key });
  return res.body;
}
