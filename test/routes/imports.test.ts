import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import {
  buildAccount,
  buildCatalog,
  buildCustomer,
  buildSim,
  offer,
  runJob,
  simCsv,
  simIdentifiers,
  uploadCsv,
} from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { inTransaction } from "../../src/db/database.js";
import type { Iccid, Imsi, Msisdn } from "../../src/lib/identifiers.js";
import { newId } from "../../src/lib/ids.js";
import { simImportRepo } from "../../src/modules/sims/import/sim-import.repo.js";
import { jobRowsRepo } from "../../src/modules/jobs/job-rows.shared.repo.js";
import { createDuplicateSieve } from "../../src/modules/sims/import/duplicate-sieve.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter(
    { OTTER_IMPORT_BATCH_SIZE: "7", OTTER_MAX_UPLOAD_BYTES: "200000" },
    { startWorkers: false },
  );
});
afterAll(async () => {
  await t?.close();
});

/** A row of an import file as validation stages it: new, in INVENTORY, no plans or custom fields. */
const stagedRow = (
  accountId: string,
  line: number,
  ids: { iccid: string; imsi: string; msisdn: string },
) => ({
  line,
  id: newId(),
  iccid: ids.iccid as Iccid,
  imsi: ids.imsi as Imsi,
  msisdn: ids.msisdn as Msisdn,
  eid: null,
  imei: null,
  accountId,
  state: "INVENTORY",
  stateGiven: false,
  communicationPlanId: null,
  ratePlanId: null,
  customFields: "{}",
  failure: null,
});

const count = async (accountId: string) => {
  const res = await t.api("GET", `/api/v1/sims?accountId=${accountId}&limit=1000`);
  return res.body.items.length as number;
};

