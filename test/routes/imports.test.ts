import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildCatalog, buildCustomer, offer, runJob, simCsv, simIdentifiers, uploadCsv } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => { t = await startOtter({ OTTER_IMPORT_BATCH_SIZE: "7", OTTER_MAX_UPLOAD_BYTES: "200000" }, { startWorkers: false }); });
afterAll(async () => { await t?.close(); });

const count = async (accountId: string) => {
  const res = await t.api("GET", `/api/v1/sims?accountId=${accountId}&limit=1000`);
  return res.body.items.length as number;
};

describe("SIM import", () => {
  it("imports a file with a BOM and ; separators into the given account, and a rerun changes nothing", async () => {
    const acct = await buildAccount(t);
    const { csv, sims } = simCsv(20, { sep: ";", header: "ICCID;IMSI;MSISDN;state", extra: (i) => [i === 0 ? "ACTIVATED" : ""] });
    const up = await uploadCsv(t, `\uFEFF${csv}`, `accountId=${acct.id}`);
    expect(up.status).toBe(202);
    const job = await runJob(t, up.body.jobId);
    expect(job).toMatchObject({ kind: "sims.import", status: "succeeded", counts: { created: 20, unchanged: 0, failed: 0 }, progress: { done: 20, total: 20 } });
    const first = await t.api("GET", `/api/v1/sims/${sims[0]!.iccid}`);
    expect(first.body).toMatchObject({ accountId: acct.id, state: "ACTIVATED", createdByJobId: up.body.jobId });
    expect((await t.api("GET", `/api/v1/sims/${sims[1]!.iccid}`)).body.state).toBe("INVENTORY");
    expect((await t.api("GET", `/api/v1/sims/${sims[1]!.iccid}/audit`)).body.items).toEqual([]);
    const again = await runJob(t, (await uploadCsv(t, csv, `accountId=${acct.id}`)).body.jobId);
    expect(again).toMatchObject({ status: "succeeded", counts: { created: 0, unchanged: 20, failed: 0 } });
    expect(await count(acct.id)).toBe(20);
  });

  it("validates the whole file first, reports every bad row by line, and writes nothing", async () => {
    const acct = await buildAccount(t);
    const { csv, sims } = simCsv(6, { header: "iccid,imsi,msisdn,ratePlan", extra: (i) => [i === 5 ? "No Such Plan" : ""] });
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
      [3, "ICCID_CHECK_DIGIT"], [4, "ICCID_SCIENTIFIC_NOTATION"], [5, "DUPLICATE_IN_FILE"], [7, "UNKNOWN_RATE_PLAN"],
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
    const job = await runJob(t, (await uploadCsv(t, broken, `accountId=${acct.id}&skipInvalid=true`)).body.jobId);
    expect(job).toMatchObject({ status: "succeeded", counts: { created: 9, failed: 1 }, errorCount: 1 });
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
    expect(job.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([["ICCID_EXISTS_WITH_DIFFERENT_DATA", "imsi"], ["IMSI_IN_USE", "imsi"]]);
  });

  it("tells the person who started the import how it ended, by e-mail", async () => {
    const acct = await buildAccount(t);
    const up = await t.api("POST", `/api/v1/sims/imports?accountId=${acct.id}`, { raw: simCsv(3).csv, headers: { "content-type": "text/csv", "x-otter-file-name": "order-4411.csv" } });
    await runJob(t, up.body.jobId);
    const outbox = await t.api("GET", "/api/v1/outbox?limit=50");
    const notice = outbox.body.items.find((m: { subject: string }) => m.subject.includes(up.body.jobId));
    expect(notice).toMatchObject({ to: ["admin@otter.local"], subject: `SIM import of order-4411.csv: succeeded (job ${up.body.jobId})` });
    const full = await t.api("GET", `/api/v1/outbox/${notice.id}`);
    expect(full.body.text).toContain("Created: 3");
  });

  it("validates only with dryRun", async () => {
    const acct = await buildAccount(t);
    const job = await runJob(t, (await uploadCsv(t, simCsv(5).csv, `accountId=${acct.id}&dryRun=true`)).body.jobId);
    expect(job).toMatchObject({ status: "succeeded", dryRun: true, counts: { created: 5 } });
    expect(await count(acct.id)).toBe(0);
  });

  it("takes the account and plans from columns, by name, and checks them per row", async () => {
    const cat = await buildCatalog(t);
    const c = await buildCustomer(t);
    const d = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    const { csv } = simCsv(3, { header: "iccid,imsi,msisdn,account,communicationPlan,ratePlan", extra: (i) => [i === 2 ? d.account.id : i === 1 ? "00000000-0000-7000-8000-000000000000" : c.account.id, cat.comm.name, cat.rate.id] });
    const job = await runJob(t, (await uploadCsv(t, csv, "skipInvalid=true")).body.jobId);
    expect(job.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[3, "ACCOUNT_NOT_FOUND"], [4, "PLAN_NOT_OFFERED"]]);
    expect(job.counts.created).toBe(1);
    const listed = await t.api("GET", "/api/v1/sims", { key: c.userKey });
    expect(listed.body.items[0]).toMatchObject({ communicationPlan: { name: cat.comm.name }, ratePlan: { name: cat.rate.name } });
  });

  it("refuses a bad upload before reading it all, naming the problem, and keeps no job", async () => {
    const before = (await t.api("GET", "/api/v1/jobs?limit=200")).body.items.length;
    const noAccount = await uploadCsv(t, simCsv(1).csv);
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.error.code).toBe("IMPORT_ACCOUNT_MISSING");
    const unknown = await uploadCsv(t, "iccid,imsi,msisdn,colour\n1,2,3,red\n", `accountId=${t.rootAccountId}`);
    expect(unknown.body.error).toMatchObject({ code: "IMPORT_UNKNOWN_COLUMN", details: [{ line: 1, field: "colour" }] });
    const missing = await uploadCsv(t, "iccid,imsi\n", `accountId=${t.rootAccountId}`);
    expect(missing.body.error.code).toBe("IMPORT_MISSING_COLUMN");
    const empty = await uploadCsv(t, "", `accountId=${t.rootAccountId}`);
    expect(empty.status).toBe(400);
    const json = await t.api("POST", `/api/v1/sims/imports?accountId=${t.rootAccountId}`, { body: { iccid: "1" } });
    expect(json.status).toBe(415);
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
    expect((await t.api("POST", `/api/v1/jobs/${up.body.jobId}/cancel`)).body.error.code).toBe("JOB_ALREADY_FINISHED");
  });
});

describe("tenant isolation on job routes", () => {
  it("lets no customer import, nor see another tenant's jobs", async () => {
    const a = await buildCustomer(t);
    const up = await uploadCsv(t, simCsv(1).csv, `accountId=${t.rootAccountId}`);
    expect((await uploadCsv(t, simCsv(1).csv, `accountId=${a.account.id}`, a.adminKey)).status).toBe(403);
    for (const [method, path] of [["GET", `/api/v1/jobs/${up.body.jobId}`], ["POST", `/api/v1/jobs/${up.body.jobId}/cancel`], ["GET", `/api/v1/jobs/${up.body.jobId}/errors`], ["GET", `/api/v1/jobs/${up.body.jobId}/results.csv`]] as const) {
      expect((await t.api(method, path, { key: a.adminKey })).status, `${method} ${path}`).toBe(404);
    }
    expect((await t.api("GET", "/api/v1/jobs", { key: a.adminKey })).body.items).toEqual([]);
  });
});
