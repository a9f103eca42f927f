/**
 * 3GPP-User-Location-Info (TS 29.061 §16.4.7: Geographic Location Type + Geographic Location; types
 * 0–2 in the TS 29.060 layout, 128+ in the TS 29.274 layout) and PLMN BCD (TS 24.008 §10.5.1.3).
 * Decoding never throws; encoders throw RangeError on values that cannot be encoded.
 *
 * @example
 * decodeUserLocationInfo(Buffer.from("8202f810000102f8100001020f", "hex"))
 * // → { ok: true, value: { type: 130, typeName: "TAI+ECGI", mcc: "208", mnc: "01", tac: 1, eci: 66063, enbId: 258, cellId: 15, raw: "82…" } }
 */
import { fail, ok, type Result } from "./result.js";

export interface Plmn {
  mcc: string;
  /** Two or three digits; "01" and "001" are different networks. */
  mnc: string;
}

export const ULI_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: "CGI",
  1: "SAI",
  2: "RAI",
  128: "TAI",
  129: "ECGI",
  130: "TAI+ECGI",
  131: "eNodeB-ID",
  132: "TAI+eNodeB-ID",
  133: "extended-eNodeB-ID",
  134: "TAI+extended-eNodeB-ID",
  135: "NCGI",
  136: "5GS-TAI",
  137: "5GS-TAI+NCGI",
  138: "NG-RAN-Node-ID",
  139: "5GS-TAI+NG-RAN-Node-ID",
};

export interface UserLocation {
  type: number;
  typeName: string;
  /** Absent only for the 5G types, which are kept raw. For TAI+ECGI/eNodeB, the TAI's PLMN. */
  mcc?: string;
  mnc?: string;
  lac?: number;
  ci?: number;
  sac?: number;
  rac?: number;
  tac?: number;
  /** E-UTRAN Cell Identifier, 28 bits = eNB ID (20) << 8 | cell ID (8). */
  eci?: number;
  enbId?: number;
  /** Width of `enbId`: 20 (macro), 21 (long macro) or 18 (short macro). */
  enbIdBits?: 18 | 20 | 21;
  /** Low 8 bits of the ECI. */
  cellId?: number;
  /** The whole attribute value (type octet included) in lower-case hex. */
  raw: string;
}

export type UliFailure = "empty" | "unknown-type" | "length" | "plmn";

export function decodePlmn(b: Buffer): Result<Plmn, "plmn"> {
  if (b.length !== 3) return fail("plmn", `a PLMN is 3 octets, got ${b.length}`);
  const [o1, o2, o3] = [b[0]!, b[1]!, b[2]!];
  const nib = [o1 & 0x0f, o1 >> 4, o2 & 0x0f, o3 & 0x0f, o3 >> 4];
  const mnc3 = o2 >> 4;
  if (nib.some((d) => d > 9) || (mnc3 > 9 && mnc3 !== 0x0f))
    return fail("plmn", `PLMN ${b.toString("hex")} is not BCD MCC/MNC`);
  const [m1, m2, m3, n1, n2] = nib;
  return ok({ mcc: `${m1}${m2}${m3}`, mnc: mnc3 === 0x0f ? `${n1}${n2}` : `${n1}${n2}${mnc3}` });
}

export function encodePlmn(p: Plmn): Buffer {
  if (!/^[0-9]{3}$/.test(p.mcc) || !/^[0-9]{2,3}$/.test(p.mnc))
    throw new RangeError(`not an MCC/MNC: ${p.mcc}/${p.mnc}`);
  const d = (s: string, i: number) => Number(s[i]);
  const mnc3 = p.mnc.length === 3 ? d(p.mnc, 2) : 0x0f;
  return Buffer.from([
    (d(p.mcc, 1) << 4) | d(p.mcc, 0),
    (mnc3 << 4) | d(p.mcc, 2),
    (d(p.mnc, 1) << 4) | d(p.mnc, 0),
  ]);
}

