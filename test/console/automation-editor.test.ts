import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { launchBrowser, person, seriousA11yViolations, signedIn } from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * A customer's administrator writes automation rules in the console instead of the API: a new rule
 * with a trigger's states, a condition on the rate plan and an open-case action, which then fires;
 * a change Otter refuses, shown on the action it names with its code and the request id; an edit.
 */
describe("console: creating and editing automation rules", () => {
  let t: TestOtter;
  let browser: Browser;
  let page: Page;
  let iccid: string;
  let adminKey: string;
  let cat: Awaited<ReturnType<typeof buildCatalog>>;
  let plainUser: Awaited<ReturnType<typeof person>>;
  let ruleId: string;
  const NAME = "Deactivated collars open a case";

  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
    cat = await buildCatalog(t);
    const c = await buildCustomer(t, { name: "Savanna Trackers" });
    adminKey = c.adminKey;
    await offer(t, cat, c.account.id);
    iccid = (
      await buildSim(t, {
        accountId: c.account.id,
        state: "ACTIVATED",
        communicationPlan: cat.comm.id,
        ratePlan: cat.rate.id,
      })
    ).iccid;
    const admin = await person(t, c.account.id, "customer_admin");
    plainUser = await person(t, c.account.id, "customer_user");
    page = await signedIn(browser, t, admin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("creates a rule from the form; it is listed, on, and fires when a SIM meets it", async () => {
    await page.goto("/automation");
    await page.getByRole("button", { name: "New rule" }).click();
    const dialog = page.getByRole("dialog", { name: "New automation rule" });
    await dialog.waitFor();
    await dialog.getByLabel("Name", { exact: true }).fill(NAME);
    // The rule watches the administrator's own customer unless another account is chosen.
    await expect
      .poll(
        () => dialog.getByLabel("Watches the SIMs of").locator("option:checked").textContent(),
        { timeout: 15_000 },
      )
      .toBe("Savanna Trackers");
    await dialog
      .getByLabel("Trigger", { exact: true })
      .selectOption({ label: "A SIM changes state" });
    await dialog
      .getByRole("group", { name: /^To one of these states/ })
      .getByLabel("Deactivated")
      .check();
    await dialog.getByRole("button", { name: "Add a condition" }).click();
    const condition = dialog.getByRole("group", { name: "Condition 1" });
    await condition
      .getByLabel("Condition", { exact: true })
      .selectOption({ label: "The SIM has a rate plan" });
    await condition.getByLabel("Plan", { exact: true }).selectOption({ label: cat.rate.name });
    const action = dialog.getByRole("group", { name: "Action 1" });
    await action.getByLabel("Action", { exact: true }).selectOption({ label: "Open a case" });
    await action.getByLabel("Priority").selectOption({ label: "High" });
    await expect.poll(() => seriousA11yViolations(page), { timeout: 15_000 }).toEqual([]);
    await dialog.getByRole("button", { name: "Create the rule" }).click();
    await page.getByRole("status").getByText(`Rule “${NAME}” created.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);

    const row = page.locator("tr", { has: page.getByRole("link", { name: NAME }) });
    await expect
      .poll(() => row.textContent(), { timeout: 15_000 })
      .toMatch(/SIM changes state to DEACTIVATED/);
    expect(await row.textContent()).toMatch(/Open a case.*On.*Never fired/);
    const list = await t.api("GET", "/api/v1/automation-rules", { key: adminKey });
    const stored = list.body.items.find((r: { name: string }) => r.name === NAME);
    ruleId = stored.id;
    expect(stored).toMatchObject({
      enabled: true,
      trigger: { type: "sim_state_changed", to: ["DEACTIVATED"] },
      conditions: [{ type: "rate_plan", plan: cat.rate.id }],
      actions: [{ type: "open_case", priority: "high" }],
    });

    // Ready to fire: the SIM is deactivated, the rule opens a case, its page shows the firing.
    const patched = await t.api("PATCH", `/api/v1/sims/${iccid}`, {
      key: adminKey,
      body: { state: "DEACTIVATED" },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await row.getByRole("link", { name: NAME }).click();
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    const firing = page.locator("section[aria-labelledby=firings-title] tbody tr").first();
    await expect
      .poll(() => firing.textContent(), { timeout: 20_000 })
      .toMatch(/sim\.state_changed.*Done.*Open a case: done/);
    expect(await firing.getByRole("link", { name: iccid }).count()).toBe(1);
  });

  it("shows what Otter refuses on the action it names, with its code and the request id", async () => {
    await page.goto(`/automation/${ruleId}`);
    await page.getByRole("button", { name: "Edit the rule" }).click();
    const dialog = page.getByRole("dialog", { name: `Edit the rule “${NAME}”` });
    await dialog.waitFor();
    expect(await dialog.getByLabel("Name", { exact: true }).inputValue()).toBe(NAME);
    // A pool has no SIM: an action that changes a SIM cannot go with a pool trigger.
    await dialog
      .getByLabel("Trigger", { exact: true })
      .selectOption({ label: "A customer's pool crosses a threshold" });
    await dialog.getByLabel("Percent (1–1000)").fill("80");
    const action = dialog.getByRole("group", { name: "Action 1" });
    await action
      .getByLabel("Action", { exact: true })
      .selectOption({ label: "Change the SIM's state" });
    await dialog.getByRole("button", { name: "Save the changes" }).click();
    await dialog.getByRole("alert").waitFor();
    expect(await action.locator(".field-error").textContent()).toContain("ACTION_NEEDS_A_SIM");
    expect(await action.getAttribute("class")).toContain("has-error");
    const alert = await dialog.getByRole("alert").textContent();
    expect(alert).toMatch(/Request id: \S+/);
    expect(await dialog.locator(".field-problems").textContent()).toMatch(
      /Action 1: .*ACTION_NEEDS_A_SIM/,
    );
    await expect.poll(() => seriousA11yViolations(page), { timeout: 15_000 }).toEqual([]);

    // Escape closes the dialog; nothing was stored.
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(false);
    const unchanged = await t.api("GET", `/api/v1/automation-rules/${ruleId}`, { key: adminKey });
    expect(unchanged.body.trigger.type).toBe("sim_state_changed");
    expect(unchanged.body.actions).toEqual([{ type: "open_case", priority: "high" }]);
  });

  it("edits the rule: a new name and a silence trigger, shown on its page at once", async () => {
    await page.getByRole("button", { name: "Edit the rule" }).click();
    const dialog = page.getByRole("dialog", { name: `Edit the rule “${NAME}”` });
    await dialog.getByLabel("Name", { exact: true }).fill("Silent collars");
    await dialog
      .getByLabel("Trigger", { exact: true })
      .selectOption({ label: "A SIM falls silent (no data session)" });
    await dialog.getByLabel(/^Hours without a session/).fill("6");
    await dialog.getByRole("button", { name: "Save the changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Silent collars" }).waitFor();
    await page.getByRole("status").getByText("Changes saved.").waitFor();
    expect(await page.locator("dl.facts").textContent()).toContain("No data session for 6 h");
    const stored = await t.api("GET", `/api/v1/automation-rules/${ruleId}`, { key: adminKey });
    expect(stored.body).toMatchObject({
      name: "Silent collars",
      trigger: { type: "no_session", hours: 6 },
      conditions: [{ type: "rate_plan", plan: cat.rate.id }],
    });
  });

  it("offers a customer's plain user neither a new rule nor an edit", async () => {
    const other = await signedIn(browser, t, plainUser);
    await other.goto("/automation");
    await other.getByRole("link", { name: "Silent collars" }).click();
    await other.getByRole("heading", { level: 1, name: "Silent collars" }).waitFor();
    expect(await other.getByRole("button", { name: "Edit the rule" }).count()).toBe(0);
    await other.goto("/automation");
    await other.getByRole("link", { name: "Silent collars" }).waitFor();
    expect(await other.getByRole("button", { name: "New rule" }).count()).toBe(0);
    await other.context().close();
  });
});
