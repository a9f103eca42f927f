import dgram from "node:dgram";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { decodePacket, disconnectResponse } from "../../src/network/radius/index.js";
import { buildCatalog, buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli, startCli } from "./run-cli.js";

/** A gateway that acknowledges Disconnect-Requests and an HSS that takes cancel-locations. */
let t: TestOtter;
let env: Record<string, string>;
let gateway: dgram.Socket;
let hss: Server;
let clientId: string;
const SECRET = "gw-secret-cli-1";
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  env = { OTTER_URL: t.url, OTTER_API_KEY: t.adminKey };
  gateway = dgram.createSocket("udp4");
  gateway.on("message", (msg, rinfo) => {
    const p = decodePacket(msg);
    if (p.ok) gateway.send(disconnectResponse(p.value, SECRET, true), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => gateway.bind(0, "127.0.0.1", () => r()));
  hss = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(202).end());
  });
  await new Promise<void>((r) => hss.listen(0, "127.0.0.1", () => r()));
  clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: {
        name: "pgw-cli",
        address: "127.0.0.1",
        secret: SECRET,
        coaPort: gateway.address().port,
      },
    })
  ).body.id;
  await t.api("POST", "/api/v1/network/hss-endpoints", {
    body: {
      name: "hss-cli",
      url: `http://127.0.0.1:${(hss.address() as { port: number }).port}/s6a`,
      secret: "hss-signing-secret-cli-0123",
    },
  });
});
afterAll(async () => {
  gateway?.close();
  hss?.close();
  await t?.close();
});

