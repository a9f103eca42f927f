import { seg } from "../cli/client.js";
import type { SimApi } from "./otter-api.js";
import { describeVisited } from "./plmn.js";
import type { SimRat } from "./scenario.js";

/**
 * The simulated HSS/HLR. Like a provisioned HSS it holds each subscriber's profile — here read from
 * Otter's API: the SIM's state and its communication plan's zones, RATs and data setting — and
 * accepts or rejects each registration with the cause a real one would give. Every outcome is
 * reported to Otter as a registration event.
 *
 * | Why                                            | S6a (LTE, LTE-M, NB-IoT, 5G) | MAP (2G, 3G)                |
 * |------------------------------------------------|------------------------------|-----------------------------|
 * | IMSI not in Otter                              | 5001 USER_UNKNOWN            | 1 unknownSubscriber         |
 * | SIM not in a connecting state (Otter: BLOCKED) | 5001 USER_UNKNOWN            | 1 unknownSubscriber         |
 * | SIM has no communication plan                  | 5420 UNKNOWN_EPS_SUBSCRIPTION | 1 unknownSubscriber        |
 * | visited country/network in no zone of the plan | 5004 ROAMING_NOT_ALLOWED     | 8 roamingNotAllowed         |
 * | RAT not allowed by the plan                    | 5421 RAT_NOT_ALLOWED         | 8 roamingNotAllowed         |
 * | data not enabled on the plan                   | 5420 UNKNOWN_EPS_SUBSCRIPTION | 1 unknownSubscriber        |
 */

/** States in which Otter lets a SIM attach (its CONNECTING set); any other state is BLOCKED there. */
export const CONNECTING_STATES: ReadonlySet<string> = new Set([
  "TEST_READY",
  "ACTIVATION_READY",
  "ACTIVATED",
]);

export interface Subscriber {
  iccid: string;
  imsi: string;
  state: string;
  communicationPlan: { id: string; name: string } | null;
}

export interface PlanProfile {
  id: string;
  name: string;
  apns: { name: string }[];
  dataEnabled: boolean;
  rats: string[];
  zones: { name: string; countries: string[]; plmns: string[] }[];
}

export type RegistrationDecision =
  | { accepted: true; apn: string | null }
  | { accepted: false; cause: number; causeType: "s6a" | "map"; reason: string };

const MAP_OF_S6A: Readonly<Record<number, number>> = { 5001: 1, 5004: 8, 5420: 1, 5421: 8 };

export const causeTypeOf = (rat: SimRat): "s6a" | "map" =>
  rat === "2G" || rat === "3G" ? "map" : "s6a";

/** The HSS's rules, pure: who may register where, and the cause when not. */
export function decideRegistration(p: {
  subscriber: Subscriber | null;
  plan: PlanProfile | null;
  visitedPlmn: string;
  rat: SimRat;
}): RegistrationDecision {
  const reject = (s6a: number, reason: string): RegistrationDecision => {
    const causeType = causeTypeOf(p.rat);
    return {
      accepted: false,
      cause: causeType === "map" ? MAP_OF_S6A[s6a]! : s6a,
      causeType,
      reason,
    };
  };
  if (!p.subscriber) return reject(5001, "IMSI unknown to Otter");
  if (!CONNECTING_STATES.has(p.subscriber.state))
    return reject(5001, `SIM is ${p.subscriber.state}`);
  if (!p.plan) return reject(5420, "SIM has no communication plan");
  const visited = describeVisited(p.visitedPlmn);
  const inZone = p.plan.zones.some(
    (z) =>
      z.plmns.includes(p.visitedPlmn) ||
      (visited.country !== null && z.countries.includes(visited.country)),
  );
  if (!inZone)
    return reject(5004, `${visited.country ?? p.visitedPlmn} is in no zone of plan ${p.plan.name}`);
  if (!p.plan.rats.includes(p.rat))
    return reject(5421, `${p.rat} is not allowed by plan ${p.plan.name}`);
  if (!p.plan.dataEnabled) return reject(5420, `data is not enabled on plan ${p.plan.name}`);
  return { accepted: true, apn: p.plan.apns[0]?.name ?? null };
}

/** Where the HSS reads subscriber profiles. */
export interface SubscriberDirectory {
  /** The SIM with this IMSI and its communication plan, as Otter has them now; null if unknown. */
  lookup(imsi: string): Promise<{ subscriber: Subscriber; plan: PlanProfile | null } | null>;
}

