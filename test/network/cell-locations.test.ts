import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "otter-cells-"));
  const csv = join(dir, "cells.csv");
  writeFileSync(
    csv,
    [
      "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal",
      "LTE,639,2,2923,31604753,0,36.8219,-1.2921,1000,12,1,1459692000,1700000000,0",
      "GSM,208,1,4660,13,0,2.3522,48.8566,500,3,1,1459692000,1700000000,0",
    ].join("\n"),
  );
  t = await startOtter({ OTTER_CELL_LOCATIONS_CSV: csv }, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

describe("cell locations (OpenCelliD format)", () => {
  it("shows the coordinates of the cell a SIM was last seen in", async () => {
    const client = (
      await t.api("POST", "/api/v1/network/clients", {
        body: { name: "pgw-cells", address: "127.0.0.1", secret: "cells-secret" },
      })
    ).body.id;
    const sim = await buildSim(t, { state: "ACTIVATED" });
    await t.otter.services.signals.recordAccounting([
      {
        clientId: client,
        status: "start",
        dedupeKey: "cell-1",
        eventAt: t.clock.now(),
        sessionId: "c-1",
        imsi: sim.imsi,
        record: {},
        serving: { mcc: "639", mnc: "02" },
        location: { type: 130, mcc: "639", mnc: "02", tac: 2923, eci: 31604753 },
      },
    ]);
    const conn = await t.api("GET", `/api/v1/sims/${sim.iccid}/connectivity`);
    expect(conn.body.location).toMatchObject({
      country: "KE",
      tac: 2923,
      eci: 31604753,
      lat: -1.2921,
      lon: 36.8219,
    });
    const locations = await t.api("GET", `/api/v1/sims/${sim.iccid}/locations`);
    expect(locations.body.items).toEqual([
      expect.objectContaining({
        mcc: "639",
        mnc: "02",
        country: "KE",
        countryName: "Kenya",
        area: 2923,
        cell: 31604753,
        lat: -1.2921,
        lon: 36.8219,
      }),
    ]);
  });

  it("lists the networks of registrations without a cell by country only, newest first", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    for (const [id, plmn, at] of [
      ["lu-se", "24007", "2026-02-28T10:00:00Z"],
      ["lu-it", "22201", "2026-02-28T12:00:00Z"],
      ["lu-se-2", "24007", "2026-02-28T08:00:00Z"],
    ] as const)
      await t.api("POST", "/api/v1/network/events", {
        body: {
          id,
          type: "location_update",
          result: "accepted",
          imsi: sim.imsi,
          visitedPlmn: plmn,
          at,
        },
      });
    const locations = await t.api("GET", `/api/v1/sims/${sim.iccid}/locations`);
    expect(locations.body.items).toEqual([
      expect.objectContaining({
        country: "IT",
        cell: null,
        lat: null,
        lastSeen: "2026-02-28T12:00:00.000Z",
      }),
      expect.objectContaining({
        country: "SE",
        firstSeen: "2026-02-28T08:00:00.000Z",
        lastSeen: "2026-02-28T10:00:00.000Z",
      }),
    ]);
  });
});
