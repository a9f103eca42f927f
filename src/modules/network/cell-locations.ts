import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";

/**
 * Cell coordinates from a CSV in the OpenCelliD format
 * (radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal).
 * Keyed by MCC, MNC, area (LAC or TAC) and cell (CI, or the 28-bit ECI for LTE).
 */
export interface CellLocations {
  find(
    mcc: string,
    mnc: string,
    area: number | undefined,
    cell: number | undefined,
  ): { lat: number; lon: number; range: number | null } | null;
  size: number;
}

export const noCellLocations: CellLocations = { find: () => null, size: 0 };

export async function loadCellLocations(path: string): Promise<CellLocations> {
  const map = new Map<string, { lat: number; lon: number; range: number | null }>();
  const parser = parse({
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  // pipeline, not pipe: a file that cannot be read fails the loop below (and so the start, naming the
  // file) instead of escaping as an uncaught stream error.
  pipeline(createReadStream(path), parser, () => {});
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    const lat = Number(row.lat);
    const lon = Number(row.lon);
    if (
      !row.mcc ||
      !row.net ||
      !row.area ||
      !row.cell ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon)
    )
      continue;
    map.set(key(row.mcc, row.net, Number(row.area), Number(row.cell)), {
      lat,
      lon,
      range: row.range ? Number(row.range) : null,
    });
  }
  return {
    size: map.size,
    find: (mcc, mnc, area, cell) =>
      area === undefined || cell === undefined
        ? null
        : (map.get(key(mcc, mnc, area, cell)) ?? null),
  };
}

// OpenCelliD writes the MNC as a number ("1" for "01"), so the key does too.
const key = (mcc: string, mnc: string, area: number, cell: number) =>
  `${Number(mcc)}-${Number(mnc)}-${area}-${cell}`;
