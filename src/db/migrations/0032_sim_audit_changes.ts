import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * One audit record per SIM for a set-based change of several fields at once (an onboarding's
 * assignment or move): `changes` holds each changed field's prior and new value
 * (`{"state": {"from": "INVENTORY", "to": "ACTIVATED"}, …}`) and `field` names them
 * (`account,state,ratePlan`), instead of a row per field. Records of one field keep `prior_value`
 * and `value` and leave `changes` empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(db, `ALTER TABLE sim_audit ADD COLUMN changes jsonb;`);
}