describe("SIM import", () => {
  it("imports a file with a BOM and ; separators into the given account, and a rerun changes nothing", async () => {
    const acct = await buildAccount(t);
    const { csv, sims } = simCsv(20, {
      sep: ";",
      header: "ICCID;IMSI;MSISDN;state",
      extra: (i) => [i === 0 ? "ACTIVATED" : ""],
    });
    const up = await uploadCsv(t, `\uFEFF${csv}`, `accountId=${acct.id}`);
    expect(up.status).toBe(202);
    const job = await runJob(t, up.body.jobId);
    expect(job).toMatchObject({
      kind: "sims.import",
      status: "succeeded",
      counts: { created: 20, unchanged: 0, failed: 0 },
      progress: { done: 20, total: 20 },
    });
    const first = await t.api("GET", `/api/v1/sims/${sims[0]!.iccid}`);
    expect(first.body).toMatchObject({
      accountId: acct.id,
      state: "ACTIVATED",
      createdByJobId: up.body.jobId,
    });
    expect((await t.api("GET", `/api/v1/sims/${sims[1]!.iccid}`)).body.state).toBe("INVENTORY");
    expect((await t.api("GET", `/api/v1/sims/${sims[1]!.iccid}/audit`)).body.items).toEqual([]);
    const again = await runJob(t, (await uploadCsv(t, csv, `accountId=${acct.id}`)).body.jobId);
    expect(again).toMatchObject({
      status: "succeeded",
      counts: { created: 0, unchanged: 20, failed: 0 },
    });
    expect(await count(acct.id)).toBe(20);
  });

  it("validates the whole file first, reports every bad row by line, and writes nothing", async () => {
    const acct = await buildAccount(t);
    const { csv, sims } = simCsv(6, {
      header: "iccid,imsi,msisdn,ratePlan",
      extra: (i) => [i === 5 ? "No Such Plan" : ""],
    });
    const lines = csv.trimEnd().split("\n");
    const badLuhn = sims[1]!.iccid.slice(0, -1) + ((Number(sims[1]!.iccid.at(-1)) + 1) % 10);
    lines[2] = lines[2]!.replace(sims[1]!.iccid, badLuhn);
    lines[3] = lines[3]!.replace(sims[2]!.iccid, "8.94457E+19");
    lines[4] = `${sims[0]!.iccid},${simIdentifiers().imsi},${simIdentifiers().msisdn},`;
    const up = await uploadCsv(t, `${lines.join("\n")}\n`, `accountId=${acct.id}`);
    const job = await runJob(t, up.body.jobId);
    expect(job.status).toBe("failed");
    expect(job.failure.code).toBe("IMPORT_INVALID_ROWS");
    expect(job.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, "ICCID_CHECK_DIGIT"],
      [4, "ICCID_SCIENTIFIC_NOTATION"],
      [5, "DUPLICATE_IN_FILE"],
      [7, "UNKNOWN_RATE_PLAN"],
    ]);
    expect(job.errors[2].message).toContain("line 2");
    expect(await count(acct.id)).toBe(0);
    const results = await t.api("GET", `/api/v1/jobs/${up.body.jobId}/results.csv`);
    expect(results.headers.get("content-type")).toContain("text/csv");
    const rows = (results.body as string).trim().split("\n");
    expect(rows[0]).toBe("line,iccid,outcome,field,code,message");
    expect(rows).toHaveLength(7);
    expect(rows[1]).toMatch(/^2,\d+,not_applied/);
  });

  it("applies the valid rows with skipInvalid and reports the others", async () => {
    const acct = await buildAccount(t);
    const { csv } = simCsv(10);
    const broken = csv.replace(/\n(\d+),/, "\n12345,");
    const job = await runJob(
      t,
      (await uploadCsv(t, broken, `accountId=${acct.id}&skipInvalid=true`)).body.jobId,
    );
    expect(job).toMatchObject({
      status: "succeeded",
      counts: { created: 9, failed: 1 },
      errorCount: 1,
    });
    expect(job.errors[0]).toMatchObject({ line: 2, field: "iccid", code: "ICCID_LENGTH" });
    expect(await count(acct.id)).toBe(9);
  });

  it("reports an existing ICCID with different data, and IMSI/MSISDN already in use", async () => {
    const acct = await buildAccount(t);
    const { csv, sims } = simCsv(2);
    await runJob(t, (await uploadCsv(t, csv, `accountId=${acct.id}`)).body.jobId);
    const other = simIdentifiers();
    const body = `iccid,imsi,msisdn\n${sims[0]!.iccid},${other.imsi},${sims[0]!.msisdn}\n${other.iccid},${sims[1]!.imsi},${other.msisdn}\n`;
    const job = await runJob(t, (await uploadCsv(t, body, `accountId=${acct.id}`)).body.jobId);
    expect(job.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([
      ["ICCID_EXISTS_WITH_DIFFERENT_DATA", "imsi"],
      ["IMSI_IN_USE", "imsi"],
    ]);
  });

  it("tells the person who started the import how it ended, by e-mail", async () => {
    const acct = await buildAccount(t);
    const up = await t.api("POST", `/api/v1/sims/imports?accountId=${acct.id}`, {
      raw: simCsv(3).csv,
      headers: { "content-type": "text/csv", "x-otter-file-name": "order-4411.csv" },
    });
    await runJob(t, up.body.jobId);
    const outbox = await t.api("GET", "/api/v1/outbox?limit=50");
    const notice = outbox.body.items.find((m: { subject: string }) =>
      m.subject.includes(up.body.jobId),
    );
    expect(notice).toMatchObject({
      to: ["admin@otter.local"],
      subject: `SIM import of order-4411.csv: succeeded (job ${up.body.jobId})`,
    });
    const full = await t.api("GET", `/api/v1/outbox/${notice.id}`);
    expect(full.body.text).toContain("Created: 3");
  });

  it("validates only with dryRun", async () => {
    const acct = await buildAccount(t);
    const job = await runJob(
      t,
      (await uploadCsv(t, simCsv(5).csv, `accountId=${acct.id}&dryRun=true`)).body.jobId,
    );
    expect(job).toMatchObject({ status: "succeeded", dryRun: true, counts: { created: 5 } });
    expect(await count(acct.id)).toBe(0);
  });

  it("takes the account and plans from columns, by name, and checks them per row", async () => {
    const cat = await buildCatalog(t);
    const c = await buildCustomer(t);
    const d = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    const { csv } = simCsv(3, {
      header: "iccid,imsi,msisdn,account,communicationPlan,ratePlan",
      extra: (i) => [
        i === 2 ? d.account.id : i === 1 ? "00000000-0000-7000-8000-000000000000" : c.account.id,
        cat.comm.name,
        cat.rate.id,
      ],
    });
    const job = await runJob(t, (await uploadCsv(t, csv, "skipInvalid=true")).body.jobId);
    expect(job.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, "ACCOUNT_NOT_FOUND"],
      [4, "PLAN_NOT_OFFERED"],
    ]);
    expect(job.counts.created).toBe(1);
    const listed = await t.api("GET", "/api/v1/sims", { key: c.userKey });
    expect(listed.body.items[0]).toMatchObject({
      communicationPlan: { name: cat.comm.name },
      ratePlan: { name: cat.rate.name },
    });
  });

  it("takes the account column by name within the importer's accounts, naming the line of an unknown or ambiguous one", async () => {
    const c = await buildCustomer(t);
    const twin = `Twin ${c.account.id.slice(-6)}`;
    await buildAccount(t, { name: twin });
    await buildAccount(t, { name: twin });
    const { csv } = simCsv(3, {
      header: "iccid,imsi,msisdn,account",
      extra: (i) => [[` ${c.account.name.toUpperCase()}`, "Nobody Ltd", twin][i]!],
    });
    const job = await runJob(t, (await uploadCsv(t, csv, "skipInvalid=true")).body.jobId);
    expect(job.counts.created).toBe(1);
    expect(
      job.errors.map((e: { line: number; field: string; code: string }) => [
        e.line,
        e.field,
        e.code,
      ]),
    ).toEqual([
      [3, "account", "ACCOUNT_NOT_FOUND"],
      [4, "account", "ACCOUNT_AMBIGUOUS"],
    ]);
    expect(job.errors[0].message).toContain('"Nobody Ltd"');
    expect(job.errors[1].message).toContain("give the account id");
    const listed = await t.api("GET", "/api/v1/sims", { key: c.userKey });
    expect(listed.body.items).toHaveLength(1);
  });

  it("refuses a bad upload before reading it all, naming the problem, and keeps no job", async () => {
    const before = (await t.api("GET", "/api/v1/jobs?limit=200")).body.items.length;
    const noAccount = await uploadCsv(t, simCsv(1).csv);
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.error.code).toBe("IMPORT_ACCOUNT_MISSING");
    const unknown = await uploadCsv(
      t,
      "iccid,imsi,msisdn,colour\n1,2,3,red\n",
      `accountId=${t.rootAccountId}`,
    );
    expect(unknown.body.error).toMatchObject({
      code: "IMPORT_UNKNOWN_COLUMN",
      details: [{ line: 1, field: "colour" }],
    });
    const missing = await uploadCsv(t, "iccid,imsi\n", `accountId=${t.rootAccountId}`);
    expect(missing.body.error.code).toBe("IMPORT_MISSING_COLUMN");
    const empty = await uploadCsv(t, "", `accountId=${t.rootAccountId}`);
    expect(empty.status).toBe(400);
    const json = await t.api("POST", `/api/v1/sims/imports?accountId=${t.rootAccountId}`, {
      body: { iccid: "1" },
    });
    expect(json.status).toBe(415);
    // curl --data-binary without -H sends a form type: the answer says what to send instead.
    const form = await t.api("POST", `/api/v1/sims/imports?accountId=${t.rootAccountId}`, {
      raw: "iccid,imsi,msisdn\n",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(form.body.error.message).toContain("content-type text/csv");
    expect(form.body.error.message).toContain("application/x-www-form-urlencoded");
    const big = await uploadCsv(t, simCsv(5000).csv, `accountId=${t.rootAccountId}`);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("UPLOAD_TOO_LARGE");
    expect((await t.api("GET", "/api/v1/jobs?limit=200")).body.items.length).toBe(before);
  });

  it("cancels a queued job", async () => {
    const up = await uploadCsv(t, simCsv(3).csv, `accountId=${t.rootAccountId}`);
    const res = await t.api("POST", `/api/v1/jobs/${up.body.jobId}/cancel`);
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("cancelled");
    const job = await runJob(t, up.body.jobId);
    expect(job.status).toBe("cancelled");
    expect((await t.api("POST", `/api/v1/jobs/${up.body.jobId}/cancel`)).body.error.code).toBe(
      "JOB_ALREADY_FINISHED",
    );
  });
});

