import type { Db } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { conflict } from "../../lib/errors.js";
import { parseIccid, storedForm } from "../../lib/identifiers.js";
import { requirePermission } from "../auth/permissions.js";
import type { Principal } from "../auth/principal.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { CONNECTING } from "../sims/sim-lifecycle.js";
import type { SimFilterQuery } from "../sims/sims.schemas.js";
import {
  decodeCursor,
  encodeCursor,
  identifierDigits,
  simNotFound,
  type SimsService,
} from "../sims/sims.service.js";
import { type ConnectivityRule, fleetRepo } from "./fleet.repo.js";
import type { ConnectivityState, CountKey } from "./network.types.js";

interface Deps {
  db: Db;
  clock: Clock;
  sims: Pick<SimsService, "get" | "identify" | "resolveFilter" | "presentMany" | "findByPrefix">;
  catalog: Pick<CatalogService, "rateVersionAt" | "planNames">;
  registrationTimeoutMs: number;
}

export type FleetQuery = SimFilterQuery & { connectivity?: ConnectivityState; silent?: boolean };

/** A SIM a search by first digits found, and which identifier matched. */
export interface FoundSim {
  id: string;
  iccid: string;
  imsi: string;
  msisdn: string | null;
  imei: string | null;
  state: string;
  account_id: string;
  matched: "iccid" | "imsi" | "msisdn" | "imei" | "networkImei";
}

const cycleOf = (d: Date) => `${d.toISOString().slice(0, 7)}-01`;

/** Which of a SIM's identifiers a caller's key matched, for the answer to an ambiguous one. */
function matchedBy(
  sim: { iccid: string; imsi: string; msisdn: string | null; imei: string | null },
  digits: string | undefined,
): string {
  if (digits === sim.iccid) return "iccid";
  if (digits === sim.imsi) return "imsi";
  if (digits === sim.msisdn) return "msisdn";
  if (digits === sim.imei) return "imei";
  return "imei seen by the network";
}

/**
 * SIMs as the team finds them: by whatever identifier the caller reads out (ICCID, IMSI, MSISDN,
 * IMEI), listed and counted with their connectivity. The SIMs module filters the SIMs; this one adds
 * what the network saw of them, so a list and a count answer in one statement each.
 */