/** Parses "MCCMNC" text as in 3GPP-IMSI-MCC-MNC / 3GPP-SGSN-MCC-MNC ("20801", "310170"). */
export function parsePlmnText(s: string): Plmn | null {
  if (!/^[0-9]{5,6}$/.test(s)) return null;
  return { mcc: s.slice(0, 3), mnc: s.slice(3) };
}

/** Body length after the type octet, per type. */
const BODY_LENGTH: Readonly<Record<number, number>> = {
  0: 7,
  1: 7,
  2: 7,
  128: 5,
  129: 7,
  130: 12,
  131: 6,
  132: 11,
  133: 6,
  134: 11,
};

export function decodeUserLocationInfo(buf: Buffer): Result<UserLocation, UliFailure> {
  const type = buf[0];
  if (type === undefined) return fail("empty", "User-Location-Info is empty");
  const typeName = ULI_TYPE_NAMES[type];
  if (typeName === undefined)
    return fail("unknown-type", `unknown User-Location-Info type ${type}`);
  const raw = buf.toString("hex");
  if (type >= 135) return ok({ type, typeName, raw });
  const body = buf.subarray(1);
  const want = BODY_LENGTH[type]!;
  if (body.length !== want)
    return fail(
      "length",
      `User-Location-Info type ${typeName} has ${body.length} octets after the type, expected ${want}`,
    );
  const plmn = decodePlmn(body.subarray(0, 3));
  if (!plmn.ok) return plmn;
  const loc: UserLocation = { type, typeName, mcc: plmn.value.mcc, mnc: plmn.value.mnc, raw };
  const u16 = (at: number) => body.readUInt16BE(at);
  switch (type) {
    case 0:
      return ok({ ...loc, lac: u16(3), ci: u16(5) });
    case 1:
      return ok({ ...loc, lac: u16(3), sac: u16(5) });
    case 2: {
      const rac = routingAreaCode(body[5]!, body[6]!);
      return ok(rac === undefined ? { ...loc, lac: u16(3) } : { ...loc, lac: u16(3), rac });
    }
    case 128:
      return ok({ ...loc, tac: u16(3) });
    case 129:
      return ok({ ...loc, ...ecgi(body.subarray(3)) });
    case 130: {
      const second = decodePlmn(body.subarray(5, 8));
      if (!second.ok) return second;
      return ok({ ...loc, tac: u16(3), ...ecgi(body.subarray(8)) });
    }
    case 131:
      return ok({ ...loc, ...macroEnb(body.subarray(3)) });
    case 132: {
      const second = decodePlmn(body.subarray(5, 8));
      if (!second.ok) return second;
      return ok({ ...loc, tac: u16(3), ...macroEnb(body.subarray(8)) });
    }
    case 133:
      return ok({ ...loc, ...extendedEnb(body.subarray(3)) });
    default: {
      // 134
      const second = decodePlmn(body.subarray(5, 8));
      if (!second.ok) return second;
      return ok({ ...loc, tac: u16(3), ...extendedEnb(body.subarray(8)) });
    }
  }
}

/**
 * The RAI's RAC is one octet but arrives in two: `RAC FF` (TS 29.274 layout, what tshark shows as
 * 0x05ff) or `00 RAC` (ergw's RAC:16). Anything else is ambiguous and left out.
 */
function routingAreaCode(hi: number, lo: number): number | undefined {
  if (lo === 0xff) return hi;
  if (hi === 0x00) return lo;
  return undefined;
}

function ecgi(b: Buffer) {
  const eci = b.readUInt32BE(0) & 0x0fffffff;
  return { eci, enbId: eci >>> 8, enbIdBits: 20 as const, cellId: eci & 0xff };
}

function macroEnb(b: Buffer) {
  return { enbId: ((b[0]! & 0x0f) << 16) | b.readUInt16BE(1), enbIdBits: 20 as const };
}

