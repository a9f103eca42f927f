import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { uploadCsv } from "../support/factories.js";
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

/** Drops a file on the page's drop zone, as a user dragging it from their desktop would. */
async function dropFile(page: Page, name: string, text: string) {
  const dropped = await page.evaluateHandle(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text!], name!, { type: "application/yaml" }));
      return dt;
    },
    [name, text],
  );
  await page.getByTestId("spec-drop").dispatchEvent("drop", { dataTransfer: dropped });
}

describe("console: a new onboarding from its spec", () => {
  let t: TestOtter;
  let browser: Browser;
  beforeAll(async () => {
    // Workers on: the provisioning job runs by itself, as it does in production.
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
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
    for (let i = 0; i < 300; i++) {
      const job = await t.api("GET", `/api/v1/jobs/${up.body.jobId}`);
      if (!["queued", "running"].includes(job.body.status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await t.api("GET", `/api/v1/jobs/${up.body.jobId}`)).body.status).toBe("succeeded");
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("checks a pasted spec, shows its errors by path, provisions the fixed one dropped as a file, then applies a changed spec's plan", async () => {
    const admin = await person(t, t.rootAccountId, "operator_admin");
    const page = await signedIn(browser, t, admin);
    await page.getByRole("link", { name: "Onboarding" }).click();
    await page.getByRole("link", { name: "New onboarding" }).click();
    await page.getByRole("heading", { name: "New onboarding", level: 1 }).waitFor();

    // Pasted with an impossible date: the error blocks, with its path; the warning does not.
    const broken = EXAMPLE.replace("requestedGoLive: 2026-03-16", "requestedGoLive: 2026-02-01");
    await page.getByLabel("Spec (YAML or JSON)").fill(broken);
    await page.getByRole("button", { name: "Check feasibility" }).click();
    await page.getByText(/Not feasible: 1 errors block it/).waitFor();
    const errors = page.getByRole("table", { name: "Errors (block)" });
    expect(await errors.textContent()).toContain("dates.requestedGoLive");
    const warnings = page.getByRole("table", { name: "Warnings (do not block)" });
    expect(await warnings.textContent()).toMatch(/sims\[1\].*BILL_SHOCK_RISK/);
    expect(await page.getByRole("button", { name: "Provision" }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "onboarding-check");
    expect((await t.api("GET", "/api/v1/onboardings")).body.items).toEqual([]);

    // The fixed spec, dropped as a file: feasible, provisioned on confirmation.
    await dropFile(page, "savannah.yaml", EXAMPLE);
    await expect
      .poll(() => page.getByLabel("Spec (YAML or JSON)").inputValue())
      .toContain("requestedGoLive: 2026-03-16");
    await page.getByRole("button", { name: "Check feasibility" }).click();
    await page.getByText(/Feasible: \d+ warnings, nothing blocks/).waitFor();
    expect(await page.getByText(/101 SIMs/).count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Provision" }).click();
    const confirm = page.getByRole("dialog", { name: "Provision CTR-2026-0042?" });
    expect(await confirm.textContent()).toContain("assigns 101 SIMs");
    await confirm.getByRole("button", { name: "Confirm" }).click();

    // The onboarding's page follows the job to its end, then shows the tasks and lead times.
    await page.getByRole("heading", { name: "Onboarding Savannah Wildlife Trust" }).waitFor();
    const progress = page.getByRole("region", { name: "Provisioning progress" });
    await expect.poll(() => progress.textContent(), { timeout: 20_000 }).toContain("Succeeded");
    await page.getByRole("row", { name: /ship the SIM cards/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole("region", { name: "Lead times" }).textContent()).toContain(
      "To the first SIM online",
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    const id = page.url().split("/onboardings/")[1]!;
    expect((await t.api("GET", `/api/v1/onboardings/${id}`)).body.state).toBe(
      "waiting_on_customer",
    );

    // A changed spec: the plan of differences first, applied only on confirmation of that plan.
    await page.goto(`${t.url}/onboardings/new`);
    const changed = EXAMPLE.replace(
      "{ key: kenya, name: Kenya }",
      "{ key: kenya, name: Kenya North }",
    );
    await page.getByLabel("Spec (YAML or JSON)").fill(changed);
    await page.getByRole("button", { name: "Check feasibility" }).click();
    const plan = page.getByRole("table", { name: "Plan of differences" });
    await plan.waitFor();
    const row = plan.getByRole("row", { name: /Kenya North/ });
    expect(await row.textContent()).toContain("Change");
    expect(await row.textContent()).toContain("accounts[0]");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "onboarding-plan");
    await page.getByRole("button", { name: "Apply this plan" }).click();
    await page
      .getByRole("dialog", { name: "Provision CTR-2026-0042?" })
      .getByRole("button", { name: "Confirm" })
      .click();
    await page.getByRole("heading", { name: "Onboarding Savannah Wildlife Trust" }).waitFor();
    await expect
      .poll(
        async () =>
          (await t.api("GET", "/api/v1/accounts?limit=500")).body.items.map(
            (a: { name: string }) => a.name,
          ),
        { timeout: 20_000 },
      )
      .toContain("Kenya North");
  }, 120_000);
});
