import type { Db } from "../../db/database.js";
import type { Account } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { OtterError } from "../../lib/errors.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { Principal } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { SimBulk } from "../sims/bulk/sim-bulk.js";
import type { SimState } from "../sims/sim-lifecycle.js";
import { type ModifiedKey, simModifiedRepo } from "../sims/sim-modified.shared.repo.js";
import type { SimPatch } from "../sims/sims.schemas.js";
import type { SimsService } from "../sims/sims.service.js";
import type { NetworkViewService } from "../network/network-view.service.js";
import type { SimActionsService } from "../actions/sim-actions.service.js";
import type { SmsService } from "../sms/sms.service.js";
import {
  formatCcDate,
  formatCycleDate,
  numericCandidate,
  type Paging,
  parseCcStatus,
  parseNumericId,
  parseOverride,
} from "./cc-wire.js";
import { ccErrors } from "./controlcenter.errors.js";
import { controlcenterRepo as repo, type NumericKind } from "./controlcenter.repo.js";
import {
  type DeviceDetails,
  presentAccount,
  presentDevice,
  presentUser,
  type SimDetail,
  deviceIdentity,
} from "./controlcenter.presenter.js";
import type { DeviceEdit, DeviceSearch } from "./controlcenter.schemas.js";

interface Deps {
  db: Db;
  clock: Clock;
  accounts: Pick<
    AccountsService,
    "keyHolder" | "directory" | "requireVisible" | "list" | "listUsers" | "getUser"
  >;
  sims: Pick<
    SimsService,
    | "get"
    | "getWithHolder"
    | "update"
    | "resolveFilter"
    | "audit"
    | "requireVisibleSim"
    | "identify"
    | "findById"
  >;
  catalog: Pick<CatalogService, "planNames" | "listRatePlans" | "rateVersionAt">;
  network: Pick<NetworkViewService, "sessions" | "usage" | "locations">;
  simBulk: Pick<SimBulk, "start">;
  simActions: Pick<SimActionsService, "request">;
  sms: Pick<SmsService, "list" | "find">;
}

/** How many page boundaries of device searches a node remembers (about 100 bytes each). */
const PAGE_KEYS_KEPT = 50_000;
/**
 * A page asked for out of order starts from the nearest remembered place of its search: places are
 * kept every this many rows, so the page skips fewer rows than this, whatever its depth.
 */
const ANCHOR_STRIDE = 500;
/** Places of a search are read afresh after this long (a nightly export fits in it many times). */
const ANCHORS_LIFETIME_MS = 10 * 60_000;
/** How many searches' places a node keeps (2,000 places, about 200 kB, for 1,000,000 SIMs). */
const SEARCHES_KEPT = 200;
/** How long an `Idempotency-Key` of a device edit is remembered. */
const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;

const depth = (path: string) => path.split("/").filter(Boolean).length;

/**
 * Control Center's REST API over Otter's modules (docs/control-center.md): every answer comes from
 * the same services, permissions and subtree as /api/v1; this module only translates names,
 * numbers, dates and errors, and keeps the numbers Control Center clients know accounts and SMS by.
 */
