import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

let t: TestOtter;
let env: Record<string, string>;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  env = { OTTER_URL: t.url, OTTER_API_KEY: t.adminKey };
});
afterAll(async () => {
  await t?.close();
});

describe("otter actions", () => {
  it("requests an action, shows its follow-up and lists the SIM's actions with their reason", async () => {
    const sim = await buildSim(t, { state: "TEST_READY" });
    const run = await runCli(
      ["actions", "run", sim.iccid, "activate", "--reason", "customer goes live today"],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const id = /Action ([0-9a-f-]{36}) accepted/.exec(run.stderr)?.[1];
    expect(id).toBeDefined();
    expect(run.stdout).toMatch(/Type\s+activate/);
    expect(run.stdout).toMatch(/Status\s+watching/);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.state).toBe("ACTIVATED");

    const show = await runCli(["actions", "show", id!], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Reason\s+customer goes live today/);
    expect(show.stdout).toContain("Otter is watching the network for the device.");

    const list = await runCli(["actions", "list", sim.iccid, "--json"], env);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ id, type: "activate", reason: "customer goes live today" }),
    ]);
  });

  it("refuses what cannot work with the reason and an error exit, and checks its own options before calling", async () => {
    const sim = await buildSim(t, { state: "DEACTIVATED" });
    const reset = await runCli(
      ["actions", "run", sim.iccid, "reset-connectivity", "--reason", "collar silent"],
      env,
    );
    expect(reset.code).not.toBe(0);
    expect(reset.stderr).toMatch(/ACTION_CANNOT_WORK|DEACTIVATED/);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}/actions`)).body.items).toEqual([]);

    const noKind = await runCli(
      ["actions", "run", sim.iccid, "override-limit", "--reason", "lift it"],
      env,
    );
    expect(noKind.code).not.toBe(0);
    expect(noKind.stderr).toContain("--override");
    const badType = await runCli(["actions", "run", sim.iccid, "reboot", "--reason", "x"], env);
    expect(badType.code).not.toBe(0);
    expect(badType.stderr).toContain("reset-connectivity");
  });
});
