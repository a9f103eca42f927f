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
  });
});
