import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createThrottle } from "../../src/modules/controlcenter/cc-throttle.js";
import {
  formatCcDate,
  numericCandidate,
  parseCcDate,
  parseCcStatus,
  parseFields,
  parsePaging,
} from "../../src/modules/controlcenter/cc-wire.js";
import { CcError } from "../../src/modules/controlcenter/controlcenter.errors.js";
import { newId } from "../../src/lib/ids.js";

const instant = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2200-01-01T00:00:00Z"),
  noInvalidDate: true,
});

describe("Control Center wire format (pure)", () => {
  it("writes dates as Control Center does and reads every form clients send back to the same instant", () => {
    expect(formatCcDate(new Date("2016-06-29T00:21:33.339Z"))).toBe("2016-06-29 00:21:33.339+0000");
    fc.assert(
      fc.property(instant, fc.integer({ min: -12 * 60, max: 14 * 60 }), (d, offsetMin) => {
        const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
        const iso = whole.toISOString().replace(/\.\d{3}Z$/, "");
        expect(parseCcDate(`${iso}Z`)?.getTime()).toBe(whole.getTime());
        expect(parseCcDate(`${iso}+00:00`)?.getTime()).toBe(whole.getTime());
        // An unencoded "+" arrives as a space.
        expect(parseCcDate(`${iso} 00:00`)?.getTime()).toBe(whole.getTime());
        expect(parseCcDate(formatCcDate(d)!)?.getTime()).toBe(d.getTime());
        // The same instant written in another offset.
        const local = new Date(whole.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
        const sign = offsetMin < 0 ? "-" : "+";
        const abs = Math.abs(offsetMin);
        const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
        expect(parseCcDate(`${local}${off}`)?.getTime()).toBe(whole.getTime());
      }),
    );
    expect(parseCcDate("2016-11-10Z")?.toISOString()).toBe("2016-11-10T00:00:00.000Z");
    for (const bad of [
      "yesterday",
      "2016-02-30T00:00:00Z",
      "2016-13-01",
      "2016-04-18T25:00:00Z",
      "",
    ])
      expect(parseCcDate(bad), bad).toBeNull();
  });

  it("never throws on arbitrary text: a date or null", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const d = parseCcDate(s);
        expect(d === null || !Number.isNaN(d.getTime())).toBe(true);
      }),
    );
  });

  it("pages: pageSize above 50 counts as 50, malformed values are 10000006 / 10000007", () => {
    expect(parsePaging({})).toEqual({ pageSize: 50, pageNumber: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e8 }), fc.integer({ min: 1, max: 1e8 }), (size, n) => {
        const p = parsePaging({ pageSize: String(size), pageNumber: String(n) });
        expect(p.pageSize).toBe(Math.min(size, 50));
        expect(p.pageNumber).toBe(n);
      }),
    );
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as CcError).errorCode;
      }
      return null;
    };
    expect(code(() => parsePaging({ pageSize: "0" }))).toBe("10000006");
    expect(code(() => parsePaging({ pageSize: "-3" }))).toBe("10000006");
    expect(code(() => parsePaging({ pageNumber: "1.5" }))).toBe("10000007");
  });

  it("reads states in any case and with SOAP's _NAME suffix; fields lists tolerate empties", () => {
    expect(parseCcStatus("activated")).toBe("ACTIVATED");
    expect(parseCcStatus("ACTIVATION_READY_NAME")).toBe("ACTIVATION_READY");
    expect(parseCcStatus("ACTIVE")).toBeNull();
    expect(parseFields(",")).toBeNull();
    expect(parseFields("")).toBeNull();
    expect([...parseFields("iccid, status,")!]).toEqual(["iccid", "status"]);
  });

  it("offers numbers below 2^53 that follow the UUIDv7's time", () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    for (const id of ids) {
      const n = numericCandidate(id);
      expect(Number.isSafeInteger(n)).toBe(true);
      expect(n).toBeGreaterThan(0);
    }
    expect(numericCandidate("0190a8a0-0000-7000-8000-000000000000")).toBeLessThan(
      numericCandidate("0190a8a1-0000-7000-8000-000000000000"),
    );
  });

  it("throttles per key per second, with what the RateLimit headers need", () => {
    let now = 10_000;
    const take = createThrottle(3, () => now);
    expect([1, 2, 3].map(() => take("k").remaining)).toEqual([2, 1, 0]);
    const over = take("k");
    expect(over).toMatchObject({ allowed: false, limit: 3, remaining: 0, resetSeconds: 1 });
    expect(take("other").allowed).toBe(true);
    now += 1000;
    expect(take("k").allowed).toBe(true);
  });
});