describe("an import larger than one chunk (OTTER_IMPORT_BATCH_SIZE=7)", () => {
  it("finds duplicates anywhere in the file, each named by the earlier line it repeats", async () => {
    const acct = await buildAccount(t);
    const { csv, sims } = simCsv(24);
    const lines = csv.trimEnd().split("\n");
    const fresh = () => simIdentifiers();
    // Far apart, so that no chunk of 7 lines holds both lines of a pair.
    const [a, b, c] = [fresh(), fresh(), fresh()];
    lines[19] = `${sims[0]!.iccid},${a.imsi},${a.msisdn}`; // line 20 repeats line 2's ICCID
    lines[21] = `${b.iccid},${sims[1]!.imsi},${b.msisdn}`; // line 22 repeats line 3's IMSI
    lines[24] = `${c.iccid},${c.imsi},${sims[2]!.msisdn}`; // line 25 repeats line 4's MSISDN
    const up = await uploadCsv(t, `${lines.join("\n")}\n`, `accountId=${acct.id}&skipInvalid=true`);
    const job = await runJob(t, up.body.jobId);
    expect(job).toMatchObject({
      status: "succeeded",
      counts: { created: 21, unchanged: 0, failed: 3 },
      progress: { done: 24, total: 24 },
    });
    expect(
      job.errors.map((e: { line: number; field: string; code: string; message: string }) => [
        e.line,
        e.field,
        e.code,
        e.message,
      ]),
    ).toEqual([
      [20, "iccid", "DUPLICATE_IN_FILE", "The ICCID of this row already appears on line 2."],
      [22, "imsi", "DUPLICATE_IN_FILE", "The IMSI of this row already appears on line 3."],
      [25, "msisdn", "DUPLICATE_IN_FILE", "The MSISDN of this row already appears on line 4."],
    ]);
    // The first of each pair is created, the repeat is not.
    expect((await t.api("GET", `/api/v1/sims/${sims[0]!.iccid}`)).body.imsi).toBe(sims[0]!.imsi);
    expect((await t.api("GET", `/api/v1/sims/${b.iccid}`)).status).toBe(404);
    expect(await count(acct.id)).toBe(21);
  });

  it("creates every row once over many chunks, and results.csv gives each line its outcome", async () => {
    const acct = await buildAccount(t);
    const { csv, sims } = simCsv(30, {
      header: "iccid,imsi,msisdn,state,accountCustom1",
      extra: (i) => [i % 2 === 0 ? "ACTIVATED" : "", `pump ${i}`],
    });
    const jobId = (await uploadCsv(t, csv, `accountId=${acct.id}`)).body.jobId;
    const job = await runJob(t, jobId);
    expect(job).toMatchObject({
      status: "succeeded",
      counts: { created: 30, unchanged: 0, failed: 0 },
      progress: { done: 30, total: 30 },
    });
    expect(await count(acct.id)).toBe(30);
    const last = await t.api("GET", `/api/v1/sims/${sims[29]!.iccid}`);
    expect(last.body).toMatchObject({
      imsi: sims[29]!.imsi,
      state: "INVENTORY",
      customFields: { accountCustom1: "pump 29" },
      createdByJobId: jobId,
    });
    expect((await t.api("GET", `/api/v1/sims/${sims[28]!.iccid}`)).body.state).toBe("ACTIVATED");
    const { rows } = await resultsOf(jobId);
    expect(rows.map((r) => [r.line, r.iccid, r.outcome])).toEqual(
      sims.map((s, i) => [String(i + 2), s.iccid, "created"]),
    );

    // A file with the same 30 rows, one changed and 5 new: unchanged, in conflict, created.
    const more = simCsv(5, { extra: () => ["", ""] });
    const again = csv
      .trimEnd()
      .split("\n")
      .map((l, i) => (i === 7 ? l.replace("pump 6", "pump six") : l))
      .concat(more.csv.trimEnd().split("\n").slice(1))
      .join("\n");
    const second = await runJob(
      t,
      (await uploadCsv(t, `${again}\n`, `accountId=${acct.id}&skipInvalid=true`)).body.jobId,
    );
    expect(second).toMatchObject({
      status: "succeeded",
      counts: { created: 5, unchanged: 29, failed: 1 },
    });
    expect(second.errors).toEqual([
      expect.objectContaining({
        line: 8,
        field: "accountCustom1",
        code: "ICCID_EXISTS_WITH_DIFFERENT_DATA",
      }),
    ]);
    expect(await count(acct.id)).toBe(35);
  });
});

