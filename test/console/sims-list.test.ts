import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * The search box and the SIM list, as an operations agent uses them: find a SIM by the first digits
 * of its IMSI and a customer by part of its name, filter the list (the address keeps the filter),
 * and change two SIMs at once through a bulk-change job.
 */
describe("console: search and the SIM list", () => {
  let t: TestOtter;
  let browser: Browser;
  let page: Page;
  let customer: Awaited<ReturnType<typeof buildCustomer>>;
  type Sim = Awaited<ReturnType<typeof buildSim>>;
  let collar: Sim, tag: Sim, meter: Sim;
  const ICCID_PAYLOAD = "894470990000012345";
  const COLLAR_ICCID = ICCID_PAYLOAD + luhnCheckDigit(ICCID_PAYLOAD);

  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
    const cat = await buildCatalog(t);
    customer = await buildCustomer(t, { name: "Savanna Giraffe Trackers" });
    await offer(t, cat, customer.account.id);
    const sim = (extra: Record<string, unknown>) =>
      buildSim(t, {
        accountId: customer.account.id,
        communicationPlan: cat.comm.id,
        ratePlan: cat.rate.id,
        ...extra,
      });
    collar = await sim({ iccid: COLLAR_ICCID, imsi: "001019876543210", state: "ACTIVATED" });
    tag = await sim({ state: "ACTIVATED" });
    meter = await sim({ state: "INVENTORY" });
    const agent = await person(t, t.rootAccountId, "operator_agent");
    page = await signedIn(browser, t, agent);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("finds a SIM by the first digits of its IMSI and a customer by part of its name", async () => {
    await page.keyboard.press("/");
    const box = page.getByRole("combobox", { name: "Search" });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially("0010198765", { delay: 20 });
    const option = page.getByRole("option", { name: new RegExp(collar.iccid) });
    await option.waitFor({ timeout: 15_000 });
    expect(await option.textContent()).toContain("IMSI 001019876543210");
    await box.press("ArrowDown");
    await expect.poll(() => option.getAttribute("aria-selected")).toBe("true");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "search");
    await box.press("Enter");
    await page.waitForURL(`**/sims/${collar.iccid}`);

    await box.fill("");
    // The answer to the whole text, not to a prefix typed on the way: its options are the ones to click.
    const answered = page.waitForResponse((r) =>
      /\/api\/v1\/search\?q=iraffe(\+|%20)track/.test(r.url()),
    );
    await box.pressSequentially("iraffe track", { delay: 20 });
    await answered;
    const found = page.getByRole("option", { name: /Savanna Giraffe Trackers/ });
    await found.waitFor({ timeout: 15_000 });
    await found.click();
    await page.waitForURL(`**/accounts/${customer.account.id}`);

    // A whole identifier and Enter: straight to its SIM, without choosing.
    await box.fill(`+${tag.msisdn}`);
    await box.press("Enter");
    // The ICCID once the answer named the SIM by that number, else the number for the SIM page to resolve.
    await page.waitForURL(new RegExp(`/sims/(${tag.iccid}|${tag.msisdn})$`));

    await box.fill("99999999");
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Nothing matches" }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await box.press("Escape");
  });

  it("filters the list by state, keeps it in the address, and changes two SIMs in bulk", async () => {
    await page.goto(`/sims?accountId=${customer.account.id}`);
    const rows = page.locator("table.sims-table tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    await page.getByRole("combobox", { name: /^State/ }).selectOption("ACTIVATED");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(new URL(page.url()).searchParams.get("state")).toBe("ACTIVATED");
    expect(await page.locator("table.sims-table").textContent()).not.toContain(meter.iccid);
    await expect.poll(() => page.getByText("2 SIMs match").count()).toBe(1);

    // The address is the list: opened afresh, it shows the same two.
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByRole("combobox", { name: /^State/ }).inputValue()).toBe("ACTIVATED");
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "sims-list");

    await page.getByRole("checkbox", { name: `Select SIM ${collar.iccid}` }).check();
    await page.getByRole("checkbox", { name: `Select SIM ${tag.iccid}` }).check();
    const bulk = page.getByRole("region", { name: /Change the selected SIMs/ });
    await bulk.getByRole("combobox", { name: /^Change/ }).selectOption("state");
    await bulk.getByRole("combobox", { name: /^New value/ }).selectOption("DEACTIVATED");
    await bulk
      .getByRole("textbox", { name: /^Reason/ })
      .fill("Season over: collars back in the drawer");
    await bulk.getByRole("button", { name: "Review the change…" }).click();
    const dialog = page.getByRole("dialog", { name: "Change 2 SIMs?" });
    await dialog.waitFor();
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Start the change" }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/, { timeout: 15_000 });

    for (const sim of [collar, tag])
      await expect
        .poll(async () => (await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.state, {
          timeout: 20_000,
        })
        .toBe("DEACTIVATED");
    expect((await t.api("GET", `/api/v1/sims/${meter.iccid}`)).body.state).toBe("INVENTORY");
  });
});
