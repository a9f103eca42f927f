import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { SMTPServer } from "smtp-server";
import type { DeskMailService } from "./desk-mail.service.js";
import { HARD_LIMIT_BYTES } from "./mail-intake.js";

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** Name in the greeting and EHLO answer. */
  name?: string;
  deskMail: Pick<DeskMailService, "isMailbox" | "receive">;
  logger: Pick<Logger, "info" | "warn" | "error">;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * Otter's inbound SMTP listener for the support mailboxes (smtp-server does the protocol). It refuses
 * RCPT TO for any address that is not a mailbox, announces SIZE (the hard limit) and refuses larger
 * messages in the dialogue, and answers 250 only after the message is committed to the database.
 */
export async function startSmtpListener(opts: SmtpListenerOptions) {
  const server = new SMTPServer({
    name: opts.name,
    logger: false,
    banner: "Otter case desk",
    size: HARD_LIMIT_BYTES,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
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
    onMailFrom(address, session, cb) {
      const declared = Number((address.args as Record<string, string> | false || {})["SIZE"] ?? 0);
      if (declared > HARD_LIMIT_BYTES) return cb(smtpError(552, `5.3.4 Message size exceeds the fixed limit of ${HARD_LIMIT_BYTES} bytes`));
      void session;
      return cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (c: Buffer) => {
        size += c.length;
        // Past the limit the bytes are read and dropped: the client is told 552 at the end of DATA.
        if (size <= HARD_LIMIT_BYTES) chunks.push(c);
      });
      stream.on("error", (err) => cb(err));
      stream.on("end", () => {
        if (stream.sizeExceeded || size > HARD_LIMIT_BYTES) {
          return cb(smtpError(552, `5.3.4 Message size exceeds the fixed limit of ${HARD_LIMIT_BYTES} bytes`));
        }
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address;
        opts.deskMail.receive(raw, { mailFrom, rcptTo: session.envelope.rcptTo.map((r) => r.address) }).then(
          (res) => cb(null, res.duplicate ? `Already have ${res.messageId}` : `Queued as ${res.deskMessageId}`),
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
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    get port(): number {
      return (server.server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpListener = Awaited<ReturnType<typeof startSmtpListener>>;
