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
import { signIn } from "../support/signin.js";
import { startReceiver } from "../webhooks/receiver.js";

/**
 * Automation, webhooks and the profile in the console: a rule and a subscription made through the
 * API, a SIM state change that fires the rule and delivers the event to a real receiver, then what a
 * customer's administrator sees and does (replay, language, time zone, sessions).
 */
const SECRET = "whsec_console_automation_0123456789";

describe("console: automation, webhooks and the profile", () => {
  let t: TestOtter;
  let browser: Browser;
  let page: Page;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let iccid: string;
  let rule: { id: string; name: string };
  let sub: { id: string };
  let plainUser: Awaited<ReturnType<typeof person>>;
  let admin: Awaited<ReturnType<typeof person>>;

  beforeAll(async () => {
    [t, browser, receiver] = await Promise.all([
      startOtter(),
      launchBrowser(),
      startReceiver(SECRET),
    ]);
    const cat = await buildCatalog(t);
    const c = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    const sim = await buildSim(t, {
      accountId: c.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    iccid = sim.iccid;
    admin = await person(t, c.account.id, "customer_admin");
    plainUser = await person(t, c.account.id, "customer_user");
    const subRes = await t.api("POST", "/api/v1/webhooks", {
      key: c.adminKey,
      body: { url: receiver.url, events: ["sim.state_changed"], secret: SECRET },
    });
    expect(subRes.status, JSON.stringify(subRes.body)).toBe(201);
    sub = subRes.body;
    const ruleRes = await t.api("POST", "/api/v1/automation-rules", {
      key: c.adminKey,
      body: {
        name: "Deactivated SIMs call the ERP",
        trigger: { type: "sim_state_changed", to: ["DEACTIVATED"] },
        actions: [{ type: "webhook" }],
      },
    });
    expect(ruleRes.status, JSON.stringify(ruleRes.body)).toBe(201);
    rule = ruleRes.body;
    const patched = await t.api("PATCH", `/api/v1/sims/${iccid}`, {
      key: c.adminKey,
      body: { state: "DEACTIVATED" },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    page = await signedIn(browser, t, admin);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await t?.close();
  });

  it("lists the rule and its firing, with a link to the SIM", async () => {
    // The workers fire the rule and deliver the event.
    await expect
      .poll(
        async () =>
          (await t.api("GET", `/api/v1/automation-rules/${rule.id}/firings`)).body.items[0]?.status,
        { timeout: 15_000 },
      )
      .toBe("done");
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    await page.getByRole("link", { name: "Automation" }).click();
    const link = page.getByRole("link", { name: rule.name });
    await link.waitFor();
    await expect.poll(() => page.locator("tbody tr").first().textContent()).toMatch(/Done/);
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await link.click();
    await page.getByRole("heading", { level: 1, name: rule.name }).waitFor();
    const simLink = page.getByRole("link", { name: iccid });
    await simLink.waitFor();
    expect(await simLink.getAttribute("href")).toBe(`/sims/${iccid}`);
    expect(await page.locator("tbody tr").first().textContent()).toMatch(
      /sim\.state_changed.*Done/,
    );
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "automation");

    // Disable, then enable again: the rule says so without a reload.
    await page.getByRole("button", { name: "Disable the rule" }).click();
    await page.getByRole("button", { name: "Enable the rule" }).waitFor();
    expect((await t.api("GET", `/api/v1/automation-rules/${rule.id}`)).body.enabled).toBe(false);
    await page.getByRole("button", { name: "Enable the rule" }).click();
    await page.getByRole("button", { name: "Disable the rule" }).waitFor();
  });

  it("lists the delivery, and replay sends it to the receiver again", async () => {
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("link", { name: receiver.url, exact: true }).waitFor();
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);

    // A new subscription from the form: its signing secret shows once.
    await page.getByLabel("URL", { exact: true }).fill(`${receiver.url}?second`);
    await page.getByLabel("sim.created").check();
    await page.getByRole("button", { name: "Create the subscription" }).click();
    const secret = page.getByLabel("Signing secret");
    await secret.waitFor();
    expect(await secret.inputValue()).toMatch(/^whsec_[0-9a-f]{48}$/);
    await page.getByRole("link", { name: `${receiver.url}?second` }).waitFor();
    const list = await t.api("GET", "/api/v1/webhooks");
    expect(list.body.items.map((s: { url: string }) => s.url)).toContain(`${receiver.url}?second`);

    await page.getByRole("link", { name: receiver.url, exact: true }).click();
    const row = page.locator("tbody tr[data-delivery]").first();
    await expect.poll(() => row.textContent()).toMatch(/sim\.state_changed.*Delivered.*200/);
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("button", { name: /^Replay sim\.state_changed/ }).click();
    const dialog = page.getByRole("dialog", { name: "Send this event again?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Replay" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]!.json.id).toBe(receiver.received[0]!.json.id);
    expect(receiver.received[1]!.signatureValid).toBe(true);
    // The page follows the new attempt: two attempts, delivered.
    await expect
      .poll(() => row.locator("summary").textContent(), { timeout: 15_000 })
      .toMatch(/^2/);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/Delivered/);
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "webhook");
    expect(sub.id).toBeTruthy();
  });

  it("lists the sessions (current one marked), ends another, and switches language and time zone without a reload", async () => {
    // The same person signed in on another device too.
    const elsewhere = await signIn(t, admin.email, admin.password);
    await page.getByRole("link", { name: /Signed in as/ }).click();
    await page.getByRole("heading", { level: 1, name: "Your profile" }).waitFor();
    const current = page.locator("tr.current");
    await current.waitFor();
    expect(await current.textContent()).toContain("This session");
    const rows = page.locator("table.sessions tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole("button", { name: /^End session/ }).click();
    const dialog = page.getByRole("dialog", { name: "End this session?" });
    await dialog.getByRole("button", { name: "End session" }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    const gone = await fetch(`${t.url}/api/v1/users/me`, { headers: { cookie: elsewhere.cookie } });
    expect(gone.status).toBe(401);
    const started = current.locator("time.started");
    const before = await started.textContent();
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);

    // Nothing reloads: a marker on window survives the switch.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByLabel("Time zone", { exact: true }).selectOption("Asia/Tokyo");
    await page.getByLabel("Language", { exact: true }).selectOption("it");
    await page.getByRole("button", { name: "Save" }).click();
    const nav = page.getByRole("navigation", { name: "Menu principale" });
    await nav.getByRole("link", { name: "Casi" }).waitFor();
    await page.getByRole("heading", { level: 1, name: "Il tuo profilo" }).waitFor();
    await expect.poll(() => started.textContent()).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await current.textContent()).toContain("Questa sessione");
    const me = await page.request.get("/api/v1/users/me");
    expect(await me.json()).toMatchObject({ language: "it", timeZone: "Asia/Tokyo" });
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "profile");
  });

  it("shows a customer's plain user the rule and the deliveries without the buttons to change them", async () => {
    const other = await signedIn(browser, t, plainUser);
    await other.goto(`/webhooks/${sub.id}`);
    await other.locator("tbody tr[data-delivery]").first().waitFor();
    expect(await other.getByRole("button", { name: /^Replay/ }).count()).toBe(0);
    expect(await other.getByRole("button", { name: "Pause" }).count()).toBe(0);
    await other.goto(`/automation/${rule.id}`);
    await other.getByRole("link", { name: iccid }).waitFor();
    expect(await other.getByRole("button", { name: /the rule$/ }).count()).toBe(0);
    await other.context().close();
  });
});