describe("a SIM stored by someone else after the file was validated", () => {
  it("fails the plain insert of its range; the range written again skips it and names it", async () => {
    const acct = await buildAccount(t);
    const db = t.otter.database.db;
    // A job of its own (cancelled before it runs), for the outcomes it stores.
    const up = await uploadCsv(t, simCsv(1).csv, `accountId=${acct.id}`);
    expect((await t.api("POST", `/api/v1/jobs/${up.body.jobId}/cancel`)).status).toBe(202);
    const jobId = up.body.jobId as string;
    const taken = await buildSim(t, { accountId: acct.id });
    const free = simIdentifiers();
    // As validation left them: the first row's ICCID was free then.
    await inTransaction(db, (tx) =>
      simImportRepo.stage(tx, jobId, [
        stagedRow(acct.id, 2, { ...simIdentifiers(), iccid: taken.iccid }),
        stagedRow(acct.id, 3, free),
      ]),
    );
    const lines = { afterLine: 0, toLine: 3 };
    const now = new Date();
    await expect(
      inTransaction(db, (tx) =>
        simImportRepo.createSims(tx, jobId, lines, now, { skipTaken: false }),
      ),
    ).rejects.toMatchObject({ code: "23505" });
    const { created, late } = await inTransaction(db, async (tx) => ({
      created: await simImportRepo.createSims(tx, jobId, lines, now, { skipTaken: true }),
      late: await simImportRepo.notCreated(tx, jobId, lines),
    }));
    expect(created).toBe(1);
    expect(late).toEqual([{ line: 2, iccid: taken.iccid, account_id: acct.id }]);
    // The range written once more (a resumed job): nothing created, the late failure stored once.
    const again = await inTransaction(db, async (tx) => {
      const made = await simImportRepo.createSims(tx, jobId, lines, now, { skipTaken: true });
      const failures = (await simImportRepo.notCreated(tx, jobId, lines)).map((r) => ({
        line: r.line,
        iccid: r.iccid,
        accountId: r.account_id,
        outcome: "failed" as const,
      }));
      return {
        made,
        first: await jobRowsRepo.insertOutcomes(tx, jobId, failures),
        second: await jobRowsRepo.insertOutcomes(tx, jobId, failures),
      };
    });
    expect(again).toEqual({ made: 0, first: 1, second: 0 });
    expect((await t.api("GET", `/api/v1/sims/${free.iccid}`)).body.createdByJobId).toBe(jobId);
    expect((await t.api("GET", `/api/v1/sims/${taken.iccid}`)).body.imsi).toBe(taken.imsi);
    await simImportRepo.clear(db, jobId);
  });
});

