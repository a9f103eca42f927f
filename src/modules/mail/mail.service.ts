import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Logger } from "pino";
import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { MailMessage } from "../../db/schema.js";
import type { Metrics } from "../../http/metrics.js";
import type { Clock } from "../../lib/clock.js";
import { validationError } from "../../lib/errors.js";
import { isUuid, newId } from "../../lib/ids.js";
import { requirePermission } from "../auth/permissions.js";
import type { Principal } from "../auth/principal.js";
import { mailErrors } from "./mail.errors.js";
import {
  outboxStatusOf,
  presentEnqueued,
  presentMailMessage,
  presentMailSummary,
  storedStatusesOf,
} from "./mail.presenter.js";
import { mailRepo as repo, type MailStatus } from "./mail.repo.js";
import type { OutboxQuery } from "./mail.schemas.js";
import {
  classifySmtpError,
  headerProblems,
  MAX_ATTEMPTS,
  messageIdFor,
  retryDelayMs,
  SENDING_LEASE_MS,
} from "./mail-policy.js";

/** A message another module wants sent; `accountId` is the account it concerns (for the outbox and audits). */
export interface OutgoingMail {
  accountId: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  /** Which part of Otter sends it, e.g. `case_reply`; shown in the outbox. */
  purpose: string;
  /** Extra headers such as Reply-To, In-Reply-To, References. Not the ones Otter sets itself. */
  headers?: Record<string, string>;
  /** A Message-ID chosen by the caller (the desk signs its own, so replies thread back); unique, `<...@...>`. */
  messageId?: string;
  /** Files sent with the message (an invoice's PDF); stored with it, listed in the outbox. */
  attachments?: OutgoingAttachment[];
}

/** A file sent with a message. */
export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** Attachments of one message together: relays commonly refuse messages much over 10 MB once encoded. */
export const MAX_ATTACHMENT_BYTES = 7 * 1024 * 1024;

/** What delivery needs of a transport: nodemailer's transporter fits, and so does a test fake. */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<{ rejected?: readonly unknown[] }>;
}

