import type { Updateable } from "kysely";
import type { Logger } from "pino";
import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { SmsMessagesTable } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, validationError } from "../../lib/errors.js";
import {
  decodeSegment,
  type EncodedSms,
  encodeSms,
  SmsEncodingError,
} from "../../network/sms-encoding.js";
import { requirePermission } from "../auth/permissions.js";
import type { Principal } from "../auth/principal.js";
import { inSubtree } from "../tenancy/tenancy.js";
import {
  type DeliveryReceipt,
  type SmppCentre,
  SmppError,
  type SmppLink,
} from "../../network/smpp-client.js";
import type { SmsUsageService } from "../network/sms-usage.service.js";
import type { SimsService } from "../sims/sims.service.js";
import type { SmsCentresService } from "./sms-centres.service.js";
import { smsRepo as repo } from "./sms.repo.js";

/**
 * SMS to devices through an SMS centre over SMPP. An SMS is stored (queued) in the transaction of
 * the action that sends it, then submitted by a worker: claimed with SKIP LOCKED, submitted segment
 * by segment, and marked submitted with the SMSC's message ids; the SMSC's delivery receipts mark
 * it delivered or failed.
 *
 * At least once: SMPP has no idempotency key, so a node that dies after submit_sm but before it
 * stored the submit_sm_resp leaves a claim that lapses, and the SMS is submitted again. A device may
 * then get the same SMS twice — harmless for a wake-up, and configuration SMS are idempotent by
 * design on the devices we know. Losing an SMS silently would not be.
 */
export type SmsLinkFactory = (
  centre: SmppCentre,
  onReceipt: (r: DeliveryReceipt) => Promise<void>,
) => SmppLink;

interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
  centres: Pick<SmsCentresService, "forImsi" | "credentials">;
  link: SmsLinkFactory;
  /** Ownership ends at a transfer: an SMS queued for one customer is never sent to the next one's device. */
  sims: Pick<SimsService, "stillHeldBy">;
  /** MT usage: each segment the SMS centre accepts is counted into the SIM's daily usage, once. */
  usage: Pick<SmsUsageService, "countSubmitted">;
}

/** Waits before the next attempt when the SMSC cannot be reached or asks to slow down. */
export const SMS_RETRY_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000];
/** How long a node may hold an SMS it is submitting before another node takes it back. */
const CLAIM_MS = 2 * 60_000;
/** submit_sm statuses worth trying again: throttled, queue full, system error. */
const TRANSIENT = new Set([0x58, 0x14, 0x08]);
const FINAL_OK = "DELIVRD";
/** An SMS without a final receipt this long after submission is failed (SMSCs keep SMS for 1–3 days; Otter waits one). */
export const RECEIPT_WAIT_MS = 24 * 3_600_000;
const INTERMEDIATE = new Set(["ENROUTE", "ACCEPTD"]);

export type SmsPurpose = "wake-up" | "configuration";
export type SmsContent = { text: string } | { payloadHex: string };
export interface PreparedSms {
  centre: { id: string; name: string };
  encoded: EncodedSms;
}

type SmsRow = {
  id: string;
  sim_id: string;
  sms_centre_id: string;
  msisdn: string;
  purpose: string;
  encoding: string;
  data_coding: number;
  esm_class: number;
  segments: string[];
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  message_ids: string[];
  receipts: unknown;
  last_error: string | null;
  submitted_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
};

