import type { Logger } from "pino";
import { type Db, type Executor, inTransaction, type Tx } from "../../db/database.js";
import type { Zone } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { type Imsi, parseImsi, storedForm } from "../../lib/identifiers.js";
import { newId } from "../../lib/ids.js";
import { accountSettingsRepo } from "../accounts/account-settings.shared.repo.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import { SYSTEM_ACTOR } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import type { EventsService } from "../events/events.service.js";
import { simLookupRepo } from "../sims/sim-lookup.shared.repo.js";
import type { SimsService } from "../sims/sims.service.js";
import type { AccountingInput, RegistrationType } from "./network.types.js";
import { MIN_SILENCE_MS } from "./silence-policy.js";
import { describePlmn } from "./plmn.js";
import type { NetworkActionsService } from "./network-actions.service.js";
import { networkRepo } from "./network.repo.js";
import { sessionsRepo } from "./sessions.repo.js";

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
}

/** Cycle usage thresholds every SIM reports (`sim.usage_threshold`), in percent of the included data. */
export const STANDARD_USAGE_THRESHOLDS = [50, 80, 100] as const;

type SimRef = Awaited<ReturnType<typeof simLookupRepo.byImsis>>[number];

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

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
      const ids = v ? v.terms.zones.map((z) => z.zoneId) : null;
      if (!ids) return null;
      const all = await allZones();
      const country = describePlmn(serving.mcc, serving.mnc).country;
      const plmn = `${serving.mcc}${serving.mnc}`;
      const candidates = ids
        .map((id) => all.find((z) => z.id === id))
        .filter((z): z is Zone => !!z);
      return (
        candidates.find((z) => z.plmns.includes(plmn)) ??
        candidates.find((z) => country !== null && z.countries.includes(country)) ??
        null
      );
    };
    return { versionAt, zoneOf, allZones, commPlan, usageThresholds };
  }
  type BatchContext = ReturnType<typeof batchContext>;

  async function addUsage(
    tx: Tx,
    sim: SimRef,
    zone: Zone | null,
    at: Date,
    up: number,
    down: number,
  ) {
    if (up <= 0 && down <= 0) return;
    await networkRepo.addUsage(tx, {
      sim_id: sim.id,
      day: dayOf(at),
      zone_key: zone?.id ?? "unzoned",
      zone_id: zone?.id ?? null,
      account_id: sim.account_id,
      bytes_up: up,
      bytes_down: down,
    });
  }

  /** Updates what Otter last knew of the SIM on the network; reports an IMEI change. */
  async function touchState(
    tx: Tx,
    sim: SimRef,
    at: Date,
    s: {
      imei?: string;
      imeisv?: string;
      mcc?: string;
      mnc?: string;
      rat?: string | null;
      location?: unknown;
      registration?: unknown;
      activity?: boolean;
    },
  ) {
    const prev = await networkRepo.lockState(tx, sim.id);
    // `<=`: of two signals with the same time, the one that arrives later wins (a rejection and an
    // acceptance stamped in the same second leave the SIM as the later one said; docs/network.md).
    const newer = !prev?.last_seen || prev.last_seen.getTime() <= at.getTime();
    const imeiChanged = !!s.imei && !!prev?.imei && prev.imei !== s.imei && newer;
    const active =
      !!s.activity && (!prev?.last_activity_at || prev.last_activity_at.getTime() < at.getTime());
    const row = {
      sim_id: sim.id,
      account_id: sim.account_id,
      last_seen: prev?.last_seen && !newer ? prev.last_seen : at,
      last_registration:
        s.registration !== undefined && newer
          ? JSON.stringify(s.registration)
          : prev?.last_registration !== undefined && prev?.last_registration !== null
            ? JSON.stringify(prev.last_registration)
            : null,
      imei: newer && s.imei ? s.imei : (prev?.imei ?? s.imei ?? null),
      imeisv: newer && s.imeisv ? s.imeisv : (prev?.imeisv ?? s.imeisv ?? null),
      previous_imei: imeiChanged ? prev!.imei : (prev?.previous_imei ?? null),
      imei_changed_at: imeiChanged ? at : (prev?.imei_changed_at ?? null),
      mcc: newer && s.mcc ? s.mcc : (prev?.mcc ?? s.mcc ?? null),
      mnc: newer && s.mnc ? s.mnc : (prev?.mnc ?? s.mnc ?? null),
      rat: newer && s.rat ? s.rat : (prev?.rat ?? s.rat ?? null),
      location:
        newer && s.location
          ? JSON.stringify(s.location)
          : prev?.location
            ? JSON.stringify(prev.location)
            : null,
      updated_at: clock.now(),
      // A session began or bytes flowed: the silence detector looks again once the shortest silence
      // could have passed, and a silence episode ends.
      ...(active && {
        last_activity_at: at,
        silence_check_at: new Date(at.getTime() + MIN_SILENCE_MS),
        silent_since: null,
      }),
    };
    await networkRepo.saveState(tx, row);
    if (imeiChanged) {
      await deps.events.emit(tx, [
        {
          accountId: sim.account_id,
          type: "sim.imei_changed",
          subjectId: sim.iccid,
          data: { iccid: sim.iccid, from: prev!.imei, to: s.imei ?? null, at: at.toISOString() },
        },
      ]);
    }
    if (active && prev?.silent_since) {
      await deps.events.emit(tx, [
        {
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
        },
      ]);
    }
    return { prev, newer };
  }
  type PriorState = Awaited<ReturnType<typeof touchState>>["prev"];

  /**
   * The zone a SIM is in, when it changes: the communication plan's zone that covers the network
   * (in plan), else the rate plan's, else any zone of the catalog that covers it (not in plan), else
   * just the country. The stored key starts with the network so a SIM that stays on one network
   * costs one comparison.
   */
  async function noteZone(
    tx: Tx,
    ctx: BatchContext,
    sim: SimRef,
    at: Date,
    serving: { mcc: string; mnc: string },
    prev: PriorState,
  ) {
    const plmn = `${serving.mcc}${serving.mnc}`;
    if (prev?.zone_key?.startsWith(`${plmn}|`)) return;
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
    const prevWhere = prev?.zone_key ? prev.zone_key.slice(prev.zone_key.indexOf("|") + 1) : null;
    await networkRepo.setZoneKey(tx, sim.id, `${plmn}|${where}`);
    if (where === prevWhere) return;
    let previousZone: { id: string; name: string } | null = null;
    if (prevWhere?.startsWith("zone:")) {
      const z = (await ctx.allZones()).find((x) => x.id === prevWhere.slice(5));
      previousZone = z
        ? { id: z.id, name: z.name }
        : { id: prevWhere.slice(5), name: prevWhere.slice(5) };
    }
    const previousPlmn = prev?.zone_key ? prev.zone_key.slice(0, prev.zone_key.indexOf("|")) : null;
    await deps.events.emit(tx, [
      {
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
    ]);
  }

  /**
   * Cycle (calendar month) usage crossing a threshold: 50, 80 and 100 % of the rate plan's included
   * data (of the data limit when nothing is included) and any percentage a rule asked for. Usage
   * only grows within a cycle, so each threshold is crossed, and reported, once per cycle.
   */
  async function checkUsageThresholds(
    tx: Tx,
    ctx: BatchContext,
    sim: SimRef,
    at: Date,
    delta: number,
  ) {
    if (!sim.rate_plan_id || delta <= 0) return;
    const v = await ctx.versionAt(sim.rate_plan_id, at);
    if (!v) return;
    const included = v.terms.included?.dataBytes ?? 0;
    const basis =
      included > 0 ? ("included" as const) : v.terms.dataLimitBytes ? ("dataLimit" as const) : null;
    if (!basis) return;
    const base = basis === "included" ? included : v.terms.dataLimitBytes!;
    const cycleStart = `${at.toISOString().slice(0, 7)}-01`;
    const used = await networkRepo.usedBytes(tx, sim.id, { from: cycleStart, to: dayOf(at) });
    const after = Number(used?.total ?? 0);
    const before = after - delta;
    const crossed = (await ctx.usageThresholds(sim.account_path)).filter(
      (p) => before < (base * p) / 100 && (base * p) / 100 <= after,
    );
    if (crossed.length === 0) return;
    await deps.events.emit(
      tx,
      crossed.map((p) => ({
        accountId: sim.account_id,
        type: "sim.usage_threshold",
        subjectId: sim.iccid,
        data: {
          iccid: sim.iccid,
          thresholdPercent: p,
          thresholdBytes: Math.ceil((base * p) / 100),
          usedBytes: after,
          includedBytes: included,
          dataLimitBytes: v.terms.dataLimitBytes ?? null,
          basis,
          cycleStart,
          at: at.toISOString(),
        },
      })),
    );
  }

  /** First data session of an ACTIVATION_READY SIM activates it (reference/iot-plans.md). */
  async function autoActivate(tx: Tx, sim: SimRef, at: Date) {
    if (sim.state !== "ACTIVATION_READY") return;
    const row = await deps.sims.lockById(tx, sim.id);
    if (!row) return;
    await deps.sims.applyChange(
      tx,
      row,
      { state: "ACTIVATED" },
      { actor: SYSTEM_ACTOR, byOperator: true, reason: "first data session", effectiveDate: at },
    );
    sim.state = "ACTIVATED";
  }

  /** A TEST_READY SIM moves on (account setting) once its test data allowance is used up. */
  async function testAllowance(tx: Tx, ctx: BatchContext, sim: SimRef, at: Date) {
    if (sim.state !== "TEST_READY" || !sim.rate_plan_id) return;
    const v = await ctx.versionAt(sim.rate_plan_id, at);
    if (!v) return;
    const used = await networkRepo.usedBytes(tx, sim.id);
    if (Number(used?.total ?? 0) < v.terms.testReady.dataBytes) return;
    const row = await deps.sims.lockById(tx, sim.id);
    if (!row) return;
    // Where a SIM goes after its test is its account's setting, read only when one does.
    const then = (await accountSettingsRepo.testReadyThen(tx, [sim.account_id])).get(
      sim.account_id,
    );
    const to = then === "ACTIVATION_READY" ? "ACTIVATION_READY" : "ACTIVATED";
    await deps.sims.applyChange(
      tx,
      row,
      { state: to },
      {
        actor: SYSTEM_ACTOR,
        byOperator: true,
        reason: `test allowance of ${v.terms.testReady.dataBytes} bytes used up`,
        effectiveDate: at,
      },
    );
    sim.state = to;
  }

  /**
   * A SIM over its cycle's data limit (from its rate plan, unless overridden) is barred: its open
   * sessions get a Disconnect-Request, once per cycle, and a session it opens anyway is torn down too.
   */
  async function enforceLimit(
    tx: Tx,
    ctx: BatchContext,
    sim: SimRef,
    at: Date,
    newSession: { clientId: string; acctSessionId: string } | null,
  ) {
    if (!sim.rate_plan_id || sim.overage_limit_override !== "DEFAULT") return;
    const v = await ctx.versionAt(sim.rate_plan_id, at);
    const limit = v?.terms.dataLimitBytes ?? null;
    if (limit === null) return;
    const cycleStart = `${at.toISOString().slice(0, 7)}-01`;
    const used = await networkRepo.usedBytes(tx, sim.id, { from: cycleStart });
    const total = Number(used?.total ?? 0);
    if (total < limit) return;
    const state = await networkRepo.barredAt(tx, sim.id);
    const firstTime = !state?.barred_at || state.barred_at.toISOString().slice(0, 10) < cycleStart;
    if (!firstTime && !newSession) return;
    const reason = `data limit of ${limit} bytes reached (${total} bytes used since ${cycleStart})`;
    if (firstTime) {
      await networkRepo.markBarred(tx, sim.id, at, reason);
      // The HSS is told by a cancel-location: the device detaches, and an HSS provisioned from Otter's
      // API (connectivity BLOCKED) refuses it until the limit is lifted or the cycle ends.
      await deps.actions.cancelLocation(
        tx,
        { id: sim.id, account_id: sim.account_id, imsi: sim.imsi },
        reason,
        "system",
      );
      await deps.events.emit(tx, [
        {
          accountId: sim.account_id,
          type: "sim.data_limit_reached",
          subjectId: sim.iccid,
          data: { iccid: sim.iccid, limitBytes: limit, usedBytes: total, at: at.toISOString() },
        },
      ]);
    }
    await deps.actions.disconnectSim(
      tx,
      sim,
      reason,
      "system",
      firstTime ? undefined : (newSession ?? undefined),
    );
  }

  async function applyAccounting(
    tx: Tx,
    r: AccountingInput,
    rootId: string,
    ctx: BatchContext,
    sims: Map<string, SimRef>,
  ): Promise<"stored" | "duplicate"> {
    const now = clock.now();
    const sim = r.imsi ? sims.get(r.imsi) : undefined;
    const inserted = await sessionsRepo.insertAccountingRecord(tx, {
      id: newId(),
      dedupe_key: r.dedupeKey,
      client_id: r.clientId,
      account_id: sim?.account_id ?? rootId,
      sim_id: sim?.id ?? null,
      imsi: r.imsi ?? null,
      acct_session_id: r.sessionId ?? null,
      status: r.status,
      event_at: r.eventAt,
      received_at: now,
      record: JSON.stringify(r.record),
    });
    if (!inserted) return "duplicate";

    if (r.status === "accounting-on" || r.status === "accounting-off") {
      // The gateway restarted: every session it had open is gone.
      await sessionsRepo.closeAfterGatewayRestart(tx, r.clientId, r.eventAt);
      return "stored";
    }
    if (!r.sessionId) return "stored";
    if (r.imsi && !sim)
      await networkRepo.noteUnknownImsi(
        tx,
        r.imsi,
        "radius",
        r.serving ? `${r.serving.mcc}${r.serving.mnc}` : null,
        r.eventAt,
      );

    let existing = await sessionsRepo.lockCurrent(tx, r.clientId, r.sessionId);
    if (
      existing &&
      r.status === "start" &&
      existing.status === "closed" &&
      existing.ended_at &&
      existing.ended_at.getTime() <= r.eventAt.getTime()
    ) {
      // The gateway reused the Acct-Session-Id for a new session: keep the old one, start afresh.
      await sessionsRepo.markSuperseded(tx, existing.id);
      existing = undefined;
    }
    const up = r.bytesUp ?? 0;
    const down = r.bytesDown ?? 0;
    const closing = r.status === "stop";
    const startedAt =
      r.status === "start"
        ? r.eventAt
        : new Date(r.eventAt.getTime() - (r.sessionTime ?? 0) * 1000);
    let deltaUp = up;
    let deltaDown = down;
    if (!existing) {
      await sessionsRepo.insert(tx, {
        id: newId(),
        account_id: sim?.account_id ?? rootId,
        client_id: r.clientId,
        acct_session_id: r.sessionId,
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
        location: r.location ? JSON.stringify(r.location) : null,
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
      });
    } else {
      // Counters never go backwards: an Interim that arrives late changes nothing it should not.
      deltaUp = Math.max(0, up - existing.bytes_up);
      deltaDown = Math.max(0, down - existing.bytes_down);
      const newer = existing.last_update_at.getTime() <= r.eventAt.getTime();
      await sessionsRepo.update(tx, existing.id, {
        bytes_up: Math.max(existing.bytes_up, up),
        bytes_down: Math.max(existing.bytes_down, down),
        session_time: Math.max(existing.session_time ?? 0, r.sessionTime ?? 0),
        last_update_at: newer ? r.eventAt : existing.last_update_at,
        ...(r.status === "start" && { started_at: r.eventAt }),
        ...(closing && {
          status: "closed" as const,
          ended_at: r.eventAt,
          terminate_cause: r.terminateCause ?? null,
        }),
        ...(newer && r.rat && { rat: r.rat, rat_code: r.ratCode ?? null }),
        ...(newer && r.serving && { mcc: r.serving.mcc, mnc: r.serving.mnc }),
        ...(newer && r.location && { location: JSON.stringify(r.location) }),
        ...(!existing.apn && r.apn && { apn: r.apn }),
        ...(!existing.ip && r.framedIp && { ip: r.framedIp }),
        ...(!existing.imeisv && r.imeisv && { imeisv: r.imeisv }),
        ...(deltaUp + deltaDown > 0 &&
          (!existing.last_traffic_at ||
            existing.last_traffic_at.getTime() < r.eventAt.getTime()) && {
            last_traffic_at: r.eventAt,
          }),
      });
    }

    if (sim) {
      await addUsage(
        tx,
        sim,
        await ctx.zoneOf(sim.rate_plan_id, r.serving, r.eventAt),
        r.eventAt,
        deltaUp,
        deltaDown,
      );
      const { prev, newer } = await touchState(tx, sim, r.eventAt, {
        imei: r.imei,
        imeisv: r.imeisv,
        mcc: r.serving?.mcc,
        mnc: r.serving?.mnc,
        rat: r.rat,
        location: r.location,
        activity: (!existing && r.status === "start") || deltaUp + deltaDown > 0,
      });
      if (newer && r.serving) await noteZone(tx, ctx, sim, r.eventAt, r.serving, prev);
      await checkUsageThresholds(tx, ctx, sim, r.eventAt, deltaUp + deltaDown);
      if (r.status === "start" || r.status === "interim") await autoActivate(tx, sim, r.eventAt);
      await testAllowance(tx, ctx, sim, r.eventAt);
      // Only new traffic or a new session can change whether the SIM is over its limit.
      if (deltaUp + deltaDown > 0 || (!existing && !closing))
        await enforceLimit(
          tx,
          ctx,
          sim,
          r.eventAt,
          existing || closing ? null : { clientId: r.clientId, acctSessionId: r.sessionId },
        );
      if (!existing && !closing) {
        await deps.events.emit(tx, [
          {
            accountId: sim.account_id,
            type: "session.started",
            subjectId: sim.iccid,
            data: { iccid: sim.iccid, apn: r.apn ?? null, at: r.eventAt.toISOString() },
          },
        ]);
      }
      if (closing && existing?.status !== "closed") {
        await deps.events.emit(tx, [
          {
            accountId: sim.account_id,
            type: "session.stopped",
            subjectId: sim.iccid,
            data: {
              iccid: sim.iccid,
              cause: r.terminateCause ?? null,
              at: r.eventAt.toISOString(),
            },
          },
        ]);
      }
    }
    return "stored";
  }

  return {
    /**
     * Stores a batch of accounting records in one transaction (group commit). Records are applied in
     * order; each returns `stored` or `duplicate` (a retransmission or a record already stored).
     */
    async recordAccounting(batch: AccountingInput[]): Promise<("stored" | "duplicate")[]> {
      if (batch.length === 0) return [];
      return inTransaction(db, async (tx) => {
        const root = await deps.accounts.rootAccount(tx);
        const ctx = batchContext(tx);
        const sims = await simsOfBatch(
          tx,
          batch.map((r) => r.imsi),
        );
        const out: ("stored" | "duplicate")[] = [];
        for (const r of batch) out.push(await applyAccounting(tx, r, root.id, ctx, sims));
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
            if (newer && plmn && e.type === "location_update" && e.result === "accepted")
              await noteZone(tx, ctx, sim, e.at, plmn, prev);
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
