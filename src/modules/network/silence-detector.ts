import { type Db, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { rhythmOf, silenceLimitMs } from "../diagnostics/ladder.js";
import type { EventsService } from "../events/events.service.js";
import { CONNECTING } from "../sims/sim-lifecycle.js";

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
          const due = await tx
            .selectFrom("sim_network_state")
            .innerJoin("sims", "sims.id", "sim_network_state.sim_id")
            .select([
              "sim_network_state.sim_id",
              "sim_network_state.last_activity_at",
              "sims.iccid",
              "sims.account_id",
              "sims.state",
            ])
            .where("sim_network_state.silent_since", "is", null)
            .where("sim_network_state.silence_check_at", "<=", now)
            .orderBy("sim_network_state.silence_check_at")
            .limit(BATCH)
            .forUpdate(["sim_network_state"])
            .skipLocked()
            .execute();
          let n = 0;
          for (const s of due) {
            if (!s.last_activity_at) continue;
            if (!connecting.includes(s.state)) {
              await tx
                .updateTable("sim_network_state")
                .set({ silence_check_at: new Date(now.getTime() + NOT_CONNECTING_RECHECK_MS) })
                .where("sim_id", "=", s.sim_id)
                .execute();
              continue;
            }
            const sessions = await tx
              .selectFrom("data_sessions")
              .select("started_at")
              .where("sim_id", "=", s.sim_id)
              .where("started_at", ">=", new Date(now.getTime() - HISTORY_MS))
              .orderBy("started_at", "desc")
              .limit(200)
              .execute();
            const rhythm = rhythmOf(
              sessions.map((x) => ({ startedAt: x.started_at })) as Parameters<typeof rhythmOf>[0],
            );
            const limit = silenceLimitMs(rhythm);
            const quietMs = now.getTime() - s.last_activity_at.getTime();
            if (quietMs < limit) {
              await tx
                .updateTable("sim_network_state")
                .set({ silence_check_at: new Date(s.last_activity_at.getTime() + limit) })
                .where("sim_id", "=", s.sim_id)
                .execute();
              continue;
            }
            await tx
              .updateTable("sim_network_state")
              .set({ silent_since: now, silence_check_at: null })
              .where("sim_id", "=", s.sim_id)
              .execute();
            await deps.events.emit(tx, [
              {
                accountId: s.account_id,
                type: "sim.silent",
                subjectId: s.iccid,
                data: {
                  iccid: s.iccid,
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
