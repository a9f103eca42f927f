import { localeOf, type Message } from "../../lib/messages/messages.js";
import { connectivityText } from "./network.messages.js";
import type { Db } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { forbidden, validationError } from "../../lib/errors.js";
import { isUuid } from "../../lib/ids.js";
import { requirePermission } from "../auth/permissions.js";
import { isOperatorRole, type Principal } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { zoneLookupRepo } from "../catalog/zone-lookup.shared.repo.js";
import { CONNECTING } from "../sims/sim-lifecycle.js";
import type { SimState } from "../sims/sim-lifecycle.js";
import type { SimsService } from "../sims/sims.service.js";
import type { CellLocations } from "./cell-locations.js";
import { networkRepo } from "./network.repo.js";
import type { ConnectivityState } from "./network.types.js";
import { describePlmn, splitPlmn } from "./plmn.js";
import { sessionsRepo } from "./sessions.repo.js";

interface Deps {
  db: Db;
  clock: Clock;
  sims: Pick<SimsService, "requireVisibleSim">;
  catalog: Pick<CatalogService, "rateVersionAt">;
  cells: CellLocations;
  registrationTimeoutMs: number;
}

const monthStart = (d: Date) => `${d.toISOString().slice(0, 7)}-01`;

/**
 * What the network saw of a SIM, for people: its connectivity state with the reason, last seen,
 * device, location, sessions, usage and one timeline. Read side only.
 *
 * A SIM's network history belongs to whoever held it then: after a transfer, the new customer sees
 * the sessions, events and usage from its own time (rows of accounts in its subtree), not the
 * previous holder's IPs and places.
 */
