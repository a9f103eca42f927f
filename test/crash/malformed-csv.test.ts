import { afterAll, describe, expect, it } from "vitest";
import { TEST_ENGINE } from "../support/engine.js";
import { simIdentifiers } from "../support/factories.js";
import { processHarness } from "../support/process.js";

/**
 * A file with a stray quote once failed its import with INTERNAL, and downloading the job's results
 * then killed `otter serve`. Run as an operator runs it: the line is a row error, and the process
 * keeps answering after the download.
 */
const h = processHarness("malformed");
const call = h.call;
afterAll(() => h.close());

describe(`a malformed import file (${TEST_ENGINE})`, () => {
  it("is a row error naming its line, and its results download leaves the server running", async () => {
    const server = await h.start({ OTTER_WORKER_POLL_MS: "50" });
    const account = await call("/api/v1/accounts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Stray quotes Ltd" }),
    });
    const [a, b] = [simIdentifiers(), simIdentifiers()];
    const csv = `iccid,imsi,msisdn\n${a.iccid},${a.imsi},${a.msisdn}\n=HYPERLINK("x"),240070000000002,46700000002\n${b.iccid},${b.imsi},${b.msisdn}\n`;
    const up = await call(`/api/v1/sims/imports?accountId=${account.body.id}`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv,
    });
    expect(up.status).toBe(202);

    let job: any = null;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      job = (await call(`/api/v1/jobs/${up.body.jobId}`)).body;
      if (["succeeded", "failed", "cancelled"].includes(job.status)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: "failed", failure: { code: "IMPORT_INVALID_ROWS" } });
    expect(job.errors).toEqual([expect.objectContaining({ line: 3, code: "CSV_MALFORMED_ROW" })]);

    const results = await call(`/api/v1/jobs/${up.body.jobId}/results.csv`);
    expect(results.status).toBe(200);
    expect(
      String(results.body)
        .trim()
        .split("\n")
        .map((l) => l.split(",").slice(0, 3).join(",")),
    ).toEqual([
      "line,iccid,outcome",
      `2,${a.iccid},not_applied`,
      "3,,failed",
      `4,${b.iccid},not_applied`,
    ]);
    expect((await call("/healthz")).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 300_000);
});
