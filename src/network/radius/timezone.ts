/**
 * 3GPP-MS-TimeZone (TS 29.061, value as in TS 24.008 §10.5.3.8): octet 1 is the offset from UTC in
 * quarter hours as two swapped BCD digits, bit 0x08 meaning west of UTC; octet 2 is the daylight
 * saving adjustment in hours (0–2). Per TS 29.274 §8.44 the offset already includes the DST hours:
 * `8001` is UTC+2 in summer time (of which 1 h DST), `4000` is UTC+1 without DST.
 */
import { fail, ok, type Result } from "./result.js";

export interface MsTimeZone {
  /** Local time minus UTC, DST included. */
  offsetMinutes: number;
  dstHours: 0 | 1 | 2;
}

/** UTC−12:00 … UTC+14:00 exist; a little slack for odd clocks. */
const MAX_QUARTERS = 14 * 4;

export function decodeMsTimeZone(b: Buffer): Result<MsTimeZone, "time-zone"> {
  if (b.length !== 2) return fail("time-zone", `MS-TimeZone is 2 octets, got ${b.length}`);
  const tz = b[0]!;
  const tens = tz & 0x07;
  const units = tz >> 4;
  const dst = (b[1]! & 0x03) as 0 | 1 | 2 | 3;
  if (units > 9) return fail("time-zone", `MS-TimeZone ${b.toString("hex")} is not BCD`);
  const quarters = tens * 10 + units;
  if (quarters > MAX_QUARTERS)
    return fail("time-zone", `MS-TimeZone ${b.toString("hex")} is more than 14 h from UTC`);
  if (dst === 3)
    return fail("time-zone", `MS-TimeZone ${b.toString("hex")} has the reserved DST value 3`);
  return ok({ offsetMinutes: (tz & 0x08 ? -quarters : quarters) * 15 || 0, dstHours: dst });
}

export function encodeMsTimeZone(tz: MsTimeZone): Buffer {
  const quarters = tz.offsetMinutes / 15;
  if (!Number.isInteger(quarters) || Math.abs(quarters) > MAX_QUARTERS)
    throw new RangeError(
      `time zone offset must be whole quarter hours within ±14 h, got ${tz.offsetMinutes} min`,
    );
  if (![0, 1, 2].includes(tz.dstHours))
    throw new RangeError(`DST must be 0, 1 or 2 hours, got ${tz.dstHours}`);
  const q = Math.abs(quarters);
  return Buffer.from([
    ((q % 10) << 4) | (quarters < 0 ? 0x08 : 0) | Math.floor(q / 10),
    tz.dstHours,
  ]);
}