export function createNetworkViewService(deps: Deps) {
  const { db, clock } = deps;
  const { msg } = connectivityText;

  function present(session: {
    id: string;
    status: string;
    started_at: Date;
    ended_at: Date | null;
    last_update_at: Date;
    apn: string | null;
    ip: string | null;
    rat: string | null;
    rat_code: number | null;
    mcc: string | null;
    mnc: string | null;
    bytes_up: number;
    bytes_down: number;
    terminate_cause: string | null;
    imeisv: string | null;
  }) {
    return {
      id: session.id,
      status: session.status as "open" | "closed",
      startedAt: session.started_at.toISOString(),
      endedAt: session.ended_at?.toISOString() ?? null,
      lastUpdateAt: session.last_update_at.toISOString(),
      apn: session.apn,
      ip: session.ip,
      rat: session.rat,
      ratCode: session.rat_code,
      mcc: session.mcc,
      mnc: session.mnc,
      bytesUp: session.bytes_up,
      bytesDown: session.bytes_down,
      terminateCause: session.terminate_cause,
      imeisv: session.imeisv,
    };
  }

  return {
    async connectivity(principal: Principal, iccid: string) {
      requirePermission(principal, "sims:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const now = clock.now();
      const state = await networkRepo.state(db, sim.id);
      const open = await sessionsRepo.latestOpen(db, sim.id);

      let limitReached = false;
      let dataLimitBytes: number | null = null;
      let cycleBytes = 0;
      if (sim.rate_plan_id) {
        const v = await deps.catalog.rateVersionAt(db, sim.rate_plan_id, now);
        dataLimitBytes = v?.terms.dataLimitBytes ?? null;
        const used = await networkRepo.usedBytes(db, sim.id, { from: monthStart(now) });
        cycleBytes = Number(used?.total ?? 0);
        limitReached =
          dataLimitBytes !== null &&
          sim.overage_limit_override === "DEFAULT" &&
          cycleBytes >= dataLimitBytes;
      }
      const reg = (state?.last_registration ?? null) as {
        type: string;
        result: string | null;
        cause: number | null;
        causeType: string | null;
        at: string;
        visitedPlmn: string | null;
      } | null;
      const silentFor = state?.last_seen ? now.getTime() - state.last_seen.getTime() : Infinity;
      let connectivity: ConnectivityState;
      let because: Message;
      if (!CONNECTING.has(sim.state as SimState)) {
        connectivity = "BLOCKED";
        because = msg("connectivity.not_connecting", { state: sim.state });
      } else if (limitReached) {
        connectivity = "BLOCKED";
        because = msg("connectivity.limit_reached", { limit: dataLimitBytes, used: cycleBytes });
      } else if (open) {
        connectivity = "ONLINE";
        const since = open.started_at.toISOString();
        because = open.apn
          ? msg("connectivity.session_open", { apn: open.apn, since })
          : msg("connectivity.session_open_unknown_apn", { since });
      } else if (
        reg &&
        reg.type === "location_update" &&
        reg.result === "accepted" &&
        silentFor <= deps.registrationTimeoutMs
      ) {
        connectivity = "ATTACHED";
        because = msg("connectivity.attached");
      } else {
        connectivity = "OFFLINE";
        because =
          reg && reg.result === "rejected"
            ? msg("connectivity.rejected", { cause: reg.cause ?? "unknown" })
            : reg && (reg.type === "purge" || reg.type === "cancel_location")
              ? msg(`connectivity.${reg.type}`)
              : state?.last_seen
                ? msg("connectivity.timed_out")
                : msg("connectivity.never_seen");
      }
      const loc = (state?.location ?? open?.location ?? null) as Record<
        string,
        number | string | undefined
      > | null;
      const mcc = state?.mcc ?? null;
      const mnc = state?.mnc ?? null;
      const plmn = mcc && mnc ? describePlmn(mcc, mnc) : null;
      const area = (loc?.tac ?? loc?.lac) as number | undefined;
      const cell = (loc?.eci ?? loc?.ci) as number | undefined;
      const coords = mcc && mnc ? deps.cells.find(mcc, mnc, area, cell) : null;
      return {
        iccid: sim.iccid,
        state: connectivity,
        reason: connectivityText.legacy(because),
        reasonMessage: connectivityText.rendered(because, localeOf(principal)),
        lastSeen: state?.last_seen?.toISOString() ?? null,
        imei: state?.imei ?? null,
        imeisv: state?.imeisv ?? null,
        previousImei: state?.previous_imei ?? null,
        imeiChangedAt: state?.imei_changed_at?.toISOString() ?? null,
        rat: state?.rat ?? null,
        location: plmn
          ? {
              mcc: plmn.mcc,
              mnc: plmn.mnc,
              country: plmn.country,
              network: plmn.network,
              tac: loc?.tac as number | undefined,
              lac: loc?.lac as number | undefined,
              cellId: (loc?.cellId ?? loc?.ci) as number | undefined,
              eci: loc?.eci as number | undefined,
              lat: coords?.lat,
              lon: coords?.lon,
            }
          : null,
        lastRegistration: reg,
        openSession: open ? present(open) : null,
        usage: { cycleStart: monthStart(now), cycleBytes, dataLimitBytes },
        asOf: now.toISOString(),
      };
    },

    async sessions(principal: Principal, iccid: string, opts: { cursor?: string; limit: number }) {
      requirePermission(principal, "sims:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      let after: { startedAt: Date; id: string } | undefined;
      if (opts.cursor) {
        const [at, id] = Buffer.from(opts.cursor, "base64url").toString().split("|");
        if (!at || !id || Number.isNaN(Date.parse(at)) || !isUuid(id))
          throw validationError(
            "cursor",
            "INVALID_CURSOR",
            "The cursor is not one Otter gave out.",
          );
        after = { startedAt: new Date(at), id };
      }
      const rows = await sessionsRepo.pageForSim(db, sim.id, principal.accountPath, {
        after,
        limit: opts.limit,
      });
      const page = rows.slice(0, opts.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(present),
        nextCursor:
          rows.length > opts.limit && last
            ? Buffer.from(`${last.started_at.toISOString()}|${last.id}`).toString("base64url")
            : null,
      };
    },

    async usage(principal: Principal, iccid: string, from: string, to: string) {
      requirePermission(principal, "sims:read");
      if (to < from) throw validationError("to", "RANGE_INVERTED", "`to` is before `from`.");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const rows = await networkRepo.usageDaysForSim(db, sim.id, principal.accountPath, from, to);
      const zoneIds = [...new Set(rows.flatMap((r) => (r.zone_id ? [r.zone_id] : [])))];
      // Zones come ordered by name as the database collates names; within a day, rows follow that
      // order, and rows without a (still existing) zone come last, as NULLs sort in ascending order.
      const zones = await zoneLookupRepo.namesByIds(db, zoneIds);
      const zoneName = new Map(zones.map((z) => [z.id, z.name]));
      const rank = new Map(zones.map((z, i) => [z.id, i]));
      const rankOf = (zoneId: string | null) =>
        (zoneId !== null ? rank.get(zoneId) : undefined) ?? zones.length;
      const ordered = [...rows].sort((a, b) =>
        a.day !== b.day ? (a.day < b.day ? -1 : 1) : rankOf(a.zone_id) - rankOf(b.zone_id),
      );
      const items = ordered.map((r) => ({
        day: r.day,
        zone: r.zone_id ? { id: r.zone_id, name: zoneName.get(r.zone_id) ?? r.zone_id } : null,
        bytesUp: r.bytes_up,
        bytesDown: r.bytes_down,
        billedBytes: r.billed_bytes,
        smsMo: r.sms_mo,
        smsMt: r.sms_mt,
      }));
      const total = items.reduce(
        (a, i) => ({
          bytesUp: a.bytesUp + i.bytesUp,
          bytesDown: a.bytesDown + i.bytesDown,
          billedBytes: a.billedBytes + i.billedBytes,
          smsMo: a.smsMo + i.smsMo,
          smsMt: a.smsMt + i.smsMt,
        }),
        { bytesUp: 0, bytesDown: 0, billedBytes: 0, smsMo: 0, smsMt: 0 },
      );
      return { iccid: sim.iccid, from, to, items, total };
    },

    /** Sessions and registration events of a SIM as one timeline, newest first. */
    async timeline(principal: Principal, iccid: string, opts: { before?: string; limit: number }) {
      requirePermission(principal, "sims:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const before = opts.before ? new Date(opts.before) : null;
      const page = { before, limit: opts.limit };
      const sessions = await sessionsRepo.timelineForSim(db, sim.id, principal.accountPath, page);
      const events = await networkRepo.timelineRegistrations(
        db,
        sim.id,
        principal.accountPath,
        page,
      );
      const items = [
        ...sessions.map((s) => ({
          at: s.started_at.toISOString(),
          kind: "session" as const,
          session: present(s),
          event: null,
        })),
        ...events.map((e) => ({
          at: e.at.toISOString(),
          kind: "registration" as const,
          session: null,
          event: {
            id: e.event_id,
            type: e.type,
            result: e.result,
            cause: e.cause,
            causeType: e.cause_type,
            visitedPlmn: e.visited_plmn,
            rat: e.rat,
            imei: e.imei,
          },
        })),
      ]
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
        .slice(0, opts.limit);
      return {
        items,
        nextBefore: items.length === opts.limit ? items[items.length - 1]!.at : null,
      };
    },

    /**
     * The SIM's last known locations, newest first: one entry per network and cell seen in its
     * recent sessions and registrations (of the caller's time with the SIM), with coordinates from
     * the cell-location file when it knows the cell.
     */
    async locations(principal: Principal, iccid: string) {
      requirePermission(principal, "sims:read");
      const sim = await deps.sims.requireVisibleSim(principal, iccid);
      const page = { before: null, limit: 200 };
      const [sessions, events] = await Promise.all([
        sessionsRepo.timelineForSim(db, sim.id, principal.accountPath, page),
        networkRepo.timelineRegistrations(db, sim.id, principal.accountPath, page),
      ]);
      const seen: { mcc: string; mnc: string; area?: number; cell?: number; at: Date }[] = [];
      for (const s of sessions) {
        if (!s.mcc || !s.mnc) continue;
        const loc = (s.location ?? null) as Record<string, number | undefined> | null;
        seen.push({
          mcc: s.mcc,
          mnc: s.mnc,
          area: loc?.tac ?? loc?.lac,
          cell: loc?.eci ?? loc?.ci,
          at: s.last_update_at,
        });
      }
      for (const e of events) {
        const plmn = e.visited_plmn ? splitPlmn(e.visited_plmn) : null;
        if (plmn) seen.push({ ...plmn, at: e.at });
      }
      const byKey = new Map<
        string,
        { mcc: string; mnc: string; area?: number; cell?: number; first: Date; last: Date }
      >();
      for (const l of seen) {
        const key = `${l.mcc}-${l.mnc}-${l.area ?? ""}-${l.cell ?? ""}`;
        const had = byKey.get(key);
        if (!had) byKey.set(key, { ...l, first: l.at, last: l.at });
        else {
          if (l.at < had.first) had.first = l.at;
          if (l.at > had.last) had.last = l.at;
        }
      }
      // A network seen only through registrations (no cell) adds nothing when a cell of it is listed.
      const withCell = new Set(
        [...byKey.values()].filter((l) => l.cell !== undefined).map((l) => `${l.mcc}-${l.mnc}`),
      );
      const items = [...byKey.values()]
        .filter((l) => l.cell !== undefined || !withCell.has(`${l.mcc}-${l.mnc}`))
        .sort((a, b) => b.last.getTime() - a.last.getTime())
        .slice(0, 50)
        .map((l) => {
          const plmn = describePlmn(l.mcc, l.mnc);
          const coords = deps.cells.find(l.mcc, l.mnc, l.area, l.cell);
          return {
            mcc: l.mcc,
            mnc: l.mnc,
            country: plmn.country,
            countryName: plmn.countryName,
            network: plmn.network,
            area: l.area ?? null,
            cell: l.cell ?? null,
            lat: coords?.lat ?? null,
            lon: coords?.lon ?? null,
            firstSeen: l.first.toISOString(),
            lastSeen: l.last.toISOString(),
          };
        });
      return { items };
    },

    /** What the network reported of one SIM recently, for the diagnosis ladder. */
    async evidence(simId: string, since: Date) {
      const now = clock.now();
      // Independent reads, sent together (on PostgreSQL they run side by side on the pool). The
      // sessions are those since `since` plus any still open from before (a session hung for days):
      // two index range reads instead of one `since OR open` filter over the SIM's whole history
      // (bench/diagnosis.bench.ts, docs/benchmarks.md).
      const [registrations, recent, openBefore, state, used] = await Promise.all([
        networkRepo.recentRegistrations(db, simId, 20),
        sessionsRepo.startedSince(db, simId, since, 200),
        sessionsRepo.openStartedBefore(db, simId, since, 200),
        networkRepo.state(db, simId),
        networkRepo.usedBytes(db, simId, { from: monthStart(now) }),
      ]);
      // Newest first: every recent session started after every open one from before `since`.
      const sessions = [...recent, ...openBefore].slice(0, 200);
      return {
        registrations: registrations.map((r) => ({
          type: r.type,
          result: r.result,
          cause: r.cause,
          causeType: r.cause_type,
          at: r.at,
          visitedPlmn: r.visited_plmn,
          rat: r.rat,
        })),
        sessions: sessions.map((s) => ({
          status: s.status,
          startedAt: s.started_at,
          endedAt: s.ended_at,
          lastUpdateAt: s.last_update_at,
          lastTrafficAt: s.last_traffic_at,
          apn: s.apn,
          rat: s.rat,
          mcc: s.mcc,
          mnc: s.mnc,
          bytesUp: s.bytes_up,
          bytesDown: s.bytes_down,
          terminateCause: s.terminate_cause,
          imeisv: s.imeisv,
        })),
        device: state
          ? {
              imei: state.imei,
              previousImei: state.previous_imei,
              imeiChangedAt: state.imei_changed_at,
              imeisv: state.imeisv,
            }
          : null,
        lastSeen: state?.last_seen ?? null,
        cycleBytes: Number(used?.total ?? 0),
      };
    },

    /**
     * SIMs of the subtree at `accountPath`, in a connecting state, whose last activity (a session
     * start or bytes) is at or before `before`: oldest silence first, in pages (`after` is the last
     * row of the previous page). SIMs never seen active are not listed.
     */
    async quietSims(opts: {
      accountPath: string;
      before: Date;
      after?: { lastActivityAt: Date; simId: string };
      limit: number;
    }) {
      const rows = await networkRepo.quietSims(db, {
        scopePath: opts.accountPath,
        states: [...CONNECTING],
        before: opts.before,
        after: opts.after,
        limit: opts.limit,
      });
      return rows.map((r) => ({
        simId: r.simId,
        iccid: r.iccid,
        lastActivityAt: r.lastActivityAt!,
      }));
    },

    /** The first signs of life after `since`: an accepted registration, a new session, traffic. */
    async activitySince(simId: string, since: Date) {
      const reg = await networkRepo.firstAcceptedRegistrationAfter(db, simId, since);
      const session = await sessionsRepo.firstStartedAfter(db, simId, since);
      const traffic = await sessionsRepo.firstTrafficAfter(db, simId, since);
      return {
        registeredAt: reg?.at ?? null,
        registeredIn: reg?.visited_plmn ?? null,
        sessionAt: session?.started_at ?? null,
        sessionApn: session?.apn ?? null,
        trafficAt: traffic?.last_traffic_at ?? null,
      };
    },

    async unknownImsis(principal: Principal, opts: { cursor?: string; limit: number }) {
      if (!isOperatorRole(principal.role))
        throw forbidden("Unknown IMSIs are the operator's to resolve.");
      // The cursor is the last IMSI of the previous page: 15 digits, like every IMSI stored here.
      if (opts.cursor && !/^\d{15}$/.test(opts.cursor))
        throw validationError("cursor", "INVALID_CURSOR", "The cursor is not one Otter gave out.");
      const rows = await networkRepo.unknownImsis(db, { after: opts.cursor, limit: opts.limit });
      const page = rows.slice(0, opts.limit);
      return {
        items: page.map((r) => ({
          imsi: r.imsi,
          firstSeen: r.first_seen.toISOString(),
          lastSeen: r.last_seen.toISOString(),
          occurrences: r.occurrences,
          lastSource: r.last_source,
          lastPlmn: r.last_plmn,
        })),
        nextCursor: rows.length > opts.limit ? page[page.length - 1]!.imsi : null,
      };
    },
  };
}

export type NetworkViewService = ReturnType<typeof createNetworkViewService>;
