import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import type { Imsi } from "../../src/lib/identifiers.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * A gateway's accounting reaches Otter in batches of whatever size the load makes them. The same
 * records — Starts, Interims and Stops of several SIMs' sessions, retransmissions, Interims that
 * arrive late, a Stop without its Start, an Acct-Session-Id reused, an Accounting-On — must leave
 * the same sessions, daily usage, SIM states and events however they are split into batches, as
 * when each is stored alone.
 */
let t: TestOtter;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
let customer: Awaited<ReturnType<typeof buildCustomer>>;
let clients = 0;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  cat = await buildCatalog(t);
  customer = await buildCustomer(t);
  await offer(t, cat, customer.account.id);
});
afterAll(async () => {
  await t?.close();
});

const MB = 1024 * 1024;
const STATES = ["ACTIVATION_READY", "TEST_READY", "ACTIVATED"] as const;

/** A gateway and one SIM in each state that reacts differently to traffic. */
async function group() {
  const client = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: `pgw-${clients}`, address: `127.0.1.${++clients}`, secret: "s3cret-pgw" },
    })
  ).body.id as string;
  const sims = [];
  for (const state of STATES)
    sims.push(
      await buildSim(t, {
        accountId: customer.account.id,
        state,
        communicationPlan: cat.comm.id,
        ratePlan: cat.rate.id,
      }),
    );
  return { client, sims };
}

type Step =
  | { kind: "start" | "interim" | "stop"; session: number; up: number; down: number; dt: number }
  | { kind: "on"; dt: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        "start" as const,
        "interim" as const,
        "interim" as const,
        "stop" as const,
      ),
      session: fc.integer({ min: 0, max: 3 }),
      up: fc.integer({ min: 0, max: 3 * MB }),
      down: fc.integer({ min: 0, max: 6 * MB }),
      dt: fc.integer({ min: 0, max: 900 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("on" as const), dt: fc.integer({ min: 1, max: 60 }) }),
  },
);

/**
 * Records as a gateway would send them: counters that grow within a session and start again when its
 * id is reused after a Stop; then some sent twice and some delayed behind later ones.
 */
function records(
  steps: Step[],
  dupes: number[],
  delays: [number, number][],
  base: number,
): Omit<AccountingInput, "clientId" | "imsi">[] {
  const sessions = new Map<
    number,
    { up: number; down: number; started: number; gen: number; stopped: boolean }
  >();
  let now = base;
  let seq = 0;
  const out: Omit<AccountingInput, "clientId" | "imsi">[] = [];
  for (const s of steps) {
    now += s.dt * 1000;
    if (s.kind === "on") {
      out.push({
        status: "accounting-on",
        dedupeKey: `on-${seq++}`,
        eventAt: new Date(now),
        record: {},
      });
      continue;
    }
    let st = sessions.get(s.session);
    if (!st || (s.kind === "start" && st.stopped)) {
      st = { up: 0, down: 0, started: now, gen: (st?.gen ?? -1) + 1, stopped: false };
      sessions.set(s.session, st);
    }
    if (s.kind !== "start") {
      st.up += s.up;
      st.down += s.down;
    }
    if (s.kind === "stop") st.stopped = true;
    out.push({
      status: s.kind,
      dedupeKey: `r-${seq++}`,
      eventAt: new Date(now),
      sessionId: `sess-${s.session}`,
      bytesUp: s.kind === "start" ? undefined : st.up,
      bytesDown: s.kind === "start" ? undefined : st.down,
      sessionTime: Math.round((now - st.started) / 1000),
      serving: s.session % 2 === 0 ? { mcc: "208", mnc: "01" } : { mcc: "222", mnc: "10" },
      rat: "LTE-M",
      ratCode: 9,
      ...(s.kind === "stop" && { terminateCause: "User-Request" }),
      record: { n: seq },
    });
  }
  for (const d of dupes) if (out.length > 0) out.splice(d % out.length, 0, out[d % out.length]!);
  for (const [from, by] of delays) {
    if (out.length < 2) break;
    const i = from % out.length;
    const [r] = out.splice(i, 1);
    out.splice(Math.min(out.length, i + by), 0, r!);
  }
  return out;
}