describe("the accounts and plans of a range, locked once for its rows (PGlite's apply)", () => {
  it("are found for the range's rows; a plan that is gone is reported, and the checked insert stores nothing", async () => {
    const acct = await buildAccount(t);
    const { comm, rate } = await buildCatalog(t);
    const db = t.otter.database.db;
    const up = await uploadCsv(t, simCsv(1).csv, `accountId=${acct.id}`);
    expect((await t.api("POST", `/api/v1/jobs/${up.body.jobId}/cancel`)).status).toBe(202);
    const jobId = up.body.jobId as string;
    const gone = newId();
    await inTransaction(db, (tx) =>
      simImportRepo.stage(tx, jobId, [
        { ...stagedRow(acct.id, 2, simIdentifiers()), communicationPlanId: comm.id },
        { ...stagedRow(acct.id, 3, simIdentifiers()), ratePlanId: rate.id },
        { ...stagedRow(acct.id, 4, simIdentifiers()), ratePlanId: gone },
      ]),
    );
    const catalog = t.otter.services.catalog;
    const directory = t.otter.services.accounts.directory;
    const seen = await inTransaction(db, async (tx) => {
      const first = await simImportRepo.parentsOf(tx, jobId, { afterLine: 0, toLine: 3 });
      const all = await simImportRepo.parentsOf(tx, jobId, { afterLine: 0, toLine: 4 });
      return {
        first,
        firstKept:
          (await directory.keepAccounts(tx, first.accounts)) &&
          (await catalog.keepPlans(tx, first)),
        allAccountsKept: await directory.keepAccounts(tx, all.accounts),
        allPlansKept: await catalog.keepPlans(tx, all),
        unknownAccountKept: await directory.keepAccounts(tx, [newId()]),
      };
    });
    expect(seen).toEqual({
      first: { accounts: [acct.id], comm: [comm.id], rate: [rate.id] },
      firstKept: true,
      allAccountsKept: true,
      allPlansKept: false,
      unknownAccountKept: false,
    });
    // Such a range keeps the foreign keys' per-row checks: the missing plan fails it whole.
    await expect(
      inTransaction(db, (tx) =>
        simImportRepo.createSims(tx, jobId, { afterLine: 0, toLine: 4 }, new Date(), {
          skipTaken: false,
          parentsKept: false,
        }),
      ),
    ).rejects.toMatchObject({ code: "23503" });
    const stored = await db
      .selectFrom("sims")
      .select("id")
      .where("created_by_job_id", "=", jobId)
      .execute();
    expect(stored).toEqual([]);
    await simImportRepo.clear(db, jobId);
  });
});

