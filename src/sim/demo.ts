/**
 * `npm run demo`: Otter and the simulated network in one process, so that a newcomer sees live data
 * within a minute. Otter runs on embedded storage in ./data-demo with a fixed API key (printed);
 * the simulator replays the last 48 hours of three stories — the giraffe collar whose session hangs,
 * the sea-otter tag rejected in France, fifty smart meters in Sweden — at an hour per second, then
 * goes on in real time, so Otter's own actions (reset connectivity) reach a live network. Ctrl-C
 * stops both.
 */
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { buildOtter } from "../app/build-app.js";
import { ConfigError, loadConfig } from "../app/config.js";
import { ApiError, ConnectionError } from "../cli/client.js";
import { firstUnavailablePort } from "../app/ports.js";
import { demoGuide } from "./demo-guide.js";
import { startSimulation } from "./index.js";
import { progressLine, summaryLines } from "./report.js";
import { loadScenarios, ScenarioError } from "./scenario.js";

/** Known to everyone who reads this file: fine for a demo on 127.0.0.1, never for a real Otter. */
export const DEMO_API_KEY = "otk_demo_otter_simulator_demo_key_0000000000";
const SCENARIOS = ["giraffe", "sea-otter", "meters"].map((n) =>
  fileURLToPath(new URL(`../../scenarios/${n}.yaml`, import.meta.url)),
);
const say = (line = "") => void process.stdout.write(`${line}\n`);
const REPLAY_MS = 48 * 3_600_000;
const DEMO_DIR = "./data-demo";

async function main(): Promise<void> {
  const env: Record<string, string | undefined> = {
    OTTER_DATA_DIR: DEMO_DIR,
    OTTER_BOOTSTRAP_API_KEY: DEMO_API_KEY,
    OTTER_LOG_LEVEL: "warn",
    OTTER_RADIUS_HOST: "127.0.0.1",
    // The simulated HSS and SMS centre (and any webhook receiver you try) listen on this machine.
    OTTER_OUTBOUND_ALLOW: "127.0.0.0/8,::1/128",
    ...process.env,
  };
  const config = loadConfig(env);
  const busy = await firstUnavailablePort(config);
  if (busy) throw new Error(busy);
  // The demo replays the last 48 hours: on yesterday's data it would play them twice. Its own
  // directory is scratch space and starts empty; a directory or database of your choosing is kept.
  if (!process.env.OTTER_DATA_DIR && !config.DATABASE_URL)
    await rm(DEMO_DIR, { recursive: true, force: true });
  const key = config.OTTER_BOOTSTRAP_API_KEY ?? DEMO_API_KEY;
  const otter = await buildOtter({ config, logger: pino({ level: config.OTTER_LOG_LEVEL }) });
  let url: string;
  try {
    url = await otter.listen();
  } catch (err) {
    await otter.close().catch(() => {});
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      code === "EADDRINUSE"
        ? `a port Otter needs is taken (HTTP ${config.OTTER_HTTP_PORT}, RADIUS ${config.OTTER_RADIUS_PORT}, SMTP ${config.OTTER_SMTP_PORT}); choose others with OTTER_HTTP_PORT, OTTER_RADIUS_PORT and OTTER_SMTP_PORT`
        : (err as Error).message,
      { cause: err },
    );
  }

  // The last 48 hours at speed, then on in real time (for up to a week, or until Ctrl-C).
  const scenario = await loadScenarios(SCENARIOS, {
    start: { fromNowMs: -REPLAY_MS },
    durationMs: REPLAY_MS + 7 * 24 * 3_600_000,
  });
  const rule = "─".repeat(100);
  say(rule);
  say(
    `Otter is running at ${url} (storage: ${config.DATABASE_URL ? "PostgreSQL" : `${config.OTTER_DATA_DIR}${process.env.OTTER_DATA_DIR ? "" : ", fresh at every run"}`}), RADIUS accounting on UDP ${config.OTTER_RADIUS_HOST}:${otter.radiusPort}.`,
  );
  say(`API key of the operator admin:  ${key}`);
  say(rule);

  let lastProgress = 0;
  const running = await startSimulation(scenario, {
    url,
    apiKey: key,
    accountingServer: { host: "127.0.0.1", port: otter.radiusPort! },
    log: (line) => process.stderr.write(`sim: ${line}\n`),
    onTick: (stats) => {
      if (Date.now() - lastProgress < 1000) return;
      lastProgress = Date.now();
      process.stderr.write(`${progressLine(stats)}\n`);
    },
  });

  for (const line of demoGuide({ url, key, devices: scenario.devices.length })) say(line);
  say();
  say(
    `Simulated gateway: Disconnect-Requests on UDP 127.0.0.1:${running.coaPort}; HSS: ${running.hssUrl ?? "no endpoint"}; SMS centre: ${running.smsc ? `SMPP 127.0.0.1:${running.smsc.port}` : "none"}.`,
  );
  say(rule);

  let stopping = false;
  const stopAll = async (code: number) => {
    await running.close().catch(() => {});
    await otter.close().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => {
    if (stopping) process.exit(1);
    stopping = true;
    say("\nStopping the simulator and Otter…");
    running.sim.stop();
    void stopAll(0);
  });

  await running.sim.run(scenario.speed, {
    notAhead: true,
    onCaughtUp: () => {
      say(rule);
      for (const line of summaryLines(running.sim.stats())) say(line);
      say(rule);
      say(
        "The replay has caught up with the present: the network goes on in real time (the meters report daily, the",
      );
      say(
        "giraffe hourly — while its session is hung, nothing). Reset the giraffe with the command above. Ctrl-C to stop.",
      );
    },
  });
  await running.close();
  if (stopping) return;
  for (const line of summaryLines(running.sim.stats())) say(line);
  await otter.close();
}

main().catch((err: unknown) => {
  const message =
    err instanceof ScenarioError ||
    err instanceof ConfigError ||
    err instanceof ApiError ||
    err instanceof ConnectionError ||
    err instanceof Error
      ? err.message
      : String(err);
  process.stderr.write(`demo: ${message}\n`);
  process.exit(err instanceof ScenarioError || err instanceof ConfigError ? 2 : 1);
});