export function createControlCenterService(deps: Deps) {
  const { db, clock } = deps;
  /** Account numbers never change once given: remembered both ways. */
  const numberOfAccount = new Map<string, number>();
  const accountOfNumber = new Map<number, string>();
  /** Where page N of a search starts, learnt when page N-1 was served (keyset paging for exports). */
  const pageStarts = new Map<string, ModifiedKey>();
  /**
   * Per search (scope and filter), the key of every ANCHOR_STRIDE-th SIM, read as far as a page out
   * of order needed; `chain` runs one reading at a time, so places are appended in order.
   */
  const anchorsOf = new Map<
    string,
    { since: number; keys: ModifiedKey[]; ended: boolean; chain: Promise<unknown> }
  >();

  /**
   * Where to read a page that starts `skip` rows into a search: after a remembered key (read here
   * when not yet known) and the few rows left to skip from it.
   */
  async function startOf(
    search: string,
    scope: string | null,
    filter: Parameters<typeof simModifiedRepo.anchors>[2],
    skip: number,
  ): Promise<{ after?: ModifiedKey; offset: number }> {
    const wanted = Math.floor(skip / ANCHOR_STRIDE);
    if (wanted === 0) return { offset: skip };
    const now = clock.now().getTime();
    let entry = anchorsOf.get(search);
    if (!entry || Math.abs(now - entry.since) >= ANCHORS_LIFETIME_MS) {
      if (!entry && anchorsOf.size >= SEARCHES_KEPT) {
        const oldest = anchorsOf.keys().next().value;
        if (oldest !== undefined) anchorsOf.delete(oldest);
      }
      entry = { since: now, keys: [], ended: false, chain: Promise.resolve() };
      anchorsOf.set(search, entry);
    }
    const e = entry;
    if (e.keys.length < wanted && !e.ended) {
      const read = e.chain.then(async () => {
        if (e.keys.length >= wanted || e.ended) return;
        const count = wanted - e.keys.length;
        const more = await simModifiedRepo.anchors(db, scope, filter, {
          after: e.keys[e.keys.length - 1],
          stride: ANCHOR_STRIDE,
          count,
        });
        e.keys.push(...more);
        if (more.length < count) e.ended = true;
      });
      // A failed read leaves the places as they were; the next page tries again.
      e.chain = read.catch(() => undefined);
      await read;
    }
    const known = Math.min(wanted, e.keys.length);
    return { after: e.keys[known - 1], offset: skip - known * ANCHOR_STRIDE };
  }

  /** The numbers of these Otter ids, giving one to each id that has none yet. */
  async function numbersFor(
    kind: NumericKind,
    items: readonly { otterId: string; accountId: string }[],
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (items.length === 0) return out;
    const ids = [...new Set(items.map((i) => i.otterId))];
    for (const r of await repo.numbersOf(db, kind, ids)) out.set(r.otter_id, Number(r.cc_id));
    let missing = items.filter((i) => !out.has(i.otterId));
    for (let attempt = 0; missing.length > 0 && attempt < 64; attempt++) {
      await repo.offerNumbers(
        db,
        missing.map((m) => ({
          kind,
          cc_id: numericCandidate(m.otterId) + attempt,
          otter_id: m.otterId,
          account_id: m.accountId,
        })),
        clock.now(),
      );
      for (const r of await repo.numbersOf(
        db,
        kind,
        missing.map((m) => m.otterId),
      ))
        out.set(r.otter_id, Number(r.cc_id));
      missing = missing.filter((i) => !out.has(i.otterId));
    }
    if (missing.length > 0) throw ccErrors.internal();
    return out;
  }

  async function accountNumbers(ids: readonly string[]): Promise<Map<string, number>> {
    const unknown = ids.filter((id) => !numberOfAccount.has(id));
    if (unknown.length > 0) {
      const got = await numbersFor(
        "account",
        unknown.map((id) => ({ otterId: id, accountId: id })),
      );
      for (const [id, n] of got) {
        numberOfAccount.set(id, n);
        accountOfNumber.set(n, id);
      }
    }
    return new Map(ids.map((id) => [id, numberOfAccount.get(id)!]));
  }

  /** The Otter account a client's accountId names, if the principal may see it (else 20000003). */
  async function visibleAccount(principal: Principal, raw: string): Promise<Account> {
    const n = parseNumericId(raw);
    if (n === null) throw ccErrors.accountIdInvalid(raw);
    let id = accountOfNumber.get(n);
    if (!id) {
      const row = await repo.otterIdOf(db, "account", n);
      if (!row) throw ccErrors.accountNotFound(raw);
      id = row.otter_id;
      numberOfAccount.set(id, n);
      accountOfNumber.set(n, id);
    }
    try {
      return await deps.accounts.requireVisible(principal, id);
    } catch (err) {
      if (err instanceof OtterError && err.kind === "not_found")
        throw ccErrors.accountNotFound(raw);
      throw err;
    }
  }

  function rememberPageStart(key: string, start: ModifiedKey) {
    if (pageStarts.size >= PAGE_KEYS_KEPT) {
      // Oldest first: a Map iterates in insertion order.
      const oldest = pageStarts.keys().next().value;
      if (oldest !== undefined) pageStarts.delete(oldest);
    }
    pageStarts.set(key, start);
  }

  async function presentUsers(
    users: { id: string; accountId: string; email: string; name: string; role: string }[],
  ) {
    const userNumbers = await numbersFor(
      "user",
      users.map((u) => ({ otterId: u.id, accountId: u.accountId })),
    );
    const accounts = await deps.accounts.directory.accountsByIds(db, [
      ...new Set(users.map((u) => u.accountId)),
    ]);
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    return users.map((u) =>
      presentUser(u, {
        userNumber: userNumbers.get(u.id)!,
        accountName: names.get(u.accountId) ?? null,
      }),
    );
  }

  async function getDetail(principal: Principal, iccid: string): Promise<SimDetail> {
    return (await deps.sims.get(principal, iccid)) as SimDetail;
  }

  /** The device; its holder's name and path as read with the SIM, else read here. */
  async function presentDetail(
    sim: SimDetail,
    known?: { name: string; path: string },
  ): Promise<DeviceDetails> {
    const holder = known ?? (await deps.accounts.directory.accountsByIds(db, [sim.accountId]))[0];
    const numbers = await accountNumbers([sim.accountId]);
    return presentDevice(sim, {
      accountNumber: numbers.get(sim.accountId)!,
      accountName: holder?.name ?? null,
      customer: holder && depth(holder.path) > 2 ? holder.name : null,
    });
  }

  return {
    /**
     * The principal of HTTP Basic credentials: the user's e-mail (any case) and one of that user's
     * live API keys. Null when they do not belong together. One statement, or none for a read
     * within a second of the key's last check on this node (`fresh` for a change).
     */
    async authenticate(
      username: string,
      apiKey: string,
      opts: { fresh: boolean },
    ): Promise<Principal | null> {
      const holder = await deps.accounts.keyHolder(apiKey, opts);
      if (!holder || holder.email.trim().toLowerCase() !== username.trim().toLowerCase())
        return null;
      return holder.principal;
    },

    /** Get Device Details: the SIM, its plans and its holder in one indexed read (a known catalog). */
    async device(principal: Principal, iccid: string): Promise<DeviceDetails> {
      const { detail, holder } = await deps.sims.getWithHolder(principal, iccid);
      return presentDetail(detail as SimDetail, holder);
    },

    /**
     * Search Devices: the SIMs modified in the window, oldest modification first, a page at a
     * time. Page N starts where page N-1 ended when this node served it (an export walking the
     * pages reads the index from there on); a page asked for out of order skips rows instead.
     */
    async searchDevices(principal: Principal, q: DeviceSearch, paging: Paging) {
      if (q.modifiedSince.getTime() > clock.now().getTime() + 60_000)
        throw ccErrors.modifiedSinceInFuture();
      let accountUuid: string | undefined;
      if (q.accountId) accountUuid = (await visibleAccount(principal, q.accountId)).id;
      let ids: string[] | undefined;
      if (q.imei) {
        ids = (await deps.sims.identify(principal, q.imei))
          .filter((s) => s.imei === q.imei)
          .map((s) => s.id);
        if (ids.length === 0) return { devices: [], pageNumber: paging.pageNumber, lastPage: true };
      }
      const resolved = await deps.sims.resolveFilter(principal, {
        accountId: accountUuid,
        state: q.status,
        iccid: q.iccid,
        imsi: q.imsi,
        msisdn: q.msisdn,
        modifiedSince: q.modifiedSince.toISOString(),
      });
      if (!resolved) return { devices: [], pageNumber: paging.pageNumber, lastPage: true };
      const filter = {
        ...resolved.filter,
        ...(ids && { ids }),
        ...(q.customFields.length > 0 && { customFields: q.customFields }),
        modifiedTill: q.modifiedTill,
      };
      const search = JSON.stringify([resolved.scope, filter]);
      const searchKey = JSON.stringify([resolved.scope, filter, paging.pageSize]);
      const walked = pageStarts.get(`${searchKey}|${paging.pageNumber}`);
      const start = walked
        ? { after: walked, offset: 0 }
        : await startOf(search, resolved.scope, filter, (paging.pageNumber - 1) * paging.pageSize);
      const rows = await simModifiedRepo.page(db, resolved.scope, filter, {
        after: start.after,
        offset: start.offset,
        limit: paging.pageSize + 1,
      });
      const page = rows.slice(0, paging.pageSize);
      const lastPage = rows.length <= paging.pageSize;
      const last = page[page.length - 1];
      if (!lastPage && last)
        rememberPageStart(`${searchKey}|${paging.pageNumber + 1}`, {
          updatedAt: last.updated_key,
          id: last.id,
        });
      const names = await deps.catalog.planNames(db, {
        comm: [...new Set(page.flatMap((r) => r.communication_plan_id ?? []))],
        rate: [...new Set(page.flatMap((r) => r.rate_plan_id ?? []))],
      });
      return {
        devices: page.map((r) => ({
          iccid: r.iccid,
          status: r.state,
          ratePlan: r.rate_plan_id ? (names.rate.get(r.rate_plan_id) ?? null) : null,
          communicationPlan: r.communication_plan_id
            ? (names.comm.get(r.communication_plan_id) ?? null)
            : null,
        })),
        pageNumber: paging.pageNumber,
        lastPage,
      };
    },

    /**
     * Edit Device Details through the SIMs service (a future `effectiveDate` becomes a scheduled
     * change). Values equal to the device's current ones change nothing, so a PUT built from an
     * exported row is idempotent; an `Idempotency-Key` makes a retried request answer as the first.
     */
    async editDevice(
      principal: Principal,
      iccid: string,
      edit: DeviceEdit,
      idempotencyKey?: string,
    ): Promise<{ status: 200 | 202; iccid: string }> {
      const current = await getDetail(principal, iccid);
      if (idempotencyKey) {
        const seen = await repo.findIdempotent(
          db,
          principal.accountId,
          idempotencyKey,
          new Date(clock.now().getTime() - IDEMPOTENCY_WINDOW_MS),
        );
        if (seen && seen.iccid === current.iccid)
          return { status: seen.status === 202 ? 202 : 200, iccid: current.iccid };
      }
      const patch: SimPatch = {};
      const view = await presentDetail(current);
      for (const [field, raw] of Object.entries(edit.unsupported)) {
        const now = (view as Record<string, unknown>)[field] ?? null;
        if (raw !== null && raw !== "" && raw !== now)
          throw ccErrors.unrecognizedParameter(field, "Otter does not store it");
      }
      if (edit.status !== undefined) {
        const state = parseCcStatus(edit.status);
        if (!state) throw ccErrors.invalidStatus(edit.status);
        if (state !== current.state) patch.state = state;
      }
      if (edit.ratePlan !== undefined && edit.ratePlan !== (current.ratePlan?.name ?? ""))
        patch.ratePlan = edit.ratePlan;
      if (
        edit.communicationPlan !== undefined &&
        edit.communicationPlan !== (current.communicationPlan?.name ?? "")
      )
        patch.communicationPlan = edit.communicationPlan;
      if (edit.overageLimitOverride !== undefined) {
        const o = parseOverride(edit.overageLimitOverride);
        if (!o) throw ccErrors.invalidOverride(edit.overageLimitOverride);
        if (o !== current.overageLimitOverride) patch.overageLimitOverride = o;
      }
      if (edit.customer !== undefined && edit.customer !== (view.customer ?? "")) {
        patch.accountId = await customerAccount(principal, current, edit.customer);
      }
      const custom: Record<string, string | null> = {};
      for (const [field, value] of Object.entries(edit.customFields)) {
        const now = current.customFields[field] ?? null;
        const next = value === "" ? null : value;
        if (next !== now) custom[field] = next;
      }
      if (Object.keys(custom).length > 0) patch.customFields = custom;
      if (edit.simNotes !== undefined) {
        const next = edit.simNotes === "" ? null : edit.simNotes;
        if (next !== current.notes) patch.notes = next;
      }
      let status: 200 | 202 = 200;
      if (Object.keys(patch).length > 0) {
        if (edit.effectiveDate) {
          patch.effectiveDate = edit.effectiveDate.toISOString();
          if (edit.effectiveDate.getTime() > clock.now().getTime() + 1000) status = 202;
        }
        try {
          await deps.sims.update(principal, current.iccid, patch);
        } catch (err) {
          throw translateEdit(err, edit, current.state);
        }
      }
      if (idempotencyKey)
        await repo.rememberIdempotent(
          db,
          { account_id: principal.accountId, key: idempotencyKey, iccid: current.iccid, status },
          clock.now(),
          new Date(clock.now().getTime() - IDEMPOTENCY_WINDOW_MS),
        );
      return { status, iccid: current.iccid };
    },

    /** Cycle-to-date usage: the calendar month's bytes, SMS and sessions so far (Otter's cycle). */
    async ctdUsages(principal: Principal, iccid: string) {
      const sim = await getDetail(principal, iccid);
      const now = clock.now();
      const cycle = cycleOf(now);
      const usage = await deps.network.usage(principal, sim.iccid, cycle.start, cycle.today);
      const sessions = await deps.network.sessions(principal, sim.iccid, { limit: 1000 });
      const bytes = usage.total.bytesUp + usage.total.bytesDown;
      const limit = sim.usageLimit.dataLimitBytes;
      return {
        ...deviceIdentity(sim),
        ctdDataUsage: bytes,
        ctdSMSUsage: usage.total.smsMo + usage.total.smsMt,
        ctdVoiceUsage: 0,
        ctdSessionCount: sessions.items.filter((x) => x.startedAt >= `${cycle.start}T00:00:00`)
          .length,
        overageLimitReached: limit !== null && sim.usageLimit.enforced && bytes >= limit,
        overageLimitOverride: sim.overageLimitOverride,
      };
    },

    /**
     * Usage in each zone over one cycle (this one, or one of the two before it), under the
     * "<rate plan>, <version>" in force — data in bytes, SMS counted, voice 0 (Otter carries none).
     */
    async usageInZone(
      principal: Principal,
      iccid: string,
      q: { cycleStartDate?: Date; ratePlan?: string; zone?: string },
    ) {
      const sim = await getDetail(principal, iccid);
      const now = clock.now();
      const cycles = [0, 1, 2].map((back) => cycleOf(now, back));
      const wanted = q.cycleStartDate ? q.cycleStartDate.toISOString().slice(0, 10) : null;
      const cycle = wanted === null ? cycles[0]! : cycles.find((c) => c.start === wanted);
      if (!cycle) throw ccErrors.cycleNotRecent(wanted!);
      const usage = await deps.network.usage(principal, sim.iccid, cycle.start, cycle.last);
      const planName = sim.ratePlan?.name ?? null;
      if (q.ratePlan && q.ratePlan !== planName) throw ccErrors.invalidRatePlan(q.ratePlan);
      const version = sim.ratePlan
        ? await deps.catalog.rateVersionAt(db, sim.ratePlan.id, new Date(`${cycle.last}T23:59:59Z`))
        : null;
      const versionLabel = String(version?.version ?? 1);
      const byZone = new Map<string, { bytes: number; mo: number; mt: number }>();
      for (const item of usage.items) {
        const zone = item.zone?.name ?? "Unknown";
        const had = byZone.get(zone) ?? { bytes: 0, mo: 0, mt: 0 };
        had.bytes += item.bytesUp + item.bytesDown;
        had.mo += item.smsMo;
        had.mt += item.smsMt;
        byZone.set(zone, had);
      }
      if (q.zone && !byZone.has(q.zone)) {
        if (usage.items.length > 0) throw ccErrors.invalidZone(q.zone);
      }
      const rows = [...byZone.entries()]
        .filter(([zone]) => !q.zone || zone === q.zone)
        .map(([zone, u]) => ({
          ratePlan: planName,
          ratePlanVersion: versionLabel,
          zone,
          dataUsage: u.bytes,
          dataUsageUnit: "bytes",
          SMSMOUsage: u.mo,
          SMSMTUsage: u.mt,
          smsmousage: u.mo,
          smsmtusage: u.mt,
          voiceMOUsage: 0,
          voiceMOUsageUnit: "seconds",
          voiceMTUsage: 0,
          voiceMTUsageUnit: "seconds",
        }));
      return {
        iccid: sim.iccid,
        timeStamp: formatCcDate(now),
        cycleStartDate: formatCycleDate(cycle.start),
        cycleEndDate: formatCycleDate(cycle.last),
        deviceCycleUsageInZones: planName ? { [`${planName}, ${versionLabel}`]: rows } : {},
      };
    },

    /** The device's current data session, or its most recent one (dates null if it never had one). */
    async sessionInfo(principal: Principal, iccid: string) {
      const sim = await getDetail(principal, iccid);
      const { items } = await deps.network.sessions(principal, sim.iccid, { limit: 1 });
      const last = items[0];
      const ip = last?.ip ?? null;
      const v6 = ip?.includes(":") ? ip : null;
      return {
        iccid: sim.iccid,
        dateSessionStarted: last ? formatCcDate(new Date(last.startedAt)) : null,
        dateSessionEnded: last?.endedAt ? formatCcDate(new Date(last.endedAt)) : null,
        ipAddress: v6 ? null : ip,
        ipv6Address: v6,
        apn: last?.apn ?? null,
      };
    },

    /** The device's audit trail of the last `daysOfHistory` days, oldest first, a page at a time. */
    async auditTrails(principal: Principal, iccid: string, days: number, paging: Paging) {
      const sim = await getDetail(principal, iccid);
      const since = new Date(clock.now().getTime() - days * 86400_000).toISOString();
      const records: Awaited<ReturnType<typeof deps.sims.audit>>["items"] = [];
      let cursor: string | undefined;
      do {
        const page = await deps.sims.audit(principal, sim.iccid, { cursor, limit: 1000 });
        records.push(...page.items.filter((r) => r.changedAt >= since));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const { items, lastPage } = slicePage(records, paging);
      return {
        iccid: sim.iccid,
        deviceAuditTrails: items.map((r) => ({
          field: auditField(r.field),
          priorValue: r.priorValue,
          value: r.value,
          effectiveDate: formatCcDate(new Date(r.effectiveDate)),
          status: "Executed",
          userName: r.actor.name,
          delegatedUser: null,
          ipAddress: null,
        })),
        pageNumber: paging.pageNumber,
        lastPage,
      };
    },

    /** Where the network saw the device (cells, networks), newest first; the last 2 without dates. */
    async locationHistory(
      principal: Principal,
      iccid: string,
      q: { fromDate?: Date; toDate?: Date },
      paging: Paging,
    ) {
      const sim = await getDetail(principal, iccid);
      const { items } = await deps.network.locations(principal, sim.iccid);
      let seen = items.filter(
        (l) =>
          (!q.fromDate || new Date(l.lastSeen) >= q.fromDate) &&
          (!q.toDate || new Date(l.lastSeen) <= q.toDate),
      );
      if (!q.fromDate && !q.toDate) seen = seen.slice(0, 2);
      const page = slicePage(seen, paging);
      return {
        simLocations: page.items.map((l) => ({
          iccid: sim.iccid,
          dateReceived: formatCcDate(new Date(l.lastSeen)),
          cellId: l.cell === null ? null : String(l.cell),
          cellLac: l.area === null ? null : String(l.area),
          servingMcc: l.mcc,
          servingMnc: l.mnc,
          latitude: l.lat === null ? null : String(l.lat),
          longitude: l.lon === null ? null : String(l.lon),
          accuracy: null,
          city: null,
          state: null,
          country: l.countryName ?? l.country ?? null,
        })),
        pageNumber: paging.pageNumber,
        lastPage: page.lastPage,
      };
    },

    /**
     * Usage by Rate Plan: the devices on the plan (the principal's), a page at a time, each with
     * its usage in the cycle, grouped by zone.
     */
    async usagesByRatePlan(
      principal: Principal,
      q: { ratePlanName: string; cycleStartDate?: Date },
      paging: Paging,
    ) {
      const resolved = await deps.sims.resolveFilter(principal, { ratePlan: q.ratePlanName });
      if (!resolved) throw ccErrors.invalidRatePlan(q.ratePlanName);
      const now = clock.now();
      const start = q.cycleStartDate ?? new Date(`${cycleOf(now).start}T00:00:00Z`);
      const last = new Date(
        Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate() - 1),
      );
      const from = start.toISOString().slice(0, 10);
      const to = last.toISOString().slice(0, 10);
      const rows = await simModifiedRepo.page(db, resolved.scope, resolved.filter, {
        offset: (paging.pageNumber - 1) * paging.pageSize,
        limit: paging.pageSize + 1,
      });
      const page = rows.slice(0, paging.pageSize);
      const zones = new Map<string, { deviceId: string; usage: Record<string, number> }[]>();
      for (const row of page) {
        const usage = await deps.network.usage(principal, row.iccid, from, to);
        const perZone = new Map<string, Record<string, number>>();
        for (const item of usage.items) {
          const zone = item.zone?.name ?? "Unknown";
          const u = perZone.get(zone) ?? {
            dataUsage: 0,
            smsMOUsage: 0,
            smsMTUsage: 0,
            voiceMOUsage: 0,
            voiceMTUsage: 0,
          };
          u.dataUsage! += item.bytesUp + item.bytesDown;
          u.smsMOUsage! += item.smsMo;
          u.smsMTUsage! += item.smsMt;
          perZone.set(zone, u);
        }
        for (const [zone, u] of perZone) {
          const list = zones.get(zone) ?? [];
          list.push({ deviceId: row.iccid, usage: u });
          zones.set(zone, list);
        }
      }
      return {
        ratePlanName: q.ratePlanName,
        cycleStartDate: formatCycleDate(from),
        zones: [...zones.entries()].map(([zone, devices]) => ({ zone, devices })),
        pageNumber: paging.pageNumber,
        lastPage: rows.length <= paging.pageSize,
      };
    },

    /**
     * Send SMS: a `send-sms` remote action on the SIM (Otter's SMS centres, its checks and its
     * 5-per-hour limit), answered with the SMS's number.
     */
    async sendSms(
      principal: Principal,
      iccid: string,
      body: { messageText: string; messageEncoding?: string; dataCoding?: string; tpvp?: string },
    ) {
      const encoding = (body.messageEncoding ?? "").toUpperCase();
      if (encoding && encoding !== "BASE64" && encoding !== "LITERAL")
        throw ccErrors.invalidEncoding(body.messageEncoding!);
      if (body.dataCoding && !/^\d{1,3}$/.test(body.dataCoding))
        throw ccErrors.invalidDataCoding(body.dataCoding);
      if (body.tpvp && !/^\d{1,3}$/.test(body.tpvp)) throw ccErrors.invalidTpvp(body.tpvp);
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const content =
        encoding === "BASE64"
          ? { payloadHex: Buffer.from(body.messageText, "base64").toString("hex") }
          : { text: body.messageText };
      let action;
      try {
        action = await deps.simActions.request(principal, sim.iccid, {
          type: "send-sms",
          reason: "sent through the Control Center API",
          purpose: "configuration",
          ...content,
        });
      } catch (err) {
        if (err instanceof OtterError && err.code.startsWith("SMS_") && err.kind === "validation")
          throw ccErrors.messageTooLong(err.message);
        if (err instanceof OtterError && err.code === "SMS_CENTRE_NOT_CONFIGURED")
          throw ccErrors.smscSubmitFailed(err.message);
        throw err;
      }
      const smsId = action.sms?.id;
      if (!smsId) throw ccErrors.internal();
      const numbers = await numbersFor("sms", [{ otterId: smsId, accountId: sim.account_id }]);
      return { smsMessageId: numbers.get(smsId)! };
    },

    /** Search SMS: the numbers of the SMS sent in the window (Otter sends MT only), a page at a time. */
    async searchSms(
      principal: Principal,
      q: { fromDate: Date; toDate?: Date; iccid?: string; accountId?: string; msgType?: string },
      paging: Paging,
    ) {
      const to = q.toDate ?? clock.now();
      if (to < q.fromDate) throw ccErrors.toDateBeforeFromDate();
      let scoped = principal;
      if (q.accountId) {
        const account = await visibleAccount(principal, q.accountId);
        scoped = { ...principal, accountPath: account.path };
      }
      const simId = q.iccid
        ? (await deps.sims.requireVisibleSim(principal, q.iccid)).id
        : undefined;
      if (q.msgType && q.msgType.toUpperCase() === "MO")
        return { smsMsgIds: [], pageNumber: paging.pageNumber, lastPage: true };
      const rows = await deps.sms.list(
        scoped,
        { from: q.fromDate, to, simId },
        { offset: (paging.pageNumber - 1) * paging.pageSize, limit: paging.pageSize + 1 },
      );
      const page = rows.slice(0, paging.pageSize);
      const numbers = await numbersFor(
        "sms",
        page.map((r) => ({ otterId: r.id, accountId: r.account_id })),
      );
      return {
        smsMsgIds: page.map((r) => numbers.get(r.id)!),
        pageNumber: paging.pageNumber,
        lastPage: rows.length <= paging.pageSize,
      };
    },

    /** Get SMS Details by its number: Otter's delivery states in Control Center's words. */
    async smsDetails(principal: Principal, raw: string, messageEncoding?: string) {
      const n = parseNumericId(raw);
      const row = n === null ? undefined : await repo.otterIdOf(db, "sms", n);
      const sms = row ? await deps.sms.find(principal, row.otter_id) : null;
      if (!sms) throw ccErrors.smsNotFound(raw);
      const enc = (messageEncoding ?? "LITERAL").toUpperCase();
      if (enc !== "LITERAL" && enc !== "BASE64") throw ccErrors.invalidEncoding(messageEncoding!);
      const sim = await deps.sims.findById(db, sms.simId);
      const text =
        sms.text === null
          ? null
          : enc === "BASE64"
            ? Buffer.from(sms.text).toString("base64")
            : sms.text;
      const status: Record<string, string> = {
        queued: "Pending",
        submitting: "Pending",
        submitted: "Pending",
        delivered: "Delivered",
        failed: "Failed",
      };
      return {
        smsMsgId: n!,
        status: status[sms.status] ?? "Unknown",
        messageText: text,
        senderLogin: null,
        sentTo: sms.msisdn,
        sentFrom: sms.sourceAddress,
        msgType: "MT",
        dateSent: formatCcDate(sms.submittedAt ? new Date(sms.submittedAt) : null),
        dateReceived: formatCcDate(sms.deliveredAt ? new Date(sms.deliveredAt) : null),
        dateModified: formatCcDate(new Date(sms.updatedAt)),
        iccid: sim?.iccid ?? null,
      };
    },

    /** Rate plans offered to the principal's account (or to `accountId`), a page at a time. */
    async ratePlans(principal: Principal, q: { accountId?: string }, paging: Paging) {
      const account = q.accountId ? await visibleAccount(principal, q.accountId) : null;
      const plans = await deps.catalog.listRatePlans(principal, { accountId: account?.id });
      const page = slicePage(plans, paging);
      return {
        ratePlans: page.items.map((p) => ({
          name: p.name,
          versionId: String(p.currentVersion?.version ?? 1),
          description: p.description,
          currency: p.currency,
        })),
        pageNumber: paging.pageNumber,
        lastPage: page.lastPage,
      };
    },

    /** The accounts of the principal's subtree (its own first), a page at a time. */
    async accounts(principal: Principal, paging: Paging) {
      const all: Awaited<ReturnType<typeof deps.accounts.list>>["items"] = [];
      let cursor: string | undefined;
      do {
        const page = await deps.accounts.list(principal, { cursor, limit: 1000 });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const page = slicePage(all, paging);
      const numbers = await accountNumbers(
        page.items.flatMap((a) => (a.parentId ? [a.id, a.parentId] : [a.id])),
      );
      return {
        accounts: page.items.map((a) => presentAccount(a, numbers)),
        pageNumber: paging.pageNumber,
        lastPage: page.lastPage,
      };
    },

    async account(principal: Principal, raw: string) {
      const account = await visibleAccount(principal, raw);
      const numbers = await accountNumbers(
        account.parent_id ? [account.id, account.parent_id] : [account.id],
      );
      return presentAccount(
        {
          id: account.id,
          parentId: account.parent_id,
          name: account.name,
          currency: account.currency,
          language: account.language,
          timeZone: account.time_zone,
        },
        numbers,
      );
    },

    /** The users of the principal's subtree, a page at a time (numeric userIds). */
    async users(principal: Principal, paging: Paging) {
      const all = await deps.accounts.listUsers(principal);
      const page = slicePage(all, paging);
      return {
        users: await presentUsers(page.items),
        pageNumber: paging.pageNumber,
        lastPage: page.lastPage,
      };
    },

    async user(principal: Principal, raw: string) {
      const n = parseNumericId(raw);
      const row = n === null ? undefined : await repo.otterIdOf(db, "user", n);
      if (!row) throw ccErrors.userNotFound(raw);
      try {
        const [shown] = await presentUsers([await deps.accounts.getUser(principal, row.otter_id)]);
        return shown!;
      } catch (err) {
        if (err instanceof OtterError && err.kind === "not_found") throw ccErrors.userNotFound(raw);
        throw err;
      }
    },

    /**
     * Transfer Device to Account, as an Otter job (the bulk change: a resumable job with a
     * result per SIM, GET /api/v1/jobs/{id}); optionally with new plans and a new state.
     */
    async transferDevices(
      principal: Principal,
      input: {
        accountId: string;
        iccids: string[];
        ratePlanName?: string;
        commPlanName?: string;
        simState?: string;
      },
    ) {
      const account = await visibleAccount(principal, input.accountId);
      let state: SimState | undefined;
      if (input.simState) {
        const parsed = parseCcStatus(input.simState);
        if (!parsed) throw ccErrors.invalidStatus(input.simState);
        state = parsed;
      }
      try {
        const jobId = await deps.simBulk.start(principal, {
          iccids: input.iccids,
          change: {
            accountId: account.id,
            ...(input.ratePlanName && { ratePlan: input.ratePlanName }),
            ...(input.commPlanName && { communicationPlan: input.commPlanName }),
            ...(state && { state }),
          },
          reason: "Control Center transferDeviceToAccount",
          dryRun: false,
        });
        return { jobId, iccids: input.iccids, status: "Accepted" };
      } catch (err) {
        if (err instanceof OtterError) {
          const field = Array.isArray(err.details)
            ? (err.details[0] as { field?: string } | undefined)?.field
            : undefined;
          if (field === "ratePlan") throw ccErrors.invalidRatePlan(input.ratePlanName ?? "");
          if (field === "communicationPlan")
            throw ccErrors.invalidCommunicationPlan(input.commPlanName ?? "");
        }
        throw err;
      }
    },
  };

  /**
   * The account a `customer` name moves the SIM to: a sub-account of that name directly below the
   * SIM's customer (Control Center's customers live inside an account), visible to the principal.
   */
  async function customerAccount(
    principal: Principal,
    sim: SimDetail,
    name: string,
  ): Promise<string> {
    const [holder] = await deps.accounts.directory.accountsByIds(db, [sim.accountId]);
    if (!holder) throw ccErrors.invalidCustomer(name);
    const segments = holder.path.split("/").filter(Boolean);
    const customerId = segments[1] ?? segments[0]!;
    if (name === "") return customerId;
    const [child] = await deps.accounts.directory.childrenNamed(db, customerId, name);
    if (!child) throw ccErrors.invalidCustomer(name);
    try {
      await deps.accounts.requireVisible(principal, child.id);
    } catch {
      throw ccErrors.invalidCustomer(name);
    }
    return child.id;
  }
}

/** The calendar month `back` cycles before the one of `now`: first day, last day, and today (yyyy-MM-dd). */
function cycleOf(now: Date, back = 0) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { start: day(first), last: day(last), today: back === 0 ? day(now) : day(last) };
}

