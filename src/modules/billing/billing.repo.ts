import { type Insertable, sql } from "kysely";
import type { Executor, Tx } from "../../db/database.js";
import type {
  BillingProfilesTable,
  Invoice,
  InvoiceLinesTable,
  InvoicesTable,
} from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import { usageRows, usageRowsOfDays } from "../network/usage-billing.shared.repo.js";
import { planChangeRules } from "../catalog/rate-terms.shared.repo.js";
import { ratedSimIds, ratePlanChanges, stateSegments } from "../sims/sim-billing.shared.repo.js";
import { scopeAccounts, withinSubtree } from "../tenancy/tenancy.js";

/** The states a SIM is billed in (reference/iot-plans.md: ACTIVATED; DEACTIVATED only under a commitment). */
export const BILLABLE_STATES = ["ACTIVATED"];

/**
 * The versions of the plans rated in each staged invoice's cycle, with the days each is in force
 * on ([from, to)): one entry per invoice, plan and version.
 */
export interface VersionRanges {
  invoiceIds: string[];
  planIds: string[];
  versions: number[];
  fromDays: string[];
  toDays: string[];
}

/**
 * Per staged invoice and plan: its zone 1 and, without a pool, each SIM's allowance; the test
 * allowances.
 */
export interface PlanAllowances {
  invoiceIds: string[];
  planIds: string[];
  homeZoneIds: (string | null)[];
  /** Null for a pooled plan. */
  perSimBytes: (number | null)[];
  testBytes: number[];
  testSms: number[];
}

export interface CycleScope {
  invoiceId: string;
  scopePath: string;
  /**
   * The account at `scopePath` by itself, without its sub-accounts (a customer's own invoice when
   * its sub-accounts are invoiced apart, docs/billing.md "Invoices per sub-account").
   */
  alone?: boolean;
  timeZone: string;
  start: string;
  end: string;
}

/** Aggregates of the SIMs' states: SIM-days per version, first days, contributions, activations. */
export interface SimFactRow {
  kind: "days" | "first" | "contrib" | "act";
  invoice_id: string;
  rate_plan_id: string;
  version: number;
  n: number;
  sims: number;
}

/** Aggregates of usage: per plan, day and zone; per-SIM overage by day; test usage beyond the allowance. */
export interface UsageFactRow {
  kind: "day" | "over" | "test";
  invoice_id: string;
  rate_plan_id: string;
  day: string | null;
  zone_id: string | null;
  bytes: number;
  sms_mo: number;
  sms_mt: number;
  sims: number;
}

/**
 * The rate plan changes of the scope's SIMs that matter to the cycle [start, end), each with the day
 * it takes effect for this cycle (docs/billing.md, "Plan changes"): a change before the cycle is in
 * force from before it; a change in the cycle to a plan whose version then says `immediate` (or a
 * SIM's first plan) takes effect on its day; any other change in the cycle takes effect at the next
 * cycle, so not in this one.
 */
const effectiveChanges = (scope: Omit<CycleScope, "invoiceId">) => sql`
  SELECT c.sim_id, c.at, c.id, c.day,
    (SELECT r.rate_plan_id FROM (${planChangeRules()}) r
      WHERE r.rate_plan_id::text = c.prior_ref OR r.name = c.prior_ref LIMIT 1) AS prior_plan,
    n.rate_plan_id AS new_plan,
    CASE WHEN c.prior_ref IS NULL OR n.plan_change = 'immediate' OR c.day < ${scope.start}::date
      THEN c.day ELSE ${scope.end}::date END AS eff
  FROM (${ratePlanChanges(scope.scopePath, scope.timeZone, scope.alone)}) c
  LEFT JOIN LATERAL (
    SELECT r.rate_plan_id, r.plan_change FROM (${planChangeRules()}) r
    WHERE r.rate_plan_id::text = c.new_ref OR r.name = c.new_ref
    ORDER BY (r.effective_from <= c.at) DESC, r.version DESC LIMIT 1
  ) n ON true
  WHERE c.day < ${scope.end}::date`;

/**
 * Subquery: the SIMs' state segments split by the rate plan in force (docs/billing.md, "Plan
 * changes"), each with the plan segment it lies in (`pfrom`, `pto`) and `pspan`, the days of the
 * cycle the SIM is on that plan (its allowance is prorated by them). A SIM whose plan never changed
 * is on its current plan throughout.
 */
