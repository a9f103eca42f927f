import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCellLocations } from "./cell-locations.js";

const dir = mkdtempSync(join(tmpdir(), "otter-cells-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadCellLocations", () => {
  it("finds a cell of an OpenCelliD file", async () => {
    const file = join(dir, "cells.csv");
    writeFileSync(
      file,
      "radio,mcc,net,area,cell,unit,lon,lat,range\nLTE,240,07,1001,123456,0,18.06,59.33,500\n",
    );
    const cells = await loadCellLocations(file);
    expect(cells.find("240", "7", 1001, 123456)).toEqual({ lat: 59.33, lon: 18.06, range: 500 });
  });

  it("rejects a file that cannot be read, rather than throwing outside the caller", async () => {
    await expect(loadCellLocations(join(dir, "missing.csv"))).rejects.toThrow(/ENOENT/);
  });
});
