#!/usr/bin/env node
import { Command, Option } from "commander";
import { OTTER_VERSION } from "../app/version.js";
import { registerAccounts } from "./commands/accounts.js";
import { registerActions } from "./commands/actions.js";
import { registerCases } from "./commands/cases.js";
import { registerDeskKnowledge } from "./commands/desk-knowledge.js";
import { registerDeskSla } from "./commands/desk-sla.js";
import { registerDiagnose } from "./commands/diagnose.js";
import { registerJobs } from "./commands/jobs.js";
import { registerOnboard } from "./commands/onboard.js";
import { registerOutbox } from "./commands/outbox.js";
import { registerPlans } from "./commands/plans.js";
import { registerServe } from "./commands/serve.js";
import { registerSim } from "./commands/sim.js";
import { registerSims } from "./commands/sims.js";
import { registerUsers } from "./commands/users.js";
import { registerZones } from "./commands/zones.js";
import { registerRules } from "./commands/rules.js";
import { registerCaseCheck, registerClarity } from "./commands/clarity.js";
import { registerInvoices } from "./commands/invoices.js";
import { reportError } from "./format.js";

/**
 * The `otter` command. `otter serve` runs the server; every other command is a client of a running
 * server over its HTTP API (never of the data directory, which that server owns).
 */
export function buildProgram(): Command {
  const program = new Command("otter")
    .description("Otter — operations platform for IoT connectivity providers.")
    .version(OTTER_VERSION, "-V, --version", "print Otter's version")
    .addOption(
      new Option("--url <url>", "Otter server the client commands talk to")
        .env("OTTER_URL")
        .default("http://127.0.0.1:8080"),
    )
    .addOption(
      new Option("--api-key <key>", "API key for the client commands").env("OTTER_API_KEY"),
    )
    .option("--json", "print the API's JSON instead of tables (for scripts)")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  otter serve --port 8080 --data-dir ./data
  export OTTER_API_KEY=otk_…
  otter sims list --state ACTIVATED
  otter sims import sims.csv --account <account-id>
  otter sims set-state 89440012345678901239 ACTIVATED --reason "go-live"
  otter sims get 89440012345678901239 --json | jq .state

Run \`otter <command> --help\` for a command's options. Documentation: docs/cli.md`,
    );

  registerServe(program);
  registerSims(program);
  registerJobs(program);
  registerAccounts(program);
  registerUsers(program);
  registerPlans(program);
  registerZones(program);
  registerRules(program);
  registerOutbox(program);
  registerSim(program);
  registerDiagnose(program);
  registerActions(program);
  registerCases(program);
  registerOnboard(program);
  registerClarity(program);
  registerCaseCheck(program.commands.find((c) => c.name() === "cases")!);
  registerInvoices(program);
  const desk =
    program.commands.find((c) => c.name() === "desk") ??
    program.command("desk").description("The case desk: cases, SLA clocks and the agent's queue.");
  registerDeskSla(desk);
  registerDeskKnowledge(desk);
  return program;
}

// `otter sims list --all | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportError(err);
}
