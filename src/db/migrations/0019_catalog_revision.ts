import type { Kysely } from "kysely";
import { execStatements } from "./exec-statements.js";

/**
 * `catalog_revision`: one number that grows with every committed change to the catalog (zones,
 * communication plans, rate plans and their versions, offers). A node keeps what it read of the
 * catalog in memory for as long as the number it reads beside a SIM is the one it loaded at, so a
 * change made through any node on the same database shows on the next read everywhere. Statement
 * triggers bump it, so no write path (the API, an onboarding job, SQL typed by an operator) can
 * forget to; writes to the catalog are rare, and they now queue on this one row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execStatements(
    db,
    `
    CREATE TABLE catalog_revision (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      revision bigint NOT NULL
    );
    INSERT INTO catalog_revision (singleton, revision) VALUES (true, 1);
    CREATE FUNCTION otter_bump_catalog_revision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE catalog_revision SET revision = revision + 1; RETURN NULL; END $$;
    CREATE TRIGGER zones_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zones FOR EACH STATEMENT EXECUTE FUNCTION otter_bump_catalog_revision();
    CREATE TRIGGER communication_plans_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON communication_plans FOR EACH STATEMENT EXECUTE FUNCTION otter_bump_catalog_revision();
    CREATE TRIGGER rate_plans_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rate_plans FOR EACH STATEMENT EXECUTE FUNCTION otter_bump_catalog_revision();
    CREATE TRIGGER rate_plan_versions_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rate_plan_versions FOR EACH STATEMENT EXECUTE FUNCTION otter_bump_catalog_revision();
    CREATE TRIGGER plan_offers_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_offers FOR EACH STATEMENT EXECUTE FUNCTION otter_bump_catalog_revision();
  `,
  );
}
