/**
 * `otter sim`: a network for Otter to listen to. The simulator plays the packet gateway (RADIUS
 * accounting out, RFC 5176 Disconnect-Requests in) and the HSS (registrations decided from what
 * Otter says about each SIM, reported as registration events) for a fleet of devices described in
 * scenario files (docs/simulator.md).
 *
 * @example
 * const scenario = await loadScenarios(["scenarios/giraffe.yaml"]);
 * const running = await startSimulation(scenario, { url: "http://127.0.0.1:8080", apiKey });
 * await running.sim.run(3600);   // an hour of the story per second
 * await running.close();
 * console.log(running.sim.stats());
 */
import { startCoaServer, type CoaServer } from "./coa-server.js";
import { Simulation, type SimulationDeps } from "./engine.js";
import { apiDirectory, apiEventSink } from "./hss.js";
import { type HssServer, startHssServer } from "./hss-server.js";
import { createSimApi } from "./otter-api.js";
import { type SmscServer, startSmscServer } from "./smsc-server.js";
import {
  ensureHssEndpoint,
  ensureSmsCentre,
  provision,
  type ProvisionReport,
} from "./provision.js";
import { createRadiusClient, type RadiusClient } from "./radius-client.js";
import type { Scenario } from "./scenario.js";

export { Simulation, type SimStats } from "./engine.js";
export { loadScenarios, scenarioFromText, ScenarioError, type Scenario } from "./scenario.js";

export interface StartOptions {
  url: string;
  apiKey?: string;
  /** Otter's RADIUS accounting address; wins over the scenario's `network.accountingServer`. */
  accountingServer?: { host: string; port: number };
  /** Resolves `start: now` / `start: "-48h"`; the real clock by default. */
  now?: () => Date;
  log?: (line: string) => void;
  onTime?: SimulationDeps["onTime"];
  onTick?: SimulationDeps["onTick"];
}

export interface RunningSimulation {
  sim: Simulation;
  /** The UDP port where the simulated gateway takes Disconnect-Requests. */
  coaPort: number;
  /** Where the simulated HSS takes Otter's cancel-location requests (null when hss.endpoint is off). */
  hssUrl: string | null;
  /** Where the simulated SMS centre takes SMPP binds (null when smsc.register is off). */
  smsc: SmscServer | null;
  accountingServer: { host: string; port: number };
  provisioned: ProvisionReport;
  /** Finishes the story (network.atEnd), waits for every request, closes the sockets. */
  close(): Promise<void>;
}

/** Where the gateway sends accounting: the flag, the scenario, OTTER_RADIUS_PORT, then 1813. */
export function accountingServerOf(
  scenario: Scenario,
  flag?: { host: string; port: number },
  env: NodeJS.ProcessEnv = process.env,
) {
  if (flag) return flag;
  if (scenario.network.accountingServer) return scenario.network.accountingServer;
  const port = Number(env.OTTER_RADIUS_PORT);
  return {
    host: "127.0.0.1",
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 1813,
  };
}

/**
 * The simulated start. "ends-now" (the default) starts early enough that, played at its speed, the
 * story ends when it finishes playing: simulated time then never runs ahead of the real clock.
 */
export function resolveStart(scenario: Scenario, now: Date): Date {
  const s = scenario.start;
  if ("at" in s) return s.at;
  if ("fromNowMs" in s) return new Date(now.getTime() + s.fromNowMs);
  const d = scenario.durationMs;
  const lead = scenario.speed === "max" ? d : scenario.speed >= 1 ? d - d / scenario.speed : 0;
  // A little earlier still, so the moments between this and the first event do not push the end
  // of the story past the present (where it would have to slow to real time).
  const margin = scenario.speed === "max" ? 0 : Math.min(10 * 60_000, 2000 * scenario.speed);
  return new Date(now.getTime() - lead - margin);
}

/**
 * Checks that Otter answers, registers the gateway, provisions what the scenario asks for, opens
 * the sockets and announces the gateway (Accounting-On). The story has not started yet: drive it
 * with `sim.run(speed)` or `sim.advanceTo(t)`.
 */
