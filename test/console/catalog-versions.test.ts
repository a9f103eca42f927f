import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildCatalog } from "../support/factories.js";
import { launchBrowser, person, seriousA11yViolations, signedIn } from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * An operations engineer adds dated versions to a rate plan from its page: the bill-shock warnings
 * Otter answers are shown before saving (does the new version price the zone?) and after; a version
 * Otter refuses names the field and its code. New rate and communication plans from the catalog.
 */
describe("console: rate plan versions and new plans", () => {
  let t: TestOtter;
  let browser: Browser;
  let page: Page;
  let cat: Awaited<ReturnType<typeof buildCatalog>>;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
    cat = await buildCatalog(t);
    // A communication plan that also allows East Africa, which the rate plan does not price.
    const roaming = await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: "Collars roaming",
        apns: [{ name: "iot.otter.example" }],
        rats: ["LTE-M"],
        zones: [cat.home.name, cat.africa.name],
      },
    });
    expect(roaming.status, JSON.stringify(roaming.body)).toBe(201);
    const agent = await person(t, t.rootAccountId, "operator_agent");
    page = await signedIn(browser, t, agent);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const warnings = () =>
    page.getByRole("region", { name: "Bill-shock warnings", exact: true }).textContent();

  it("adds a version from now: the page shows it in force, with the warning now naming it", async () => {
    await page.goto(`/catalog/rate-plans/${cat.rate.id}`);
    await expect.poll(warnings, { timeout: 15_000 }).toContain("(version 1)");
    await page.getByRole("button", { name: "Add a version" }).click();
    const dialog = page.getByRole("dialog", { name: `Add a version to ${cat.rate.name}` });
    await dialog.waitFor();
    // Before saving: Otter's warning, and whether this version prices its zone.
    await expect
      .poll(() => dialog.locator(".version-shock").textContent(), { timeout: 15_000 })
      .toContain(`This version does not price ${cat.africa.name} either`);
    const fee = dialog.getByLabel("Monthly fee per SIM (EUR)");
    expect(await fee.inputValue()).toBe("1.5");
    await fee.fill("2.25");
    // Otter's clock (a test's manual one) moves on: "from now" is after version 1.
    t.clock.advance(3_600_000);
    await expect.poll(() => seriousA11yViolations(page), { timeout: 15_000 }).toEqual([]);
    await dialog.getByRole("button", { name: "Add the version" }).click();
    await page
      .getByRole("status")
      .getByText(/^Version 2 added: in force from/)
      .waitFor();
    expect(await dialog.isVisible()).toBe(false);

    const v2 = page.getByRole("article", { name: /^Version 2/ });
    await expect.poll(() => v2.textContent(), { timeout: 15_000 }).toMatch(/in force.*€2\.25/);
    expect(await page.getByRole("article", { name: /^Version 1/ }).textContent()).toContain(
      "ended",
    );
    await expect.poll(warnings, { timeout: 15_000 }).toContain("(version 2)");
    const stored = await t.api("GET", `/api/v1/rate-plans/${cat.rate.id}`);
    expect(stored.body.currentVersion).toMatchObject({
      version: 2,
      subscription: { monthlyFeePerSim: 2.25 },
      included: { dataBytes: 10 * 1024 * 1024 },
      dataLimitBytes: 50 * 1024 * 1024,
    });
  });

  it("shows a refused date on its field with the code, then a version that prices the zone ends the warning", async () => {
    await page.getByRole("button", { name: "Add a version" }).click();
    const dialog = page.getByRole("dialog", { name: `Add a version to ${cat.rate.name}` });
    const from = dialog.getByLabel(/^Effective from/);
    await from.fill("2020-01-01T00:00");
    await dialog.getByRole("button", { name: "Add the version" }).click();
    const fieldError = dialog.locator(`[id="${await from.getAttribute("id")}-error"]`);
    await expect
      .poll(() => fieldError.textContent(), { timeout: 15_000 })
      .toContain("VERSION_NOT_AFTER_PREVIOUS");
    expect(await from.getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.getByRole("alert").textContent()).toMatch(/Request id: \S+/);
    await expect.poll(() => seriousA11yViolations(page), { timeout: 15_000 }).toEqual([]);

    // From now, with East Africa priced: the dialog says the warning ends, and it does.
    await from.fill("");
    t.clock.advance(3_600_000);
    await dialog.getByRole("button", { name: "Add a zone price" }).click();
    const second = dialog.getByRole("group", { name: "Zone price 2" });
    await second.getByLabel("Zone", { exact: true }).selectOption({ label: cat.africa.name });
    await second.getByLabel("Per MB").fill("0.8");
    await expect
      .poll(() => dialog.locator(".version-shock").textContent(), { timeout: 15_000 })
      .toContain(`This version prices ${cat.africa.name}`);
    await dialog.getByRole("button", { name: "Add the version" }).click();
    await page
      .getByRole("status")
      .getByText(/^Version 3 added/)
      .waitFor();
    await expect.poll(warnings, { timeout: 15_000 }).toContain("No bill-shock risk");
    const stored = await t.api("GET", `/api/v1/rate-plans/${cat.rate.id}`);
    expect(
      stored.body.currentVersion.zones.map((z: { zone: { name: string }; dataPerMB: number }) => [
        z.zone.name,
        z.dataPerMB,
      ]),
    ).toEqual([
      [cat.home.name, 0.5],
      [cat.africa.name, 0.8],
    ]);
  });

  it("keeps Escape for closing the dialog without adding anything", async () => {
    await page.getByRole("button", { name: "Add a version" }).click();
    const dialog = page.getByRole("dialog", { name: `Add a version to ${cat.rate.name}` });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(false);
    const stored = await t.api("GET", `/api/v1/rate-plans/${cat.rate.id}`);
    expect(stored.body.versions).toHaveLength(3);
  });

  it("creates a rate plan and a communication plan from the catalog; each opens on its page", async () => {
    await page.goto("/catalog");
    await page.getByRole("button", { name: "New rate plan" }).click();
    const dialog = page.getByRole("dialog", { name: "New rate plan" });
    await dialog.getByLabel("Name", { exact: true }).fill("Kenya 5MB");
    await dialog.getByLabel("Currency", { exact: true }).fill("KES");
    await dialog.getByLabel("Monthly fee per SIM (KES)").fill("150");
    await dialog.getByLabel("Included data", { exact: true }).fill("5");
    await dialog
      .getByRole("group", { name: "Zone price 1" })
      .getByLabel("Zone", { exact: true })
      .selectOption({ label: cat.home.name });
    await dialog.getByRole("group", { name: "Zone price 1" }).getByLabel("Per MB").fill("4.5");
    await expect.poll(() => seriousA11yViolations(page), { timeout: 15_000 }).toEqual([]);
    await dialog.getByRole("button", { name: "Create the rate plan" }).click();
    await page.getByRole("heading", { level: 1, name: "Kenya 5MB" }).waitFor();
    // Its page: version 1 in KES, and the zone the roaming plan allows that it does not price.
    await expect
      .poll(() => page.getByRole("article", { name: /^Version 1/ }).textContent(), {
        timeout: 15_000,
      })
      .toMatch(/KES\s?150.*5 MB/);
    await expect
      .poll(warnings, { timeout: 15_000 })
      .toContain(`"Collars roaming" allows zone "${cat.africa.name}"`);
    const rate = await t.api("GET", "/api/v1/rate-plans/Kenya%205MB");
    expect(rate.body.currentVersion.zones[0]).toMatchObject({ dataPerMB: 4.5 });

    await page.goto("/catalog");
    await page.getByRole("button", { name: "New communication plan" }).click();
    const comm = page.getByRole("dialog", { name: "New communication plan" });
    await comm.getByLabel("Name", { exact: true }).fill("Kenya LTE-M");
    await comm.getByLabel("APN", { exact: true }).fill("iot.kenya.example");
    await comm.getByLabel("LTE-M").check();
    await comm.getByRole("group", { name: "Allowed zones" }).getByLabel(cat.home.name).check();
    await expect.poll(() => seriousA11yViolations(page), { timeout: 15_000 }).toEqual([]);
    await comm.getByRole("button", { name: "Create the communication plan" }).click();
    await page.getByRole("heading", { level: 1, name: "Kenya LTE-M" }).waitFor();
    const stored = await t.api("GET", "/api/v1/communication-plans/Kenya%20LTE-M");
    expect(stored.body).toMatchObject({
      rats: ["LTE-M"],
      zones: [{ name: cat.home.name }],
      apns: [{ name: "iot.kenya.example" }],
      voiceEnabled: false,
    });
  });
});