const billedSegments = (scope: Omit<CycleScope, "invoiceId">) => sql`
  WITH seg0 AS (${stateSegments(scope.scopePath, scope.timeZone, scope.alone)}),
  ch AS (${effectiveChanges(scope)}),
  pts AS (
    SELECT DISTINCT sim_id, '-infinity'::date AS p FROM ch
    UNION SELECT DISTINCT sim_id, greatest(eff, ${scope.start}::date) FROM ch WHERE eff < ${scope.end}::date
  ),
  pseg0 AS (
    SELECT pts.sim_id, pts.p AS pfrom,
      coalesce(lead(pts.p) OVER (PARTITION BY pts.sim_id ORDER BY pts.p), 'infinity'::date) AS pto,
      coalesce(
        (SELECT ch.new_plan FROM ch WHERE ch.sim_id = pts.sim_id AND ch.eff <= pts.p
          ORDER BY ch.at DESC, ch.id DESC LIMIT 1),
        (SELECT ch.prior_plan FROM ch WHERE ch.sim_id = pts.sim_id ORDER BY ch.at, ch.id LIMIT 1)
      ) AS rate_plan_id
    FROM pts
  ),
  pseg AS (
    SELECT *, sum(greatest(0, least(pto, ${scope.end}::date) - greatest(pfrom, ${scope.start}::date)))
      OVER (PARTITION BY sim_id, rate_plan_id) AS pspan
    FROM pseg0
  )
  SELECT s.sim_id, s.account_id, s.iccid, s.rate_plan_id, s.activated_on, s.from_day, s.to_day,
    s.state, s.first, '-infinity'::date AS pfrom, 'infinity'::date AS pto,
    (${scope.end}::date - ${scope.start}::date) AS pspan
  FROM seg0 s WHERE NOT EXISTS (SELECT 1 FROM ch WHERE ch.sim_id = s.sim_id)
  UNION ALL
  SELECT s.sim_id, s.account_id, s.iccid, ps.rate_plan_id, s.activated_on,
    greatest(s.from_day, ps.pfrom), least(s.to_day, ps.pto), s.state,
    s.first AND ps.pfrom = '-infinity'::date, ps.pfrom, ps.pto, ps.pspan
  FROM seg0 s JOIN pseg ps ON ps.sim_id = s.sim_id AND ps.rate_plan_id IS NOT NULL
    AND ps.pto > s.from_day
    AND (ps.pfrom < s.to_day OR (s.to_day <= s.from_day AND ps.pfrom <= s.from_day))`;