/** TS 29.274 §8.21.8: SMeNB flag set → 18-bit short macro eNB ID, else 21-bit long macro. */
function extendedEnb(b: Buffer) {
  const short = (b[0]! & 0x80) !== 0;
  const high = short ? b[0]! & 0x03 : b[0]! & 0x1f;
  return {
    enbId: (high << 16) | b.readUInt16BE(1),
    enbIdBits: short ? (18 as const) : (21 as const),
  };
}

/** What the simulator sends; the fields each type needs are checked. */
export type UserLocationInput = Omit<UserLocation, "typeName" | "raw" | "mcc" | "mnc"> & {
  mcc?: string;
  mnc?: string;
  /** Required for the 5G types (135–139): the whole value as hex, type octet included. */
  raw?: string;
};

export function encodeUserLocationInfo(loc: UserLocationInput): Buffer {
  const { type } = loc;
  if (type >= 135 && type <= 139) {
    if (
      loc.raw === undefined ||
      !/^([0-9a-f]{2})+$/i.test(loc.raw) ||
      parseInt(loc.raw.slice(0, 2), 16) !== type
    )
      throw new RangeError(
        `User-Location-Info type ${type} needs its raw hex value, starting with the type`,
      );
    return Buffer.from(loc.raw, "hex");
  }
  if (ULI_TYPE_NAMES[type] === undefined)
    throw new RangeError(`unknown User-Location-Info type ${type}`);
  const plmn = encodePlmn({ mcc: need(loc.mcc, "mcc"), mnc: need(loc.mnc, "mnc") });
  const u16 = (n: number | undefined, name: string) => {
    const v = need(n, name);
    if (!Number.isInteger(v) || v < 0 || v > 0xffff)
      throw new RangeError(`${name} must be 0..65535, got ${v}`);
    const b = Buffer.alloc(2);
    b.writeUInt16BE(v);
    return b;
  };
  const eciBytes = () => {
    const eci = need(loc.eci, "eci");
    if (!Number.isInteger(eci) || eci < 0 || eci > 0x0fffffff)
      throw new RangeError(`eci must be 28 bits, got ${eci}`);
    const b = Buffer.alloc(4);
    b.writeUInt32BE(eci);
    return b;
  };
  const enbBytes = (extended: boolean) => {
    const id = need(loc.enbId, "enbId");
    const bits = extended ? (loc.enbIdBits ?? 21) : 20;
    if (extended && bits !== 18 && bits !== 21)
      throw new RangeError(`extended eNodeB ID is 18 or 21 bits, got ${bits}`);
    if (!Number.isInteger(id) || id < 0 || id >= 2 ** bits)
      throw new RangeError(`enbId must fit ${bits} bits, got ${id}`);
    return Buffer.from([
      (id >>> 16) | (extended && bits === 18 ? 0x80 : 0),
      (id >>> 8) & 0xff,
      id & 0xff,
    ]);
  };
  const tai = () => Buffer.concat([plmn, u16(loc.tac, "tac")]);
  const racBytes = () => {
    const rac = need(loc.rac, "rac");
    if (!Number.isInteger(rac) || rac < 0 || rac > 0xff)
      throw new RangeError(`rac must be 0..255, got ${rac}`);
    return Buffer.from([rac, 0xff]);
  };
  const body: Record<number, () => Buffer[]> = {
    0: () => [plmn, u16(loc.lac, "lac"), u16(loc.ci, "ci")],
    1: () => [plmn, u16(loc.lac, "lac"), u16(loc.sac, "sac")],
    2: () => [plmn, u16(loc.lac, "lac"), racBytes()],
    128: () => [tai()],
    129: () => [plmn, eciBytes()],
    130: () => [tai(), plmn, eciBytes()],
    131: () => [plmn, enbBytes(false)],
    132: () => [tai(), plmn, enbBytes(false)],
    133: () => [plmn, enbBytes(true)],
    134: () => [tai(), plmn, enbBytes(true)],
  };
  return Buffer.concat([Buffer.from([type]), ...body[type]!()]);
}

function need<T>(v: T | undefined, name: string): T {
  if (v === undefined) throw new RangeError(`User-Location-Info needs ${name}`);
  return v;
}
