import type { Logger } from "pino";
import { type Db, type Executor, inTransaction, type Tx } from "../../db/database.js";
import type { Insertable } from "kysely";
import type { UsageDailyTable, Zone } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { type Imsi, parseImsi, storedForm } from "../../lib/identifiers.js";
import { newId } from "../../lib/ids.js";
import { accountSettingsRepo } from "../accounts/account-settings.shared.repo.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import { SYSTEM_ACTOR } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import type { DomainEvent, EventsService } from "../events/events.service.js";
import { simLookupRepo } from "../sims/sim-lookup.shared.repo.js";
import type { SimsService } from "../sims/sims.service.js";
import type { AccountingInput, RegistrationType } from "./network.types.js";
import { MIN_SILENCE_MS } from "./silence-policy.js";
import { describePlmn } from "./plmn.js";
import type { NetworkActionsService } from "./network-actions.service.js";
import { networkRepo, type StateRow } from "./network.repo.js";
import { type SessionRow, type SessionUsageRow, sessionsRepo } from "./sessions.repo.js";
import { billedIncrement, roundingUnit } from "./usage-rounding.js";
import { rateZoneFor } from "./rate-zone.js";

export interface RegistrationEventInput {
  id: string;
  type: RegistrationType;
  result?: "accepted" | "rejected";
  cause?: number;
  causeType?: "s6a" | "map";
  imsi: string;
  visitedPlmn?: string;
  rat?: string;
  imei?: string;
  at: Date;
}

interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
  actions: Pick<NetworkActionsService, "disconnectSim" | "cancelLocation">;
  accounts: Pick<AccountsService, "rootAccount">;
  catalog: Pick<CatalogService, "rateVersionAt" | "communicationPlanDetail">;
  sims: Pick<SimsService, "applyChange" | "lockById">;
  events: EventsService;
  /**
   * Extra cycle-usage thresholds (percent of the included data) that someone asked for, e.g. the
   * automation rules of the SIM's account and the accounts above it; 50, 80 and 100 always apply.
   */
  usageThresholds?: (tx: Executor, accountPath: string) => Promise<number[]>;
  /**
   * How each customer's billing cycles run (billing: its profile's cycle in its time zone), for the
   * usage a SIM's thresholds count. Without it, or for an account it does not answer for, a cycle
   * is the calendar month in UTC.
   */
  usageCycles?: (tx: Executor, customerIds: string[]) => Promise<UsageCycleOf>;
}

/** A billing cycle as local dates in the customer's time zone: [start, end), lastDay = end − 1 day. */
export interface UsageCycle {
  start: string;
  end: string;
  lastDay: string;
  timeZone: string;
}
/** The cycle an instant falls in, for one of the customers asked about. */
export type UsageCycleOf = (customerId: string, at: Date) => UsageCycle;

/** The calendar month in UTC: the cycle of a customer no one describes. */
export const calendarMonthUtc = (at: Date): UsageCycle => {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const end = Date.UTC(y, m + 1, 1);
  return {
    start: iso(Date.UTC(y, m, 1)),
    end: iso(end),
    lastDay: iso(end - 86_400_000),
    timeZone: "UTC",
  };
};

/** Cycle usage thresholds every SIM reports (`sim.usage_threshold`), in percent of the included data. */
export const STANDARD_USAGE_THRESHOLDS = [50, 80, 100] as const;

type SimRef = Awaited<ReturnType<typeof simLookupRepo.byImsis>>[number];

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** The first day of the data limit's cycle (calendar month, UTC) that `d` falls in. */
const cycleOf = (d: Date) => `${d.toISOString().slice(0, 7)}-01`;
/** The customer a SIM's account belongs to: the account below the operator's (the operator's own SIMs: the operator). */
export const customerOfPath = (path: string): string => {
  const ids = path.split("/").filter(Boolean);
  return ids[1] ?? ids[0] ?? "";
};

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const i of items) if (!seen.has(key(i))) seen.set(key(i), i);
  return [...seen.values()];
}

/** What one signal tells of a SIM on the network; absent fields leave what Otter knew. */
interface StateSignal {
  imei?: string;
  imeisv?: string;
  mcc?: string;
  mnc?: string;
  rat?: string | null;
  location?: unknown;
  registration?: unknown;
  activity?: boolean;
}

/**
 * Network signals into Otter's picture of each SIM: RADIUS accounting builds data sessions and daily
 * usage per zone; registration events from the HLR/HSS record where and whether a SIM attached.
 * Everything a batch carries is written in one transaction, and the caller answers the network only
 * after it commits (group commit), so nothing acknowledged is ever lost.
 */
