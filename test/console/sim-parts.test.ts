import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

describe("console: the SIM's usage, locations, timeline and audit trail", () => {
  let t: TestOtter;
  let browser: Browser;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "otter-console-cells-"));
    const csv = join(dir, "cells.csv");
    writeFileSync(
      csv,
      [
        "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal",
        "LTE,208,1,4660,1193046,0,2.3522,48.8566,500,3,1,1459692000,1700000000,0",
      ].join("\n"),
    );
    [t, browser] = await Promise.all([
      startOtter({ OTTER_CELL_LOCATIONS_CSV: csv }, { startWorkers: false }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows usage per day and zone, the places seen, what happened and who changed what", async () => {
    // The plans exist from before the traffic, so its days are priced in their zones.
    t.clock.set("2026-02-20T09:00:00Z");
    const cat = await buildCatalog(t);
    const c = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    const sim = await buildSim(t, {
      accountId: c.account.id,
      state: "ACTIVATION_READY",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const clientId = (
      await t.api("POST", "/api/v1/network/clients", {
        body: { name: "pgw-parts", address: "127.0.0.1", secret: "s3cret-pgw" },
      })
    ).body.id;
    t.clock.set("2026-03-01T09:00:00Z");
    // Two days of traffic (the test clock is 2026-03-01 09:00 UTC): in France, in a cell the
    // cell-location file knows, then in Kenya (a network outside the rate plan's zones).
    const base = { clientId, record: {}, imsi: sim.imsi, apn: "iot.otter.example" };
    await t.otter.services.signals.recordAccounting([
      {
        ...base,
        status: "start",
        dedupeKey: "fr-start",
        eventAt: new Date("2026-02-27T10:00:00Z"),
        sessionId: "fr-1",
        serving: { mcc: "208", mnc: "01" },
        location: { tac: 4660, eci: 1193046 },
      },
    ]);
    await t.otter.services.signals.recordAccounting([
      {
        ...base,
        status: "stop",
        dedupeKey: "fr-stop",
        eventAt: new Date("2026-02-27T11:00:00Z"),
        sessionId: "fr-1",
        bytesUp: 3_500,
        bytesDown: 9_500,
        sessionTime: 3600,
        terminateCause: "User-Request",
        serving: { mcc: "208", mnc: "01" },
        location: { tac: 4660, eci: 1193046 },
      },
      {
        ...base,
        status: "stop",
        dedupeKey: "ke-stop",
        eventAt: new Date("2026-03-01T08:00:00Z"),
        sessionId: "ke-1",
        bytesUp: 1_000,
        bytesDown: 1_000,
        sessionTime: 600,
        serving: { mcc: "639", mnc: "02" },
      },
    ]);
    const reg = await t.api("POST", "/api/v1/network/events", {
      body: {
        id: "lu-ke-1",
        type: "location_update",
        result: "accepted",
        imsi: sim.imsi,
        visitedPlmn: "63902",
        at: "2026-03-01T07:55:00Z",
      },
    });
    expect(reg.status).toBeLessThan(300);
    const action = await t.api("POST", `/api/v1/sims/${sim.iccid}/actions`, {
      body: { type: "override-limit", reason: "roaming trial in Kenya", override: "DEFAULT" },
    });
    expect(action.status).toBe(202);

    const agent = await person(t, c.account.id, "customer_admin");
    const page = await signedIn(browser, t, agent, { timezoneId: "UTC" });
    await page.clock.setFixedTime(new Date("2026-03-01T12:00:00Z"));
    await page.goto(`/sims/${sim.iccid}`);

    // Usage: the chart is an image with a summary, and its table has the bytes per zone per day.
    const canvas = page.locator('canvas[role="img"]');
    await canvas.waitFor();
    expect(await canvas.getAttribute("aria-label")).toMatch(/15 kB in all/);
    await page.getByText("Usage per day and zone (table)").click();
    const usage = page.locator(".usage-table table");
    const zoneHeaders = await usage.getByRole("columnheader").allTextContents();
    expect(zoneHeaders).toEqual(["Day", cat.home.name, "Outside the plan's zones", "Total"]);
    const rows = await usage
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual([
      ["27 Feb 2026", "13 kB", "0 B", "13 kB"],
      ["1 Mar 2026", "0 B", "2 kB", "2 kB"],
    ]);

    // Locations: Kenya (country from the MCC) and France with the cell's coordinates, on the map.
    const places = page.locator(".location-list li");
    await expect
      .poll(() => places.allTextContents())
      .toEqual([
        expect.stringMatching(/^Kenya.*Safaricom \(639-02\)/),
        expect.stringMatching(
          /^France.*Orange \(208-01\).*cell 4660\/1193046.*at 48\.8566, 2\.3522/,
        ),
      ]);
    const map = page.locator('svg[role="img"]');
    await map.waitFor();
    expect(await map.getAttribute("aria-label")).toMatch(/Kenya, France/);
    expect(await map.locator("path.visited").count()).toBe(2);
    expect(await map.locator("circle.cell").count()).toBe(1);

    // Timeline: sessions, the registration, the action and the state change, newest first.
    const timeline = page.locator(".sim-timeline li");
    await expect.poll(() => timeline.count()).toBeGreaterThanOrEqual(5);
    const lines = await timeline.allTextContents();
    expect(lines.join("\n")).toMatch(
      /Action.*override limit requested by .*roaming trial in Kenya/,
    );
    expect(lines.join("\n")).toMatch(/Registration.*Location update accepted in 63902/);
    expect(lines.join("\n")).toMatch(
      /1 Mar 2026.*Session.*Data session on iot\.otter\.example \(639-02\): 2 kB/,
    );
    expect(lines.join("\n")).toMatch(/Change.*State changed from ACTIVATION_READY to ACTIVATED/);
    expect(lines.at(-1)).toMatch(
      /27 Feb 2026, 10:00.*Data session on iot\.otter\.example \(208-01\): 13 kB/,
    );

    // Audit trail: who, when, field, from → to, reason.
    const audit = page.locator(".audit-table tbody tr");
    await expect
      .poll(() => audit.allTextContents())
      .toContainEqual(
        expect.stringMatching(/system.*state.*ACTIVATION_READY → ACTIVATED.*first data session/),
      );

    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "sim-parts");
    await page.context().close();
  });
});