export function createSmsService(deps: Deps) {
  const { db, clock } = deps;
  const links = new Map<string, { link: SmppLink; version: number }>();
  /** Receipts that arrived before their submit_sm_resp was stored (the SMSC can be that quick). */
  const early = new Map<string, DeliveryReceipt>();
  /**
   * Storing message ids and looking a receipt up take turns, so a receipt either finds its ids or
   * is held in `early` before the ids are stored (and then applied right after).
   */
  let turn: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = turn.then(fn, fn);
    turn = next.catch(() => {});
    return next;
  };

  async function linkFor(centreId: string): Promise<SmppLink | null> {
    const c = await deps.centres.credentials(db, centreId);
    const held = links.get(centreId);
    if (!c) {
      if (held) void held.link.close();
      links.delete(centreId);
      return null;
    }
    if (held && held.version === c.version) return held.link;
    if (held) void held.link.close();
    const link = deps.link(c, (r) => applyReceipt(r));
    links.set(centreId, { link, version: c.version });
    return link;
  }

  async function applyReceipt(r: DeliveryReceipt): Promise<void> {
    if (INTERMEDIATE.has(r.stat)) return;
    await serially(() => storeReceipt(r));
  }

  async function storeReceipt(r: DeliveryReceipt): Promise<void> {
    const found = await inTransaction(db, async (tx) => {
      const row = await repo.lockByMessageId(tx, r.messageId);
      if (!row) return false;
      const receipts = (row.receipts as { messageId: string }[]).filter(
        (x) => x.messageId !== r.messageId,
      );
      const now = clock.now();
      receipts.push({
        messageId: r.messageId,
        stat: r.stat,
        err: r.err,
        doneAt: r.doneAt,
        receivedAt: now.toISOString(),
      } as never);
      const all = receipts as unknown as { messageId: string; stat: string; err: string | null }[];
      let patch: Updateable<SmsMessagesTable> = { receipts: JSON.stringify(all), updated_at: now };
      if (row.status === "submitted") {
        const bad = all.find((x) => x.stat !== FINAL_OK);
        if (bad)
          patch = {
            ...patch,
            status: "failed",
            failed_at: now,
            last_error: `The SMS centre reports ${bad.stat}${bad.err ? ` (err ${bad.err})` : ""}: ${describeStat(bad.stat)}`,
          };
        else if (row.message_ids.every((id) => all.some((x) => x.messageId === id)))
          patch = { ...patch, status: "delivered", delivered_at: now };
      }
      await repo.recordReceipts(tx, row.id, patch);
      return true;
    });
    if (!found) {
      early.set(r.messageId, r);
      if (early.size > 10_000) early.delete(early.keys().next().value!);
    }
  }

  async function submit(row: SmsRow): Promise<void> {
    let status: "submitted" | "queued" | "failed";
    let error: string | null = null;
    let ids: string[] = [];
    const attempts = row.attempts + 1;
    const link = await linkFor(row.sms_centre_id);
    if (!link) {
      status = "failed";
      error = "The SMS centre for this SIM was removed before the SMS could be submitted.";
    } else {
      try {
        ids = await link.submit(
          row.segments.map((hex) => ({
            destination: row.msisdn,
            dataCoding: row.data_coding,
            esmClass: row.esm_class,
            shortMessage: Buffer.from(hex, "hex"),
          })),
        );
        status = "submitted";
      } catch (err) {
        error = (err as Error).message;
        const permanent =
          err instanceof SmppError &&
          err.kind === "rejected" &&
          !TRANSIENT.has(err.commandStatus ?? 0);
        status = permanent || attempts > SMS_RETRY_MS.length ? "failed" : "queued";
      }
    }
    const now = clock.now();
    const held = await serially(async () => {
      const patch: Updateable<SmsMessagesTable> = {
        status,
        attempts,
        last_error: error,
        updated_at: now,
        next_attempt_at:
          status === "queued"
            ? new Date(
                now.getTime() + SMS_RETRY_MS[Math.min(row.attempts, SMS_RETRY_MS.length - 1)]!,
              )
            : null,
        ...(status === "submitted" && { message_ids: ids, submitted_at: now }),
        ...(status === "failed" && {
          failed_at: now,
          last_error: attempts > 1 ? `${error} Gave up after ${attempts} attempts.` : error,
        }),
      };
      if (status === "submitted")
        await inTransaction(db, async (tx) => {
          await repo.recordSubmission(tx, row.id, patch);
          await deps.usage.countSubmitted(tx, {
            id: row.id,
            simId: row.sim_id,
            messageIds: ids,
            at: now,
          });
        });
      else await repo.recordSubmission(db, row.id, patch);
      const found = ids.map((id) => early.get(id)).filter((r): r is DeliveryReceipt => !!r);
      for (const r of found) early.delete(r.messageId);
      return found;
    });
    if (status !== "submitted")
      deps.logger.warn({ smsId: row.id, attempts, error }, "SMS not submitted");
    for (const r of held) await applyReceipt(r);
  }

  const present = (s: SmsRow, centreName: string | null) => ({
    id: s.id,
    status: s.status,
    purpose: s.purpose,
    encoding: s.encoding,
    segments: s.segments.length,
    smsCentre: centreName,
    attempts: s.attempts,
    nextAttemptAt: s.next_attempt_at?.toISOString() ?? null,
    messageIds: s.message_ids,
    submittedAt: s.submitted_at?.toISOString() ?? null,
    deliveredAt: s.delivered_at?.toISOString() ?? null,
    failedAt: s.failed_at?.toISOString() ?? null,
    error: s.last_error,
    receipts: s.receipts as unknown[],
  });

  return {
    /** SMS of the principal's subtree created in `[from, to]`, oldest first (ids and accounts). */
    async list(
      principal: Principal,
      q: { from: Date; to: Date; simId?: string },
      page: { offset: number; limit: number },
    ) {
      requirePermission(principal, "sims:read");
      return repo.listVisible(db, principal.accountPath, q, page);
    },

    /** One SMS the principal may see, with its text as sent (null for a binary payload); null if none. */
    async find(principal: Principal, id: string) {
      requirePermission(principal, "sims:read");
      const row = await repo.findWithPath(db, id);
      if (!row || !row.account_path || !inSubtree(principal.accountPath, row.account_path))
        return null;
      const parts = row.segments.map(
        (hex) => decodeSegment(Buffer.from(hex, "hex"), row.data_coding, row.esm_class).text,
      );
      return {
        ...present(row, null),
        simId: row.sim_id,
        msisdn: row.msisdn,
        sourceAddress: row.source_address,
        text: parts.every((p) => p !== null) ? parts.join("") : null,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      };
    },

    /**
     * Checks that an SMS can be sent to the SIM and encodes it: an SMS centre serves its IMSI, and
     * the content fits. Throws the stable error otherwise. Use before any change is made.
     */
    async prepare(
      ex: Executor,
      sim: { imsi: string },
      content: SmsContent,
      id: string,
    ): Promise<PreparedSms> {
      const centre = await deps.centres.forImsi(ex, sim.imsi);
      if (!centre)
        throw conflict(
          "SMS_CENTRE_NOT_CONFIGURED",
          `No SMS centre is registered for IMSI ${sim.imsi}: register one (POST /api/v1/network/sms-centres) so Otter can send an SMS to the device.`,
        );
      try {
        const encoded = encodeSms(content, Number.parseInt(id.replace(/-/g, "").slice(-2), 16));
        return { centre, encoded };
      } catch (err) {
        if (err instanceof SmsEncodingError)
          throw validationError("text" in content ? "text" : "payloadHex", err.code, err.message);
        throw err;
      }
    },

    /** Stores the SMS for the worker to submit, in the caller's transaction. */
    async queue(
      tx: Executor,
      p: {
        id: string;
        accountId: string;
        simId: string;
        simActionId: string | null;
        msisdn: string;
        purpose: SmsPurpose;
        prepared: PreparedSms;
      },
    ) {
      const now = clock.now();
      const e = p.prepared.encoded;
      await repo.insert(tx, {
        id: p.id,
        account_id: p.accountId,
        sim_id: p.simId,
        sim_action_id: p.simActionId,
        sms_centre_id: p.prepared.centre.id,
        msisdn: p.msisdn,
        purpose: p.purpose,
        encoding: e.encoding,
        data_coding: e.dataCoding,
        esm_class: e.esmClass,
        segments: e.segments.map((s) => s.toString("hex")),
        status: "queued",
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      });
      return {
        id: p.id,
        smsCentre: p.prepared.centre.name,
        encoding: e.encoding,
        segments: e.segments.length,
      };
    },

    /** The SMS sent for a remote action, with its delivery (null when the action sent none). */
    async forSimAction(ex: Executor, simActionId: string) {
      const row = await repo.findBySimAction(ex, simActionId);
      return row ? present(row, row.centre_name) : null;
    },

    /** Submits due SMS; each is claimed (SKIP LOCKED) so two Otter nodes never submit the same one at once. */
    async deliverDue(limit = 20): Promise<number> {
      const claimed = await inTransaction(db, async (tx) => {
        // A claim whose node died mid-submit lapses: the SMS is submitted again (at least once).
        await repo.requeueLapsed(tx, clock.now());
        const due = await repo.lockDue(tx, clock.now(), limit);
        if (due.length === 0) return [];
        const sendable: typeof due = [];
        for (const d of due) {
          if (await deps.sims.stillHeldBy(tx, d.sim_id, d.account_id)) sendable.push(d);
          else
            await repo.markFailed(
              tx,
              d.id,
              clock.now(),
              "Not sent: the SIM passed to another customer before the SMS could be sent.",
            );
        }
        if (sendable.length === 0) return [];
        await repo.markSubmitting(
          tx,
          sendable.map((d) => d.id),
          CLAIM_MS,
          clock.now(),
        );
        return sendable;
      });
      for (const row of claimed) await submit(row);
      const now = clock.now();
      await repo.failUnreceipted(
        db,
        new Date(now.getTime() - RECEIPT_WAIT_MS),
        now,
        `No delivery receipt from the SMS centre within ${RECEIPT_WAIT_MS / 3_600_000} hours of submission: Otter cannot tell whether the device got it.`,
      );
      // Receipts of SMS submitted before a restart come back only on a bound link: keep one up.
      for (const centreId of await repo.centresAwaitingReceipts(db))
        (await linkFor(centreId))?.keepUp();
      // Unbind from centres that were removed.
      if (links.size > 0) {
        const live = new Set(await repo.centreIds(db));
        for (const [id, held] of links)
          if (!live.has(id)) {
            links.delete(id);
            void held.link.close();
          }
      }
      return claimed.length;
    },

    /** Unbinds from every SMS centre. */
    async close(): Promise<void> {
      await Promise.all([...links.values()].map((l) => l.link.close().catch(() => {})));
      links.clear();
    },
  };
}

function describeStat(stat: string): string {
  switch (stat) {
    case "UNDELIV":
      return "the device could not be reached (switched off, out of coverage or unknown to the network).";
    case "EXPIRED":
      return "the device stayed unreachable until the SMS expired.";
    case "REJECTD":
      return "the network rejected the SMS.";
    case "DELETED":
      return "the SMS was deleted at the SMS centre.";
    default:
      return "the SMS centre does not know whether the device got it.";
  }
}

export type SmsService = ReturnType<typeof createSmsService>;