interface PlanOut {
  id: string;
  name: string;
  apns: { name: string }[];
  dataEnabled: boolean;
  rats: string[];
  zones: { id: string; name: string }[];
}
interface ZoneOut {
  id: string;
  name: string;
  countries: string[];
  plmns: string[];
}

/**
 * Profiles read through Otter's API on every registration (`GET /api/v1/sims?imsi=`). Plans and
 * zones change rarely and are shared by many SIMs, so they are kept for `cacheMs` of real time.
 */
export function apiDirectory(api: SimApi, cacheMs = 2000): SubscriberDirectory {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.at > Date.now() - cacheMs) return hit.value as Promise<T>;
    const value = load();
    cache.set(key, { at: Date.now(), value });
    value.catch(() => cache.delete(key));
    return value;
  }
  return {
    async lookup(imsi) {
      const page = await api.get<{ items: Subscriber[] }>("/api/v1/sims", { imsi, limit: 1 });
      const sim = page.items[0];
      if (!sim) return null;
      const subscriber: Subscriber = {
        iccid: sim.iccid,
        imsi: sim.imsi,
        state: sim.state,
        communicationPlan: sim.communicationPlan,
      };
      if (!sim.communicationPlan) return { subscriber, plan: null };
      const [plan, zones] = await Promise.all([
        cached(`plan:${sim.communicationPlan.id}`, () =>
          api.get<PlanOut>(`/api/v1/communication-plans/${seg(sim.communicationPlan!.id)}`),
        ),
        cached("zones", () => api.get<{ items: ZoneOut[] }>("/api/v1/zones")),
      ]);
      const byId = new Map(zones.items.map((z) => [z.id, z]));
      return {
        subscriber,
        plan: {
          id: plan.id,
          name: plan.name,
          apns: plan.apns,
          dataEnabled: plan.dataEnabled,
          rats: plan.rats,
          zones: plan.zones
            .map((z) => byId.get(z.id))
            .filter((z): z is ZoneOut => !!z)
            .map((z) => ({ name: z.name, countries: z.countries, plmns: z.plmns })),
        },
      };
    },
  };
}

/** A registration event as `POST /api/v1/network/events` takes it. */
export interface RegistrationEvent {
  id: string;
  type: "location_update" | "purge" | "cancel_location" | "auth_failure";
  result?: "accepted" | "rejected";
  cause?: number;
  causeType?: "s6a" | "map";
  imsi: string;
  visitedPlmn?: string;
  rat?: SimRat;
  imei?: string;
  at: string;
}

export interface EventSink {
  /** Resolves once the event is stored (or given up): a device attaches only after its HSS has reported. */
  post(event: RegistrationEvent): Promise<void>;
  /** Resolves when everything posted so far is stored (or given up). */
  flush(): Promise<void>;
  stats(): { posted: number; stored: number; failed: number };
}

/**
 * Posts registration events in batches (`{ events: [...] }`, up to 500 at a time, gathered for a few
 * milliseconds), as an HSS feed would. A batch that fails after the API client's retries is counted
 * as failed; the simulation goes on.
 */
export function apiEventSink(
  api: SimApi,
  opts: { batch?: number; waitMs?: number; onError?: (err: unknown) => void } = {},
): EventSink {
  const max = opts.batch ?? 500;
  const waitMs = opts.waitMs ?? 20;
  const stats = { posted: 0, stored: 0, failed: 0 };
  let queue: { event: RegistrationEvent; done: () => void }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const inflight = new Set<Promise<void>>();

  function send() {
    if (timer) clearTimeout(timer);
    timer = null;
    while (queue.length > 0) {
      const batch = queue.slice(0, max);
      queue = queue.slice(batch.length);
      const p = api
        .post<{ stored: number; duplicates: number }>("/api/v1/network/events", {
          events: batch.map((b) => b.event),
        })
        .then(() => {
          stats.stored += batch.length;
        })
        .catch((err: unknown) => {
          stats.failed += batch.length;
          opts.onError?.(err);
        })
        .finally(() => {
          inflight.delete(p);
          for (const b of batch) b.done();
        });
      inflight.add(p);
    }
  }

  return {
    post(event) {
      stats.posted++;
      return new Promise<void>((done) => {
        queue.push({ event, done });
        if (queue.length >= max) send();
        else timer ??= setTimeout(send, waitMs);
      });
    },
    async flush() {
      send();
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
    stats: () => ({ ...stats }),
  };
}
