import type { Command } from "commander";
import type { ScenarioOverrides } from "../../sim/scenario.js";
import { formatDuration, parseDuration } from "../../sim/units.js";
import { note, out, printJson } from "../format.js";

interface SimFlags {
  scenario?: string[];
  radius?: string;
  speed?: string;
  duration?: string;
  seed?: string;
  start?: string;
}

/** Exit code of a scenario or flag that cannot run: nothing was sent. */
const BAD_INPUT = 2;
/** At most this many progress lines per real second; the summary always has the totals. */
const PROGRESS_EVERY_MS = 250;

function badInput(lines: string[]): void {
  for (const l of lines) note(`error SCENARIO_INVALID: ${l}`);
  process.exitCode = BAD_INPUT;
}

type ScenarioModule = typeof import("../../sim/scenario.js");

function overridesOf(
  flags: SimFlags,
  { parseSpeedFlag, parseStartFlag, SPEED_HELP }: ScenarioModule,
): { overrides: ScenarioOverrides; radius?: { host: string; port: number }; problems: string[] } {
  const problems: string[] = [];
  const overrides: ScenarioOverrides = {};
  if (flags.speed !== undefined) {
    const r = parseSpeedFlag(flags.speed);
    if (r.success) overrides.speed = r.data;
    else problems.push(`--speed: ${SPEED_HELP}`);
  }
  if (flags.duration !== undefined) {
    const ms = parseDuration(flags.duration);
    if (ms === null || ms <= 0)
      problems.push('--duration: must be a duration such as "30m", "48h" or "7d"');
    else overrides.durationMs = ms;
  }
  if (flags.start !== undefined) {
    const r = parseStartFlag(flags.start);
    if (r.success) overrides.start = r.data;
    else
      problems.push(
        '--start: must be an ISO 8601 date, "now", "ends-now", or an offset such as "-48h"',
      );
  }
  if (flags.seed !== undefined) overrides.seed = flags.seed;
  let radius: { host: string; port: number } | undefined;
  if (flags.radius !== undefined) {
    const m = /^(.+):([0-9]{1,5})$/.exec(flags.radius);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535)
      problems.push('--radius: must be HOST:PORT such as "127.0.0.1:1813"');
    else radius = { host: m[1]!.replace(/^\[(.*)\]$/, "$1"), port };
  }
  return { overrides, radius, problems };
}

