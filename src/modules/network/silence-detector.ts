import { type Db, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { rhythmOf, silenceLimitMs } from "./silence-policy.js";
import type { EventsService } from "../events/events.service.js";
import { CONNECTING } from "../sims/sim-lifecycle.js";
import { simLookupRepo } from "../sims/sim-lookup.shared.repo.js";
import { networkRepo } from "./network.repo.js";
import { sessionsRepo } from "./sessions.repo.js";

const BATCH = 200;
/** A SIM in a state that cannot connect is not expected to speak; look again later, cheaply. */
const NOT_CONNECTING_RECHECK_MS = 6 * 3600_000;
const HISTORY_MS = 7 * 24 * 3600_000;

/**
 * The silence detector, on Otter's clock: a SIM whose last activity (a session start or bytes) is
 * older than its usual rhythm allows — the diagnosis' own yardstick, `silenceLimitMs` over
 * `rhythmOf` its recent sessions — is marked silent and `sim.silent` is emitted, once per episode.
 * Its next activity ends the episode (`sim.back_online`, emitted by the signals service in the
 * transaction that records it). Each SIM carries the time it is worth looking at next, so a round
 * reads only SIMs that may have fallen silent; rows are claimed with SKIP LOCKED, so nodes share it.
 */
export function createSilenceDetector(deps: {
  db: Db;
  clock: Clock;
  events: Pick<EventsService, "emit">;
}) {
  const { db, clock } = deps;
  const connecting = [...CONNECTING] as string[];

  return {
    /** One round; returns how many SIMs it marked silent. */
    async runOnce(): Promise<number> {
      let marked = 0;
      for (let round = 0; round < 50; round++) {
        const { seen, silent } = await inTransaction(db, async (tx) => {
          const now = clock.now();
          const due = await networkRepo.lockDueForSilenceCheck(tx, now, BATCH);
          const sims = new Map(
            (await simLookupRepo.byIds(tx, [...new Set(due.map((s) => s.sim_id))])).map((sim) => [
              sim.id,
              sim,
            ]),
          );
          let n = 0;
          for (const s of due) {
            const sim = sims.get(s.sim_id);
            if (!s.last_activity_at || !sim) continue;
            if (!connecting.includes(sim.state)) {
              const recheckAt = new Date(now.getTime() + NOT_CONNECTING_RECHECK_MS);
              await networkRepo.setSilenceCheck(tx, s.sim_id, recheckAt);
              continue;
            }
            const since = new Date(now.getTime() - HISTORY_MS);
            const sessions = await sessionsRepo.startsSince(tx, s.sim_id, since, 200);
            const rhythm = rhythmOf(sessions.map((x) => ({ startedAt: x.started_at })));
            const limit = silenceLimitMs(rhythm);
            const quietMs = now.getTime() - s.last_activity_at.getTime();
            if (quietMs < limit) {
              const checkAt = new Date(s.last_activity_at.getTime() + limit);
              await networkRepo.setSilenceCheck(tx, s.sim_id, checkAt);
              continue;
            }
            await networkRepo.markSilent(tx, s.sim_id, now);
            await deps.events.emit(tx, [
              {
                accountId: sim.account_id,
                type: "sim.silent",
                subjectId: sim.iccid,
                data: {
                  iccid: sim.iccid,
                  lastActivityAt: s.last_activity_at.toISOString(),
                  silentForSeconds: Math.round(quietMs / 1000),
                  usualGapSeconds: rhythm.typicalGapSeconds,
                  rhythmBasis: rhythm.basis,
                  limitSeconds: Math.round(limit / 1000),
                  at: now.toISOString(),
                },
              },
            ]);
            n++;
          }
          return { seen: due.length, silent: n };
        });
        marked += silent;
        if (seen < BATCH) break;
      }
      return marked;
    },
  };
}

export type SilenceDetector = ReturnType<typeof createSilenceDetector>;
