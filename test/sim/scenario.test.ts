import { describe, expect, it } from "vitest";
import { luhnValid } from "../../src/lib/identifiers.js";
import {
  deviceName,
  loadScenarios,
  nthIdentifier,
  ScenarioError,
  scenarioFromText,
} from "../../src/sim/scenario.js";
import { formatDuration, parseBytes, parseDuration } from "../../src/sim/units.js";
import { ROOT } from "./harness.js";

const problems = (texts: { file: string; text: string }[]) => {
  try {
    scenarioFromText(texts);
  } catch (err) {
    if (err instanceof ScenarioError) return err.message.split("\n");
    throw err;
  }
  return [];
};

const device = (over: Record<string, string> = {}) => {
  const d = {
    name: "tag",
    iccid: '"8944001000000001016"',
    imsi: '"234150000000101"',
    msisdn: '"447700900101"',
    imei: '"356938030001011"',
    ...over,
  };
  return `
  - name: ${d.name}
    iccid: ${d.iccid}
    imsi: ${d.imsi}
    msisdn: ${d.msisdn}
    imei: ${d.imei}
    itinerary: [{ at: 0h, plmn: "63902", rat: NB-IoT }]`;
};

describe("durations and sizes", () => {
  it("reads what a scenario writes", () => {
    expect(parseDuration("48h")).toBe(48 * 3_600_000);
    expect(parseDuration("1h30m")).toBe(90 * 60_000);
    expect(parseDuration("2d")).toBe(2 * 86_400_000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration(90)).toBe(90_000);
    expect(parseDuration("0h")).toBe(0);
    expect(parseDuration("soon")).toBeNull();
    expect(parseDuration("-1h")).toBeNull();
    expect(formatDuration(26 * 3_600_000 + 60_000)).toBe("1d2h1m");
    expect(parseBytes("1.5KB")).toBe(1536);
    expect(parseBytes("2 MB")).toBe(2 * 1024 * 1024);
    expect(parseBytes(1500)).toBe(1500);
    expect(parseBytes("lots")).toBeNull();
  });
});

describe("scenario validation", () => {
  it("names the file and the path of every bad field at once", () => {
    const text = `
speed: -1
duration: a while
network: { secret: short, coaPort: 70000 }
devices:${device()}${device({ name: "second", imsi: '"23415000000010"', imei: '"356938030001012"' })}
    faults: [{ at: 6h, kind: explode }]
    colour: blue
`;
    expect(problems([{ file: "x.yaml", text }])).toEqual([
      'x.yaml: speed: must be a positive number (simulated seconds per real second) or "max"',
      'x.yaml: duration: must be a duration such as "30m", "1h", "1h30m" or "2d"',
      "x.yaml: network.secret: must be at least 8 characters",
      "x.yaml: network.coaPort: must be a port number (0–65535)",
      "x.yaml: devices[1].imsi: must be 15 digits",
      "x.yaml: devices[1].imei: fails the Luhn check digit",
      "x.yaml: devices[1].faults[0].kind: must be one of hung_session, imei_change, power_off",
      "x.yaml: devices[1].colour: unknown field",
    ]);
  });

  it("checks what spans fields: itinerary order, places, and identifiers used twice across files", () => {
    const stops = `
devices:
  - name: roamer
    iccid: "8944001000000001016"
    imsi: "234150000000101"
    msisdn: "447700900101"
    imei: "356938030001011"
    itinerary:
      - { at: 2h, plmn: "63902", rat: NB-IoT }
      - { at: 1h, country: FR, plmn: "20801", rat: LTE-M }
      - { at: 3h, rat: LTE-M, ci: 5 }
`;
    expect(problems([{ file: "s.yaml", text: stops }])).toEqual([
      "s.yaml: devices[0].itinerary[1].country: give plmn or country, not both",
      's.yaml: devices[0].itinerary[2].plmn: give the visited network (plmn: "63902") or a country (country: KE)',
      "s.yaml: devices[0].itinerary[2].lac: a cell (ci) or service area (sac) needs its lac",
      "s.yaml: devices[0].itinerary[1].at: must be later than the stop before it",
    ]);
    const twice = problems([
      { file: "a.yaml", text: `devices:${device()}` },
      {
        file: "b.yaml",
        text: `devices:${device({ name: "other", iccid: '"8944001000000002014"' })}`,
      },
    ]);
    expect(twice).toEqual([
      "b.yaml: devices[0]: imsi 234150000000101 is also used by a.yaml: devices[0]",
      "b.yaml: devices[0]: msisdn 447700900101 is also used by a.yaml: devices[0]",
    ]);
  });

  it("says to quote an identifier whose leading zero YAML dropped, and reports YAML syntax errors by line", () => {
    expect(
      problems([{ file: "z.yaml", text: `devices:${device({ imei: "012345678901237" })}` }]),
    ).toEqual([
      "z.yaml: devices[0].imei: must be 15 digits (write it in quotes so YAML keeps leading zeros)",
    ]);
    expect(problems([{ file: "y.yaml", text: "devices: [\n  - name: x" }])[0]).toMatch(
      /^y\.yaml: line \d+, column \d+: not valid YAML: /,
    );
    expect(problems([{ file: "e.yaml", text: "" }])).toEqual(["e.yaml: the file is empty"]);
  });

  it("runs several files as one gateway, and refuses files that disagree on it", () => {
    const a = `speed: 60\nduration: 2h\nnetwork: { name: pgw-a, secret: secret-aaa }\ndevices:${device()}`;
    const b = `speed: 10\nduration: 5h\ndevices:${device({ name: "b", iccid: '"8944001000000002014"', imsi: '"234150000000201"', msisdn: '"447700900201"' })}`;
    const s = scenarioFromText([
      { file: "a.yaml", text: a },
      { file: "b.yaml", text: b },
    ]);
    expect(s).toMatchObject({
      name: "a + b",
      speed: 60,
      durationMs: 5 * 3_600_000,
      network: { name: "pgw-a" },
    });
    expect(s.devices.map((d) => d.name)).toEqual(["tag", "b"]);
    const c = b.replace("speed: 10", "network: { name: pgw-c, secret: secret-ccc }");
    expect(
      problems([
        { file: "a.yaml", text: a },
        { file: "c.yaml", text: c },
      ])[0],
    ).toContain("c.yaml: network: differs from the network of a.yaml");
  });
});

