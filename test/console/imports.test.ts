import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildCatalog, buildSim, simCsv, simIdentifiers, uploadCsv } from "../support/factories.js";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/** A CSV of three SIMs; with `badLine3` the ICCID on line 3 has a wrong Luhn digit. */
function csvOf(sims: { iccid: string; imsi: string; msisdn: string }[], badLine3: boolean) {
  const rows = sims.map((s, i) => {
    const iccid =
      badLine3 && i === 1
        ? s.iccid.slice(0, -1) + String((Number(s.iccid.slice(-1)) + 1) % 10)
        : s.iccid;
    return `${iccid},${s.imsi},${s.msisdn}`;
  });
  return Buffer.from(`iccid,imsi,msisdn\n${rows.join("\n")}\n`);
}

describe("console: importing SIMs, the job page and the home page", () => {
  let t: TestOtter;
  let browser: Browser;
  beforeAll(async () => {
    // No background workers: the test runs each job when it wants the page to see it move on.
    [t, browser] = await Promise.all([startOtter({}, { startWorkers: false }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** An activated SIM with one session, four days ago; the silence detector has run since. */
  async function silentSim() {
    const cat = await buildCatalog(t);
    const sim = await buildSim(t, {
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const client = await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-home", address: "127.0.0.1", secret: "s3cret-pgw" },
    });
    const base = { clientId: client.body.id, record: {}, sessionId: "home-1", imsi: sim.imsi };
    await t.otter.services.signals.recordAccounting([
      { ...base, status: "start", dedupeKey: "home-a", eventAt: t.clock.now() },
      { ...base, status: "stop", dedupeKey: "home-b", eventAt: t.clock.now(), bytesUp: 300 },
    ]);
    t.clock.advance(4 * 24 * 3600_000);
    await t.otter.services.silence.runOnce();
    return sim;
  }

  /** Runs whatever jobs are queued, then answers the text the page shows now. */
  const runAndRead = async (page: Page, selector = "main") => {
    await t.otter.services.jobs.runPending();
    return (await page.locator(selector).textContent()) ?? "";
  };

  it("refuses a bad row by line in a dry run, then imports the fixed file and follows the job", async () => {
    const admin = await person(t, t.rootAccountId, "operator_admin");
    const page = await signedIn(browser, t, admin);
    const sims = [simIdentifiers(), simIdentifiers(), simIdentifiers()];

    // Home, before any SIM: each section says what to do.
    await page.getByRole("heading", { name: "SIMs by state" }).waitFor();
    await page.getByText("No SIMs yet.").first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A tracker that spoke once, four days ago: the silence detector marks it silent.
    const quiet = await silentSim();

    await page.goto("/imports/new");
    await page.getByRole("heading", { name: "Import SIMs", level: 1 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The bad file: line 3's ICCID fails its check digit.
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "sims.csv", mimeType: "text/csv", buffer: csvOf(sims, true) });
    await page.getByText("Chosen: sims.csv").waitFor();
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await expect
      .poll(() => runAndRead(page), { timeout: 20_000 })
      .toContain("1 row(s) have errors. Nothing was written.");
    const row = page.locator("table.row-errors tbody tr");
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.first().locator("td").allTextContents();
    expect(cells[0]).toBe("3");
    expect(cells[2]).toBe("iccid");
    expect(cells[3]).toMatch(/fails the Luhn check digit/);
    expect(await page.getByRole("button", { name: "Apply: import the SIMs" }).isDisabled()).toBe(
      true,
    );
    // Nothing was created.
    for (const s of sims) expect((await t.api("GET", `/api/v1/sims/${s.iccid}`)).status).toBe(404);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "import");

    // Fixed, dropped on the page this time, checked clean, applied.
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "sims.csv", { type: "text/csv" }));
      return transfer;
    }, csvOf(sims, false).toString());
    await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: dropped });
    await page.getByRole("button", { name: "Check the file (dry run)" }).click();
    await expect
      .poll(() => runAndRead(page), { timeout: 20_000 })
      .toContain("All 3 row(s) are valid.");
    expect(await page.locator("table.row-errors").count()).toBe(0);
    await page.getByRole("button", { name: "Apply: import the SIMs" }).click();

    // The job page: queued at 0 of 3 until the job runs, then succeeded — without a reload.
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const jobId = page.url().split("/").pop()!;
    await page.getByRole("heading", { name: "Job sims.csv" }).waitFor();
    const status = page.locator(".job-page [role=status]");
    await expect.poll(() => status.textContent()).toContain("0 of 3");
    expect(await status.textContent()).toContain("Queued");
    await expect
      .poll(() => runAndRead(page, ".job-page [role=status]"), { timeout: 20_000 })
      .toContain("Succeeded");
    expect(await status.textContent()).toContain("3 of 3");
    const csvLink = page.getByRole("link", { name: "Download the results (CSV)" });
    expect(await csvLink.getAttribute("href")).toBe(`/api/v1/jobs/${jobId}/results.csv`);
    // The link works with the session's cookie alone.
    const results = await page.request.get(`/api/v1/jobs/${jobId}/results.csv`);
    expect(results.status()).toBe(200);
    expect(await results.text()).toContain(`${sims[1]!.iccid},created`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "job");

    for (const s of sims) {
      const sim = await t.api("GET", `/api/v1/sims/${s.iccid}`);
      expect(sim.status).toBe(200);
      expect(sim.body.state).toBe("INVENTORY");
    }

    // The jobs list: a queued import first, then both dry runs and the import.
    const queued = await uploadCsv(t, simCsv(2).csv, `accountId=${t.rootAccountId}`);
    expect(queued.status).toBe(202);
    await page.getByRole("link", { name: "All jobs" }).click();
    await page.getByRole("heading", { name: "Jobs", level: 1 }).waitFor();
    const jobRows = page.locator("main tbody tr");
    await expect.poll(() => jobRows.count()).toBe(4);
    expect(await jobRows.first().textContent()).toContain("Queued");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The queued import cancelled from its page, after confirming.
    await jobRows.first().getByRole("link").click();
    await page.waitForURL(`**/jobs/${queued.body.jobId}`);
    await page.getByRole("button", { name: "Cancel the job" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel this job?" });
    await dialog.getByRole("button", { name: "Yes, cancel the job" }).click();
    await expect.poll(() => status.textContent()).toContain("Cancelled");
    expect((await t.api("GET", `/api/v1/jobs/${queued.body.jobId}`)).body.status).toBe("cancelled");

    // An unknown job, by a well-formed id or not: the same "not found" page.
    for (const id of ["01a24d01-3fc7-7280-bf60-000000000000", "not-a-job"]) {
      await page.goto(`/jobs/${id}`);
      await page.getByRole("heading", { name: "Not found" }).waitFor();
    }

    // A case the admin opened (and so owns): on the home page among the cases at risk.
    const opened = await t.api("POST", "/api/v1/cases", {
      key: admin.key,
      body: { subject: "Trackers silent in Kenya", priority: "urgent" },
    });
    expect(opened.status).toBe(201);
    await t.otter.services.sla.runOnce();

    // Home counts the new SIMs, each count a link to the filtered list.
    await page.getByRole("navigation").getByRole("link", { name: "Home" }).click();
    await page.getByText("4 SIMs in all").first().waitFor();
    const silent = page.getByRole("region", { name: "Silent SIMs that matter" });
    expect(await silent.getByRole("link", { name: quiet.iccid }).getAttribute("href")).toBe(
      `/sims/${quiet.iccid}`,
    );
    expect(await silent.locator("time").getAttribute("datetime")).toBe(t.clock.now().toISOString());
    const inventory = page.getByRole("link", { name: /^3\s*Inventory$/ });
    expect(await inventory.getAttribute("href")).toBe("/sims?state=INVENTORY");
    const byConnectivity = (await t.api("GET", "/api/v1/sims/count?by=connectivity")).body;
    const group = byConnectivity.groups.find((g: { count: number }) => g.count === 3);
    const connectivity = page.locator(`a[href="/sims?connectivity=${group.key}"]`);
    expect(await connectivity.textContent()).toMatch(/^3\s/);
    const cases = page.getByRole("region", { name: "Cases at risk" });
    const caseLink = cases.getByRole("link", { name: /Trackers silent in Kenya/ });
    expect(await caseLink.getAttribute("href")).toBe(`/cases/${opened.body.id}`);
    await page.getByText("No job is running.").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "home");
    await page.context().close();
  });
});