async function sim(flags: SimFlags, cmd: Command): Promise<void> {
  const globals = cmd.optsWithGlobals<{ url: string; apiKey?: string; json?: boolean }>();
  if (!flags.scenario?.length)
    return badInput(["give at least one scenario: otter sim --scenario scenarios/giraffe.yaml"]);
  // Loaded here: other commands should not pay for the simulator's imports.
  const scenarios = await import("../../sim/scenario.js");
  const { loadScenarios, ScenarioError } = scenarios;
  const [{ startSimulation }, { progressLine, summaryLines }] = await Promise.all([
    import("../../sim/index.js"),
    import("../../sim/report.js"),
  ]);
  const { overrides, radius, problems } = overridesOf(flags, scenarios);
  if (problems.length > 0) return badInput(problems);

  let scenario;
  try {
    scenario = await loadScenarios(flags.scenario, overrides);
  } catch (err) {
    if (err instanceof ScenarioError) return badInput(err.message.split("\n"));
    throw err;
  }

  let lastProgress = 0;
  const running = await startSimulation(scenario, {
    url: globals.url,
    apiKey: globals.apiKey,
    accountingServer: radius,
    log: (line) => note(`sim: ${line}`),
    onTick: (stats) => {
      if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = Date.now();
      note(progressLine(stats));
    },
  });
  const { sim: simulation } = running;
  const p = running.provisioned;
  const speed =
    scenario.speed === "max" ? "as fast as Otter answers" : `${scenario.speed}× real time`;
  note(
    `otter sim: ${scenario.name}: ${scenario.devices.length} device(s), ${formatDuration(scenario.durationMs)} from ${simulation.now().toISOString()} at ${speed}`,
  );
  note(
    `gateway "${scenario.network.name}" (${p.networkClient}) → Otter RADIUS ${running.accountingServer.host}:${running.accountingServer.port}; Disconnect-Requests on ${scenario.network.nasIp}:${running.coaPort}`,
  );
  if (running.hssUrl)
    note(
      `HSS "${scenario.hss.name}" takes cancel-location requests at ${running.hssUrl}/cancel-location`,
    );
  if (running.smsc)
    note(
      `SMS centre "${scenario.smsc.name}" takes SMPP binds (system id "${scenario.smsc.systemId}") at ${running.smsc.host}:${running.smsc.port}`,
    );
  const created = [
    p.zones && `${p.zones} zone(s)`,
    p.communicationPlans && `${p.communicationPlans} communication plan(s)`,
    p.ratePlans && `${p.ratePlans} rate plan(s)`,
    p.accounts && `${p.accounts} account(s)`,
    p.sims && `${p.sims} SIM(s)`,
  ].filter(Boolean);
  if (created.length > 0) note(`provisioned in Otter: ${created.join(", ")}`);

  let interrupted = false;
  const onSignal = () => {
    if (interrupted) {
      note("second interrupt: exiting without waiting");
      process.exit(1);
    }
    interrupted = true;
    note("stopping: waiting for the requests in flight (Ctrl-C again to quit at once)");
    simulation.stop();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    // Otter takes no event from the future: a story that reaches the present goes on in real time.
    await simulation.run(scenario.speed, {
      notAhead: true,
      onCaughtUp: () => {
        if (Date.now() < simulation.end - 60_000)
          note(
            `caught up with the present (${new Date().toISOString()}): the story goes on in real time`,
          );
      },
    });
  } finally {
    await running.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }

  const stats = simulation.stats();
  if (globals.json) printJson({ ...stats, interrupted, coaPort: running.coaPort });
  else for (const line of summaryLines(stats)) out(line);
  process.exitCode = stats.ok ? 0 : 1;
}

export function registerSim(program: Command) {
  program
    .command("sim")
    .description(
      "Simulate a network for Otter: devices that register (an HSS reading Otter), open data sessions and send RADIUS accounting (a packet gateway that also answers Disconnect-Requests).",
    )
    .option(
      "--scenario <file>",
      "scenario file (YAML); repeat to run several together",
      (v: string, acc: string[] | undefined) => [...(acc ?? []), v],
    )
    .option(
      "--radius <host:port>",
      "Otter's RADIUS accounting address (default: the scenario's, else 127.0.0.1 and OTTER_RADIUS_PORT or 1813)",
    )
    .option(
      "--speed <n>",
      'simulated seconds per real second (3600 = an hour per second), or "max"',
    )
    .option("--duration <d>", 'length of the story in simulated time, e.g. "48h"')
    .option(
      "--start <when>",
      'simulated start: an ISO date, "now", an offset such as "-48h", or "ends-now" (the default: the story ends as it finishes playing)',
    )
    .option("--seed <seed>", "seed of the story's randomness (same seed, same story)")
    .addHelpText(
      "after",
      `
Examples:
  otter sim --scenario scenarios/giraffe.yaml
  otter sim --scenario scenarios/giraffe.yaml --scenario scenarios/sea-otter.yaml --speed 7200
  otter sim --scenario scenarios/load.yaml --speed max --json | jq .radius

Prints a line per simulated hour (stderr) and a summary at the end (stdout; --json for JSON).
Exit code: 0 when every request was answered, 1 otherwise, 2 for a bad scenario or flag.
Scenario format: docs/simulator.md`,
    )
    .action(async (flags: SimFlags, cmd: Command) => sim(flags, cmd));
}
