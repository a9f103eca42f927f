import { type Insertable, sql } from "kysely";
import { type Executor, PREPARED, type Tx } from "../../db/database.js";
import type { SimAuditTable, SimScheduledChangesTable, SimsTable } from "../../db/schema.js";
import type { SqlExamples } from "../../db/sql-examples.js";
import type { Iccid, Imei, Imsi, Msisdn } from "../../lib/identifiers.js";
import { catalogRevision } from "../catalog/catalog-revision.shared.repo.js";
import { accountNameOf } from "../accounts/account-settings.shared.repo.js";
import { pathOf, subtreeAccounts, withinSubtree } from "../tenancy/tenancy.js";
import {
  inCOrder,
  PREFIX_COLUMNS,
  type PrefixColumn,
  prefixUpperBound,
  type SimFilter,
} from "./sim-lookup.shared.repo.js";

/** Queries over SIMs, their audit trail and scheduled changes. */
export const simsRepo = {
  /** A SIM with its account's path (for the subtree check). */
  findByIccid: (db: Executor, iccid: Iccid, opts: { forUpdate?: boolean } = {}) => {
    let q = db
      .selectFrom("sims")
      .selectAll("sims")
      .select((eb) => pathOf(eb, "sims.account_id").as("account_path"))
      .where("sims.iccid", "=", iccid)
      .$narrowType<{ account_path: string }>();
    if (opts.forUpdate) q = q.forUpdate("sims");
    return q.executeTakeFirst();
  },

  /**
   * A SIM by ICCID for `GET /api/v1/sims/{iccid}`: the row, whether it has pending changes (read
   * them only then), the catalog's revision, for the plans the catalog service keeps in memory, and
   * its holder's name (for the Control-Center-compatible device) — one statement, one snapshot.
   */
  findForLookup: (db: Executor, iccid: Iccid) =>
    db
      .selectFrom("sims")
      // One text for every ICCID: parsed once per connection, and planned once (database.ts).
      .modifyFront(sql.raw(PREPARED))
      .selectAll("sims")
      .select((eb) => [
        pathOf(eb, "sims.account_id").as("account_path"),
        eb
          .exists(
            eb
              .selectFrom("sim_scheduled_changes")
              .select("sim_scheduled_changes.id")
              .whereRef("sim_scheduled_changes.sim_id", "=", "sims.id")
              .where("sim_scheduled_changes.status", "=", "pending"),
          )
          .as("has_pending_changes"),
        catalogRevision().as("catalog_revision"),
        accountNameOf(eb, "sims.account_id").as("account_name"),
      ])
      .where("sims.iccid", "=", iccid)
      .$narrowType<{
        account_path: string;
        account_name: string;
        has_pending_changes: boolean;
        catalog_revision: number;
      }>()
      .executeTakeFirst(),

  findById: (db: Executor, id: string, opts: { forUpdate?: boolean } = {}) => {
    let q = db
      .selectFrom("sims")
      .selectAll("sims")
      .select((eb) => pathOf(eb, "sims.account_id").as("account_path"))
      .where("sims.id", "=", id)
      .$narrowType<{ account_path: string }>();
    if (opts.forUpdate) q = q.forUpdate("sims");
    return q.executeTakeFirst();
  },

  /** The first SIM that already has one of these identifiers. */
  findClash: (db: Executor, ids: { iccid: Iccid; imsi: Imsi; msisdn: Msisdn }) =>
    db
      .selectFrom("sims")
      .select(["iccid", "imsi", "msisdn"])
      .where((eb) =>
        eb.or([
          eb("iccid", "=", ids.iccid),
          eb("imsi", "=", ids.imsi),
          eb("msisdn", "=", ids.msisdn),
        ]),
      )
      .executeTakeFirst(),

  /**
   * The SIMs that hold any of the ICCIDs, IMSIs or MSISDNs of an import batch, each with its account's
   * path: one statement per batch, whatever its size.
   */
  findHoldingAny: (db: Executor, ids: { iccids: Iccid[]; imsis: Imsi[]; msisdns: Msisdn[] }) =>
    db
      .selectFrom("sims")
      .selectAll("sims")
      .select((eb) => pathOf(eb, "sims.account_id").as("account_path"))
      .where((eb) =>
        eb.or([
          eb("iccid", "=", eb.fn.any(eb.val(ids.iccids))),
          eb("imsi", "=", eb.fn.any(eb.val(ids.imsis))),
          eb("msisdn", "=", eb.fn.any(eb.val(ids.msisdns))),
        ]),
      )
      .$narrowType<{ account_path: string }>()
      .execute(),

  /**
   * The SIMs a caller's identifier may name: by ICCID, IMSI, MSISDN or the IMEI recorded on the SIM,
   * and those with the ids in `alsoIds` (the network saw them in a device with that IMEI). Each with
   * its account's path; only those of the subtree at `scopePath` when one is given. More than one
   * row is an ambiguous identifier.
   */
  findByIdentifier: (
    db: Executor,
    scopePath: string | null,
    key: string,
    alsoIds: readonly string[] = [],
  ) => {
    let q = db
      .selectFrom("sims")
      .selectAll("sims")
      .select((eb) => pathOf(eb, "sims.account_id").as("account_path"));
    if (scopePath !== null) q = q.where((eb) => withinSubtree(eb, "sims.account_id", scopePath));
    return q
      .where((eb) =>
        eb.or([
          // One string of digits compared with each identifier: the columns' brands do not apply.
          eb("sims.iccid", "=", key as Iccid),
          eb("sims.imsi", "=", key as Imsi),
          eb("sims.msisdn", "=", key as Msisdn),
          eb("sims.imei", "=", key as Imei),
          ...(alsoIds.length ? [eb("sims.id", "in", [...alsoIds])] : []),
        ]),
      )
      .orderBy("sims.iccid")
      .limit(50)
      .$narrowType<{ account_path: string }>()
      .execute();
  },

  /**
   * SIMs whose ICCID, IMSI, MSISDN or IMEI starts with `digits`, at most `limit` per identifier, in
   * the subtree at `scopePath` (null: every SIM); `matched` says which identifier. One statement of
   * index range scans (migration 0024) that each stop after `limit` rows. The whole fleet reads one
   * index per identifier in order; a subtree reads, per account of it, the (account, identifier)
   * index: a small customer's few SIMs are found without walking the fleet's matches in order.
   */
  findByPrefix: (db: Executor, scopePath: string | null, digits: string, limit: number) => {
    const byColumn = (column: PrefixColumn) => {
      const ordered = inCOrder(`sims.${column}`);
      const inRange = db
        .selectFrom("sims")
        .select([
          "sims.id",
          "sims.iccid",
          "sims.imsi",
          "sims.msisdn",
          "sims.imei",
          "sims.state",
          "sims.account_id",
        ])
        .select([sql<PrefixColumn>`${column}::text`.as("matched"), ordered.as("key")])
        .where(ordered, ">=", digits)
        .where(ordered, "<", prefixUpperBound(digits))
        .orderBy(ordered)
        .limit(limit);
      if (scopePath === null) return db.selectFrom(inRange.as(column)).selectAll();
      return db
        .selectFrom(subtreeAccounts(scopePath).as("a"))
        .innerJoinLateral(
          inRange.where("sims.account_id", "=", sql<string>`a.account_id`).as("x"),
          (join) => join.onTrue(),
        )
        .selectAll("x")
        .orderBy("x.key")
        .limit(limit);
    };
    const [first, ...rest] = PREFIX_COLUMNS.map((c) =>
      db.selectFrom(byColumn(c).as(c)).selectAll(),
    );
    return rest.reduce((all, q) => all.unionAll(q), first!).execute();
  },

  /** Ids and ICCIDs of the SIMs in the subtree at `scopePath` that match, a page in id order. */
  iccidsInSubtree: (
    db: Executor,
    scopePath: string,
    filter: Pick<SimFilter, "state" | "communicationPlanId" | "ratePlanId">,
    page: { after?: string; limit: number },
  ) => {
    let q = db
      .selectFrom("sims")
      .select(["sims.id", "sims.iccid"])
      .where((eb) => withinSubtree(eb, "sims.account_id", scopePath));
    if (filter.state) q = q.where("sims.state", "=", filter.state);
    if (filter.communicationPlanId)
      q = q.where("sims.communication_plan_id", "=", filter.communicationPlanId);
    if (filter.ratePlanId) q = q.where("sims.rate_plan_id", "=", filter.ratePlanId);
    if (page.after) q = q.where("sims.id", ">", page.after);
    return q.orderBy("sims.id").limit(page.limit).execute();
  },

  /** TEST_READY SIMs with a rate plan (whose test period may be over), a page in id order. */
  testReady: (db: Executor, page: { after?: string; limit: number }) => {
    let q = db
      .selectFrom("sims")
      .select(["sims.id", "sims.account_id", "sims.rate_plan_id", "sims.created_at"])
      .where("sims.state", "=", "TEST_READY")
      .where("sims.rate_plan_id", "is not", null);
    if (page.after) q = q.where("sims.id", ">", page.after);
    return q.orderBy("sims.id").limit(page.limit).execute();
  },

  insert: (tx: Tx, row: Insertable<SimsTable>) => tx.insertInto("sims").values(row).execute(),

  /** Writes changed columns of a SIM; returns the row as it is now. */
  update: (tx: Executor, id: string, set: Record<string, unknown>) =>
    tx
      .updateTable("sims")
      .set(set as never)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  insertAudit: (tx: Executor, records: Insertable<SimAuditTable>[]) =>
    tx.insertInto("sim_audit").values(records).execute(),

  /** The SIM's audit records, each with the path of the account that held the SIM then. */
  auditTrail: (db: Executor, simId: string, opts: { after?: string; limit: number }) => {
    let q = db
      .selectFrom("sim_audit")
      .selectAll("sim_audit")
      .select((eb) => pathOf(eb, "sim_audit.account_id").as("account_path"))
      .where("sim_audit.sim_id", "=", simId);
    if (opts.after) q = q.where("sim_audit.id", ">", opts.after);
    return q.orderBy("sim_audit.id").limit(opts.limit).execute();
  },

  insertScheduledChange: (tx: Tx, row: Insertable<SimScheduledChangesTable>) =>
    tx.insertInto("sim_scheduled_changes").values(row).execute(),

  /** Pending changes, each with the path of the account that held the SIM when it was scheduled. */
  pendingChanges: (db: Executor, simId: string) =>
    db
      .selectFrom("sim_scheduled_changes")
      .selectAll("sim_scheduled_changes")
      .select((eb) => pathOf(eb, "sim_scheduled_changes.account_id").as("account_path"))
      .where("sim_scheduled_changes.sim_id", "=", simId)
      .where("sim_scheduled_changes.status", "=", "pending")
      .orderBy("sim_scheduled_changes.effective_date")
      .execute(),

  scheduledChanges: (db: Executor, simId: string) =>
    db
      .selectFrom("sim_scheduled_changes")
      .selectAll("sim_scheduled_changes")
      .select((eb) => pathOf(eb, "sim_scheduled_changes.account_id").as("account_path"))
      .where("sim_scheduled_changes.sim_id", "=", simId)
      .orderBy("sim_scheduled_changes.id")
      .execute(),

  /** Cancels one pending change of the SIM; no row updated when there is none such. */
  cancelScheduledChange: (tx: Tx, simId: string, changeId: string) =>
    tx
      .updateTable("sim_scheduled_changes")
      .set({ status: "cancelled" })
      .where("id", "=", changeId)
      .where("sim_id", "=", simId)
      .where("status", "=", "pending")
      .executeTakeFirst(),

  /**
   * Cancels, on a change of holder, the pending changes that the customer users of the previous holder
   * scheduled (changes the operator scheduled stay and are checked again when due). Returns them.
   */
  cancelPendingByCustomers: async (tx: Executor, simId: string) => {
    const pending = await tx
      .selectFrom("sim_scheduled_changes")
      .selectAll()
      .where("sim_id", "=", simId)
      .where("status", "=", "pending")
      .orderBy("effective_date")
      .forUpdate()
      .execute();
    const theirs = pending.filter((c) => !(c.changes as { byOperator?: boolean }).byOperator);
    if (theirs.length === 0) return [];
    await tx
      .updateTable("sim_scheduled_changes")
      .set({ status: "cancelled" })
      .where(
        "id",
        "in",
        theirs.map((c) => c.id),
      )
      .execute();
    return theirs;
  },

  /** Due scheduled changes, claimed so that two Otter nodes never apply the same one. */
  claimDue: (db: Executor, now: Date, limit: number) =>
    db
      .selectFrom("sim_scheduled_changes")
      .selectAll()
      .where("status", "=", "pending")
      .where("effective_date", "<=", now)
      .orderBy("effective_date")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),

  markChangeApplied: (tx: Tx, id: string, at: Date) =>
    tx
      .updateTable("sim_scheduled_changes")
      .set({ status: "applied", applied_at: at })
      .where("id", "=", id)
      .execute(),

  /** A due change that could not be applied keeps why (the error's code and message). */
  markChangeFailed: (tx: Tx, id: string, at: Date, error: { code: string; message: string }) =>
    tx
      .updateTable("sim_scheduled_changes")
      .set({ status: "failed", applied_at: at, error: JSON.stringify(error) })
      .where("id", "=", id)
      .execute(),
};