/** What the group's gateway and SIMs left, with the group's own ids replaced by placeholders. */
async function picture(g: Awaited<ReturnType<typeof group>>) {
  const db = t.otter.database.db;
  const simIds = (
    await sql<{ id: string; iccid: string; state: string }>`
      SELECT id, iccid, state FROM sims WHERE iccid = ANY(${g.sims.map((s) => s.iccid)}::text[])`.execute(
      db,
    )
  ).rows;
  const names = new Map<string, string>([[g.client, "CLIENT"]]);
  g.sims.forEach((s, i) => {
    names.set(s.iccid, `ICCID${i}`);
    names.set(s.imsi, `IMSI${i}`);
    names.set(simIds.find((r) => r.iccid === s.iccid)!.id, `SIM${i}`);
  });
  const anon = (v: unknown) =>
    JSON.parse(
      [...names].reduce((s, [from, to]) => s.split(from).join(to), JSON.stringify(v)),
    ) as unknown;
  const ids = simIds.map((r) => r.id);
  const sessions = (
    await sql`
      SELECT acct_session_id, sim_id, imsi, status, started_at, last_update_at, ended_at, bytes_up, bytes_down,
             session_time, terminate_cause, last_traffic_at, superseded, mcc, mnc, rat
        FROM data_sessions WHERE client_id = ${g.client}
       ORDER BY acct_session_id, started_at, superseded`.execute(db)
  ).rows;
  const usage = (
    await sql`SELECT sim_id, day, zone_key, bytes_up, bytes_down FROM usage_daily
               WHERE sim_id = ANY(${ids}::uuid[]) ORDER BY sim_id, day, zone_key`.execute(db)
  ).rows;
  const states = (
    await sql`SELECT sim_id, last_seen, imei, mcc, mnc, rat, zone_key, last_activity_at, silence_check_at,
                     silent_since, barred_at, barred_reason, total_bytes, cycle_start, cycle_bytes
                FROM sim_network_state WHERE sim_id = ANY(${ids}::uuid[]) ORDER BY sim_id`.execute(
      db,
    )
  ).rows;
  const events = (
    await sql<{ subject_id: string; type: string; data: unknown }>`
      SELECT subject_id, type, data FROM domain_events
       WHERE subject_id = ANY(${g.sims.map((s) => s.iccid)}::text[]) ORDER BY id`.execute(db)
  ).rows;
  const bySim = g.sims.map((s) =>
    events.filter((e) => e.subject_id === s.iccid).map((e) => ({ type: e.type, data: e.data })),
  );
  return anon({
    sessions,
    usage,
    states,
    sims: g.sims.map((s) => simIds.find((r) => r.iccid === s.iccid)!.state),
    events: bySim,
  });
}

describe("accounting batches", () => {
  it("store the same sessions, usage, states and events however the records are split", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })), { maxLength: 4 }),
        fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 2000 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
        async (steps, dupes, delays, splits, simOfSession) => {
          const one = await group();
          const batched = await group();
          const base = t.clock.now().getTime();
          const stream = records(steps, dupes, delays, base);
          const forGroup = (g: typeof one, prefix: string): AccountingInput[] =>
            stream.map((r) => {
              const n = r.sessionId ? Number(r.sessionId.slice(5)) : -1;
              return {
                ...r,
                clientId: g.client,
                dedupeKey: `${prefix}${g.client}-${r.dedupeKey}`,
                ...(n >= 0 && { imsi: g.sims[simOfSession[n]!]!.imsi as Imsi }),
              };
            });
          const signals = t.otter.services.signals;
          const a = forGroup(one, "a");
          const outA: string[] = [];
          for (const r of a) outA.push(...(await signals.recordAccounting([r])));
          const b = forGroup(batched, "b");
          const outB: string[] = [];
          let i = 0;
          for (let k = 0; i < b.length; k++) {
            const size = splits[k % splits.length]!;
            outB.push(...(await signals.recordAccounting(b.slice(i, i + size))));
            i += size;
          }
          expect(outB).toEqual(outA);
          expect(await picture(batched)).toEqual(await picture(one));
        },
      ),
      { numRuns: 12 },
    );
  });
});
