import dgram from "node:dgram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { luhnCheckDigit } from "../../src/lib/identifiers.js";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import {
  decodePacket,
  disconnectResponse,
  verifyDisconnectRequest,
} from "../../src/network/radius/index.js";
import { buildSim } from "../support/factories.js";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * The giraffe story clicked through: a collar in Kenya reports hourly, then its data session hangs
 * (open at the gateway, counters that never move). The agent opens the SIM, reads the diagnosis,
 * resets connectivity with a reason, and watches the page turn to "back online at …" once the
 * network shows new traffic — without reloading. The network is a real UDP gateway answering
 * Disconnect-Requests and accounting injected as the RADIUS server records it (test/network).
 */
describe("console: the giraffe story", () => {
  const SECRET = "gw-giraffe-secret";
  let t: TestOtter;
  let browser: Browser;
  let gateway: dgram.Socket;
  let clientId: string;
  const disconnects: Buffer[] = [];
  let n = 0;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter({}, { startWorkers: false }), launchBrowser()]);
    gateway = dgram.createSocket("udp4");
    gateway.on("message", (msg, rinfo) => {
      disconnects.push(msg);
      const p = decodePacket(msg);
      if (p.ok && verifyDisconnectRequest(msg, SECRET))
        gateway.send(disconnectResponse(p.value, SECRET, true), rinfo.port, rinfo.address);
    });
    await new Promise<void>((r) => gateway.bind(0, "127.0.0.1", () => r()));
    const client = await t.api("POST", "/api/v1/network/clients", {
      body: {
        name: "pgw-kenya",
        address: "127.0.0.1",
        secret: SECRET,
        coaPort: gateway.address().port,
      },
    });
    expect(client.status).toBe(201);
    clientId = client.body.id;
  });
  afterAll(async () => {
    gateway?.close();
    await browser?.close();
    await t?.close();
  });

  const acct = (
    r: Partial<AccountingInput> & Pick<AccountingInput, "status">,
  ): AccountingInput => ({
    clientId,
    dedupeKey: `G${n++}`,
    eventAt: t.clock.now(),
    nasIp: "127.0.0.1",
    record: {},
    ...r,
  });
  const record = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">) =>
    t.otter.services.signals.recordAccounting([acct(r)]);
  const kenya = { mcc: "639", mnc: "02" };

  it("search by IMSI → the SIM page says the session hangs → reset → back online, without a reload", async () => {
    // The catalog and the collar's SIM, in the operator's stock.
    const zone = (
      await t.api("POST", "/api/v1/zones", { body: { name: "Kenya", countries: ["KE"] } })
    ).body;
    const comm = await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: "Wildlife NB-IoT",
        apns: [{ name: "iot.otter" }],
        rats: ["NB-IoT", "LTE-M"],
        zones: [zone.id],
      },
    });
    const rate = await t.api("POST", "/api/v1/rate-plans", {
      body: {
        name: "Wildlife pooled",
        currency: "EUR",
        subscription: { monthlyFeePerSim: 1 },
        zones: [{ zone: zone.id, dataPerMB: 0.5 }],
      },
    });
    const sim = await buildSim(t, {
      state: "ACTIVATED",
      communicationPlan: comm.body.id,
      ratePlan: rate.body.id,
    });

    // Six hourly reports, then a session that opens and stays silent for five hours.
    await t.api("POST", "/api/v1/network/events", {
      body: {
        id: "giraffe-reg",
        type: "location_update",
        result: "accepted",
        imsi: sim.imsi,
        visitedPlmn: "63902",
        rat: "NB-IoT",
        at: t.clock.now().toISOString(),
      },
    });
    for (let h = 0; h < 6; h++) {
      const sessionId = `giraffe-${h}`;
      await record({
        status: "start",
        sessionId,
        imsi: sim.imsi,
        apn: "iot.otter",
        rat: "NB-IoT",
        serving: kenya,
      });
      t.clock.advance(120_000);
      await record({
        status: "stop",
        sessionId,
        imsi: sim.imsi,
        bytesUp: 400,
        bytesDown: 80,
        sessionTime: 120,
        serving: kenya,
      });
      t.clock.advance(3600_000 - 120_000);
    }
    await record({
      status: "start",
      sessionId: "giraffe-hung",
      imsi: sim.imsi,
      apn: "iot.otter",
      rat: "NB-IoT",
      framedIp: "10.64.0.7",
      serving: kenya,
    });
    for (let i = 1; i <= 10; i++) {
      t.clock.advance(30 * 60_000);
      await record({
        status: "interim",
        sessionId: "giraffe-hung",
        imsi: sim.imsi,
        bytesUp: 0,
        bytesDown: 0,
        sessionTime: i * 1800,
        serving: kenya,
      });
    }

    // The operator's support agent signs in.
    const agent = await person(t, t.rootAccountId, "operator_agent");
    const page = await signedIn(browser, t, agent);

    // The customer reads out the collar's IMSI: the agent types it into the search box and presses Enter.
    await page.getByRole("combobox", { name: "Search" }).fill(sim.imsi);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/sims/(${sim.imsi}|${sim.iccid})$`));
    await page.evaluate(() => {
      (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
    });
    await page.getByRole("heading", { level: 1, name: new RegExp(sim.iccid) }).waitFor();
    const diagnosis = page.getByRole("region", { name: "Diagnosis" });
    await expect.poll(() => diagnosis.textContent(), { timeout: 15_000 }).toMatch(/hung/);
    await expect.poll(() => diagnosis.textContent()).toMatch(/Data session/);
    await expect
      .poll(() => page.getByRole("region", { name: "Account and plans" }).textContent())
      .toContain("Wildlife NB-IoT");
    await expect
      .poll(() => page.getByRole("region", { name: "Connectivity" }).textContent())
      .toMatch(/Online|Attached|Offline/);
    await expect.poll(() => seriousA11yViolations(page), { timeout: 15_000 }).toEqual([]);
    await screenshot(page, "sim-page");

    // Reset, with a reason, from the diagnosis's recommendation.
    await diagnosis.getByRole("button", { name: "Reset connectivity" }).click();
    const dialog = page.getByRole("dialog", { name: /Reset connectivity/ });
    await dialog.getByLabel(/Reason/).fill("collar silent since its session hung");
    await dialog.getByRole("button", { name: "Request" }).click();
    const actions = page.getByRole("region", { name: "Remote actions" });
    await expect
      .poll(() => actions.getByRole("status").first().textContent(), { timeout: 15_000 })
      .toMatch(/Watching for the device until/);

    // The gateway tears the session down; five minutes later the collar re-attaches and reports.
    expect(await t.otter.services.networkActions.deliverDue()).toBeGreaterThanOrEqual(1);
    expect(verifyDisconnectRequest(disconnects.at(-1)!, SECRET)).toBe(true);
    t.clock.advance(5 * 60_000);
    await t.api("POST", "/api/v1/network/events", {
      body: {
        id: "giraffe-reattach",
        type: "location_update",
        result: "accepted",
        imsi: sim.imsi,
        visitedPlmn: "63902",
        rat: "NB-IoT",
        at: t.clock.now().toISOString(),
      },
    });
    await record({
      status: "start",
      sessionId: "giraffe-fresh",
      imsi: sim.imsi,
      apn: "iot.otter",
      rat: "NB-IoT",
      serving: kenya,
    });
    t.clock.advance(60_000);
    await record({
      status: "interim",
      sessionId: "giraffe-fresh",
      imsi: sim.imsi,
      bytesUp: 420,
      sessionTime: 60,
      serving: kenya,
    });
    expect(await t.otter.services.simActions.followUp()).toBe(1);

    await expect
      .poll(() => actions.getByRole("status").first().textContent(), { timeout: 15_000 })
      .toMatch(/Back online at/);
    await expect.poll(() => actions.textContent()).toMatch(/Disconnect|disconnect/);
    await screenshot(page, "sim-page-back-online");
    expect(
      await page.evaluate(
        () => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage,
      ),
    ).toBe(true);

    // The herd crosses into Tanzania next month: the agent moves the collar to a rate plan offered
    // to its customer from the page, with a reason; the plans shown change without a reload.
    await t.api("POST", "/api/v1/rate-plans", {
      body: {
        name: "Wildlife East Africa",
        currency: "EUR",
        subscription: { monthlyFeePerSim: 2 },
        zones: [{ zone: zone.id, dataPerMB: 0.4 }],
      },
    });
    await actions.getByRole("button", { name: "Change plan" }).click();
    const change = page.getByRole("dialog", { name: /Change plan/ });
    await change.getByLabel("Rate plan").selectOption({ label: "Wildlife East Africa" });
    await change.getByLabel(/Reason/).fill("herd moves to Tanzania in January");
    await change.getByRole("button", { name: /Request/ }).click();
    await expect
      .poll(() => page.getByRole("region", { name: "Account and plans" }).textContent())
      .toContain("Wildlife East Africa");

    // The agent deactivates the collar with a reason: only the allowed transitions are offered.
    const state = page.getByRole("region", { name: "State" });
    const target = state.getByLabel("Change state to");
    await expect
      .poll(() => target.locator("option").allTextContents())
      .toEqual(["Deactivated", "Retired", "Replaced"]);
    await target.selectOption("DEACTIVATED");
    await state.getByRole("button", { name: "Change state…" }).click();
    const confirm = page.getByRole("dialog", { name: /from Activated to Deactivated/ });
    await confirm.getByLabel(/Reason/).fill("collar recovered, herd moved to storage");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect
      .poll(() => state.getByRole("status").textContent())
      .toContain("The SIM is now Deactivated");
    await expect
      .poll(() => target.locator("option").allTextContents())
      .toEqual(["Activated", "Retired"]);

    // An unknown SIM shows the not-found page (another customer's SIM looks the same).
    await page.goto("/sims/89440000000000000000");
    await page.getByRole("heading", { level: 1, name: "Not found" }).waitFor();

    // A key that names two SIMs (a device IMEI both were seen in) lists both, each a link.
    const payload = "35209900176148";
    const imei = payload + luhnCheckDigit(payload);
    const [a, b] = [await buildSim(t, { imei }), await buildSim(t, { imei })];
    await page.goto(`/sims/${imei}`);
    await page.getByRole("heading", { level: 1, name: `Several SIMs match ${imei}` }).waitFor();
    expect(await page.getByRole("link", { name: a.iccid }).getAttribute("href")).toBe(
      `/sims/${a.iccid}`,
    );
    expect(await page.getByRole("link", { name: b.iccid }).getAttribute("href")).toBe(
      `/sims/${b.iccid}`,
    );
    await page.context().close();
  });
});