const SIM = "0190a8a0-0000-7000-8000-000000000001";
const ACCOUNT = "0190a8a0-0000-7000-8000-000000000002";
const PLAN = "0190a8a0-0000-7000-8000-000000000003";
const CHANGE = "0190a8a0-0000-7000-8000-000000000004";
const SCOPE = "/0190a8a0-0000-7000-8000-000000000001/";
const NOW = new Date("2026-12-01T00:00:00Z");
const ICCID = "89440000000000000001" as Iccid;
const ICCID_2 = "89440000000000000019" as Iccid;
const IMSI = "001010000000001" as Imsi;
const IMSI_2 = "001010000000002" as Imsi;
const MSISDN = "447700900001" as Msisdn;
const MSISDN_2 = "447700900002" as Msisdn;

export const simsRepoSql: SqlExamples<typeof simsRepo> = {
  findByIccid: [[ICCID], [ICCID, { forUpdate: true }]],
  findForLookup: [[ICCID]],
  findById: [[SIM], [SIM, { forUpdate: true }]],
  findClash: [[{ iccid: ICCID, imsi: IMSI, msisdn: MSISDN }]],
  findHoldingAny: [
    [
      {
        iccids: [ICCID, ICCID_2],
        imsis: [IMSI, IMSI_2],
        msisdns: [MSISDN, MSISDN_2],
      },
    ],
  ],
  findByPrefix: [
    [null, "8944", 9],
    [SCOPE, "23415", 9],
  ],
  findByIdentifier: [
    [null, IMSI],
    [SCOPE, "354809000000010", [SIM]],
  ],
  iccidsInSubtree: [
    [SCOPE, {}, { limit: 5000 }],
    [SCOPE, { state: "ACTIVATED", ratePlanId: PLAN }, { after: SIM, limit: 5000 }],
  ],
  testReady: [[{ limit: 500 }], [{ after: SIM, limit: 500 }]],
  insert: [
    [
      {
        id: SIM,
        iccid: ICCID,
        imsi: IMSI,
        msisdn: MSISDN,
        eid: null,
        imei: null,
        account_id: ACCOUNT,
        state: "INVENTORY",
        communication_plan_id: PLAN,
        rate_plan_id: null,
        custom_fields: "{}",
        notes: null,
        date_activated: null,
        created_at: NOW,
        updated_at: NOW,
      },
    ],
  ],
  update: [[SIM, { state: "ACTIVATED", date_activated: NOW, updated_at: NOW }]],
  insertAudit: [
    [
      [
        {
          id: CHANGE,
          sim_id: SIM,
          account_id: ACCOUNT,
          field: "state",
          prior_value: "ACTIVATION_READY",
          value: "ACTIVATED",
          reason: null,
          effective_date: NOW,
          actor_user_id: null,
          actor_name: "system",
          job_id: null,
          created_at: NOW,
        },
      ],
    ],
  ],
  auditTrail: [
    [SIM, { limit: 51 }],
    [SIM, { after: CHANGE, limit: 51 }],
  ],
  insertScheduledChange: [
    [
      {
        id: CHANGE,
        sim_id: SIM,
        account_id: ACCOUNT,
        changes: JSON.stringify({ state: "DEACTIVATED", byOperator: false }),
        effective_date: NOW,
        status: "pending",
        reason: "end of field trial",
        actor_user_id: "0190a8a0-0000-7000-8000-000000000006",
        actor_name: "Fleet manager",
        created_at: NOW,
      },
    ],
  ],
  pendingChanges: [[SIM]],
  scheduledChanges: [[SIM]],
  cancelScheduledChange: [[SIM, CHANGE]],
  cancelPendingByCustomers: [[SIM]],
  claimDue: [[NOW, 1]],
  markChangeApplied: [[CHANGE, NOW]],
  markChangeFailed: [
    [CHANGE, NOW, { code: "SIM_NOT_FOUND", message: "The SIM no longer exists." }],
  ],
};
