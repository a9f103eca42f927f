import { createHmac } from "node:crypto";
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { SIM_STATES } from "../sims/sim-lifecycle.js";
import {
  CC_MAPPED_EVENT_TYPES,
  CC_NAMESPACE,
  ccPushBody,
  ccPushData,
  ccPushState,
  ccRestDate,
} from "./cc-push.js";

/** Parses XML as a receiver does: values stay text, the namespace is an attribute. */
const parseXml = (s: string) =>
  new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false }).parse(s);

/** Text an XML 1.0 document can carry (no control characters but tab and newline). */
const xmlText = fc
  .string({ unit: "grapheme", maxLength: 40 })
  .map((s) => s.replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ""))
  .filter((s) => s.trim() === s && s.length > 0);

const AT = "2026-03-01T09:00:00.000Z";
const date = fc
  .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z") })
  .filter((d) => !Number.isNaN(d.getTime()));

describe("Control Center push data", () => {
  it("writes CC's REST date format, which reads back to the same instant", () => {
    expect(ccRestDate("2016-06-29T00:21:33.339Z")).toBe("2016-06-29 00:21:33.339+0000");
    fc.assert(
      fc.property(date, (d) => {
        const s = ccRestDate(d.toISOString());
        expect(s).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
        expect(new Date(s.replace(" ", "T").replace("+0000", "Z")).getTime()).toBe(d.getTime());
      }),
    );
  });

  it("maps every Otter state onto Control Center's push state enum", () => {
    const push = new Set(["ACTIVATIONREADY", "ACTIVATED", "DEACTIVATED", "PURGED", "UNKNOWN"]);
    for (const s of SIM_STATES) expect(push.has(ccPushState(s)), s).toBe(true);
    expect(ccPushState("ACTIVATION_READY")).toBe("ACTIVATIONREADY");
    expect(ccPushState("TEST_READY")).toBe("UNKNOWN");
  });

  it("carries any text through XML intact, in CC's namespace, under the event's root element", () => {
    fc.assert(
      fc.property(xmlText, xmlText, date, (from, to, at) => {
        const xml = ccPushData(
          "sim.imei_changed",
          { iccid: "8944500102198304826", from, to, at: at.toISOString() },
          "2020-01-01T00:00:00Z",
          "xml",
        );
        const root = parseXml(xml).SimImeiChange;
        expect(root["@_xmlns"]).toBe(CC_NAMESPACE);
        expect(root).toMatchObject({
          iccid: "8944500102198304826",
          previousImei: from,
          currentImei: to,
          dateChanged: at.toISOString(),
        });
      }),
    );
  });

  it("dates a state change by its event, in the push state enum", () => {
    const json = JSON.parse(
      ccPushData(
        "sim.state_changed",
        { iccid: "8944", from: "TEST_READY", to: "ACTIVATION_READY", reason: null },
        AT,
        "json",
      ),
    );
    expect(json).toEqual({
      iccid: "8944",
      previousState: "UNKNOWN",
      currentState: "ACTIVATIONREADY",
      dateChanged: "2026-03-01 09:00:00.000+0000",
    });
  });

  it("leaves unknown values out of XML and writes them as null in JSON", () => {
    const data = { iccid: "8944500102198304826", apn: "iot.example", at: "2026-03-01T09:00:00Z" };
    const xml = parseXml(ccPushData("sim.session_started", data, data.at, "xml")).Session;
    expect(Object.keys(xml).sort()).toEqual(["@_xmlns", "apn", "dateSessionStarted", "iccid"]);
    expect(JSON.parse(ccPushData("sim.session_started", data, data.at, "json"))).toEqual({
      iccid: "8944500102198304826",
      ipAddress: null,
      apn: "iot.example",
      dateSessionStarted: "2026-03-01 09:00:00.000+0000",
      dateSessionEnded: null,
    });
  });

  it("writes a usage as an integer count of bytes", () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (used) => {
        const json = JSON.parse(
          ccPushData("sim.usage_threshold", { iccid: "8944", usedBytes: used }, AT, "json"),
        );
        expect(json).toEqual({ iccid: "8944", dataUsage: used });
        const xml = parseXml(
          ccPushData("sim.usage_threshold", { iccid: "8944", usedBytes: used }, AT, "xml"),
        );
        expect(xml.CtdUsage.dataUsage).toBe(String(used));
      }),
    );
  });
});

describe("Control Center push body", () => {
  it("is a form whose signature2 a receiver recomputes from the timestamp and the secret", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CC_MAPPED_EVENT_TYPES),
        fc.constantFrom("xml" as const, "json" as const),
        fc.string({ minLength: 16, maxLength: 64 }),
        date,
        xmlText,
        (type, dataFormat, secret, sentAt, iccid) => {
          const body = ccPushBody({
            eventId: "0190a8a0-0000-7000-8000-000000000004",
            type,
            eventData: { iccid, from: "ACTIVATED", to: "DEACTIVATED", at: sentAt.toISOString() },
            eventAt: sentAt,
            dataFormat,
            sentAt,
            secret,
          });
          const form = new URLSearchParams(body);
          expect([...form.keys()]).toEqual([
            "eventId",
            "eventType",
            "timestamp",
            "signature2",
            "data",
          ]);
          const timestamp = form.get("timestamp")!;
          expect(timestamp).toBe(sentAt.toISOString());
          const expected = createHmac("sha256", secret).update(timestamp).digest("base64");
          expect(form.get("signature2")).toBe(expected);
          const data = form.get("data")!;
          const parsedIccid =
            dataFormat === "json"
              ? JSON.parse(data).iccid
              : (Object.values(parseXml(data))[0] as { iccid: string }).iccid;
          expect(parsedIccid).toBe(iccid);
        },
      ),
    );
  });
});