describe("duplicates within the file, from the sieve's candidates or over every row", () => {
  it("fails the same lines with the same words either way", async () => {
    const acct = await buildAccount(t);
    const db = t.otter.database.db;
    // 400 lines drawn from 150 SIMs' identifiers, mixed: many values repeat, some three times.
    const pool = Array.from({ length: 150 }, () => simIdentifiers());
    let seed = 7;
    const pick = () => pool[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pool.length]!;
    const rows = Array.from({ length: 400 }, (_, i) =>
      stagedRow(acct.id, i + 2, { iccid: pick().iccid, imsi: pick().imsi, msisdn: pick().msisdn }),
    );
    const outcomes = async (among: "sieve" | "all") => {
      const jobId = newId();
      const sieve = createDuplicateSieve(rows.length);
      for (const r of rows) sieve.add(r.iccid, r.imsi, r.msisdn);
      await inTransaction(db, (tx) => simImportRepo.stage(tx, jobId, rows));
      await simImportRepo.markDuplicates(db, jobId, among === "sieve" ? sieve.candidates() : null);
      const failed = await simImportRepo.notToCreate(db, jobId, 0, 1000);
      await simImportRepo.clear(db, jobId);
      return failed.map((r) => [r.line, r.field, r.code, r.message]);
    };
    const all = await outcomes("all");
    expect(all.length).toBeGreaterThan(200);
    expect(all).toContainEqual([
      expect.any(Number),
      "msisdn",
      "DUPLICATE_IN_FILE",
      expect.stringMatching(/^The MSISDN of this row already appears on line \d+\.$/),
    ]);
    expect(await outcomes("sieve")).toEqual(all);
  });
});

describe("tenant isolation on job routes", () => {
  it("lets no customer import, nor see another tenant's jobs", async () => {
    const a = await buildCustomer(t);
    const up = await uploadCsv(t, simCsv(1).csv, `accountId=${t.rootAccountId}`);
    expect(
      (await uploadCsv(t, simCsv(1).csv, `accountId=${a.account.id}`, a.adminKey)).status,
    ).toBe(403);
    for (const [method, path] of [
      ["GET", `/api/v1/jobs/${up.body.jobId}`],
      ["POST", `/api/v1/jobs/${up.body.jobId}/cancel`],
      ["GET", `/api/v1/jobs/${up.body.jobId}/errors`],
      ["GET", `/api/v1/jobs/${up.body.jobId}/results.csv`],
    ] as const) {
      expect((await t.api(method, path, { key: a.adminKey })).status, `${method} ${path}`).toBe(
        404,
      );
    }
    expect((await t.api("GET", "/api/v1/jobs", { key: a.adminKey })).body.items).toEqual([]);
  });
});