export function createFleetService(deps: Deps) {
  const { db, clock } = deps;

  async function rule(scope: string | null, filter: Parameters<typeof fleetRepo.page>[2]) {
    const now = clock.now();
    const cycleStart = cycleOf(now);
    const limits: Record<string, number> = {};
    for (const planId of await fleetRepo.barredRatePlans(db, scope, filter, cycleStart)) {
      const limit = (await deps.catalog.rateVersionAt(db, planId, now))?.terms.dataLimitBytes;
      if (limit !== null && limit !== undefined) limits[planId] = limit;
    }
    return {
      connecting: [...CONNECTING],
      cycleStart,
      limits,
      attachedSince: new Date(now.getTime() - deps.registrationTimeoutMs),
    } satisfies ConnectivityRule;
  }

  /** The visible SIMs an identifier names (several when a device IMEI is shared). */
  async function identify(principal: Principal, key: string) {
    const digits = identifierDigits(key);
    const seen = digits ? await fleetRepo.simIdsSeenWithImei(db, digits) : [];
    const sims = await deps.sims.identify(principal, key, seen);
    return { digits, sims };
  }

  /** The filter of a list or count with the identifier turned into the SIMs it names; null: none. */
  async function resolve(principal: Principal, q: FleetQuery) {
    const resolved = await deps.sims.resolveFilter(principal, q);
    if (!resolved) return null;
    if (q.identifier) {
      const { sims } = await identify(principal, q.identifier);
      if (sims.length === 0) return null;
      resolved.filter.ids = sims.map((s) => s.id);
    }
    return resolved;
  }

  return {
    /**
     * One SIM by any of its identifiers. An ICCID goes straight to the SIM; another key that names
     * several SIMs the principal may see answers 409 with each of them, never one picked at random.
     */
    async get(principal: Principal, key: string) {
      requirePermission(principal, "sims:read");
      if (storedForm(parseIccid, key.trim())) return deps.sims.get(principal, key.trim());
      const { digits, sims } = await identify(principal, key);
      if (sims.length === 0) throw simNotFound(key);
      if (sims.length > 1)
        throw conflict(
          "SIM_IDENTIFIER_AMBIGUOUS",
          `${key} names ${sims.length} SIMs (${sims.map((s) => s.iccid).join(", ")}); give the ICCID.`,
          { matches: sims.map((s) => ({ iccid: s.iccid, matchedBy: matchedBy(s, digits) })) },
        );
      return deps.sims.get(principal, sims[0]!.iccid);
    },

    /**
     * The SIMs the principal may see whose ICCID, IMSI, MSISDN, IMEI or the IMEI the network last
     * saw them in starts with `digits`, at most `limit`, each once with what it matched (the
     * identifier a caller most likely read out first: ICCID, IMSI, MSISDN, IMEI, then the network's).
     */
    async findByPrefix(principal: Principal, digits: string, limit: number) {
      const recorded = await deps.sims.findByPrefix(principal, digits, limit);
      const scope =
        principal.accountPath.split("/").filter(Boolean).length > 1 ? principal.accountPath : null;
      const seen = await fleetRepo.seenWithImeiPrefix(db, scope, digits, limit);
      const found = new Map<string, FoundSim>();
      for (const s of recorded) if (!found.has(s.id)) found.set(s.id, s);
      for (const s of seen)
        if (!found.has(s.id)) found.set(s.id, { ...s, matched: "networkImei", imei: s.imei });
      return [...found.values()].slice(0, limit);
    },

    async list(principal: Principal, q: FleetQuery & { cursor?: string; limit: number }) {
      requirePermission(principal, "sims:read");
      const after = q.cursor ? decodeCursor(q.cursor) : undefined;
      const resolved = await resolve(principal, q);
      if (!resolved) return { items: [], nextCursor: null };
      const { scope, filter } = resolved;
      const rows = await fleetRepo.page(db, scope, filter, await rule(scope, filter), {
        connectivity: q.connectivity,
        silent: q.silent,
        after,
        limit: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      const presented = await deps.sims.presentMany(db, page);
      return {
        items: presented.map((sim, i) => ({
          ...sim,
          connectivity: page[i]!.connectivity,
          silentSince: page[i]!.silent_since?.toISOString() ?? null,
        })),
        nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!.id) : null,
      };
    },

    /** How many SIMs match, per state, connectivity or plan: one aggregate statement, never pages. */
    async count(principal: Principal, q: FleetQuery & { by: CountKey }) {
      requirePermission(principal, "sims:read");
      const resolved = await resolve(principal, q);
      const asOf = clock.now().toISOString();
      if (!resolved) return { by: q.by, total: 0, groups: [], asOf };
      const { scope, filter } = resolved;
      const rows = await fleetRepo.count(db, scope, filter, await rule(scope, filter), {
        by: q.by,
        connectivity: q.connectivity,
        silent: q.silent,
      });
      const planIds = rows.flatMap((r) => (r.key ? [r.key] : []));
      const names =
        q.by === "ratePlan" || q.by === "communicationPlan"
          ? await deps.catalog.planNames(db, {
              comm: q.by === "communicationPlan" ? planIds : [],
              rate: q.by === "ratePlan" ? planIds : [],
            })
          : null;
      const nameOf = (key: string | null) => {
        if (!names || key === null) return null;
        return (q.by === "ratePlan" ? names.rate : names.comm).get(key) ?? key;
      };
      return {
        by: q.by,
        total: rows.reduce((sum, r) => sum + r.count, 0),
        groups: rows.map((r) => ({ key: r.key, name: nameOf(r.key), count: r.count })),
        asOf,
      };
    },
  };
}

export type FleetService = ReturnType<typeof createFleetService>;
