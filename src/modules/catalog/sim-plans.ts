import { catalogText } from "./catalog.messages.js";
import type { Executor } from "../../db/database.js";
import type { RatePlanVersion } from "../../db/schema.js";
import type { Warning } from "./catalog.schemas.js";
import { catalogRepo } from "./catalog.repo.js";
import { plansRepo } from "./plans.repo.js";

/** What a SIM's detail shows of a communication plan: its name and the zones it allows, named. */
export interface CommFacts {
  id: string;
  name: string;
  zoneIds: string[];
  zoneNames: Map<string, string>;
}

/** What a SIM's detail shows of a rate plan: its name and every version (versions never change). */
export interface RateFacts {
  id: string;
  name: string;
  versions: Pick<RatePlanVersion, "version" | "effective_from" | "zone_ids" | "terms">[];
}

/** The version in force at `at`: the latest whose effectiveFrom is not after it. */
export function versionAt<T extends { effective_from: Date }>(
  versions: T[],
  at: Date,
): T | undefined {
  let current: T | undefined;
  for (const v of versions) if (v.effective_from.getTime() <= at.getTime()) current = v;
  return current;
}

/**
 * The bill-shock check: the zones the communication plan allows that the rate plan's version in
 * force at `at` (its first one, before any is in force) does not price.
 */
export function billShock(comm: CommFacts, rate: RateFacts, at: Date): Warning[] {
  const version = versionAt(rate.versions, at) ?? rate.versions[0];
  if (!version) return [];
  const priced = new Set(version.zone_ids);
  return comm.zoneIds
    .filter((id) => !priced.has(id))
    .map((id) => {
      const name = comm.zoneNames.get(id) ?? id;
      const params = {
        communicationPlan: comm.name,
        zone: name,
        ratePlan: rate.name,
        version: version.version,
      };
      return {
        code: "BILL_SHOCK_RISK",
        message: catalogText.legacy({ code: "BILL_SHOCK_RISK", params }),
        params,
        zone: { id, name },
      };
    });
}

export async function loadCommFacts(ex: Executor, id: string): Promise<CommFacts | null> {
  const p = await plansRepo.findCommunicationPlan(ex, { id });
  if (!p) return null;
  const zones = p.zone_ids.length ? await catalogRepo.zonesByIds(ex, p.zone_ids) : [];
  return {
    id: p.id,
    name: p.name,
    zoneIds: p.zone_ids,
    zoneNames: new Map(zones.map((z) => [z.id, z.name])),
  };
}

export async function loadRateFacts(ex: Executor, id: string): Promise<RateFacts | null> {
  const [p, versions] = await Promise.all([
    plansRepo.findRatePlan(ex, { id }),
    plansRepo.versionsOf(ex, id),
  ]);
  if (!p) return null;
  return { id: p.id, name: p.name, versions };
}

/**
 * The plans of SIMs, kept in this process for one catalog revision (migration 0019). A caller
 * passes the revision it read in the same statement as the SIM; a different number starts a new,
 * empty generation, so nothing read before a change to the catalog — made through this node,
 * another node on the same database, or SQL — answers after the reader has seen the change. A read
 * started for an older generation fills that generation only, never the current one. Entries are
 * plans and their zones, which an operator counts in tens or hundreds.
 */
export function createSimPlansCache(load: {
  comm: (id: string) => Promise<CommFacts | null>;
  rate: (id: string) => Promise<RateFacts | null>;
}) {
  let generation = {
    revision: Number.NaN,
    comm: new Map<string, Promise<CommFacts | null>>(),
    rate: new Map<string, Promise<RateFacts | null>>(),
  };

  function at(revision: number) {
    if (generation.revision !== revision)
      generation = { revision, comm: new Map(), rate: new Map() };
    return generation;
  }

  function cached<T>(map: Map<string, Promise<T>>, id: string, read: () => Promise<T>) {
    let p = map.get(id);
    if (!p) {
      p = read();
      map.set(id, p);
      // A failed read is not remembered: the next lookup asks the database again.
      p.catch(() => map.get(id) === p && map.delete(id));
    }
    return p;
  }

  return {
    comm: (revision: number, id: string) => cached(at(revision).comm, id, () => load.comm(id)),
    rate: (revision: number, id: string) => cached(at(revision).rate, id, () => load.rate(id)),
  };
}