/** Queries of the billing module. */
export const billingRepo = {
  findProfile: (db: Executor, accountId: string) =>
    db
      .selectFrom("billing_profiles")
      .selectAll()
      .where("account_id", "=", accountId)
      .executeTakeFirst(),

  upsertProfile: (tx: Tx, row: Insertable<BillingProfilesTable>) =>
    tx
      .insertInto("billing_profiles")
      .values(row)
      .onConflict((oc) =>
        oc.column("account_id").doUpdateSet((eb) => ({
          cycle: eb.ref("excluded.cycle"),
          anchor_day: eb.ref("excluded.anchor_day"),
          country: eb.ref("excluded.country"),
          contact_name: eb.ref("excluded.contact_name"),
          contact_email: eb.ref("excluded.contact_email"),
          per_sub_account: eb.ref("excluded.per_sub_account"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute(),

  findInvoice: (db: Executor, id: string) =>
    db.selectFrom("invoices").selectAll().where("id", "=", id).executeTakeFirst(),

  /** Issued invoices and credit notes by the number printed on them (`INV-000042`). */
  invoicesNumbered: (db: Executor, numbers: readonly string[]) =>
    db
      .selectFrom("invoices")
      .select(["id", "number_text", "account_id"])
      .where("number_text", "in", [...numbers])
      .execute(),

  /** Locks the invoice row: issuing and crediting run one at a time per invoice. */
  lockInvoice: (tx: Tx, id: string) =>
    tx.selectFrom("invoices").selectAll().where("id", "=", id).forUpdate().executeTakeFirst(),

  invoiceForCycle: (db: Executor, accountId: string, cycleStart: string) =>
    db
      .selectFrom("invoices")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("cycle_start", "=", cycleStart)
      .where("kind", "=", "invoice")
      .executeTakeFirst(),

  /**
   * Invoices and credit notes in the subtree at `path` (and in the one at `accountPath`, when
   * given), newest cycle first.
   */
  listVisible: (
    db: Executor,
    path: string,
    opts: { accountPath?: string; status?: "draft" | "issued"; limit: number; offset: number },
  ) => {
    let q = db
      .selectFrom("invoices")
      .selectAll()
      .where((eb) => withinSubtree(eb, "invoices.account_id", path));
    // An account's invoices and its sub-accounts' (docs/billing.md, "Invoices per sub-account").
    const { accountPath } = opts;
    if (accountPath) q = q.where((eb) => withinSubtree(eb, "invoices.account_id", accountPath));
    if (opts.status) q = q.where("status", "=", opts.status);
    return q
      .orderBy("cycle_start", "desc")
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
  },

  creditNotesOf: (db: Executor, invoiceId: string) =>
    db
      .selectFrom("invoices")
      .selectAll()
      .where("credited_invoice_id", "=", invoiceId)
      .orderBy("number")
      .execute(),

  /** Removes a draft and everything rated for it (a re-run rates it again from scratch). */
  deleteDraft: async (tx: Tx, invoiceId: string) => {
    await tx.deleteFrom("invoice_late_usage").where("invoice_id", "=", invoiceId).execute();
    await tx.deleteFrom("invoice_sim_usage").where("invoice_id", "=", invoiceId).execute();
    await tx.deleteFrom("invoice_sims").where("invoice_id", "=", invoiceId).execute();
    await tx.deleteFrom("invoice_lines").where("invoice_id", "=", invoiceId).execute();
    await tx
      .deleteFrom("invoices")
      .where("id", "=", invoiceId)
      .where("status", "=", "draft")
      .execute();
  },

  insertInvoice: (tx: Tx, row: Insertable<InvoicesTable>) =>
    tx.insertInto("invoices").values(row).execute(),

  updateTotals: (
    tx: Tx,
    id: string,
    set: Pick<Insertable<InvoicesTable>, "subtotal" | "vat_amount" | "total" | "flags" | "notes">,
  ) => tx.updateTable("invoices").set(set).where("id", "=", id).execute(),

  insertLines: async (tx: Tx, rows: Insertable<InvoiceLinesTable>[]) => {
    if (rows.length === 0) return;
    await tx.insertInto("invoice_lines").values(rows).execute();
  },

  linesOf: (db: Executor, invoiceId: string) =>
    db
      .selectFrom("invoice_lines")
      .selectAll()
      .where("invoice_id", "=", invoiceId)
      .orderBy("n")
      .execute(),

  lineOf: (db: Executor, invoiceId: string, n: number) =>
    db
      .selectFrom("invoice_lines")
      .selectAll()
      .where("invoice_id", "=", invoiceId)
      .where("n", "=", n)
      .executeTakeFirst(),

  /**
   * The next number of the operator's series, in the caller's transaction: the counter row is
   * locked until it commits, so two issuers never take the same number and a rolled-back issue
   * leaves no gap.
   */
  nextNumber: async (tx: Tx, operatorAccountId: string, series: string): Promise<number> => {
    const row = await tx
      .insertInto("invoice_counters")
      .values({ operator_account_id: operatorAccountId, series, last_number: 1 })
      .onConflict((oc) =>
        oc
          .columns(["operator_account_id", "series"])
          .doUpdateSet({ last_number: sql`invoice_counters.last_number + 1` }),
      )
      .returning("last_number")
      .executeTakeFirstOrThrow();
    return row.last_number;
  },

  markIssued: (
    tx: Tx,
    id: string,
    set: { number: number; numberText: string; at: Date; by: string; customer: string },
  ) =>
    tx
      .updateTable("invoices")
      .set({
        status: "issued",
        number: set.number,
        number_text: set.numberText,
        issued_at: set.at,
        issued_by: set.by,
        customer: set.customer,
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .execute(),

  /**
   * Stages the SIMs' state segments, split by the rate plan in force (docs/billing.md, "Plan
   * changes"), of every invoice rated together, in temporary tables dropped at commit — one row
   * per segment with the invoice and its cycle, and the accounts of each invoice's subtree — then
   * analyses them, so that the statements below see how many SIMs they hold and join usage to
   * them by hash in one pass (docs/decisions.md, "Billing in one pass").
   */
  stageSegments: async (tx: Tx, scopes: readonly CycleScope[]) => {
    // For this transaction only: at 1,000,000 SIMs a pass spilled 8 GB to disk at 256 MB
    // (docs/decisions.md, "Writing the per-SIM facts").
    await sql`SELECT set_config('work_mem', '1GB', true)`.execute(tx);
    await sql`DROP TABLE IF EXISTS billing_run_segments`.execute(tx);
    await sql`DROP TABLE IF EXISTS billing_run_accounts`.execute(tx);
    await sql`CREATE TEMP TABLE billing_run_segments (invoice_id uuid NOT NULL,
      cycle_start date NOT NULL, cycle_end date NOT NULL, sim_id uuid NOT NULL,
      account_id uuid NOT NULL, iccid text NOT NULL, rate_plan_id uuid NOT NULL, activated_on date,
      from_day date NOT NULL, to_day date NOT NULL, state text NOT NULL, first boolean NOT NULL,
      pfrom date NOT NULL, pto date NOT NULL, pspan integer NOT NULL, over_zone uuid,
      over_allowance bigint) ON COMMIT DROP`.execute(tx);
    await sql`CREATE TEMP TABLE billing_run_accounts (invoice_id uuid NOT NULL,
      account_id uuid NOT NULL) ON COMMIT DROP`.execute(tx);
    for (const scope of scopes) {
      await sql`INSERT INTO billing_run_segments
        SELECT ${scope.invoiceId}::uuid, ${scope.start}::date, ${scope.end}::date, seg.sim_id,
          seg.account_id, seg.iccid, seg.rate_plan_id, seg.activated_on, seg.from_day, seg.to_day,
          seg.state, seg.first, seg.pfrom, seg.pto, seg.pspan
        FROM (${billedSegments(scope)}) seg`.execute(tx);
      await sql`INSERT INTO billing_run_accounts
        SELECT ${scope.invoiceId}::uuid, a.account_id
        FROM (${scopeAccounts(scope.scopePath, scope.alone)}) a`.execute(tx);
    }
    await sql`ANALYZE billing_run_segments`.execute(tx);
    await sql`ANALYZE billing_run_accounts`.execute(tx);
  },

  /**
   * Stores each SIM's billable days and pool contribution for every staged invoice (invoice_sims)
   * and answers the aggregates rating needs, per invoice — one statement over the staged segments.
   */
  rateSimFacts: async (tx: Tx, versions: VersionRanges): Promise<SimFactRow[]> => {
    const { rows } = await sql<SimFactRow>`
      WITH ver AS (
        SELECT * FROM unnest(${versions.invoiceIds}::uuid[], ${versions.planIds}::uuid[],
          ${versions.versions}::int[], ${versions.fromDays}::date[], ${versions.toDays}::date[])
          AS t(invoice_id, rate_plan_id, version, from_day, to_day)
      ),
      clip AS (
        SELECT s.invoice_id, s.sim_id, s.account_id, s.iccid, s.rate_plan_id, s.activated_on,
          s.pfrom, s.pto, s.cycle_start, s.cycle_end,
          greatest(s.from_day, s.cycle_start) AS f, least(s.to_day, s.cycle_end) AS t
        FROM billing_run_segments s WHERE s.state = ANY(${BILLABLE_STATES}::text[])
      ),
      per_sim AS (
        SELECT invoice_id, sim_id, account_id, iccid, rate_plan_id, cycle_start, cycle_end,
          min(activated_on) FILTER (WHERE activated_on >= pfrom AND activated_on < pto) AS activated_on,
          sum(greatest(0, t - f)) AS billable_days,
          min(f) FILTER (WHERE t > f) AS first_day,
          least(max(pto), cycle_end) AS plan_to
        FROM clip GROUP BY invoice_id, sim_id, account_id, iccid, rate_plan_id, cycle_start, cycle_end
      ),
      ins AS (
        INSERT INTO invoice_sims (invoice_id, sim_id, account_id, iccid, rate_plan_id, billable_days,
          contribution_days, activated_on)
        SELECT invoice_id, sim_id, account_id, iccid, rate_plan_id, billable_days,
          plan_to - first_day,
          CASE WHEN activated_on >= cycle_start AND activated_on < cycle_end THEN activated_on END
        FROM per_sim WHERE billable_days > 0
        -- In the primary key's order: the index grows at its end, not at random pages.
        ORDER BY invoice_id, sim_id
        RETURNING invoice_id, rate_plan_id, contribution_days, activated_on
      ),
      days AS (
        SELECT c.invoice_id, c.rate_plan_id, v.version, c.sim_id,
          sum(least(c.t, v.to_day) - greatest(c.f, v.from_day)) AS n
        FROM clip c JOIN ver v ON v.invoice_id = c.invoice_id AND v.rate_plan_id = c.rate_plan_id
          AND least(c.t, v.to_day) > greatest(c.f, v.from_day)
        GROUP BY c.invoice_id, c.rate_plan_id, v.version, c.sim_id
      )
      SELECT 'days' AS kind, invoice_id, rate_plan_id, version, sum(n)::bigint AS n,
        count(*)::bigint AS sims
      FROM days GROUP BY invoice_id, rate_plan_id, version
      UNION ALL
      SELECT 'first', p.invoice_id, p.rate_plan_id, v.version, 0::bigint, count(*)::bigint
      FROM per_sim p JOIN ver v ON v.invoice_id = p.invoice_id AND v.rate_plan_id = p.rate_plan_id
        AND p.first_day >= v.from_day AND p.first_day < v.to_day
      WHERE p.billable_days > 0
      GROUP BY p.invoice_id, p.rate_plan_id, v.version
      UNION ALL
      SELECT 'contrib', i.invoice_id, i.rate_plan_id, 0, sum(i.contribution_days)::bigint,
        count(*)::bigint
      FROM ins i GROUP BY i.invoice_id, i.rate_plan_id
      UNION ALL
      SELECT 'act', i.invoice_id, i.rate_plan_id, v.version, 0::bigint, count(*)::bigint
      FROM ins i JOIN ver v ON v.invoice_id = i.invoice_id AND v.rate_plan_id = i.rate_plan_id
        AND i.activated_on >= v.from_day AND i.activated_on < v.to_day
      GROUP BY i.invoice_id, i.rate_plan_id, v.version`.execute(tx);
    return rows;
  },

  /**
   * Stores each SIM's usage per zone for every staged invoice (invoice_sim_usage, the detail
   * behind the lines) and answers the aggregates rating needs, per invoice — one pass over the
   * usage rows of the days [from, to), joined by hash to the staged segments, and one grouped
   * aggregate with three grouping sets: per SIM, plan and zone (the stored detail); per plan, day
   * and zone (the lines); per SIM, plan and day in zone 1 for plans without a pool (each SIM's
   * overage). A SIM has one usage row per day and zone, so a group's row count is its days (per
   * SIM) or its SIMs (per day). Usage on a day the SIM ends in TEST_READY is test usage.
   */
  rateUsageFacts: async (
    tx: Tx,
    days: { from: string; to: string },
    plans: PlanAllowances,
  ): Promise<UsageFactRow[]> => {
    // On the segments of plans without a pool: zone 1 and each SIM's allowance, prorated by its
    // days on the plan (`pspan`), for its overage.
    if (plans.perSimBytes.some((b) => b !== null))
      await sql`
        UPDATE billing_run_segments s SET over_zone = p.home_zone_id,
          over_allowance = ceil(p.allowance::numeric * s.pspan / (s.cycle_end - s.cycle_start))::bigint
        FROM unnest(${plans.invoiceIds}::uuid[], ${plans.planIds}::uuid[],
          ${plans.homeZoneIds}::uuid[], ${plans.perSimBytes}::bigint[])
          AS p(invoice_id, rate_plan_id, home_zone_id, allowance)
        WHERE p.allowance IS NOT NULL AND p.invoice_id = s.invoice_id
          AND p.rate_plan_id = s.rate_plan_id AND s.state <> 'TEST_READY'`.execute(tx);
    // The planner cannot see that the join keeps every usage row of the staged SIMs (it takes the
    // day bounds as selective), so it could sort millions of rows for the aggregate: hash it.
    await sql`SELECT set_config('enable_sort', 'off', true)`.execute(tx);
    const { rows } = await sql<UsageFactRow>`
      WITH p AS (
        SELECT * FROM unnest(${plans.invoiceIds}::uuid[], ${plans.planIds}::uuid[],
          ${plans.testBytes}::bigint[], ${plans.testSms}::bigint[])
          AS t(invoice_id, rate_plan_id, test_bytes, test_sms)
      ),
      x AS (
        SELECT s.invoice_id, u.sim_id, s.account_id, s.rate_plan_id, u.zone_key, u.zone_id,
          (s.state = 'TEST_READY') AS test, u.day, u.bytes, u.sms_mo, u.sms_mt,
          CASE WHEN u.zone_id = s.over_zone THEN u.sim_id END AS osim,
          CASE WHEN u.zone_id = s.over_zone THEN u.day END AS oday,
          CASE WHEN u.zone_id = s.over_zone THEN s.over_allowance END AS allowance
        FROM (${usageRowsOfDays(days.from, days.to)}) u
        JOIN billing_run_accounts a ON a.account_id = u.account_id
        JOIN billing_run_segments s ON s.sim_id = u.sim_id AND s.invoice_id = a.invoice_id
          AND u.day >= s.cycle_start AND u.day < s.cycle_end
          AND u.day < s.to_day AND (u.day >= s.from_day OR s.first)
      ),
      g AS (
        SELECT GROUPING(zone_key, day, oday) AS gs, invoice_id, sim_id, account_id, rate_plan_id,
          zone_key, zone_id, test, day, osim, oday, allowance, count(*) AS n, sum(bytes) AS bytes,
          sum(sms_mo) AS sms_mo, sum(sms_mt) AS sms_mt
        FROM x
        GROUP BY GROUPING SETS (
          (invoice_id, sim_id, account_id, rate_plan_id, zone_key, zone_id, test),
          (invoice_id, rate_plan_id, day, zone_id, test),
          (invoice_id, rate_plan_id, osim, oday, allowance))
      ),
      ins AS (
        INSERT INTO invoice_sim_usage (invoice_id, sim_id, account_id, rate_plan_id, zone_key, zone_id,
          test, days, bytes, sms_mo, sms_mt)
        SELECT invoice_id, sim_id, account_id, rate_plan_id, zone_key, zone_id, test, n, bytes,
          sms_mo, sms_mt
        FROM g WHERE gs = 3
        -- In the SIM index's order: it grows at its end, and the primary key (invoice, plan,
        -- zone, test, SIM) at one end per plan and zone (docs/decisions.md, "Writing the
        -- per-SIM facts").
        ORDER BY invoice_id, sim_id
      ),
      over AS (
        SELECT invoice_id, rate_plan_id, oday AS day,
          greatest(0, cum - allowance) - greatest(0, cum - bytes - allowance) AS over
        FROM (SELECT g.*, sum(g.bytes) OVER (PARTITION BY g.invoice_id, g.osim, g.rate_plan_id
          ORDER BY g.oday) AS cum FROM g WHERE gs = 6 AND oday IS NOT NULL) h
      ),
      tests AS (
        SELECT invoice_id, sim_id, rate_plan_id, sum(bytes) AS tb, sum(sms_mo + sms_mt) AS ts
        FROM g WHERE gs = 3 AND test GROUP BY invoice_id, sim_id, rate_plan_id
      )
      SELECT 'day' AS kind, invoice_id, rate_plan_id, day::text AS day, zone_id, bytes::bigint AS bytes,
        sms_mo::bigint AS sms_mo, sms_mt::bigint AS sms_mt, n::bigint AS sims
      FROM g WHERE gs = 5 AND NOT test
      UNION ALL
      SELECT 'over', invoice_id, rate_plan_id, day::text, NULL, sum(over)::bigint, 0::bigint,
        0::bigint, count(*) FILTER (WHERE over > 0)::bigint
      FROM over GROUP BY invoice_id, rate_plan_id, day
      UNION ALL
      SELECT 'test', t.invoice_id, t.rate_plan_id, NULL, NULL,
        sum(greatest(0, t.tb - p.test_bytes))::bigint, sum(greatest(0, t.ts - p.test_sms))::bigint,
        0::bigint, count(*) FILTER (WHERE t.tb > p.test_bytes OR t.ts > p.test_sms)::bigint
      FROM tests t JOIN p ON p.invoice_id = t.invoice_id AND p.rate_plan_id = t.rate_plan_id
      GROUP BY t.invoice_id, t.rate_plan_id`.execute(tx);
    await sql`SELECT set_config('enable_sort', 'on', true)`.execute(tx);
    return rows;
  },

  /** The SIMs behind a plan's lines, a page at a time by SIM id. */
  simsOfPlan: (
    db: Executor,
    invoiceId: string,
    ratePlanId: string,
    page: { after?: string; limit: number },
  ) => {
    let q = db
      .selectFrom("invoice_sims")
      .selectAll()
      .where("invoice_id", "=", invoiceId)
      .where("rate_plan_id", "=", ratePlanId);
    if (page.after) q = q.where("sim_id", ">", page.after);
    return q.orderBy("sim_id").limit(page.limit).execute();
  },

  /** The usage behind a line: per SIM, in the zone (null zone: networks in no zone), a page at a time. */
  usageOfPlan: (
    db: Executor,
    invoiceId: string,
    ratePlanId: string,
    zoneId: string | null,
    page: { after?: string; limit: number; test?: boolean },
  ) => {
    // The zone key is the zone's id, or `unzoned` (usage-billing.shared.repo.ts): the primary key
    // (invoice_id, rate_plan_id, zone_key, test, sim_id) serves the page in order.
    let q = db
      .selectFrom("invoice_sim_usage")
      .selectAll()
      .where("invoice_id", "=", invoiceId)
      .where("rate_plan_id", "=", ratePlanId)
      .where("zone_key", "=", zoneId ?? "unzoned")
      .where("test", "=", page.test ?? false);
    q = zoneId === null ? q.where("zone_id", "is", null) : q.where("zone_id", "=", zoneId);
    if (page.after) q = q.where("sim_id", ">", page.after);
    return q.orderBy("sim_id").limit(page.limit).execute();
  },

  /** ICCIDs and pool contributions of SIMs on the invoice (the usage detail names SIMs by ICCID). */
  iccidsOf: async (db: Executor, invoiceId: string, simIds: readonly string[]) => {
    if (simIds.length === 0) return [];
    return db
      .selectFrom("invoice_sims")
      .select(["sim_id", "iccid", "contribution_days"])
      .where("invoice_id", "=", invoiceId)
      .where("sim_id", "in", [...simIds])
      .execute();
  },

  /** One SIM's facts on an invoice: per plan, its billable days and contribution. */
  simFactsOf: (db: Executor, invoiceId: string, simId: string) =>
    db
      .selectFrom("invoice_sims")
      .selectAll()
      .where("invoice_id", "=", invoiceId)
      .where("sim_id", "=", simId)
      .execute(),

  /** One SIM's usage on an invoice, per plan, zone and test. */
  simUsageOf: (db: Executor, invoiceId: string, simId: string) =>
    db
      .selectFrom("invoice_sim_usage")
      .selectAll()
      .where("invoice_id", "=", invoiceId)
      .where("sim_id", "=", simId)
      .orderBy("zone_key")
      .execute(),

  /** The rate plans the scope's SIMs were on at some time of the cycle, besides their current ones. */
  plansOfChanges: async (db: Executor, scope: Omit<CycleScope, "invoiceId">) => {
    const { rows } = await sql<{ rate_plan_id: string }>`
      SELECT DISTINCT p AS rate_plan_id FROM (${effectiveChanges(scope)}) c
      CROSS JOIN LATERAL (VALUES (c.prior_plan), (c.new_plan)) v(p)
      WHERE p IS NOT NULL`.execute(db);
    return rows.map((r) => r.rate_plan_id);
  },

  /**
   * The last `limit` issued invoices of each account of the scope (the subtree at `scopePath`, or
   * with `alone` the account itself) whose cycle ended by `cycleStart`, newest first.
   */
  issuedBefore: async (
    db: Executor,
    scope: { scopePath: string; alone?: boolean },
    cycleStart: string,
    limit: number,
  ) => {
    const { rows } = await sql<Invoice>`
      SELECT * FROM (
        SELECT i.*, row_number() OVER (PARTITION BY i.account_id ORDER BY i.cycle_start DESC) AS k
        FROM invoices i
        WHERE i.account_id IN (${scopeAccounts(scope.scopePath, scope.alone)})
          AND i.kind = 'invoice' AND i.status = 'issued' AND i.cycle_end <= ${cycleStart}::date
      ) i
      WHERE i.k <= ${limit}
      ORDER BY i.cycle_start DESC, i.account_id`.execute(db);
    return rows.map(({ k: _k, ...row }: Invoice & { k?: unknown }) => row as Invoice);
  },

  /**
   * The invoices (not credit notes) of the cycle starting on `cycleStart` of every account in the
   * subtree at `scopePath`: a customer's own and its sub-accounts'.
   */
  invoicesOfCycle: (db: Executor, scopePath: string, cycleStart: string) =>
    db
      .selectFrom("invoices")
      .selectAll()
      .where((eb) => withinSubtree(eb, "invoices.account_id", scopePath))
      .where("cycle_start", "=", cycleStart)
      .where("kind", "=", "invoice")
      .orderBy("account_id")
      .execute(),

  /** The late-usage lines for an invoice's cycle on invoices issued since. */
  lateLinesFor: (db: Executor, invoiceId: string) =>
    db
      .selectFrom("invoice_lines as l")
      .innerJoin("invoices as i", "i.id", "l.invoice_id")
      .select(["l.amount", "l.explanation", "i.number_text"])
      .where("l.late_for_invoice_id", "=", invoiceId)
      .where("i.status", "=", "issued")
      .orderBy("i.number")
      .execute(),

  /** The usage an invoice was rated on: bytes and SMS (MO + MT), test usage included. */
  usageTotalsOf: (db: Executor, invoiceId: string) =>
    db
      .selectFrom("invoice_sim_usage")
      .select([
        sql<number>`coalesce(sum(bytes), 0)::bigint`.as("bytes"),
        sql<number>`coalesce(sum(sms_mo + sms_mt), 0)::bigint`.as("sms"),
      ])
      .where("invoice_id", "=", invoiceId)
      .executeTakeFirstOrThrow(),

  /**
   * The usage recorded now on the days [start, end) by the subtree's SIMs that have a rate plan
   * (with `alone`, by the SIMs on the account itself only).
   */
  usageTotalsNow: async (
    db: Executor,
    scopePath: string,
    start: string,
    end: string,
    alone = false,
  ) => {
    const { rows } = await sql<{ bytes: number; sms: number }>`
      SELECT coalesce(sum(u.bytes), 0)::bigint AS bytes,
        coalesce(sum(u.sms_mo + u.sms_mt), 0)::bigint AS sms
      FROM (${usageRows(scopePath, start, end, alone)}) u
      WHERE u.sim_id IN (${ratedSimIds(scopePath, alone)})`.execute(db);
    return rows[0]!;
  },

  /** SIMs and usage per zone of an invoice, for comparing two cycles. */
  usageByZone: (db: Executor, invoiceId: string) =>
    db
      .selectFrom("invoice_sim_usage")
      .select((eb) => [
        "zone_id",
        "test",
        eb.fn.sum<number>("bytes").as("bytes"),
        eb.fn.sum<number>("sms_mo").as("sms_mo"),
        eb.fn.sum<number>("sms_mt").as("sms_mt"),
        eb.fn.count<number>("sim_id").distinct().as("sims"),
      ])
      .where("invoice_id", "=", invoiceId)
      .groupBy(["zone_id", "test"])
      .execute(),

  simCount: (db: Executor, invoiceId: string) =>
    db
      .selectFrom("invoice_sims")
      .select((eb) => eb.fn.count<number>("sim_id").distinct().as("sims"))
      .where("invoice_id", "=", invoiceId)
      .executeTakeFirstOrThrow(),
};

const ID = "0190a8a0-0000-7000-8000-000000000010";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000003";
const PLAN = "0190a8a0-0000-7000-8000-000000000002";
const ZONE = "0190a8a0-0000-7000-8000-000000000001";
const AT = new Date("2026-12-01T00:00:00Z");
const SCOPE: CycleScope = {
  invoiceId: ID,
  scopePath: `/${ZONE}/${ACCOUNT}/`,
  timeZone: "Europe/Rome",
  start: "2026-11-01",
  end: "2026-12-01",
};

export const billingRepoSql: SqlExamples<typeof billingRepo> = {
  findProfile: [[ACCOUNT]],
  upsertProfile: [
    [
      {
        account_id: ACCOUNT,
        cycle: "calendar",
        anchor_day: 1,
        country: "IT",
        contact_name: "Accounts payable",
        contact_email: "ap@customer.example",
        per_sub_account: false,
        created_at: AT,
        updated_at: AT,
      },
    ],
  ],
  findInvoice: [[ID]],
  invoicesNumbered: [[["INV-000042", "CN-000007"]]],
  lockInvoice: [[ID]],
  invoiceForCycle: [[ACCOUNT, "2026-11-01"]],
  listVisible: [
    [`/${ZONE}/`, { limit: 51, offset: 0 }],
    [`/${ZONE}/`, { accountPath: SCOPE.scopePath, status: "issued", limit: 51, offset: 50 }],
  ],
  creditNotesOf: [[ID]],
  deleteDraft: [[ID]],
  insertInvoice: [
    [
      {
        id: ID,
        account_id: ACCOUNT,
        operator_account_id: ZONE,
        kind: "invoice",
        status: "draft",
        cycle_start: "2026-11-01",
        cycle_end: "2026-12-01",
        currency: "EUR",
        time_zone: "Europe/Rome",
        customer: JSON.stringify({ legalName: "Savannah Wildlife Trust" }),
        subtotal: "0.00",
        vat_rate: "22",
        vat_amount: "0.00",
        total: "0.00",
        reverse_charge: false,
        created_at: AT,
      },
    ],
  ],
  updateTotals: [
    [ID, { subtotal: "3.25", vat_amount: "0.72", total: "3.97", flags: "[]", notes: "[]" }],
  ],
  insertLines: [
    [
      [
        {
          invoice_id: ID,
          n: 1,
          account_id: ACCOUNT,
          kind: "subscription",
          description: "Tracker 10MB Flex: monthly fees",
          rate_plan_id: PLAN,
          plan_version: 1,
          zone_id: null,
          quantity: "2.166667",
          unit: "SIM-month",
          unit_price: "1.5",
          amount: "3.25",
          explanation: JSON.stringify({ parts: [] }),
        },
      ],
    ],
  ],
  linesOf: [[ID]],
  lineOf: [[ID, 1]],
  nextNumber: [[ZONE, "INV"]],
  markIssued: [[ID, { number: 42, numberText: "INV-000042", at: AT, by: ACCOUNT, customer: "{}" }]],
  stageSegments: [[[SCOPE]]],
  rateSimFacts: [
    [
      {
        invoiceIds: [ID],
        planIds: [PLAN],
        versions: [1],
        fromDays: ["2026-11-01"],
        toDays: ["2026-12-01"],
      },
    ],
  ],
  rateUsageFacts: [
    [
      { from: "2026-11-01", to: "2026-12-01" },
      {
        invoiceIds: [ID],
        planIds: [PLAN],
        homeZoneIds: [ZONE],
        perSimBytes: [null],
        testBytes: [30720],
        testSms: [5],
      },
    ],
  ],
  simsOfPlan: [
    [ID, PLAN, { limit: 51 }],
    [ID, PLAN, { after: ACCOUNT, limit: 51 }],
  ],
  usageOfPlan: [
    [ID, PLAN, ZONE, { limit: 51 }],
    [ID, PLAN, null, { after: ACCOUNT, limit: 51, test: true }],
  ],
  iccidsOf: [[ID, [ACCOUNT]]],
  usageByZone: [[ID]],
  issuedBefore: [
    [{ scopePath: SCOPE.scopePath }, "2026-11-01", 3],
    [{ scopePath: SCOPE.scopePath, alone: true }, "2026-11-01", 3],
  ],
  invoicesOfCycle: [[SCOPE.scopePath, "2026-11-01"]],
  simFactsOf: [[ID, PLAN]],
  simUsageOf: [[ID, PLAN]],
  plansOfChanges: [
    [
      {
        scopePath: SCOPE.scopePath,
        timeZone: "Europe/Rome",
        start: "2026-11-01",
        end: "2026-12-01",
      },
    ],
  ],
  lateLinesFor: [[ID]],
  usageTotalsOf: [[ID]],
  usageTotalsNow: [
    [`/${ZONE}/${ACCOUNT}/`, "2026-10-01", "2026-11-01"],
    [`/${ZONE}/${ACCOUNT}/`, "2026-10-01", "2026-11-01", true],
  ],
  simCount: [[ID]],
};
