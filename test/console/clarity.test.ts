import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addContact } from "../desk/desk-support.js";

/**
 * The reply editor's "Check": the findings marked in the draft with their messages, a suggestion
 * accepted in one click, a finding dismissed, and the reply sent anyway with those decisions.
 */
describe("console: the clarity check in the reply editor", () => {
  let t: TestOtter;
  let browser: Browser;
  let agent: Awaited<ReturnType<typeof person>>;
  let farmIccid: string;
  let zooId: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
    const zoo = await buildCustomer(t, { name: "Savanna Trackers", timeZone: "Africa/Nairobi" });
    const farm = await buildCustomer(t, { name: "Farm Sensors" });
    zooId = zoo.account.id;
    const cat = await buildCatalog(t);
    await offer(t, cat, farm.account.id);
    farmIccid = (
      await buildSim(t, {
        accountId: farm.account.id,
        communicationPlan: cat.comm.id,
        ratePlan: cat.rate.id,
      })
    ).iccid;
    agent = await person(t, t.rootAccountId, "operator_agent");
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openCase() {
    const k = await addContact(t, zooId, {
      name: "Wanjiru Kamau",
      email: `wanjiru.${Math.random().toString(36).slice(2)}@savanna.example`,
    });
    const res = await t.api("POST", "/api/v1/cases", {
      key: agent.key,
      body: { accountId: zooId, subject: "Collar 17 silent", contactIds: [k.id] },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function sentCheck(caseId: string) {
    const c = (await t.api("GET", `/api/v1/cases/${caseId}`, { key: agent.key })).body;
    const entry = c.timeline.find((e: { kind: string }) => e.kind === "email_out");
    return (
      await t.api("GET", `/api/v1/cases/${caseId}/replies/${entry.id}/clarity`, {
        key: agent.key,
      })
    ).body;
  }

  const findingsList = (page: Page) => page.getByRole("region", { name: "Clarity check" });

  it("shows the findings of a draft with their messages, dismisses one, and sends the reply anyway", async () => {
    const caseId = await openCase();
    const page = await signedIn(browser, t, agent);
    await page.goto(`/cases/${caseId}`);
    const editor = page.getByLabel("Message to the customer");
    await editor.fill(
      `Hello {{first_name}},\n\nSIM ${farmIccid} is back online.\n\nBest regards, the Otter desk`,
    );
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const region = findingsList(page);
    await region.waitFor();
    // Marked where they stand in the text, and listed with the rule and its plain message.
    await region.locator("mark", { hasText: "{{first_name}}" }).waitFor();
    await region.locator("mark", { hasText: farmIccid }).waitFor();
    const placeholder = region.locator('li[data-rule="unfilled_placeholder"]');
    expect(await placeholder.textContent()).toContain("Placeholder");
    const foreign = region.locator('li[data-rule="foreign_identifier"]');
    expect(await foreign.textContent()).toContain("Not this customer's");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "case-clarity-check");

    await foreign.getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => foreign.count()).toBe(0);
    await page.getByText("0 accepted, 1 dismissed").waitFor();

    // Editing the text makes the check stale; it never blocks sending.
    await editor.fill((await editor.inputValue()).replace("{{first_name}}", "Wanjiru"));
    await page.getByText(/The text changed since the check/).waitFor();
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("status").filter({ hasText: "Reply stored and" }).waitFor();

    const check = await sentCheck(caseId);
    expect(
      check.findings.map((f: { rule: string; decision: string }) => [f.rule, f.decision]),
    ).toEqual([["foreign_identifier", "dismissed"]]);
    await page.context().close();
  });

  it("accepts a suggestion in one click: it replaces its span in the draft", async () => {
    const caseId = await openCase();
    const page = await signedIn(browser, t, agent);
    await page.goto(`/cases/${caseId}`);
    const editor = page.getByLabel("Message to the customer");
    await editor.fill("Hello Wanjiru,\n\nwe will replace the collar tomorrow.\n\nThe Otter desk");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const date = findingsList(page).locator('li[data-rule="relative_date"]');
    await date.waitFor();
    await date.getByRole("button", { name: "Accept suggestion" }).click();
    await expect.poll(() => editor.inputValue()).not.toContain("tomorrow");
    await page.getByText("1 accepted, 0 dismissed").waitFor();
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("status").filter({ hasText: "Reply stored and" }).waitFor();
    const check = await sentCheck(caseId);
    expect(
      check.findings.filter((f: { decision: string }) => f.decision === "accepted"),
    ).toMatchObject([{ rule: "relative_date", text: "tomorrow" }]);
    await page.context().close();
  });
});