const resultsOf = async (jobId: string, key?: string) => {
  const res = await t.api("GET", `/api/v1/jobs/${jobId}/results.csv`, { key });
  expect(res.status).toBe(200);
  return {
    text: res.body as string,
    rows: parse(res.body as string, { columns: true }) as Record<string, string>[],
  };
};

describe("a malformed file", () => {
  const hyperlinkFile = () => {
    const [a, b] = [simIdentifiers(), simIdentifiers()];
    return {
      a,
      b,
      csv: `iccid,imsi,msisdn\n${a.iccid},${a.imsi},${a.msisdn}\n=HYPERLINK("x"),240070000000002,46700000002\n${b.iccid},${b.imsi},${b.msisdn}\n`,
    };
  };

  it("names the line with an unescaped quote as a row error, and the job goes on with the next lines", async () => {
    const acct = await buildAccount(t);
    const { csv } = hyperlinkFile();
    const strict = await runJob(t, (await uploadCsv(t, csv, `accountId=${acct.id}`)).body.jobId);
    expect(strict).toMatchObject({
      status: "failed",
      failure: { code: "IMPORT_INVALID_ROWS" },
      errorCount: 1,
    });
    expect(strict.errors).toEqual([
      expect.objectContaining({ line: 3, field: "row", code: "CSV_MALFORMED_ROW", iccid: null }),
    ]);
    expect(strict.errors[0].message).toContain("double quote");

    const lenient = await runJob(
      t,
      (await uploadCsv(t, csv, `accountId=${acct.id}&skipInvalid=true`)).body.jobId,
    );
    expect(lenient).toMatchObject({ status: "succeeded", counts: { created: 2, failed: 1 } });
    expect(await count(acct.id)).toBe(2);
    const { rows } = await resultsOf(lenient.id);
    expect(rows.map((r) => [r.line, r.outcome, r.code])).toEqual([
      ["2", "created", ""],
      ["3", "failed", "CSV_MALFORMED_ROW"],
      ["4", "created", ""],
    ]);
    expect((await t.api("GET", "/healthz")).status).toBe(200);
  });

  it("reports a quote never closed at the line where it starts", async () => {
    const acct = await buildAccount(t);
    const [a, b] = [simIdentifiers(), simIdentifiers()];
    const csv = `iccid,imsi,msisdn\n${a.iccid},${a.imsi},${a.msisdn}\n"${b.iccid},${b.imsi},${b.msisdn}\n${simCsv(2).csv.split("\n").slice(1).join("\n")}`;
    const job = await runJob(
      t,
      (await uploadCsv(t, csv, `accountId=${acct.id}&skipInvalid=true`)).body.jobId,
    );
    expect(job).toMatchObject({ status: "succeeded", counts: { created: 1, failed: 1 } });
    expect(job.errors).toEqual([expect.objectContaining({ line: 3, code: "CSV_MALFORMED_ROW" })]);
    expect(job.errors[0].message).toContain("never closed");
    expect((await resultsOf(job.id)).rows.map((r) => r.outcome)).toEqual(["created", "failed"]);
  });
});

