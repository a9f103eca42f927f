import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { runJob, uploadCsv } from "../support/factories.js";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

const EXAMPLE = readFileSync(
  new URL("../../docs/examples/onboarding.yaml", import.meta.url),
  "utf8",
);
const iccid = (n: number) => {
  const p = "89440000000" + String(n).padStart(7, "0");
  return p + luhnCheckDigit(p);
};

describe("console: the onboarding board", () => {
  let t: TestOtter;
  let browser: Browser;
  let id: string;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter({}, { startWorkers: false }), launchBrowser()]);
    // The example spec's world: its zones and its 101 SIMs in the operator's stock.
    for (const [name, countries] of [
      ["EU", ["FR", "IT", "SE", "DE"]],
      ["East Africa", ["KE", "TZ"]],
    ] as const)
      expect((await t.api("POST", "/api/v1/zones", { body: { name, countries } })).status).toBe(
        201,
      );
    const lines = Array.from({ length: 101 }, (_, i) => i + 1).map(
      (n) =>
        `${iccid(n)},23415${String(n).padStart(9, "0")}0,4477${String(n).padStart(9, "0")},INVENTORY`,
    );
    const up = await uploadCsv(
      t,
      `iccid,imsi,msisdn,state\n${lines.join("\n")}\n`,
      `accountId=${t.rootAccountId}`,
    );
    expect((await runJob(t, up.body.jobId)).status).toBe("succeeded");
    const res = await t.api("POST", "/api/v1/onboardings", { body: { spec: EXAMPLE } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    id = res.body.onboarding.id;
    expect((await runJob(t, res.body.jobId)).status).toBe("succeeded");
    expect((await t.api("GET", `/api/v1/onboardings/${id}`)).body.state).toBe(
      "waiting_on_customer",
    );
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("lists the onboarding, shows its tasks and marks one done with a note", async () => {
    const admin = await person(t, t.rootAccountId, "operator_admin");
    const page = await signedIn(browser, t, admin);

    await page.getByRole("link", { name: "Onboarding" }).click();
    await page.getByRole("heading", { name: "Onboarding", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Lead times" }).waitFor();
    const row = page.getByRole("row", { name: /Savannah Wildlife Trust/ });
    await expect.poll(() => row.textContent()).toContain("Waiting on the customer");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await row.getByRole("link", { name: /Savannah Wildlife Trust/ }).click();
    await page.getByRole("heading", { name: "Tasks" }).waitFor();
    expect(page.url()).toContain(`/onboardings/${id}`);
    const task = page.getByRole("row", { name: /ship the SIM cards/ });
    expect(await task.textContent()).toContain("Open");
    expect(await page.getByRole("row", { name: /customer acceptance/ }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Open the job" }).getAttribute("href")).toMatch(
      /^\/jobs\//,
    );
    expect(await page.getByRole("link", { name: /^#\d+ Onboarding/ }).getAttribute("href")).toMatch(
      /^\/cases\//,
    );
    expect(
      await page.getByRole("link", { name: "swanctl.conf, customer side" }).getAttribute("href"),
    ).toBe(`/api/v1/onboardings/${id}/ipsec?side=customer`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await task.getByRole("button", { name: "Mark done" }).click();
    const dialog = page.getByRole("dialog", { name: /ship the SIM cards/ });
    await dialog.getByLabel(/Note/).fill("101 SIMs shipped with DHL");
    await dialog.getByRole("button", { name: "Mark done" }).click();
    await expect.poll(() => task.textContent()).toContain("Done");
    expect(await task.textContent()).toContain("101 SIMs shipped with DHL");
    expect(await dialog.isVisible()).toBe(false);
    const stored = (await t.api("GET", `/api/v1/onboardings/${id}`)).body;
    expect(
      stored.tasks.find((x: { title: string }) => x.title === "ship the SIM cards"),
    ).toMatchObject({
      state: "done",
      note: "101 SIMs shipped with DHL",
    });
    await screenshot(page, "onboarding");
  }, 30_000);
});