export interface DeliveryRound {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

interface Deps {
  db: Db;
  clock: Clock;
  config: { relayUrl?: string; from: string };
  /** Replaces the SMTP transport built from `relayUrl` (tests); when given, mail is queued for it. */
  transport?: MailTransport;
  metrics?: Pick<Metrics, "mailSent">;
  logger: Pick<Logger, "info" | "warn" | "error">;
}

const BATCH = 20;

/** An SMTP transport for the relay URL, with timeouts well inside the sending lease. */
export function createSmtpTransport(relayUrl: string): MailTransport {
  return nodemailer.createTransport({
    url: relayUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

/**
 * Outbound mail for every module. A message is stored first, in the caller's transaction, so mail
 * goes out exactly when the change it reports commits. With a relay it is queued and a worker sends
 * it, retrying with backoff; without one it stays in the local outbox for operators to read.
 * Claims use `FOR UPDATE SKIP LOCKED`, so several Otter nodes share the queue without sending twice.
 */
export function createMailService(deps: Deps) {
  const { db, clock, config, logger } = deps;
  const transport =
    deps.transport ?? (config.relayUrl ? createSmtpTransport(config.relayUrl) : undefined);

  const countFinal = (status: "sent" | "failed") => deps.metrics?.mailSent.inc({ status });
  const later = (ms: number) => new Date(clock.now().getTime() + ms);

  async function enqueue(
    tx: Executor,
    msg: OutgoingMail,
  ): Promise<{ id: string; messageId: string; status: MailStatus }> {
    if (msg.to.length === 0) throw mailErrors.noRecipient();
    const problems = headerProblems(msg.headers ?? {});
    if (problems.length > 0) throw mailErrors.badHeaders(problems);
    const id = newId();
    if (msg.messageId !== undefined && !/^<[^<>\s@]+@[^<>\s@]+>$/.test(msg.messageId))
      throw mailErrors.badHeaders([`Message-ID ${msg.messageId} is not <local@domain>.`]);
    const attachments = msg.attachments ?? [];
    for (const a of attachments)
      if (!a.filename.trim() || /[\r\n"\\/]/.test(a.filename))
        throw mailErrors.badAttachment(
          `The attachment name ${JSON.stringify(a.filename)} is empty or has a character a file name cannot have.`,
        );
    const total = attachments.reduce((sum, a) => sum + a.content.byteLength, 0);
    if (total > MAX_ATTACHMENT_BYTES)
      throw mailErrors.attachmentsTooLarge(total, MAX_ATTACHMENT_BYTES);
    const messageId = msg.messageId ?? messageIdFor(id, config.from);
    const now = clock.now();
    const status: MailStatus = transport ? "queued" : "outbox";
    await repo.insert(tx, {
      id,
      account_id: msg.accountId,
      message_id: messageId,
      from_address: config.from,
      to_addresses: msg.to,
      cc_addresses: msg.cc ?? [],
      subject: msg.subject,
      text_body: msg.text,
      html_body: msg.html ?? null,
      headers: JSON.stringify(msg.headers ?? {}),
      purpose: msg.purpose,
      status,
      next_attempt_at: transport ? now : null,
      created_at: now,
    });
    if (attachments.length > 0)
      await repo.insertAttachments(
        tx,
        attachments.map((a, i) => ({
          mail_id: id,
          n: i + 1,
          filename: a.filename,
          content_type: a.contentType,
          size: a.content.byteLength,
          content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
        })),
      );
    return { id, messageId, status };
  }

  /**
   * Messages whose node died mid-send go back to the queue. The relay may have taken them already;
   * resending under the same Message-ID lets the receiving side drop the duplicate.
   */
  async function takeBackLapsed(tx: Executor, round: DeliveryRound): Promise<void> {
    for (const m of await repo.lockLapsed(tx)) {
      const attempts = m.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await repo.markAttemptFailed(
        tx,
        m.id,
        attempts,
        "Delivery was interrupted (the sending node stopped mid-send).",
        giveUp ? null : clock.now(),
      );
      if (giveUp) {
        round.failed++;
        countFinal("failed");
      }
    }
  }

  async function deliverOne(
    transport: MailTransport,
    m: MailMessage,
    round: DeliveryRound,
    signal?: AbortSignal,
  ) {
    if (signal?.aborted) {
      // Otter is stopping: hand the message back untouched for the next node or the next start.
      await repo.release(db, m.id, clock.now());
      return;
    }
    const attempts = m.attempts + 1;
    try {
      const files = await repo.attachmentContentsOf(db, m.id);
      const info = await transport.sendMail({
        from: m.from_address,
        to: m.to_addresses,
        cc: m.cc_addresses.length > 0 ? m.cc_addresses : undefined,
        subject: m.subject,
        text: m.text_body,
        html: m.html_body ?? undefined,
        headers: (m.headers ?? {}) as Record<string, string>,
        messageId: m.message_id,
        date: m.created_at,
        attachments:
          files.length > 0
            ? files.map((f) => ({
                filename: f.filename,
                contentType: f.content_type,
                content: f.content,
              }))
            : undefined,
        signal,
      });
      const rejected = (info.rejected ?? []).map(String);
      await repo.markSent(
        db,
        m.id,
        clock.now(),
        attempts,
        rejected.length > 0 ? `The relay refused: ${rejected.join(", ")}` : null,
      );
      round.sent++;
      countFinal("sent");
    } catch (err) {
      if (signal?.aborted) {
        await repo.release(db, m.id, clock.now());
        return;
      }
      const failure = classifySmtpError(err);
      const giveUp = failure.permanent || attempts >= MAX_ATTEMPTS;
      await repo.markAttemptFailed(
        db,
        m.id,
        attempts,
        failure.summary,
        giveUp ? null : later(retryDelayMs(attempts)),
      );
      logger.warn(
        { mailId: m.id, messageId: m.message_id, attempts, error: failure.summary, gaveUp: giveUp },
        "mail delivery failed",
      );
      if (giveUp) {
        round.failed++;
        countFinal("failed");
      } else round.retrying++;
    }
  }

  /**
   * Sends what is due: claims up to `limit` queued messages in a short transaction (marking them
   * `sending` so no other node takes them), then sends each through the relay outside it.
   */
  async function deliverDue(limit = BATCH, signal?: AbortSignal): Promise<DeliveryRound> {
    const round: DeliveryRound = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
    if (!transport) return round;
    const claimed = await inTransaction(db, async (tx) => {
      await takeBackLapsed(tx, round);
      const due = await repo.lockDue(tx, clock.now(), limit);
      if (due.length > 0)
        await repo.markSending(
          tx,
          due.map((m) => m.id),
          SENDING_LEASE_MS,
        );
      return due;
    });
    round.claimed = claimed.length;
    for (const m of claimed) {
      try {
        await deliverOne(transport, m, round, signal);
      } catch (err) {
        // A database error while recording the outcome: the claim lapses and the message is retried.
        logger.error({ err, mailId: m.id }, "could not record the outcome of a mail delivery");
      }
    }
    return round;
  }

  async function requireVisible(
    principal: Principal,
    id: string,
    ex: Executor = db,
  ): Promise<MailMessage> {
    const m = await repo.findVisible(ex, principal.accountPath, id);
    if (!m) throw mailErrors.notFound(id);
    return m;
  }

  return {
    enqueue,
    deliverDue,

    async list(principal: Principal, opts: OutboxQuery) {
      requirePermission(principal, "mail:read");
      if (opts.cursor && !isUuid(opts.cursor))
        throw validationError("cursor", "INVALID_CURSOR", "The cursor is not one Otter gave out.");
      const rows = await repo.listVisible(db, principal.accountPath, {
        statuses: opts.status && storedStatusesOf(opts.status),
        before: opts.cursor,
        limit: opts.limit + 1,
      });
      const page = rows.slice(0, opts.limit);
      const files =
        page.length > 0
          ? await repo.attachmentsOf(
              db,
              page.map((m) => m.id),
            )
          : [];
      const items = page.map((m) =>
        presentMailSummary(
          m,
          files.filter((f) => f.mail_id === m.id),
        ),
      );
      return { items, nextCursor: rows.length > opts.limit ? items[items.length - 1]!.id : null };
    },

    async get(principal: Principal, id: string) {
      requirePermission(principal, "mail:read");
      const m = await requireVisible(principal, id);
      return presentMailMessage(m, await repo.attachmentsOf(db, [m.id]));
    },

    /** One attachment of a message, with its content, for download. */
    async attachment(principal: Principal, id: string, n: number) {
      requirePermission(principal, "mail:read");
      const a = await repo.findVisibleAttachment(db, principal.accountPath, id, n);
      if (!a) throw mailErrors.attachmentNotFound(id, n);
      return a;
    },

    /** A failed message (or one kept in the outbox, once a relay exists) goes back to the queue for a full round of attempts. */
    async retry(principal: Principal, id: string) {
      // Operators only; the permission matrix has no separate "mail:send" yet, and mail:read is held by exactly them.
      requirePermission(principal, "mail:read");
      return inTransaction(db, async (tx) => {
        const m = await requireVisible(principal, id, tx);
        if (m.status !== "failed" && m.status !== "outbox")
          throw mailErrors.notRetryable(id, outboxStatusOf(m.status));
        if (!transport) throw mailErrors.relayNotConfigured();
        const res = await repo.requeue(tx, id, m.status, clock.now());
        if (Number(res.numUpdatedRows) === 0) throw mailErrors.notRetryable(id, "changing");
        return presentMailMessage(
          await requireVisible(principal, id, tx),
          await repo.attachmentsOf(tx, [id]),
        );
      });
    },

    /** Queues a short message to `to`, so an operator can see the relay configuration work end to end. */
    async sendTest(principal: Principal, to: string) {
      requirePermission(principal, "mail:read");
      const queued = await inTransaction(db, (tx) =>
        enqueue(tx, {
          accountId: principal.accountId,
          to: [to],
          purpose: "relay_test",
          subject: "Otter test message",
          text:
            `This is a test message from Otter, queued by ${principal.name} to check outbound mail.\n` +
            "If you are reading it, Otter's mail relay configuration works.\n",
        }),
      );
      return presentEnqueued(queued);
    },

    /**
     * Polls for due mail every `pollMs` until the returned function is called; that function
     * interrupts a send in progress, hands unsent claims back, and resolves once the loop is idle.
     */
    startWorker(pollMs: number): () => Promise<void> {
      if (!transport) return async () => {};
      const abort = new AbortController();
      let wake: () => void = () => {};
      const loop = (async () => {
        while (!abort.signal.aborted) {
          let busy = false;
          try {
            busy = (await deliverDue(BATCH, abort.signal)).claimed === BATCH;
          } catch (err) {
            logger.error({ err }, "mail delivery round failed");
          }
          if (busy || abort.signal.aborted) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      })();
      return async () => {
        abort.abort();
        wake();
        await loop;
      };
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
