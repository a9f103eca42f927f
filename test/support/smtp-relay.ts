import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The user the client authenticated as, if any. */
  user?: string;
  parsed: ParsedMail;
}

export interface TestRelay {
  port: number;
  /** The value for OTTER_SMTP_RELAY. */
  url: string;
  received: ReceivedMail[];
  /** From now on, answer RCPT TO (for `only` these addresses, or all) with this reply code, e.g. 451 or 550; null accepts again. */
  refuseRecipients(code: number | null, only?: string[]): void;
  /** From now on, take the message data but never answer it: a relay hanging mid-conversation. */
  stallData(on: boolean): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that plays the operator's mail relay in tests. Plain SMTP without
 * STARTTLS; with `auth`, it asks for those credentials (AUTH PLAIN/LOGIN) as a real relay would.
 */
export async function startTestRelay(
  opts: { port?: number; auth?: { user: string; pass: string } } = {},
): Promise<TestRelay> {
  const received: ReceivedMail[] = [];
  let refuseCode: number | null = null;
  let refuseOnly: string[] | undefined;
  let stalled = false;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: opts.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass)
        return cb(null, { user: auth.username });
      return cb(Object.assign(new Error("Invalid credentials"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (refuseCode === null || (refuseOnly && !refuseOnly.includes(address.address))) return cb();
      return cb(
        Object.assign(new Error(refuseCode >= 500 ? "No such mailbox here" : "Try again later"), {
          responseCode: refuseCode,
        }),
      );
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", cb);
      stream.on("end", () => {
        if (stalled) return;
        simpleParser(Buffer.concat(chunks)).then((parsed) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          received.push({
            envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) },
            user: session.user as string | undefined,
            parsed,
          });
          cb();
        }, cb);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const credentials = opts.auth
    ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@`
    : "";
  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    received,
    refuseRecipients: (code, only) => {
      refuseCode = code;
      refuseOnly = only;
    },
    stallData: (on) => {
      stalled = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local port with nothing listening on it: a relay that is down. */
export async function deadRelayPort(): Promise<number> {
  const relay = await startTestRelay();
  await relay.close();
  return relay.port;
}
