import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { TEST_ENGINE } from "../support/engine.js";
import { processHarness } from "../support/process.js";

/**
 * kill -9 of an `otter serve` while an onboarding provisions: after a restart the job resumes from
 * its checkpoint and the end state is the one an uninterrupted run of the same spec leaves — the
 * same accounts, plans, offers, SIM assignments, one audit record per SIM, tasks and desk case.
 */
const GROUPS = 10;
const PER_GROUP = 300;
const iccid = (n: number) => {
  const p = "89440000000" + String(n).padStart(7, "0");
  return p + luhnCheckDigit(p);
};

/** The example spec with its SIMs as ten ranges over the stock seeded below. */
function spec() {
  const s = parse(
    readFileSync(new URL("../../docs/examples/onboarding.yaml", import.meta.url), "utf8"),
  );
  s.services.apns[0].fixedIps = [];
  s.sims = Array.from({ length: GROUPS }, (_, g) => {
    const tanzania = g % 3 === 2;
    return {
      account: ["masai-mara", "kenya", "tanzania"][g % 3],
      ranges: [{ from: iccid(g * PER_GROUP + 1), to: iccid((g + 1) * PER_GROUP) }],
      state: g % 2 ? "ACTIVATED" : "TEST_READY",
      communicationPlan: tanzania ? "Collar LTE-M Roaming" : "Collar LTE-M",
      ratePlan: tanzania ? "Collar Roaming" : "Collar 10MB Flex",
    };
  });
  return s;
}

const ENV = { OTTER_WORKER_POLL_MS: "50", OTTER_JOB_LEASE_MS: "1500" };

type Harness = ReturnType<typeof processHarness>;

/** Zones and the SIM stock on the operator's root account, through the API. */
async function seed(h: Harness) {
  for (const [name, countries] of [
    ["EU", ["FR", "IT", "SE", "DE"]],
    ["East Africa", ["KE", "TZ"]],
  ] as const) {
    const res = await h.call("/api/v1/zones", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, countries }),
    });
    expect(res.status).toBe(201);
  }
  const root = (await h.call("/api/v1/users/me")).body.accountId as string;
  const n = GROUPS * PER_GROUP;
  const lines = Array.from({ length: n }, (_, i) => i + 1).map(
    (k) =>
      `${iccid(k)},23415${String(k).padStart(9, "0")}0,4477${String(k).padStart(9, "0")},INVENTORY`,
  );
  const up = await h.call(`/api/v1/sims/imports?accountId=${root}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: `iccid,imsi,msisdn,state\n${lines.join("\n")}\n`,
  });
  expect(up.status).toBe(202);
  expect((await untilDone(h, up.body.jobId)).status).toBe("succeeded");
}

async function untilDone(h: Harness, jobId: string) {
  for (const deadline = Date.now() + 180_000; Date.now() < deadline;) {
    const job = (await h.call(`/api/v1/jobs/${jobId}`)).body;
    if (job.status !== "running" && job.status !== "queued") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not end`);
}

const apply = (h: Harness) =>
  h.call("/api/v1/onboardings", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ spec: spec() }),
  });