describe("fleets", () => {
  it("generates devices from ranges, with check digits recomputed", () => {
    expect(nthIdentifier("8946007000000000017", 1, true)).toBe("8946007000000000025");
    expect(nthIdentifier("240070000000001", 41, false)).toBe("240070000000042");
    expect(nthIdentifier("999999999999999", 1, false)).toBeNull();
    expect(deviceName("meter-{n:03}", 7)).toBe("meter-007");
    expect(deviceName("meter", 7)).toBe("meter-7");
    const s = scenarioFromText([
      {
        file: "f.yaml",
        text: `
fleet:
  name: m-{n:02}
  count: 12
  from: { iccid: "8946007000000000017", imsi: "240070000000001", msisdn: "+46700000001", imei: "864410050000013" }
  stagger: 10m
  itinerary: [{ plmn: "24007", rat: LTE-M }]
`,
      },
    ]);
    expect(s.devices).toHaveLength(12);
    expect(s.devices[11]).toMatchObject({
      name: "m-12",
      imsi: "240070000000012",
      msisdn: "46700000012",
      origin: "f.yaml: fleet #12",
    });
    expect(s.devices.every((d) => luhnValid(d.iccid) && luhnValid(d.imei))).toBe(true);
    expect(new Set(s.devices.map((d) => d.iccid)).size).toBe(12);
    expect(s.devices.every((d) => d.delay >= 0 && d.delay < 600_000 && d.delay % 1000 === 0)).toBe(
      true,
    );
    expect(new Set(s.devices.map((d) => d.delay)).size).toBeGreaterThan(6);
  });

  it("refuses a range that runs out of digits", () => {
    const text = `fleets:\n  - name: x\n    count: 5\n    from: { iccid: "8946007000000000017", imsi: "999999999999998", msisdn: "46700000001", imei: "864410050000013" }\n    itinerary: [{ plmn: "24007", rat: LTE-M }]\n`;
    expect(problems([{ file: "r.yaml", text }])).toEqual([
      "r.yaml: fleets[0].from.imsi: a range of 5 starting here runs past 15 digits",
    ]);
  });
});

describe("the shipped scenarios", () => {
  it("are valid, alone and together", async () => {
    const files = ["giraffe", "sea-otter", "meters", "load"].map(
      (n) => `${ROOT}scenarios/${n}.yaml`,
    );
    const load = await loadScenarios([files[3]!]);
    expect(load.devices).toHaveLength(50_000);
    const demo = await loadScenarios(files.slice(0, 3));
    expect(demo.devices).toHaveLength(52);
    expect(demo.catalog.zones.map((z) => z.name)).toEqual(["East Africa", "Nordics"]);
  });
});
