import { BlockList, isIPv4, type AddressInfo } from "node:net";
import type { Logger } from "pino";
import { SMTPServer } from "smtp-server";
import type { DeskMailService } from "./desk-mail.service.js";
import { reusePortOption } from "../../network/reuse-port.js";
import { RawMessage } from "./raw-message.js";

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** Name in the greeting and EHLO answer. */
  name?: string;
  /** Largest message accepted (announced with SIZE; larger is refused with 552). */
  maxMessageBytes: number;
  /** Connections open at once, over all clients that are not exempt. */
  maxConnections: number;
  /** Connections open at once from one client address that is not exempt. */
  maxConnectionsPerAddress: number;
  /** IP addresses and CIDR blocks (the operator's own MX) that no connection limit applies to. */
  exemptAddresses: string[];
  /** Share the port with other Otter nodes on this host (SO_REUSEPORT; Node 22.12 or later). */
  reusePort?: boolean;
  deskMail: Pick<DeskMailService, "isMailbox" | "receive">;
  logger: Pick<Logger, "info" | "warn" | "error">;
}

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is the IPv4 client 192.0.2.1. */
const clientAddress = (remote: string) => {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote)?.[1];
  return v4 ?? remote;
};

function exemptList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const e of entries) {
    const [ip, prefix] = e.split("/") as [string, string | undefined];
    const family = isIPv4(ip) ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(prefix), family);
  }
  return list;
}

/**
 * Otter's inbound SMTP listener for the support mailboxes (smtp-server does the protocol). It refuses
 * RCPT TO for any address that is not a mailbox, announces SIZE and refuses larger messages in the
 * dialogue, and answers 250 only after the message is committed to the database.
 *
 * Anyone on the internet may connect, so the listener bounds what they can make Otter hold: a number
 * of connections overall and per client address (421 beyond it; the operator's own MX, which forwards
 * everything, can be exempt), and the message size. Parsing runs on a worker thread and storing goes
 * in short pieces (desk-mail.service.ts), so a large mail never holds up HTTP or RADIUS.
 */
export async function startSmtpListener(opts: SmtpListenerOptions) {
  const limit = opts.maxMessageBytes;
  const exempt = exemptList(opts.exemptAddresses);
  const isExempt = (address: string) => exempt.check(address, isIPv4(address) ? "ipv4" : "ipv6");
  /** Counted connections: session id → client address. */
  const counted = new Map<string, string>();
  const perAddress = new Map<string, number>();

  const server = new SMTPServer({
    name: opts.name,
    logger: false,
    banner: "Otter case desk",
    size: limit,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    onConnect(session, cb) {
      const address = clientAddress(session.remoteAddress);
      if (isExempt(address)) return cb();
      const fromAddress = perAddress.get(address) ?? 0;
      if (counted.size >= opts.maxConnections) {
        opts.logger.warn(
          { address, open: counted.size },
          "SMTP connection refused: too many connections",
        );
        return cb(smtpError(421, "4.7.0 Too many connections, try again later"));
      }
      if (fromAddress >= opts.maxConnectionsPerAddress) {
        opts.logger.warn(
          { address, open: fromAddress },
          "SMTP connection refused: too many connections from this address",
        );
        return cb(smtpError(421, "4.7.0 Too many connections from your address, try again later"));
      }
      counted.set(session.id, address);
      perAddress.set(address, fromAddress + 1);
      return cb();
    },
    onClose(session) {
      const address = counted.get(session.id);
      if (address === undefined) return;
      counted.delete(session.id);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    },
    // A desk takes mail from anywhere on the internet; it only accepts it for its own mailboxes.
    async onRcptTo(address, _session, cb) {
      try {
        if (await opts.deskMail.isMailbox(address.address)) return cb();
        return cb(smtpError(550, `5.1.1 <${address.address}>: no such support mailbox here`));
      } catch (err) {
        opts.logger.error({ err }, "could not look up a support mailbox");
        return cb(smtpError(451, "4.3.0 Temporary failure, try again later"));
      }
    },
    onMailFrom(address, _session, cb) {
      const declared = Number(
        ((address.args as Record<string, string> | false) || {})["SIZE"] ?? 0,
      );
      if (declared > limit)
        return cb(smtpError(552, `5.3.4 Message size exceeds the fixed limit of ${limit} bytes`));
      return cb();
    },
    onData(stream, session, cb) {
      const raw = new RawMessage();
      let size = 0;
      stream.on("data", (c: Buffer) => {
        size += c.length;
        // Past the limit the bytes are read and dropped: the client is told 552 at the end of DATA.
        if (size <= limit) raw.push(c);
        // One piece per turn of the event loop. Left flowing, the socket hands over what it has read
        // in one go — up to 32 reads of 64 KiB, each copied and scanned for the final dot — and a fast
        // sender held the loop 30–60 ms at a time; paused, the back-pressure reaches the socket.
        stream.pause();
        setImmediate(() => stream.resume());
      });
      stream.on("error", (err) => cb(err));
      stream.on("end", () => {
        if (stream.sizeExceeded || size > limit) {
          return cb(smtpError(552, `5.3.4 Message size exceeds the fixed limit of ${limit} bytes`));
        }
        const mailFrom =
          session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address;
        opts.deskMail
          .receive(raw, { mailFrom, rcptTo: session.envelope.rcptTo.map((r) => r.address) })
          .then(
            (res) =>
              cb(
                null,
                res.duplicate ? `Already have ${res.messageId}` : `Queued as ${res.deskMessageId}`,
              ),
            (err) => {
              opts.logger.error({ err }, "could not store an inbound message");
              cb(smtpError(451, "4.3.0 Could not store the message, try again later"));
            },
          );
      });
    },
  });
  server.on("error", (err) => opts.logger.warn({ err }, "SMTP listener error"));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    const listen = { port: opts.port, host: opts.host, ...reusePortOption(opts.reusePort) };
    server.listen(listen, () => resolve());
  });
  return {
    get port(): number {
      return (server.server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpListener = Awaited<ReturnType<typeof startSmtpListener>>;