/** Everything the onboarding leaves, by name rather than by generated id. */
async function endState(h: Harness) {
  const accounts = (await h.call("/api/v1/accounts?limit=500")).body.items as {
    id: string;
    name: string;
    parentId: string | null;
  }[];
  const nameOf = new Map(accounts.map((a) => [a.id, a.name]));
  const tree = accounts
    .map((a) => `${a.parentId ? nameOf.get(a.parentId) : "-"} > ${a.name}`)
    .sort();
  const offers: Record<string, string[]> = {};
  for (const [kind, name] of [
    ["communication-plans", "Collar LTE-M"],
    ["communication-plans", "Collar LTE-M Roaming"],
    ["rate-plans", "Collar 10MB Flex"],
    ["rate-plans", "Collar Roaming"],
  ] as const) {
    const res = await h.call(`/api/v1/${kind}/${encodeURIComponent(name)}/offers`);
    expect(res.status).toBe(200);
    offers[name] = res.body.accounts.map((a: { name: string }) => a.name).sort();
  }
  const sims: Record<string, string> = {};
  let cursor: string | null = null;
  do {
    const page: { body: { items: any[]; nextCursor: string | null } } = await h.call(
      `/api/v1/sims?limit=1000${cursor ? `&cursor=${cursor}` : ""}`,
    );
    for (const s of page.body.items)
      sims[s.iccid] =
        `${nameOf.get(s.accountId)} ${s.state} ${s.communicationPlan?.name} / ${s.ratePlan?.name}`;
    cursor = page.body.nextCursor;
  } while (cursor);
  const o = (await h.call("/api/v1/onboardings/CTR-2026-0042")).body;
  // One audit record per SIM from the job, naming the fields it changed: first and last of each group.
  const audit: Record<string, unknown[]> = {};
  for (let g = 0; g < GROUPS; g++)
    for (const k of [g * PER_GROUP + 1, (g + 1) * PER_GROUP]) {
      const items = (await h.call(`/api/v1/sims/${iccid(k)}/audit`)).body.items;
      audit[iccid(k)] = items
        .filter((a: { jobId: string | null }) => a.jobId === o.jobId)
        .map((a: { field: string; changes: Record<string, { from: string; to: string }> }) => ({
          field: a.field,
          to: Object.fromEntries(
            Object.entries(a.changes).map(([f, c]) => [f, nameOf.get(c.to) ?? c.to]),
          ),
        }));
    }
  const cases = (await h.call("/api/v1/cases?owner=all&limit=100")).body.items.map(
    (c: { subject: string }) => c.subject,
  );
  return {
    tree,
    offers,
    sims,
    audit,
    cases,
    onboarding: {
      state: o.state,
      report: {
        accounts: o.report.accounts,
        plansCreated: o.report.plansCreated,
        simsAssigned: o.report.simsAssigned,
      },
      tasks: o.tasks.map((x: any) => [x.kind, x.title, x.ownerEmail, x.dueOn, x.state]),
      case: o.case?.subject,
      services: o.services,
    },
  };
}

const reference = processHarness("onboarding-ref");
const crashed = processHarness("onboarding-crash");
afterAll(async () => {
  await reference.close();
  await crashed.close();
});

describe(`kill -9 during an onboarding's provisioning (${TEST_ENGINE})`, () => {
  it("resumes and ends in the state of an uninterrupted run", async () => {
    // The uninterrupted run.
    await reference.start(ENV);
    await seed(reference);
    const ref = await apply(reference);
    expect(ref.status, JSON.stringify(ref.body)).toBe(202);
    expect((await untilDone(reference, ref.body.jobId)).status).toBe("succeeded");
    const expected = await endState(reference);
    expect(Object.keys(expected.sims)).toHaveLength(GROUPS * PER_GROUP);
    expect(expected.onboarding.report.simsAssigned).toBe(GROUPS * PER_GROUP);
    await reference.server!.kill("SIGTERM");

    // The same, with the server killed while it moves the SIMs.
    const server = await crashed.start(ENV);
    await seed(crashed);
    const res = await apply(crashed);
    expect(res.status).toBe(202);
    const jobId = res.body.jobId as string;
    let caught: { phase: string; done: number; total: number } | null = null;
    let last: unknown = null;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const job = (await crashed.call(`/api/v1/jobs/${jobId}`)).body;
      last = job;
      if (job.status !== "queued" && job.status !== "running") break;
      if (job.progress.phase === "sims") {
        caught = job.progress;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await server.kill("SIGKILL");
    expect(caught, `caught while moving SIMs; last seen ${JSON.stringify(last)}`).not.toBeNull();
    expect(caught!.done).toBeLessThan(caught!.total);
    const mid = await crashed.start(ENV);
    const job = await untilDone(crashed, jobId);
    expect(job, mid.output()).toMatchObject({ status: "succeeded", progress: { phase: "done" } });

    const after = await endState(crashed);
    expect(after).toEqual(expected);
    for (const records of Object.values(after.audit)) expect(records).toHaveLength(1);

    // And the same spec once more changes nothing.
    const again = await apply(crashed);
    expect(again.body).toMatchObject({ created: false, jobId: null });
  }, 600_000);
});
