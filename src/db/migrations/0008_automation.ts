import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * Automation rules per account, one firing per (rule, event) — the unique key is what makes a rule
 * fire exactly once also across restarts and concurrent workers — and the rules' own cursor over
 * `domain_events`, which starts after the events that exist now (like the webhooks' cursor).
 *
 * The network's picture of a SIM also learns what the new events need: the zone it is in (for
 * `sim.zone_entered`), when it last showed activity (a session or bytes) and whether it is in a
 * silence episode (for `sim.silent` / `sim.back_online`), with the time the silence detector looks
 * at it next.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE automation_rules (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      name text NOT NULL,
      description text,
      enabled boolean NOT NULL,
      trigger_type text NOT NULL,
      trigger jsonb NOT NULL,
      conditions jsonb NOT NULL,
      actions jsonb NOT NULL,
      usage_percent integer,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX automation_rules_account_idx ON automation_rules (account_id);
    CREATE INDEX automation_rules_trigger_idx ON automation_rules (trigger_type) WHERE enabled;

    CREATE TABLE automation_firings (
      id uuid PRIMARY KEY,
      rule_id uuid NOT NULL REFERENCES automation_rules(id) ON DELETE CASCADE,
      account_id uuid NOT NULL REFERENCES accounts(id),
      dedupe_key text NOT NULL,
      event_id uuid,
      event_type text NOT NULL,
      event_data jsonb NOT NULL,
      sim_id uuid,
      iccid text,
      episode_at timestamptz,
      status text NOT NULL CHECK (status IN ('pending','running','done','failed')),
      attempts integer NOT NULL DEFAULT 0,
      lease_until timestamptz,
      results jsonb,
      created_at timestamptz NOT NULL,
      finished_at timestamptz,
      UNIQUE (rule_id, dedupe_key)
    );
    CREATE INDEX automation_firings_rule_idx ON automation_firings (rule_id, id);
    CREATE INDEX automation_firings_due_idx ON automation_firings (id) WHERE status IN ('pending','running');
    CREATE INDEX automation_firings_episode_idx ON automation_firings (rule_id, sim_id, episode_at) WHERE episode_at IS NOT NULL;

    CREATE TABLE automation_cursor (
      id integer PRIMARY KEY CHECK (id = 1),
      last_event_id uuid NOT NULL
    );
    INSERT INTO automation_cursor (id, last_event_id)
      VALUES (1, coalesce((SELECT id FROM domain_events ORDER BY id DESC LIMIT 1), '00000000-0000-0000-0000-000000000000'));

    ALTER TABLE sim_network_state ADD COLUMN zone_key text;
    ALTER TABLE sim_network_state ADD COLUMN last_activity_at timestamptz;
    ALTER TABLE sim_network_state ADD COLUMN silence_check_at timestamptz;
    ALTER TABLE sim_network_state ADD COLUMN silent_since timestamptz;
    CREATE INDEX sim_network_state_silence_idx ON sim_network_state (silence_check_at) WHERE silent_since IS NULL;
    CREATE INDEX sim_network_state_activity_idx ON sim_network_state (last_activity_at);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error("Otter migrations are forward-only.");
}