let n = 0;
const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">): AccountingInput => ({
  clientId,
  dedupeKey: `C${n++}`,
  eventAt: t.clock.now(),
  nasIp: "127.0.0.1",
  record: {},
  ...r,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    // Activated without a communication plan: said at once, and by the diagnosis.
    expect(run.stderr).toMatch(/warning NO_COMMUNICATION_PLAN: .*network will refuse/);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.state).toBe("ACTIVATED");

    const show = await runCli(["actions", "show", id!], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Reason\s+customer goes live today/);
    expect(show.stdout).toContain("Otter is watching the network for the device.");
    expect(show.stdout).toMatch(
      /Steps:\n.*activate requested by .*: customer goes live today\n.*The SIM is ACTIVATED\./,
    );

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

  it("warns on a change that may not do what was meant, and lists and cancels scheduled changes", async () => {
    const sim = await buildSim(t, { state: "ACTIVATION_READY" });
    const past = new Date(t.clock.now().getTime() - 2 * 86400_000).toISOString();
    const set = await runCli(
      ["sims", "set-state", sim.iccid, "ACTIVATED", "--effective-date", past],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain("is now ACTIVATED");
    expect(set.stderr).toMatch(/warning NO_COMMUNICATION_PLAN: .*network will refuse/);
    expect(set.stderr).toMatch(/warning EFFECTIVE_DATE_BACKDATED: .*applied now .*backdated to/);

    const later = new Date(t.clock.now().getTime() + 7 * 86400_000).toISOString();
    const changeId = (
      await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
        body: { state: "DEACTIVATED", effectiveDate: later, reason: "end of season" },
      })
    ).body.pendingChanges[0].id;
    const list = await runCli(["sims", "scheduled", "list", sim.iccid], env);
    expect(list.stdout).toMatch(
      new RegExp(`${changeId}\\s+${later}\\s+pending\\s+state → DEACTIVATED`),
    );
    const cancel = await runCli(["sims", "scheduled", "cancel", sim.iccid, changeId], env);
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stdout).toContain(`Scheduled change ${changeId} on SIM ${sim.iccid} cancelled.`);
    const after = await t.api("GET", `/api/v1/sims/${sim.iccid}/scheduled-changes`);
    expect(after.body.items[0]).toMatchObject({ id: changeId, status: "cancelled" });
  });

  it("follows a reset out loud with --wait: each step as the network records it, then back online", async () => {
    const cat = await buildCatalog(t);
    const sim = await buildSim(t, {
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    // A tracker reporting hourly, whose last session (2 h ago) hangs open without traffic.
    const start = t.clock.now().getTime();
    const at = (h: number) => new Date(start + h * 3600_000);
    for (const h of [-5, -4, -3]) {
      const id = `hourly-${sim.iccid}-${h}`;
      await t.otter.services.signals.recordAccounting([
        acct({
          status: "start",
          sessionId: id,
          imsi: sim.imsi,
          eventAt: at(h),
          apn: "iot.otter.example",
        }),
        acct({
          status: "stop",
          sessionId: id,
          imsi: sim.imsi,
          eventAt: at(h + 0.03),
          bytesUp: 500,
        }),
      ]);
    }
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "start",
        sessionId: `hung-${sim.iccid}`,
        imsi: sim.imsi,
        eventAt: at(-2),
        apn: "iot.otter.example",
      }),
    ]);

    const run = startCli(
      [
        "actions",
        "run",
        sim.iccid,
        "reset-connectivity",
        "--reason",
        "collar silent",
        "--wait",
        "--poll-seconds",
        "1",
      ],
      env,
    );
    run.child.stdin!.end();
    const until = async (pattern: RegExp) => {
      for (let i = 0; i < 300 && !pattern.test(run.stdout()); i++) await sleep(100);
      expect(run.stdout(), run.stderr()).toMatch(pattern);
    };
    await until(/reset-connectivity requested by .*: collar silent/);
    const id = /Action ([0-9a-f-]{36}) accepted/.exec(run.stderr())![1]!;

    // While it is watched, the diagnosis says so and does not propose the reset again.
    const watched = (await t.api("GET", `/api/v1/sims/${sim.iccid}/diagnosis`)).body;
    expect(watched.firstBroken).toBe("data_session");
    expect(watched.verdict).toMatch(/A reset-connectivity requested at .* is being watched until/);
    expect(watched.actions.map((a: { action: string }) => a.action)).not.toContain(
      "reset-connectivity",
    );
    const diagnose = await runCli(["diagnose", sim.iccid], env);
    expect(diagnose.stdout).toContain("Being watched (proof pending):");
    expect(diagnose.stdout).toContain(`otter actions show ${id}`);
    expect(diagnose.stdout).not.toMatch(/^\s+reset-connectivity: /m);

    expect(await t.otter.services.networkActions.deliverDue()).toBe(2);
    await until(/Disconnect acknowledged by the gateway/);
    await until(/cancel-location acknowledged by the HSS hss-cli/);
    await until(/Waiting for the device to register on the network/);

    t.clock.advance(5 * 60_000);
    await t.api("POST", "/api/v1/network/events", {
      body: {
        id: `re-attach-${sim.iccid}`,
        type: "location_update",
        result: "accepted",
        imsi: sim.imsi,
        visitedPlmn: "20801",
        at: t.clock.now().toISOString(),
      },
    });
    await until(/Re-registered on .*\(20801\)/);
    // Its last session began 2 h before the reset, hourly: the next one is due 1 h after the reset.
    await until(
      new RegExp(
        `next expected around ${at(1).toISOString().replace(/\./g, "\\.")} from the device's own rhythm \\(every 60 min\\)`,
      ),
    );

    t.clock.advance(50 * 60_000);
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "start",
        sessionId: `fresh-${sim.iccid}`,
        imsi: sim.imsi,
        apn: "iot.otter.example",
      }),
    ]);
    t.clock.advance(60_000);
    await t.otter.services.signals.recordAccounting([
      acct({
        status: "interim",
        sessionId: `fresh-${sim.iccid}`,
        imsi: sim.imsi,
        bytesUp: 300,
        sessionTime: 60,
      }),
    ]);
    expect(await t.otter.services.simActions.followUp()).toBe(1);
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(0);
    const out = run.stdout();
    const order = [
      "requested by",
      "Disconnect acknowledged",
      "Waiting for the device to register",
      "Re-registered",
      "Waiting for the first data session",
      "Data session opened",
      "Back online at",
    ].map((s) => out.indexOf(s));
    expect(
      order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!)),
      out,
    ).toBe(true);
    expect(out).toMatch(/Status\s+back_online/);

    // `actions show` tells the same story afterwards, from what the action recorded.
    const show = await runCli(["actions", "show", id], env);
    expect(show.stdout).toMatch(
      /Steps:[\s\S]*Disconnect acknowledged[\s\S]*Re-registered on [\s\S]*Back online at/,
    );
  }, 120_000);
});