export function createSignalsService(deps: Deps) {
  const { db, clock } = deps;

  /**
   * The SIMs a batch names, by IMSI, in one statement. A record of a batch sees what the records
   * before it changed: the only change to a SIM itself is its state (auto-activation, test
   * allowance), made on the one shared object as on the SIM.
   */
  async function simsOfBatch(tx: Tx, imsis: (string | undefined)[]): Promise<Map<string, SimRef>> {
    // Only an IMSI as Otter stores it can name a SIM; the others stay unknown IMSIs, as before.
    const stored = imsis.map((i) => (i ? storedForm(parseImsi, i) : undefined));
    const wanted = [...new Set(stored.filter((i): i is Imsi => i !== undefined))];
    const sims = await simLookupRepo.byImsis(tx, wanted);
    return new Map(sims.map((sim) => [sim.imsi, sim]));
  }

  type Version = Awaited<ReturnType<CatalogService["rateVersionAt"]>>;
  type CommPlanDetail = Awaited<ReturnType<CatalogService["communicationPlanDetail"]>>;

  /**
   * What one group commit looks up again and again, looked up once: rate plan versions (by plan and
   * day) and the zone table. A batch is one transaction, so the cache cannot go stale inside it.
   */
  function batchContext(tx: Tx) {
    const versions = new Map<string, Promise<Version>>();
    let zones: Promise<Zone[]> | null = null;
    const commPlans = new Map<string, Promise<CommPlanDetail>>();
    const thresholds = new Map<string, Promise<number[]>>();
    /** Customers whose cycle rule a record may need: the customers of the batch's SIMs. */
    const customers = new Set<string>();
    let cycleRules: Promise<UsageCycleOf> | null = null;
    const allZones = () => (zones ??= zoneLookupRepo.all(tx));
    const commPlan = (id: string): Promise<CommPlanDetail> => {
      let p = commPlans.get(id);
      if (!p) {
        p = deps.catalog.communicationPlanDetail(tx, id);
        commPlans.set(id, p);
      }
      return p;
    };
    /** Thresholds in percent for SIMs of the account at `path`: the standard ones and any asked for. */
    const usageThresholds = (path: string): Promise<number[]> => {
      let p = thresholds.get(path);
      if (!p) {
        p = (deps.usageThresholds ? deps.usageThresholds(tx, path) : Promise.resolve([])).then(
          (extra) => [...new Set([...STANDARD_USAGE_THRESHOLDS, ...extra])].sort((a, b) => a - b),
        );
        thresholds.set(path, p);
      }
      return p;
    };
    const versionAt = (ratePlanId: string, at: Date): Promise<Version> => {
      const key = `${ratePlanId}@${dayOf(at)}`;
      let v = versions.get(key);
      if (!v) {
        v = deps.catalog.rateVersionAt(tx, ratePlanId, at);
        versions.set(key, v);
      }
      return v;
    };
    /** The zone of the SIM's rate plan that covers the serving network, or null (unpriced: bill-shock). */
    const zoneOf = async (
      ratePlanId: string | null,
      serving: { mcc: string; mnc: string } | undefined,
      at: Date,
    ): Promise<Zone | null> => {
      if (!ratePlanId || !serving) return null;
      const v = await versionAt(ratePlanId, at);
      if (!v) return null;
      return rateZoneFor(
        v.terms.zones.map((z) => z.zoneId),
        await allZones(),
        serving,
      );
    };
    const testReadyThenOf = new Map<string, Promise<string | undefined>>();
    /** The account's setting for where a SIM goes after its test. */
    const testReadyThen = (accountId: string): Promise<string | undefined> => {
      let p = testReadyThenOf.get(accountId);
      if (!p) {
        p = accountSettingsRepo
          .testReadyThen(tx, [accountId])
          .then((m) => m.get(accountId) as string | undefined);
        testReadyThenOf.set(accountId, p);
      }
      return p;
    };
    /**
     * The billing cycle the traffic of a SIM at `at` counts in: one look-up per batch, for the
     * customers of all its SIMs, made when the first record needs it.
     */
    const usageCycleOf = async (accountPath: string, at: Date): Promise<UsageCycle> => {
      const customer = customerOfPath(accountPath);
      if (cycleRules && !customers.has(customer)) cycleRules = null;
      customers.add(customer);
      cycleRules ??= deps.usageCycles
        ? deps.usageCycles(tx, [...customers])
        : Promise.resolve((_: string, t: Date) => calendarMonthUtc(t));
      return (await cycleRules)(customer, at);
    };
    const noteSims = (sims: Iterable<SimRef>) => {
      for (const sim of sims) customers.add(customerOfPath(sim.account_path));
    };
    return {
      versionAt,
      zoneOf,
      allZones,
      commPlan,
      usageThresholds,
      testReadyThen,
      usageCycleOf,
      noteSims,
    };
  }
  type BatchContext = ReturnType<typeof batchContext>;

  /**
   * What a signal at `at` makes of what Otter knew of the SIM on the network (`prev`, none yet for a
   * SIM never seen), and the events it raises: an IMEI change, the end of a silence.
   */
  function nextState(
    prev: StateRow | undefined,
    sim: SimRef,
    at: Date,
    s: StateSignal,
  ): { next: StateRow; newer: boolean; active: boolean; events: DomainEvent[] } {
    // `<=`: of two signals with the same time, the one that arrives later wins (a rejection and an
    // acceptance stamped in the same second leave the SIM as the later one said; docs/network.md).
    const newer = !prev?.last_seen || prev.last_seen.getTime() <= at.getTime();
    const imeiChanged = !!s.imei && !!prev?.imei && prev.imei !== s.imei && newer;
    const active =
      !!s.activity && (!prev?.last_activity_at || prev.last_activity_at.getTime() < at.getTime());
    const next: StateRow = {
      sim_id: sim.id,
      account_id: sim.account_id,
      last_seen: prev?.last_seen && !newer ? prev.last_seen : at,
      last_registration:
        s.registration !== undefined && newer ? s.registration : (prev?.last_registration ?? null),
      imei: newer && s.imei ? s.imei : (prev?.imei ?? s.imei ?? null),
      imeisv: newer && s.imeisv ? s.imeisv : (prev?.imeisv ?? s.imeisv ?? null),
      previous_imei: imeiChanged ? prev!.imei : (prev?.previous_imei ?? null),
      imei_changed_at: imeiChanged ? at : (prev?.imei_changed_at ?? null),
      mcc: newer && s.mcc ? s.mcc : (prev?.mcc ?? s.mcc ?? null),
      mnc: newer && s.mnc ? s.mnc : (prev?.mnc ?? s.mnc ?? null),
      rat: newer && s.rat ? s.rat : (prev?.rat ?? s.rat ?? null),
      location: newer && s.location ? s.location : (prev?.location ?? null),
      updated_at: clock.now(),
      barred_at: prev?.barred_at ?? null,
      barred_reason: prev?.barred_reason ?? null,
      zone_key: prev?.zone_key ?? null,
      // A session began or bytes flowed: the silence detector looks again once the shortest silence
      // could have passed, and a silence episode ends.
      last_activity_at: active ? at : (prev?.last_activity_at ?? null),
      silence_check_at: active
        ? new Date(at.getTime() + MIN_SILENCE_MS)
        : (prev?.silence_check_at ?? null),
      silent_since: active ? null : (prev?.silent_since ?? null),
      total_bytes: prev?.total_bytes ?? 0,
      cycle_start: prev?.cycle_start ?? null,
      cycle_bytes: prev?.cycle_bytes ?? 0,
      usage_cycle_start: prev?.usage_cycle_start ?? null,
      usage_cycle_bytes: prev?.usage_cycle_bytes ?? 0,
    };
    const events: DomainEvent[] = [];
    if (imeiChanged) {
      events.push({
        accountId: sim.account_id,
        type: "sim.imei_changed",
        subjectId: sim.iccid,
        data: { iccid: sim.iccid, from: prev!.imei, to: s.imei ?? null, at: at.toISOString() },
      });
    }
    if (active && prev?.silent_since) {
      events.push({
        accountId: sim.account_id,
        type: "sim.back_online",
        subjectId: sim.iccid,
        data: {
          iccid: sim.iccid,
          at: at.toISOString(),
          silentSince: prev.silent_since.toISOString(),
          lastActivityAt: prev.last_activity_at?.toISOString() ?? null,
          silentForSeconds: prev.last_activity_at
            ? Math.round((at.getTime() - prev.last_activity_at.getTime()) / 1000)
            : null,
        },
      });
    }
    return { next, newer, active, events };
  }

  /** Updates what Otter last knew of the SIM on the network (one signal); reports an IMEI change. */
  async function touchState(tx: Tx, sim: SimRef, at: Date, s: StateSignal) {
    const prev = await networkRepo.lockState(tx, sim.id);
    const { next, newer, active, events } = nextState(prev, sim, at, s);
    await networkRepo.saveState(tx, {
      sim_id: next.sim_id,
      account_id: next.account_id,
      last_seen: next.last_seen,
      last_registration:
        next.last_registration === null ? null : JSON.stringify(next.last_registration),
      imei: next.imei,
      imeisv: next.imeisv,
      previous_imei: next.previous_imei,
      imei_changed_at: next.imei_changed_at,
      mcc: next.mcc,
      mnc: next.mnc,
      rat: next.rat,
      location: next.location ? JSON.stringify(next.location) : null,
      updated_at: next.updated_at,
      ...(active && {
        last_activity_at: next.last_activity_at,
        silence_check_at: next.silence_check_at,
        silent_since: null,
      }),
    });
    await deps.events.emit(tx, events);
    return { prev, newer };
  }
  /**
   * The zone a SIM is in, when it changes: the communication plan's zone that covers the network
   * (in plan), else the rate plan's, else any zone of the catalog that covers it (not in plan), else
   * just the country. The stored key starts with the network so a SIM that stays on one network
   * costs one comparison. Returns the new key and the `sim.zone_entered` event, or null when the
   * SIM stayed on its network.
   */
  async function zoneChange(
    ctx: BatchContext,
    sim: SimRef,
    at: Date,
    serving: { mcc: string; mnc: string },
    prevKey: string | null | undefined,
  ): Promise<{ key: string; event: DomainEvent | null } | null> {
    const plmn = `${serving.mcc}${serving.mnc}`;
    if (prevKey?.startsWith(`${plmn}|`)) return null;
    const info = describePlmn(serving.mcc, serving.mnc);
    const covers = (z: { plmns: string[]; countries: string[] }) => z.plmns.includes(plmn);
    const coversCountry = (z: { plmns: string[]; countries: string[] }) =>
      info.country !== null && z.countries.includes(info.country);
    const plan = sim.communication_plan_id ? await ctx.commPlan(sim.communication_plan_id) : null;
    let zone: { id: string; name: string } | null = plan
      ? (plan.zones.find(covers) ?? plan.zones.find(coversCountry) ?? null)
      : null;
    const inPlan = zone !== null;
    if (!zone) zone = await ctx.zoneOf(sim.rate_plan_id, serving, at);
    if (!zone) {
      const all = await ctx.allZones();
      zone = all.find(covers) ?? all.find(coversCountry) ?? null;
    }
    const where = zone ? `zone:${zone.id}` : `country:${info.country ?? plmn}`;
    const prevWhere = prevKey ? prevKey.slice(prevKey.indexOf("|") + 1) : null;
    const key = `${plmn}|${where}`;
    if (where === prevWhere) return { key, event: null };
    let previousZone: { id: string; name: string } | null = null;
    if (prevWhere?.startsWith("zone:")) {
      const z = (await ctx.allZones()).find((x) => x.id === prevWhere.slice(5));
      previousZone = z
        ? { id: z.id, name: z.name }
        : { id: prevWhere.slice(5), name: prevWhere.slice(5) };
    }
    const previousPlmn = prevKey ? prevKey.slice(0, prevKey.indexOf("|")) : null;
    return {
      key,
      event: {
        accountId: sim.account_id,
        type: "sim.zone_entered",
        subjectId: sim.iccid,
        data: {
          iccid: sim.iccid,
          zone: zone ? { id: zone.id, name: zone.name } : null,
          country: info.country,
          countryName: info.countryName,
          plmn,
          network: info.network,
          inPlan,
          communicationPlan: plan ? { id: plan.id, name: plan.name } : null,
          previousZone,
          previousCountry: previousPlmn
            ? describePlmn(previousPlmn.slice(0, 3), previousPlmn.slice(3)).country
            : null,
          at: at.toISOString(),
        },
      },
    };
  }

  /** Moves the SIM to `to` as the system would (auto-activation, test allowance used up). */
  async function changeState(tx: Tx, simId: string, to: string, reason: string, at: Date) {
    const row = await deps.sims.lockById(tx, simId);
    if (!row) return;
    await deps.sims.applyChange(
      tx,
      row,
      { state: to as "ACTIVATED" },
      { actor: SYSTEM_ACTOR, byOperator: true, reason, effectiveDate: at },
    );
  }

  /**
   * What a batch does besides writing rows, in the order its records asked for it: events (emitted
   * together, one statement, until something else comes between) and the rare actions (a state
   * change, a cancel-location, a Disconnect-Request), which run once the batch's rows are written.
   */
  type Effect = { event: DomainEvent } | { run: (tx: Tx) => Promise<unknown> };

  async function runEffects(tx: Tx, effects: Effect[]) {
    let events: DomainEvent[] = [];
    for (const e of effects) {
      if ("event" in e) {
        events.push(e.event);
        continue;
      }
      await deps.events.emit(tx, events);
      events = [];
      await e.run(tx);
    }
    await deps.events.emit(tx, events);
  }

  /**
   * Usage in the customer's current billing cycle crossing a threshold: 50, 80 and 100 % of the rate
   * plan's included data (of the data limit when nothing is included) and any percentage a rule
   * asked for. Usage only grows within a cycle, so each threshold is crossed, and reported, once per
   * cycle. `after` is the cycle's usage with this record's `delta`.
   */
  async function usageThresholdEvents(
    ctx: BatchContext,
    sim: SimRef,
    at: Date,
    delta: number,
    after: number,
    usageCycle: UsageCycle,
  ): Promise<DomainEvent[]> {
    if (!sim.rate_plan_id || delta <= 0) return [];
    const v = await ctx.versionAt(sim.rate_plan_id, at);
    if (!v) return [];
    const included = v.terms.included?.dataBytes ?? 0;
    const basis =
      included > 0 ? ("included" as const) : v.terms.dataLimitBytes ? ("dataLimit" as const) : null;
    if (!basis) return [];
    const base = basis === "included" ? included : v.terms.dataLimitBytes!;
    const before = after - delta;
    const crossed = (await ctx.usageThresholds(sim.account_path)).filter(
      (p) => before < (base * p) / 100 && (base * p) / 100 <= after,
    );
    return crossed.map((p) => ({
      accountId: sim.account_id,
      type: "sim.usage_threshold" as const,
      subjectId: sim.iccid,
      data: {
        iccid: sim.iccid,
        thresholdPercent: p,
        thresholdBytes: Math.ceil((base * p) / 100),
        usedBytes: after,
        includedBytes: included,
        dataLimitBytes: v.terms.dataLimitBytes ?? null,
        basis,
        cycleStart: usageCycle.start,
        cycleEnd: usageCycle.lastDay,
        timeZone: usageCycle.timeZone,
        at: at.toISOString(),
      },
    }));
  }

  /** The gateway/Acct-Session-Id keys of these records' sessions, each once. */
  function sessionKeys(records: AccountingInput[]) {
    return uniqueBy(
      records.map((r) => ({ clientId: r.clientId, acctSessionId: r.sessionId! })),
      (k) => `${k.clientId}|${k.acctSessionId}`,
    );
  }

  /** The ids of the known SIMs these records name, each once. */
  function simIdsOf(sims: Map<string, SimRef>, records: AccountingInput[]) {
    return [
      ...new Set(
        records.flatMap((r) => (r.imsi && sims.get(r.imsi) ? [sims.get(r.imsi)!.id] : [])),
      ),
    ];
  }

  /**
   * Everything one run of a batch's records (no Accounting-On/Off among them) changes, folded in
   * memory in the records' order over the rows read locked at its start — the sessions they name,
   * the SIMs' states — then written in one statement per table. A record sees exactly what the
   * records before it left, so the outcome does not depend on how records are grouped into batches;
   * and the locks make the deltas exact when another Otter node writes the same rows.
   */
  async function foldRun(
    tx: Tx,
    ctx: BatchContext,
    rootId: string,
    sims: Map<string, SimRef>,
    records: AccountingInput[],
    prelocked?: { sessions: SessionRow[]; states: StateRow[] },
  ) {
    const now = clock.now();
    ctx.noteSims(sims.values());
    const keyOf = (clientId: string, sessionId: string) => `${clientId}|${sessionId}`;
    const sessions = new Map<string, SessionRow>();
    const fromDb = new Set<string>();
    const locked =
      prelocked ??
      (await sessionsRepo.lockForFold(tx, sessionKeys(records), simIdsOf(sims, records)));
    for (const row of locked.sessions) {
      sessions.set(keyOf(row.client_id, row.acct_session_id), row);
      fromDb.add(row.id);
    }
    const states = new Map(locked.states.map((s) => [s.sim_id, s]));
    const dirtyStates = new Set<string>();
    const dirtySessions = new Map<string, SessionRow>();
    const superseded: string[] = [];
    const usage = new Map<
      string,
      Insertable<UsageDailyTable> & { bytes_up: number; bytes_down: number; billed_bytes: number }
    >();
    const sessionUsage = new Map<string, SessionUsageRow>();
    const unknown = new Map<
      string,
      { imsi: string; source: string; plmn: string | null; first: Date; last: Date; count: number }
    >();
    const effects: Effect[] = [];

    for (const r of records) {
      const sessionId = r.sessionId!;
      const sim = r.imsi ? sims.get(r.imsi) : undefined;
      if (r.imsi && !sim) {
        const plmn = r.serving ? `${r.serving.mcc}${r.serving.mnc}` : null;
        const u = unknown.get(r.imsi);
        if (!u)
          unknown.set(r.imsi, {
            imsi: r.imsi,
            source: "radius",
            plmn,
            first: r.eventAt,
            last: r.eventAt,
            count: 1,
          });
        else {
          u.count++;
          if (r.eventAt.getTime() > u.last.getTime()) u.last = r.eventAt;
          u.plmn = plmn ?? u.plmn;
        }
      }

      const key = keyOf(r.clientId, sessionId);
      let existing = sessions.get(key);
      if (
        existing &&
        r.status === "start" &&
        existing.status === "closed" &&
        existing.ended_at &&
        existing.ended_at.getTime() <= r.eventAt.getTime()
      ) {
        // The gateway reused the Acct-Session-Id for a new session: keep the old one, start afresh.
        existing.superseded = true;
        dirtySessions.set(existing.id, existing);
        if (fromDb.has(existing.id)) superseded.push(existing.id);
        sessions.delete(key);
        existing = undefined;
      }
      const up = r.bytesUp ?? 0;
      const down = r.bytesDown ?? 0;
      const closing = r.status === "stop";
      const wasClosed = existing?.status === "closed";
      const startedAt =
        r.status === "start"
          ? r.eventAt
          : new Date(r.eventAt.getTime() - (r.sessionTime ?? 0) * 1000);
      let deltaUp = up;
      let deltaDown = down;
      let session: SessionRow;
      let totalBefore = 0;
      if (!existing) {
        const row: SessionRow = {
          id: newId(),
          account_id: sim?.account_id ?? rootId,
          client_id: r.clientId,
          acct_session_id: sessionId,
          sim_id: sim?.id ?? null,
          imsi: r.imsi ?? null,
          msisdn: r.msisdn ?? null,
          charging_id: r.chargingId ?? null,
          nas_ip: r.nasIp ?? null,
          apn: r.apn ?? null,
          ip: r.framedIp ?? null,
          rat: r.rat ?? null,
          rat_code: r.ratCode ?? null,
          mcc: r.serving?.mcc ?? null,
          mnc: r.serving?.mnc ?? null,
          location: r.location ?? null,
          imeisv: r.imeisv ?? null,
          status: closing ? "closed" : "open",
          started_at: startedAt,
          last_update_at: r.eventAt,
          ended_at: closing ? r.eventAt : null,
          bytes_up: up,
          bytes_down: down,
          session_time: r.sessionTime ?? null,
          terminate_cause: closing ? (r.terminateCause ?? null) : null,
          last_traffic_at: up + down > 0 ? r.eventAt : null,
          superseded: false,
          billing_unit: null,
        };
        sessions.set(key, row);
        dirtySessions.set(row.id, row);
        session = row;
      } else {
        const e = existing;
        session = e;
        totalBefore = e.bytes_up + e.bytes_down;
        // Counters never go backwards: an Interim that arrives late changes nothing it should not.
        deltaUp = Math.max(0, up - e.bytes_up);
        deltaDown = Math.max(0, down - e.bytes_down);
        const newer = e.last_update_at.getTime() <= r.eventAt.getTime();
        const traffic =
          deltaUp + deltaDown > 0 &&
          (!e.last_traffic_at || e.last_traffic_at.getTime() < r.eventAt.getTime());
        e.bytes_up = Math.max(e.bytes_up, up);
        e.bytes_down = Math.max(e.bytes_down, down);
        e.session_time = Math.max(e.session_time ?? 0, r.sessionTime ?? 0);
        if (newer) e.last_update_at = r.eventAt;
        if (r.status === "start") e.started_at = r.eventAt;
        if (closing) {
          e.status = "closed";
          e.ended_at = r.eventAt;
          e.terminate_cause = r.terminateCause ?? null;
        }
        if (newer && r.rat) {
          e.rat = r.rat;
          e.rat_code = r.ratCode ?? null;
        }
        if (newer && r.serving) {
          e.mcc = r.serving.mcc;
          e.mnc = r.serving.mnc;
        }
        if (newer && r.location) e.location = r.location;
        if (!e.apn && r.apn) e.apn = r.apn;
        if (!e.ip && r.framedIp) e.ip = r.framedIp;
        if (!e.imeisv && r.imeisv) e.imeisv = r.imeisv;
        if (traffic) e.last_traffic_at = r.eventAt;
        dirtySessions.set(e.id, e);
      }
      if (!sim) continue;

      const delta = deltaUp + deltaDown;
      if (delta > 0) {
        const zone = await ctx.zoneOf(sim.rate_plan_id, r.serving, r.eventAt);
        const day = dayOf(r.eventAt);
        const zoneKey = zone?.id ?? "unzoned";
        const billed = billedIncrement(
          totalBefore,
          session.bytes_up + session.bytes_down,
          await billingUnit(ctx, session, sim),
        );
        const k = `${sim.id}|${day}|${zoneKey}`;
        const u = usage.get(k);
        if (u) {
          u.bytes_up += deltaUp;
          u.bytes_down += deltaDown;
          u.billed_bytes += billed;
        } else
          usage.set(k, {
            sim_id: sim.id,
            day,
            zone_key: zoneKey,
            zone_id: zone?.id ?? null,
            account_id: sim.account_id,
            bytes_up: deltaUp,
            bytes_down: deltaDown,
            billed_bytes: billed,
          });
        const sk = `${session.id}|${day}|${zoneKey}`;
        const su = sessionUsage.get(sk);
        if (su) {
          su.bytes += delta;
          su.billed_bytes += billed;
        } else
          sessionUsage.set(sk, {
            session_id: session.id,
            sim_id: sim.id,
            day,
            zone_key: zoneKey,
            zone_id: zone?.id ?? null,
            account_id: sim.account_id,
            bytes: delta,
            billed_bytes: billed,
          });
      }
      const prev = states.get(sim.id);
      const { next, newer, events } = nextState(prev, sim, r.eventAt, {
        imei: r.imei,
        imeisv: r.imeisv,
        mcc: r.serving?.mcc,
        mnc: r.serving?.mnc,
        rat: r.rat,
        location: r.location,
        activity: (!existing && r.status === "start") || delta > 0,
      });
      next.updated_at = now;
      states.set(sim.id, next);
      dirtyStates.add(sim.id);
      for (const event of events) effects.push({ event });
      // The SIM's usage counters: all time (test allowance) and this cycle (thresholds, data limit).
      // Traffic of a cycle already over (a very late record) counts in all time and in its day only.
      const cycle = cycleOf(r.eventAt);
      const current = next.cycle_start === null || cycle >= next.cycle_start;
      if (delta > 0) {
        next.total_bytes += delta;
        if (next.cycle_start === null || cycle > next.cycle_start) {
          next.cycle_start = cycle;
          next.cycle_bytes = delta;
        } else if (cycle === next.cycle_start) next.cycle_bytes += delta;
      }
      if (newer && r.serving) {
        const z = await zoneChange(ctx, sim, r.eventAt, r.serving, prev?.zone_key);
        if (z) {
          next.zone_key = z.key;
          if (z.event) effects.push({ event: z.event });
        }
      }
      // The usage thresholds count the customer's billing cycle (its time zone, its anchor day).
      if (delta > 0) {
        const uc = await ctx.usageCycleOf(sim.account_path, r.eventAt);
        if (next.usage_cycle_start === null || uc.start > next.usage_cycle_start) {
          next.usage_cycle_start = uc.start;
          next.usage_cycle_bytes = delta;
        } else if (uc.start === next.usage_cycle_start) next.usage_cycle_bytes += delta;
        if (uc.start === next.usage_cycle_start)
          for (const event of await usageThresholdEvents(
            ctx,
            sim,
            r.eventAt,
            delta,
            next.usage_cycle_bytes,
            uc,
          ))
            effects.push({ event });
      }

      // First data session of an ACTIVATION_READY SIM activates it (reference/iot-plans.md).
      if ((r.status === "start" || r.status === "interim") && sim.state === "ACTIVATION_READY") {
        sim.state = "ACTIVATED";
        const at = r.eventAt;
        effects.push({ run: (t) => changeState(t, sim.id, "ACTIVATED", "first data session", at) });
      }
      await testAllowance(ctx, sim, r.eventAt, next.total_bytes, effects);
      // Only new traffic or a new session can change whether the SIM is over its limit.
      if (current && (delta > 0 || (!existing && !closing)))
        await enforceLimit(
          ctx,
          sim,
          next,
          r.eventAt,
          existing || closing ? null : { clientId: r.clientId, acctSessionId: sessionId },
          effects,
        );
      if (!existing && !closing) {
        effects.push({
          event: {
            accountId: sim.account_id,
            type: "session.started",
            subjectId: sim.iccid,
            data: {
              iccid: sim.iccid,
              apn: r.apn ?? null,
              ipAddress: r.framedIp ?? null,
              at: r.eventAt.toISOString(),
            },
          },
        });
      }
      if (closing && !wasClosed) {
        const session = sessions.get(key);
        effects.push({
          event: {
            accountId: sim.account_id,
            type: "session.stopped",
            subjectId: sim.iccid,
            data: {
              iccid: sim.iccid,
              cause: r.terminateCause ?? null,
              apn: session?.apn ?? r.apn ?? null,
              ipAddress: session?.ip ?? r.framedIp ?? null,
              startedAt: session?.started_at.toISOString() ?? null,
              at: r.eventAt.toISOString(),
            },
          },
        });
      }
    }

    await sessionsRepo.saveFold(tx, {
      superseded,
      sessions: [...dirtySessions.values()],
      usage: [...usage.values()],
      sessionUsage: [...sessionUsage.values()],
      states: [...dirtyStates].map((id) => states.get(id)!),
      unknown: [...unknown.values()],
    });
    await runEffects(tx, effects);
  }

  /**
   * The session's rounding unit in bytes: fixed once, from the rate plan version in force when the
   * session started (a plan change mid-session would otherwise break the sum of its increments).
   */
  async function billingUnit(ctx: BatchContext, session: SessionRow, sim: SimRef) {
    if (session.billing_unit === null) {
      const v = sim.rate_plan_id ? await ctx.versionAt(sim.rate_plan_id, session.started_at) : null;
      session.billing_unit = roundingUnit(v?.terms.rounding);
    }
    return session.billing_unit;
  }

  /** A TEST_READY SIM moves on (account setting) once its test data allowance is used up. */
  async function testAllowance(
    ctx: BatchContext,
    sim: SimRef,
    at: Date,
    totalBytes: number,
    effects: Effect[],
  ) {
    if (sim.state !== "TEST_READY" || !sim.rate_plan_id) return;
    const v = await ctx.versionAt(sim.rate_plan_id, at);
    if (!v) return;
    if (totalBytes < v.terms.testReady.dataBytes) return;
    // Where a SIM goes after its test is its account's setting, read only when one does.
    const then = await ctx.testReadyThen(sim.account_id);
    const to = then === "ACTIVATION_READY" ? "ACTIVATION_READY" : "ACTIVATED";
    sim.state = to;
    const reason = `test allowance of ${v.terms.testReady.dataBytes} bytes used up`;
    effects.push({ run: (tx) => changeState(tx, sim.id, to, reason, at) });
  }

  /**
   * A SIM over its cycle's data limit (from its rate plan, unless overridden) is barred: its open
   * sessions get a Disconnect-Request, once per cycle, and a session it opens anyway is torn down too.
   */
  async function enforceLimit(
    ctx: BatchContext,
    sim: SimRef,
    state: StateRow,
    at: Date,
    newSession: { clientId: string; acctSessionId: string } | null,
    effects: Effect[],
  ) {
    if (!sim.rate_plan_id || sim.overage_limit_override !== "DEFAULT") return;
    const v = await ctx.versionAt(sim.rate_plan_id, at);
    const limit = v?.terms.dataLimitBytes ?? null;
    if (limit === null) return;
    const cycleStart = cycleOf(at);
    const total = state.cycle_start === cycleStart ? state.cycle_bytes : 0;
    if (total < limit) return;
    const firstTime = !state.barred_at || dayOf(state.barred_at) < cycleStart;
    if (!firstTime && !newSession) return;
    const reason = `data limit of ${limit} bytes reached (${total} bytes used since ${cycleStart})`;
    const target = { id: sim.id, account_id: sim.account_id, imsi: sim.imsi };
    if (firstTime) {
      state.barred_at = at;
      state.barred_reason = reason;
      // The HSS is told by a cancel-location: the device detaches, and an HSS provisioned from Otter's
      // API (connectivity BLOCKED) refuses it until the limit is lifted or the cycle ends.
      effects.push({ run: (tx) => deps.actions.cancelLocation(tx, target, reason, "system") });
      effects.push({
        event: {
          accountId: sim.account_id,
          type: "sim.data_limit_reached",
          subjectId: sim.iccid,
          data: { iccid: sim.iccid, limitBytes: limit, usedBytes: total, at: at.toISOString() },
        },
      });
    }
    const only = firstTime ? undefined : (newSession ?? undefined);
    effects.push({
      run: (tx) => deps.actions.disconnectSim(tx, target, reason, "system", only),
    });
  }

  return {
    /**
     * Stores a batch of accounting records in one transaction (group commit), in a number of
     * statements that does not grow with the batch: the records whose dedupe key is new are stored,
     * then folded in order into sessions, daily usage and SIM states. An Accounting-On/Off closes its
     * gateway's sessions between the records before it and after it. Each record returns `stored` or
     * `duplicate` (a retransmission, a record already stored, or one the batch carries twice).
     */
    async recordAccounting(batch: AccountingInput[]): Promise<("stored" | "duplicate")[]> {
      if (batch.length === 0) return [];
      return inTransaction(db, async (tx) => {
        const ctx = batchContext(tx);
        const sims = await simsOfBatch(
          tx,
          batch.map((r) => r.imsi),
        );
        // Records of no known SIM belong to the operator; its account is read only when there are some.
        const root = batch.some((r) => !r.imsi || !sims.has(r.imsi))
          ? await deps.accounts.rootAccount(tx)
          : { id: "" };
        const rows = batch.map((r) => {
          const sim = r.imsi ? sims.get(r.imsi) : undefined;
          return {
            id: newId(),
            dedupe_key: r.dedupeKey,
            client_id: r.clientId,
            account_id: sim?.account_id ?? root.id,
            sim_id: sim?.id ?? null,
            imsi: r.imsi ?? null,
            acct_session_id: r.sessionId ?? null,
            status: r.status,
            event_at: r.eventAt,
            record: r.record,
          };
        });
        // A batch without Accounting-On/Off is folded in one run: its rows are locked as its records
        // are stored, in the same statement.
        const oneRun = !batch.some(
          (r) => r.status === "accounting-on" || r.status === "accounting-off",
        );
        const folded = batch.filter((r) => r.sessionId);
        const stored = oneRun
          ? await sessionsRepo.storeNewRecordsAndLock(
              tx,
              clock.now(),
              rows,
              sessionKeys(folded),
              simIdsOf(sims, folded),
            )
          : { fresh: await sessionsRepo.storeNewRecords(tx, clock.now(), rows) };
        const fresh = stored.fresh;
        const prelocked = "sessions" in stored ? stored : undefined;
        const out: ("stored" | "duplicate")[] = [];
        let run: AccountingInput[] = [];
        for (const r of batch) {
          // A key stored before, or met earlier in this batch, is a duplicate.
          if (!fresh.delete(r.dedupeKey)) {
            out.push("duplicate");
            continue;
          }
          out.push("stored");
          if (r.status === "accounting-on" || r.status === "accounting-off") {
            if (run.length > 0) await foldRun(tx, ctx, root.id, sims, run);
            run = [];
            // The gateway restarted: every session it had open is gone.
            await sessionsRepo.closeAfterGatewayRestart(tx, r.clientId, r.eventAt);
          } else if (r.sessionId) run.push(r);
        }
        if (run.length > 0) await foldRun(tx, ctx, root.id, sims, run, prelocked);
        return out;
      });
    },

    /** Stores registration events (idempotent by event id); returns each event's outcome. */
    async recordRegistrationEvents(
      events: RegistrationEventInput[],
    ): Promise<{ id: string; status: "stored" | "duplicate"; iccid: string | null }[]> {
      return inTransaction(db, async (tx) => {
        const root = await deps.accounts.rootAccount(tx);
        const ctx = batchContext(tx);
        const sims = await simsOfBatch(
          tx,
          events.map((e) => e.imsi),
        );
        const out: { id: string; status: "stored" | "duplicate"; iccid: string | null }[] = [];
        for (const e of events) {
          const sim = sims.get(e.imsi);
          const inserted = await networkRepo.insertRegistrationEvent(tx, {
            id: newId(),
            event_id: e.id,
            account_id: sim?.account_id ?? root.id,
            sim_id: sim?.id ?? null,
            imsi: e.imsi,
            type: e.type,
            result: e.result ?? null,
            cause: e.cause ?? null,
            cause_type: e.causeType ?? null,
            visited_plmn: e.visitedPlmn ?? null,
            rat: e.rat ?? null,
            imei: e.imei ?? null,
            at: e.at,
            received_at: clock.now(),
          });
          if (!inserted) {
            out.push({ id: e.id, status: "duplicate", iccid: sim?.iccid ?? null });
            continue;
          }
          if (!sim) {
            await networkRepo.noteUnknownImsi(tx, e.imsi, "hss", e.visitedPlmn ?? null, e.at);
          } else {
            const plmn = e.visitedPlmn
              ? { mcc: e.visitedPlmn.slice(0, 3), mnc: e.visitedPlmn.slice(3) }
              : undefined;
            const { prev, newer } = await touchState(tx, sim, e.at, {
              imei: e.imei,
              mcc: plmn?.mcc,
              mnc: plmn?.mnc,
              rat: e.rat ?? null,
              registration: {
                type: e.type,
                result: e.result ?? null,
                cause: e.cause ?? null,
                causeType: e.causeType ?? null,
                at: e.at.toISOString(),
                visitedPlmn: e.visitedPlmn ?? null,
              },
            });
            // Only an accepted registration puts the SIM in a network; a rejected one leaves it where it was.
            if (newer && plmn && e.type === "location_update" && e.result === "accepted") {
              const z = await zoneChange(ctx, sim, e.at, plmn, prev?.zone_key);
              if (z) {
                await networkRepo.setZoneKey(tx, sim.id, z.key);
                if (z.event) await deps.events.emit(tx, [z.event]);
              }
            }
            if (e.type === "location_update" && e.result === "rejected") {
              await deps.events.emit(tx, [
                {
                  accountId: sim.account_id,
                  type: "sim.registration_rejected",
                  subjectId: sim.iccid,
                  data: {
                    iccid: sim.iccid,
                    cause: e.cause ?? null,
                    causeType: e.causeType ?? null,
                    visitedPlmn: e.visitedPlmn ?? null,
                    at: e.at.toISOString(),
                  },
                },
              ]);
            }
          }
          out.push({ id: e.id, status: "stored", iccid: sim?.iccid ?? null });
        }
        return out;
      });
    },
  };
}

export type SignalsService = ReturnType<typeof createSignalsService>;
