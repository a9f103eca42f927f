import { type Command, Option } from "commander";
import { type Config, ConfigError, describeConfig, loadConfig } from "../../app/config.js";
import { firstUnavailablePort, listenersOf, whyNotListening } from "../../app/ports.js";
import { OTTER_VERSION } from "../../app/version.js";

/** The flags of `otter serve`, each the twin of an environment variable (the flag wins). */
const FLAGS = [
  { flags: "--host <address>", env: "OTTER_HOST", attr: "host" },
  { flags: "--port <port>", env: "OTTER_HTTP_PORT", attr: "port" },
  { flags: "--data-dir <dir>", env: "OTTER_DATA_DIR", attr: "dataDir" },
  { flags: "--database-url <url>", env: "DATABASE_URL", attr: "databaseUrl" },
  { flags: "--log-level <level>", env: "OTTER_LOG_LEVEL", attr: "logLevel" },
] as const;

const STOP_TIMEOUT_MS = 15_000;

/** The environment table of `otter serve --help`, generated from the config schema so it cannot drift. */
function environmentHelp(): string {
  const vars = describeConfig();
  const width = Math.max(...vars.map((v) => v.name.length));
  const lines = vars.map(
    (v) =>
      `  ${v.name.padEnd(width)}  ${v.description}${v.default ? ` (default: ${v.default})` : ""}`,
  );
  return `\nEnvironment variables (a flag above wins over its variable):\n${lines.join("\n")}\n`;
}

/** Config messages name variables; where the user typed a flag, they name the flag and its value. */
function withFlags(message: string, flags: Record<string, string | undefined>): string {
  let named = message;
  for (const f of FLAGS) {
    const value = flags[f.attr];
    if (value === undefined) continue;
    const flag = `${f.flags.split(" ")[0]} ${JSON.stringify(value)}`;
    named = named.replace(new RegExp(`^(\\s*)${f.env}:`, "m"), `$1${flag} (${f.env}):`);
  }
  return named;
}

const DEFAULT_MAIL_FROM = /@localhost>?$/;

/** Mail to customers from otter@localhost cannot be answered, and many servers refuse it. */
function defaultMailFromWarning(config: Config): string | null {
  if (!DEFAULT_MAIL_FROM.test(config.OTTER_MAIL_FROM)) return null;
  const from = config.OTTER_MAIL_FROM;
  return config.OTTER_SMTP_RELAY
    ? `mail to customers goes out from ${from}, which they cannot answer; set OTTER_MAIL_FROM to your support address (e.g. "Support <support@example.com>").`
    : `mail to customers is kept in the outbox (no OTTER_SMTP_RELAY) and would go out from ${from}; set OTTER_MAIL_FROM to your support address before you configure a relay.`;
}

function printBootstrap(key: string | undefined, signIn?: { email: string; link: string }) {
  const rule = "─".repeat(72);
  const lines = [rule];
  if (key)
    lines.push(
      "Otter created the operator admin. Its API key:",
      "",
      `    ${key}`,
      "",
      "Store it now, it is not shown again. Use it with the CLI:",
      `    export OTTER_API_KEY=${key}`,
    );
  else lines.push("Otter created the operator admin, with the API key of OTTER_BOOTSTRAP_API_KEY.");
  if (signIn)
    lines.push(
      "",
      `To sign in to the console as ${signIn.email}, open this link once (for 7 days) and choose a password:`,
      `    ${signIn.link}`,
    );
  lines.push(rule, "");
  process.stdout.write(lines.join("\n"));
}

async function serve(flags: Record<string, string | undefined>): Promise<void> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const f of FLAGS) if (flags[f.attr] !== undefined) env[f.env] = flags[f.attr];

  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `${withFlags(err.message, flags)}\nSee \`otter serve --help\` for every setting.\n`,
    );
    process.exitCode = 2;
    return;
  }

  // Before anything is created: a start that fails on a taken port must not first make the admin.
  const busy = await firstUnavailablePort(config);
  if (busy) {
    process.stderr.write(`error: Otter cannot start: ${busy}.\n`);
    process.exitCode = 1;
    return;
  }
  const mailFromWarning = defaultMailFromWarning(config);
  if (mailFromWarning) process.stderr.write(`warning: ${mailFromWarning}\n`);

  // Loaded here, not at the top: client commands should not pay for the server's start-up.
  const [{ pino }, { buildOtter }] = await Promise.all([
    import("pino"),
    import("../../app/build-app.js"),
  ]);
  const logger = pino({ level: config.OTTER_LOG_LEVEL });

  // Whatever the server creates (the data directory, PGlite's files, the secret key) is its owner's
  // alone, whatever umask it was started with; openDatabase also repairs files made before.
  process.umask(0o077);

  let otter: Awaited<ReturnType<typeof buildOtter>>;
  try {
    otter = await buildOtter({ config, logger });
  } catch (err) {
    // Some settings can only be checked against the storage (e.g. PostgreSQL needs OTTER_SECRET_KEY).
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    // One line for the person at the terminal; the stack only when asked for (--log-level debug).
    logger.debug({ err }, "Otter could not start");
    process.stderr.write(`error: Otter could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }

  // Before listening: if the port is taken, the key must still have been seen.
  if (otter.bootstrap.created)
    printBootstrap(
      config.OTTER_BOOTSTRAP_API_KEY ? undefined : otter.bootstrap.apiKey,
      otter.bootstrap.signIn && otter.bootstrap.adminEmail
        ? { email: otter.bootstrap.adminEmail, link: otter.bootstrap.signIn.link }
        : undefined,
    );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "stopping: finishing requests and background work");
    setTimeout(() => {
      logger.error(`did not stop within ${STOP_TIMEOUT_MS / 1000} s; exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    otter.close().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, "error while stopping");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  let url: string;
  try {
    url = await otter.listen();
  } catch (err) {
    // Checked free at start; another process took a port in the meantime.
    const e = err as NodeJS.ErrnoException & { port?: number };
    const listener = listenersOf(config).find((l) => l.port === e.port);
    const why = listener ? whyNotListening(listener, e.code, e.message) : e.message;
    logger.debug({ err }, "Otter could not listen");
    process.stderr.write(`error: Otter could not listen: ${why}.\n`);
    await otter.close().catch(() => {});
    process.exit(1);
  }
  logger.info(
    { url, smtpPort: otter.smtpPort, engine: otter.database.engine, version: OTTER_VERSION },
    `Otter ${OTTER_VERSION} listening on ${url}`,
  );
}

export function registerServe(program: Command) {
  const vars = new Map(describeConfig().map((v) => [v.name, v]));
  const cmd = program
    .command("serve")
    .description(
      "Start Otter: the API, the RADIUS and SMTP listeners and the background workers, on embedded storage (PGlite) or PostgreSQL.",
    );
  for (const f of FLAGS) {
    const v = vars.get(f.env);
    cmd.addOption(new Option(f.flags, `${v?.description ?? ""} [${f.env}]`));
  }
  cmd.addHelpText("after", environmentHelp());
  cmd.action(async (opts: Record<string, string | undefined>) => serve(opts));
}