/** One page of a list already in memory: every page but the last is full. */
function slicePage<T>(all: readonly T[], paging: Paging) {
  const from = (paging.pageNumber - 1) * paging.pageSize;
  return {
    items: all.slice(from, from + paging.pageSize),
    lastPage: from + paging.pageSize >= all.length,
  };
}

/** Otter's audit field names as Control Center's audit trail names them. */
function auditField(field: string): string {
  if (field === "state") return "status";
  if (field === "account") return "accountId";
  return field.startsWith("customFields.") ? field.slice("customFields.".length) : field;
}

/** An Otter error of a device edit, as Control Center names it. */
function translateEdit(err: unknown, edit: DeviceEdit, from: SimState): unknown {
  if (!(err instanceof OtterError)) return err;
  const field = Array.isArray(err.details)
    ? (err.details[0] as { field?: string } | undefined)?.field
    : undefined;
  switch (err.code) {
    case "SIM_TRANSITION_NOT_ALLOWED":
    case "SIM_TRANSITION_OPERATOR_ONLY": {
      const to = parseCcStatus(edit.status ?? "") ?? edit.status ?? "";
      return ["TEST_READY", "INVENTORY", "ACTIVATION_READY"].includes(to)
        ? ccErrors.preActivationStatus(from, to)
        : ccErrors.invalidStatus(`${to} (not allowed from ${from}: ${err.message})`);
    }
    case "PLAN_NOT_OFFERED":
      return field === "communicationPlan"
        ? ccErrors.invalidCommunicationPlan(edit.communicationPlan ?? "")
        : ccErrors.invalidRatePlan(edit.ratePlan ?? "");
    case "EFFECTIVE_DATE_TOO_FAR":
      return ccErrors.invalidDate("effectiveDate", "more than 180 days ahead");
    case "FORBIDDEN":
      return err.message.includes("operatorCustom")
        ? ccErrors.noOperatorFieldPermission(
            Object.keys(edit.customFields).filter((k) => k.startsWith("operatorCustom")),
          )
        : ccErrors.forbidden(err.message);
    default:
      if (field === "ratePlan") return ccErrors.invalidRatePlan(edit.ratePlan ?? "");
      if (field === "communicationPlan")
        return ccErrors.invalidCommunicationPlan(edit.communicationPlan ?? "");
      if (field === "accountId") return ccErrors.invalidCustomer(edit.customer ?? "");
      return err;
  }
}

export type ControlCenterService = ReturnType<typeof createControlCenterService>;