export async function startSimulation(
  scenario: Scenario,
  opts: StartOptions,
): Promise<RunningSimulation> {
  const api = createSimApi({ url: opts.url, apiKey: opts.apiKey, retries: 0 });
  // Fail fast, with the API's own message, when Otter is not there or the key is wrong.
  await api.get("/api/v1/users/me");
  const runApi = createSimApi({ url: opts.url, apiKey: opts.apiKey });
  const net = scenario.network;
  const accountingServer = accountingServerOf(scenario, opts.accountingServer);

  let sim: Simulation | null = null;
  const coa: CoaServer = await startCoaServer({
    host: net.nasIp,
    port: net.coaPort,
    secret: net.secret,
    disconnect: (target) => (sim ? sim.disconnect(target) : { ack: false, errorCause: 503 }),
  });
  let radius: RadiusClient | null = null;
  let hssServer: HssServer | null = null;
  let smscServer: SmscServer | null = null;
  try {
    const provisioned = await provision(runApi, scenario, { coaPort: coa.port }, opts.log);
    if (scenario.hss.endpoint) {
      hssServer = await startHssServer({
        host: net.nasIp,
        port: scenario.hss.port,
        secret: scenario.hss.secret,
        cancelLocation: (imsi) => (sim ? sim.cancelLocation(imsi) : false),
      });
      const registered = await ensureHssEndpoint(runApi, {
        name: scenario.hss.name,
        url: hssServer.url,
        secret: scenario.hss.secret,
        imsis: scenario.devices.map((d) => d.imsi),
      });
      if (!registered)
        opts.log?.(
          "this Otter takes no HSS endpoints: cancel-location requests will not reach the simulator",
        );
    }
    if (scenario.smsc.register) {
      const smsc = scenario.smsc;
      smscServer = await startSmscServer({
        host: net.nasIp,
        port: smsc.port,
        systemId: smsc.systemId,
        password: smsc.password,
        deliver: (sms) => (sim ? sim.deliverSms(sms) : "absent"),
      });
      const registered = await ensureSmsCentre(runApi, {
        name: smsc.name,
        host: net.nasIp,
        port: smscServer.port,
        systemId: smsc.systemId,
        password: smsc.password,
        sourceAddress: smsc.sourceAddress,
        imsis: scenario.devices.map((d) => d.imsi),
      });
      if (!registered)
        opts.log?.("this Otter takes no SMS centres: SMS will not reach the simulator");
    }
    radius = await createRadiusClient({
      host: accountingServer.host,
      port: accountingServer.port,
      secret: net.secret,
      sockets: net.sockets,
      window: net.window,
      timeoutMs: net.timeout,
      retries: net.retries,
    });
    const hss = scenario.hss;
    const events = hss.events
      ? apiEventSink(runApi, {
          onError: (err) => opts.log?.(`registration events not stored: ${(err as Error).message}`),
        })
      : null;
    sim = new Simulation(
      scenario,
      {
        radius,
        events,
        directory: hss.mode === "api" ? apiDirectory(runApi) : null,
        coaStats: () => coa.stats(),
        smscStats: smscServer ? () => smscServer!.stats() : undefined,
        apiStats: () => runApi.stats(),
        log: opts.log,
        onTime: opts.onTime,
        onTick: opts.onTick,
      },
      { start: resolveStart(scenario, (opts.now ?? (() => new Date()))()) },
    );
    await sim.begin();
    const started = sim;
    const client = radius;
    const hssListener = hssServer;
    const smscListener = smscServer;
    let closing: Promise<void> | null = null;
    return {
      sim: started,
      coaPort: coa.port,
      hssUrl: hssListener?.url ?? null,
      smsc: smscListener,
      accountingServer,
      provisioned,
      close: () =>
        (closing ??= (async () => {
          await started.finish();
          await client.close();
          await coa.close();
          await hssListener?.close();
          await smscListener?.close();
        })()),
    };
  } catch (err) {
    await radius?.close().catch(() => {});
    await coa.close().catch(() => {});
    await hssServer?.close().catch(() => {});
    await smscServer?.close().catch(() => {});
    throw err;
  }
}
