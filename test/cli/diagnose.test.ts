import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

describe("otter diagnose", () => {
  it("prints the verdict, each rung and the next step, and exits 1 when a rung fails", async () => {
    const sim = await buildSim(t, { state: "DEACTIVATED" });
    const r = await runCli(["diagnose", sim.iccid, "--evidence"], {
      OTTER_URL: t.url,
      OTTER_API_KEY: t.adminKey,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${sim.iccid}: The SIM is DEACTIVATED`);
    expect(r.stdout).toMatch(/FAIL sim_state/);
    expect(r.stdout).toContain("activate: Activate the SIM.");
  });
});
