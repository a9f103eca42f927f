import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/** `otter sim` as a user runs it: a child process talking to a running Otter over HTTP and UDP. */
let t: TestOtter;
let dir: string;
beforeAll(async () => {
  t = await startOtter();
  dir = await mkdtemp(join(tmpdir(), "otter-sim-"));
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const device = (name: string, iccid: string, imsi: string, msisdn: string) => `
  - name: ${name}
    iccid: "${iccid}"
    imsi: "${imsi}"
    msisdn: "${msisdn}"
    imei: "356938035643809"
    provision: { state: ACTIVATED }
    itinerary: [{ at: 0h, country: SE, rat: LTE-M }]
    traffic: { every: 1h, up: 1KB, down: 2KB }`;

describe("otter sim", () => {
  it("plays a story against Otter, prints the summary and exits 0 when every request was answered", async () => {
    const file = join(dir, "two-trackers.yaml");
    await writeFile(
      file,
      `
duration: 6h30m
hss: { mode: accept_all }
devices:${device("tracker-a", "8944005000000000014", "234150400000001", "447920000001")}${device("tracker-b", "8944006000000000013", "234150400000002", "447920000002")}
`,
    );
    // The story ends as it finishes playing (the default start): Otter's clock is set to now so that
    // nothing the simulator sends lies in Otter's future.
    t.clock.set(new Date());
    const r = await runCli([
      "sim",
      "--scenario",
      file,
      "--url",
      t.url,
      "--api-key",
      t.adminKey,
      "--radius",
      `127.0.0.1:${t.otter.radiusPort}`,
      "--speed",
      "max",
      "--json",
    ]);
    expect(r.stderr).toContain(`Otter RADIUS 127.0.0.1:${t.otter.radiusPort}`);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    // Accounting-On, and per tracker 7 reports (0 h … 6 h), each a Start and a Stop.
    expect(summary).toMatchObject({
      ok: true,
      devices: 2,
      registered: 2,
      radius: { sent: 29, answered: 29, unanswered: 0, retransmitted: 0 },
      records: { start: 14, stop: 14 },
    });
    expect(summary.registrations).toMatchObject({ accepted: 2, rejected: 0 });
    const sessions = (await t.api("GET", "/api/v1/sims/8944005000000000014/sessions?limit=100"))
      .body.items;
    expect(sessions).toHaveLength(7);
    expect(sessions[0]).toMatchObject({
      status: "closed",
      bytesUp: 1024,
      bytesDown: 2048,
      mcc: "240",
    });
  });

  it("refuses a scenario with a bad field, naming the file and the field, and exits 2 without sending anything", async () => {
    const file = join(dir, "bad.yaml");
    await writeFile(
      file,
      `
devices:${device("ok", "8944007000000000012", "234150500000001", "447930000001")}
  - name: short-imsi
    iccid: "8944007000000000012"
    imsi: "23415050000001"
    msisdn: "447930000002"
    imei: "356938035643809"
    itinerary: [{ at: 0h, plmn: "23415", rat: 4G }]
`,
    );
    // The story ends as it finishes playing (the default start): Otter's clock is set to now so that
    // nothing the simulator sends lies in Otter's future.
    t.clock.set(new Date());
    const r = await runCli(["sim", "--scenario", file, "--url", t.url, "--api-key", t.adminKey]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: devices[1].imsi: must be 15 digits`);
    expect(r.stderr).toContain(
      `${file}: devices[1].itinerary[0].rat: must be one of 2G, 3G, LTE, LTE-M, NB-IoT, 5G`,
    );
    expect(r.stdout).toBe("");
    expect((await t.api("GET", "/api/v1/sims?imsi=234150500000001")).body.items).toEqual([]);

    const flags = await runCli([
      "sim",
      "--scenario",
      "scenarios/giraffe.yaml",
      "--speed",
      "fast",
      "--duration",
      "forever",
    ]);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toContain("--speed: must be a positive number");
    expect(flags.stderr).toContain("--duration: must be a duration");

    const missing = await runCli(["sim", "--scenario", join(dir, "nope.yaml")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.yaml: cannot read the file (ENOENT)");
  });
});