describe("results.csv opened in a spreadsheet", () => {
  it("neutralises every cell that would start a formula, and leaves plain numbers alone", async () => {
    const acct = await buildAccount(t);
    const ids = () => simIdentifiers();
    const [x, y, z] = [ids(), ids(), ids()];
    const csv = `iccid,imsi,msisdn\n"@SUM(1+1)*cmd|' /C calc'!A0",${x.imsi},${x.msisdn}\n-12.50,${y.imsi},${y.msisdn}\n+447700900123,${z.imsi},${z.msisdn}\n`;
    const job = await runJob(
      t,
      (await uploadCsv(t, csv, `accountId=${acct.id}&skipInvalid=true`)).body.jobId,
    );
    expect(job.counts.failed).toBe(3);
    // No line was staged, yet the job went over all of them.
    expect(job.progress).toMatchObject({ done: 3, total: 3 });
    const { text, rows } = await resultsOf(job.id);
    expect(rows.map((r) => r.iccid)).toEqual([
      "'@SUM(1+1)*cmd|' /C calc'!A0",
      "-12.50",
      "+447700900123",
    ]);
    for (const line of text.trim().split("\n").slice(1))
      expect(line).toMatch(/^\d+,(?:"'|'|[-+]\d)/);
  });
});

describe("a job's results for a customer", () => {
  it("show the customer only the rows of their accounts; rows for other accounts keep their line and nothing else", async () => {
    const a = await buildCustomer(t);
    const b = await buildCustomer(t);
    const bSim = await buildSim(t, { accountId: b.account.id });
    const [mine, theirs, theirsBroken, clash] = [
      simIdentifiers(),
      simIdentifiers(),
      simIdentifiers(),
      simIdentifiers(),
    ];
    const badLuhn =
      theirsBroken.iccid.slice(0, -1) + ((Number(theirsBroken.iccid.at(-1)) + 1) % 10);
    const csv =
      [
        "iccid,imsi,msisdn,account",
        `${mine.iccid},${mine.imsi},${mine.msisdn},`,
        `${theirs.iccid},${theirs.imsi},${theirs.msisdn},${b.account.id}`,
        `${badLuhn},${theirsBroken.imsi},${theirsBroken.msisdn},${b.account.id}`,
        `${clash.iccid},${bSim.imsi},${clash.msisdn},`,
      ].join("\n") + "\n";
    const jobId = (await uploadCsv(t, csv, `accountId=${a.account.id}&skipInvalid=true`)).body
      .jobId;
    const operatorView = await runJob(t, jobId);
    expect(operatorView).toMatchObject({
      status: "succeeded",
      counts: { created: 2, failed: 2 },
      errorCount: 2,
      hiddenErrorCount: 0,
    });
    expect(operatorView.errors.map((e: { line: number }) => e.line)).toEqual([4, 5]);
    const operatorCsv = await resultsOf(jobId);
    expect(operatorCsv.rows.map((r) => r.iccid)).toEqual([
      mine.iccid,
      theirs.iccid,
      badLuhn,
      clash.iccid,
    ]);

    for (const key of [a.adminKey, a.userKey]) {
      const job = await runJob(t, jobId, key);
      expect(job).toMatchObject({ status: "succeeded", errorCount: 2, hiddenErrorCount: 1 });
      expect(job.errors).toEqual([
        expect.objectContaining({ line: 5, code: "IMSI_IN_USE", iccid: clash.iccid }),
      ]);
      const errors = await t.api("GET", `/api/v1/jobs/${jobId}/errors`, { key });
      expect(errors.body.items.map((e: { line: number }) => e.line)).toEqual([5]);
      const { text, rows } = await resultsOf(jobId, key);
      expect(rows).toEqual([
        { line: "2", iccid: mine.iccid, outcome: "created", field: "", code: "", message: "" },
        { line: "3", iccid: "", outcome: "other_account", field: "", code: "", message: "" },
        { line: "4", iccid: "", outcome: "other_account", field: "", code: "", message: "" },
        expect.objectContaining({
          line: "5",
          iccid: clash.iccid,
          outcome: "failed",
          code: "IMSI_IN_USE",
        }),
      ]);
      // Nothing that identifies B's SIMs, in the CSV or in the JSON.
      for (const secret of [theirs.iccid, badLuhn, bSim.iccid, b.account.id]) {
        expect(text).not.toContain(secret);
        expect(JSON.stringify(job) + JSON.stringify(errors.body)).not.toContain(secret);
      }
    }
    expect(
      (await t.api("GET", `/api/v1/jobs/${jobId}/results.csv`, { key: b.adminKey })).status,
    ).toBe(404);
  });
});
