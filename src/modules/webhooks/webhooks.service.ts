import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { WebhookDeliveriesTable, WebhookSubscription } from "../../db/schema.js";
import type { Insertable } from "kysely";
import type { Clock } from "../../lib/clock.js";
import { validationError } from "../../lib/errors.js";
import { isUuid, newId } from "../../lib/ids.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { otterSignature } from "../../lib/signature.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal } from "../auth/principal.js";
import type { EventsService } from "../events/events.service.js";
import type { MailService } from "../mail/mail.service.js";
import { DestinationRefused, type OutboundGuard } from "../../network/outbound-guard.js";
import type { GuardedPost } from "../../network/outbound-http.js";
import type { OutboundOwner } from "../../network/outbound-policy.js";
import {
  CC_MAPPED_EVENT_TYPES,
  type CcDataFormat,
  ccPushBody,
  isCcMapped,
  type WebhookFormat,
} from "./cc-push.js";
import { publicEventType, subscribedTo } from "./webhook-events.js";
import {
  describeFailure,
  REQUEST_TIMEOUT_MS,
  RETRY_WINDOW_MS,
  retryDelayMs,
  SENDING_LEASE_MS,
  shouldPause,
} from "./webhook-policy.js";
import { webhookErrors } from "./webhooks.errors.js";
import { presentDelivery, presentWebhook } from "./webhooks.presenter.js";
import { webhooksRepo as repo } from "./webhooks.repo.js";
import type {
  CreateWebhookInput,
  DeliveriesQuery,
  UpdateWebhookInput,
} from "./webhooks.schemas.js";

/** Sends one request and resolves with the HTTP status; Otter's guarded client, a fake in unit tests. */
export type WebhookPost = GuardedPost;

export interface WebhookRound {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
  paused: number;
}

interface Deps {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount" | "noticeAddresses">;
  audit: Pick<AuditService, "record">;
  mail: Pick<MailService, "enqueue">;
  logger: Pick<Logger, "info" | "warn" | "error">;
  events: Pick<EventsService, "consume" | "position" | "payloads">;
  /** Resolves and checks destinations when a URL is given. */
  guard: Pick<OutboundGuard, "resolvePermitted">;
  /** Sends through the same guard, which checks again at connect time. */
  post: WebhookPost;
}

const DISPATCH_BATCH = 500;
/** Deliveries claimed, sent concurrently and recorded together per round. */
const DELIVERY_BATCH = 200;
/** How long one turn of the worker keeps sending full rounds back to back before yielding. */
const DRAIN_BUDGET_MS = 2_000;
/** Rounds one worker keeps in flight at once. */
const WORKER_LANES = 4;
/** Why a waiting delivery ended when its subscription switched to Control Center's format. */
const NOT_IN_CC_FORMAT =
  "Not sent: the subscription now uses Control Center's push format, which has no event of this type.";
/** The webhooks' name as an event consumer (src/modules/events). */
export const WEBHOOKS_CONSUMER = "webhooks";

/**
 * Webhooks: subscriptions per account; a dispatcher that turns each committed domain event into
 * one delivery per matching subscription (exactly once, under a locked cursor); and a worker that
 * POSTs the signed event, retrying with backoff for a day. Claims use `FOR UPDATE SKIP LOCKED`, so
 * several Otter nodes share the work without sending twice.
 */
export function createWebhooksService(deps: Deps) {
  const { db, clock, logger } = deps;
  const { post } = deps;
  const later = (ms: number) => new Date(clock.now().getTime() + ms);

  /**
   * A webhook belongs to its account's owner: the operator's when it is on the root account,
   * otherwise a customer's — also when an operator user created it on the customer's account.
   */
  let rootAccountId: Promise<string> | null = null;
  async function ownerOf(accountId: string): Promise<OutboundOwner> {
    rootAccountId ??= deps.accounts.rootAccount(db).then(
      (a) => a.id,
      (err: unknown) => {
        rootAccountId = null;
        throw err;
      },
    );
    return accountId === (await rootAccountId) ? "operator" : "customer";
  }

  /** Refuses a URL with credentials, or whose host does not resolve to addresses its owner may reach. */
  async function requireReachable(url: string, owner: OutboundOwner): Promise<void> {
    const u = new URL(url);
    if (u.username || u.password) throw webhookErrors.urlCredentials();
    try {
      await deps.guard.resolvePermitted(u.hostname, owner);
    } catch (err) {
      if (!(err instanceof DestinationRefused)) throw err;
      throw webhookErrors.urlNotPublic(owner === "operator" ? err.message : null);
    }
  }

  async function requireVisible(
    principal: Principal,
    id: string,
    ex: Executor = db,
  ): Promise<WebhookSubscription> {
    const s = await repo.findVisible(ex, principal.accountPath, id);
    if (!s) throw webhookErrors.notFound(id);
    return s;
  }

  /**
   * The format fields a subscription ends up with, checked against its events: `ccDataFormat` only
   * with Control Center's format (XML by default), and such a subscription only names events
   * Control Center has.
   */
  function formatOf(
    next: { format: WebhookFormat; ccDataFormat: CcDataFormat | undefined; events: string[] },
    current?: CcDataFormat | null,
  ): { format: WebhookFormat; cc_data_format: CcDataFormat | null } {
    if (next.format === "otter") {
      if (next.ccDataFormat !== undefined) throw webhookErrors.ccDataFormatWithoutCc();
      return { format: "otter", cc_data_format: null };
    }
    const unmapped = next.events.filter((e) => e !== "*" && !isCcMapped(e));
    if (unmapped.length > 0) throw webhookErrors.ccEventNotMapped(unmapped);
    return { format: "controlcenter", cc_data_format: next.ccDataFormat ?? current ?? "xml" };
  }

  /** Fans out queued events into deliveries; returns how many events it handled. */
  async function dispatch(opts: { maxBatches?: number } = {}): Promise<number> {
    return deps.events.consume(
      WEBHOOKS_CONSUMER,
      async (tx, events) => {
        const subs = await repo.allSubscriptions(tx);
        const now = clock.now();
        const rows: Insertable<WebhookDeliveriesTable>[] = [];
        for (const e of events) {
          const type = publicEventType(e.type);
          if (!type || !e.accountPath) continue;
          for (const s of subs) {
            // A subscription receives its account's subtree, and only what happened after it was made.
            if (
              e.accountPath.startsWith(s.path) &&
              e.position > BigInt(s.events_from) &&
              subscribedTo(s.events, type) &&
              // "*" in Control Center's format means every event Control Center has.
              (s.format === "otter" || isCcMapped(type))
            ) {
              rows.push({
                id: newId(),
                subscription_id: s.id,
                event_id: e.id,
                event_type: type,
                event_created_at: e.createdAt,
                status: "queued",
                next_attempt_at: now,
                retry_until: new Date(now.getTime() + RETRY_WINDOW_MS),
                created_at: now,
              });
            }
          }
        }
        for (let j = 0; j < rows.length; j += 1000)
          await repo.insertDeliveries(tx, rows.slice(j, j + 1000));
      },
      { batch: DISPATCH_BATCH, maxBatches: opts.maxBatches ?? 20 },
    );
  }

  /** Deliveries whose node died mid-send go back to the queue, the interruption logged as an attempt. */
  async function takeBackLapsed(tx: Executor, round: WebhookRound): Promise<void> {
    const now = clock.now();
    for (const d of await repo.lockLapsed(tx)) {
      await repo.insertAttempt(tx, {
        id: newId(),
        delivery_id: d.id,
        attempted_at: now,
        status_code: null,
        error: "Interrupted: the sending node stopped mid-send.",
        duration_ms: 0,
      });
      const giveUp = now >= d.retry_until;
      await repo.finishAttempt(tx, d.id, {
        status: giveUp ? "failed" : "queued",
        attempts: d.attempts + 1,
        next_attempt_at: giveUp ? null : now,
        last_status_code: null,
        last_error: "Interrupted: the sending node stopped mid-send.",
      });
      if (giveUp) round.failed++;
    }
  }

  /** Pauses a subscription that keeps failing and tells its owner, in the transaction that saw the last failure. */
  async function pause(tx: Executor, s: WebhookSubscription, lastError: string): Promise<void> {
    const reason = `${s.consecutive_failures} failed attempts in a row since ${s.failing_since?.toISOString() ?? "?"}; last: ${lastError}`;
    await repo.updateSubscription(tx, s.id, {
      status: "paused",
      paused_reason: reason,
      updated_at: clock.now(),
    });
    logger.warn({ webhookId: s.id, url: s.url, reason }, "webhook subscription paused");
    const to = await deps.accounts.noticeAddresses(tx, s.account_id);
    if (to.length === 0) return;
    await deps.mail.enqueue(tx, {
      accountId: s.account_id,
      to,
      purpose: "webhook_paused",
      subject: `Otter paused your webhook to ${s.url}`,
      text: [
        "Hello,",
        "",
        `Otter could not deliver events to your webhook ${s.url} (subscription ${s.id}) for more than a day,`,
        `so it has paused the subscription. ${reason}`,
        "",
        "Events keep being recorded while it is paused; none is lost. Once the receiver answers 2xx again,",
        "resume the subscription and what waited goes out at once:",
        `  PATCH /api/v1/webhooks/${s.id}  { "status": "active" }`,
        "",
        `Every attempt and its answer: GET /api/v1/webhooks/${s.id}/deliveries`,
        "",
      ].join("\n"),
    });
  }

  /**
   * Locks due deliveries (see `repo.lockDue`) and adds the account and data of their events, which
   * the events module keeps; a delivery whose event is not there is left alone.
   */
  async function lockDue(tx: Executor, limit: number) {
    const due = await repo.lockDue(tx, clock.now(), limit);
    if (due.length === 0) return [];
    const payloads = await deps.events.payloads(tx, [...new Set(due.map((d) => d.event_id))]);
    const byId = new Map(payloads.map((e) => [e.id, e]));
    return due.flatMap((d) => {
      const e = byId.get(d.event_id);
      return e ? [{ ...d, event_account_id: e.account_id, event_data: e.data }] : [];
    });
  }

  type Claimed = Awaited<ReturnType<typeof lockDue>>[number];

  interface Outcome {
    d: Claimed;
    at: Date;
    status: number | null;
    error: string | null;
    durationMs: number;
  }

  /**
   * The body of one attempt at `at`, in its subscription's format, and its content type. Built from
   * the event as stored, so a retry or a replay carries the same data (Control Center's `timestamp`
   * and `signature2` are those of the attempt).
   */
  function bodyOf(d: Claimed, secret: string, at: Date): { body: string; contentType: string } {
    if (d.format === "controlcenter" && isCcMapped(d.event_type)) {
      return {
        contentType: "application/x-www-form-urlencoded",
        body: ccPushBody({
          eventId: d.event_id,
          type: d.event_type,
          eventData: (d.event_data ?? {}) as Record<string, unknown>,
          eventAt: d.event_created_at,
          dataFormat: d.cc_data_format ?? "xml",
          sentAt: at,
          secret,
        }),
      };
    }
    return {
      contentType: "application/json",
      body: JSON.stringify({
        id: d.event_id,
        type: d.event_type,
        createdAt: d.event_created_at.toISOString(),
        accountId: d.event_account_id,
        data: d.event_data,
      }),
    };
  }

  /** POSTs one signed delivery; null when Otter is stopping (the delivery was handed back untouched). */
  async function send(d: Claimed, signal?: AbortSignal): Promise<Outcome | null> {
    const owner = await ownerOf(d.subscription_account_id);
    const at = clock.now();
    let status: number | null = null;
    let error: string | null = null;
    const started = performance.now();
    try {
      const secret = deps.secrets.open(d.secret_sealed);
      const { body, contentType } = bodyOf(d, secret, at);
      // Control Center's signature2 covers only the timestamp; Otter-Signature also covers the body.
      const headers = {
        "content-type": contentType,
        "user-agent": "Otter-Webhooks/1",
        "otter-event-id": d.event_id,
        "otter-event-type": d.event_type,
        "otter-signature": otterSignature(secret, body, at.getTime()),
      };
      const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      status = await post(
        d.url,
        body,
        headers,
        signal ? AbortSignal.any([signal, timeout]) : timeout,
        owner,
      );
    } catch (err) {
      if (signal?.aborted) {
        // Otter is stopping: hand the delivery back untouched for the next node or the next start.
        await repo.finishAttempt(db, d.id, { status: "queued", next_attempt_at: clock.now() });
        return null;
      }
      error = describeFailure(err, owner);
      if (err instanceof DestinationRefused) {
        logger.warn(
          {
            webhookId: d.subscription_id,
            deliveryId: d.id,
            url: d.url,
            owner,
            reason: err.reason,
            address: err.address,
            addressClass: err.addressClass,
            detail: err.message,
          },
          "webhook destination refused",
        );
      }
    }
    return { d, at, status, error, durationMs: Math.round(performance.now() - started) };
  }

  const succeeded = (o: Outcome) => o.status !== null && o.status >= 200 && o.status < 300;

  /**
   * Records a round's outcomes (in the order the answers came) in one transaction: every attempt in
   * the log, each delivery delivered or queued for its next retry (or failed past its window), and
   * each subscription's failure streak, pausing one that keeps failing. One transaction per round
   * instead of one per delivery is what lets a worker keep up with thousands per second.
   */
  async function record(outcomes: Outcome[], round: WebhookRound): Promise<void> {
    if (outcomes.length === 0) return;
    await inTransaction(db, async (tx) => {
      const now = clock.now();
      await repo.insertAttempts(
        tx,
        outcomes.map((o) => ({
          id: newId(),
          delivery_id: o.d.id,
          attempted_at: o.at,
          status_code: o.status,
          error: o.error,
          duration_ms: o.durationMs,
        })),
      );
      const counts = { delivered: 0, retrying: 0, failed: 0 };
      await repo.finishAttempts(
        tx,
        outcomes.map((o) => {
          const attempts = o.d.attempts + 1;
          if (succeeded(o)) {
            counts.delivered++;
            return {
              id: o.d.id,
              status: "delivered" as const,
              attempts,
              nextAttemptAt: null,
              deliveredAt: now,
              statusCode: o.status,
              error: null,
            };
          }
          const giveUp = now >= o.d.retry_until;
          if (giveUp) counts.failed++;
          else counts.retrying++;
          return {
            id: o.d.id,
            status: giveUp ? ("failed" as const) : ("queued" as const),
            attempts,
            nextAttemptAt: giveUp ? null : later(retryDelayMs(attempts)),
            deliveredAt: null,
            statusCode: o.status,
            error: o.error ?? `The receiver answered HTTP ${o.status}.`,
          };
        }),
      );
      // Per subscription, in a fixed order (two nodes recording at once must not deadlock).
      const bySub = new Map<string, Outcome[]>();
      for (const o of outcomes)
        bySub.set(o.d.subscription_id, [...(bySub.get(o.d.subscription_id) ?? []), o]);
      for (const subId of [...bySub.keys()].sort()) {
        const list = bySub.get(subId)!;
        let lastOk = -1;
        list.forEach((o, i) => {
          if (succeeded(o)) lastOk = i;
        });
        const failuresAfter = list.length - 1 - lastOk;
        const s = await repo.recordRound(tx, subId, now, { succeeded: lastOk >= 0, failuresAfter });
        const last = list[list.length - 1]!;
        if (
          failuresAfter > 0 &&
          s?.status === "active" &&
          shouldPause(
            { consecutiveFailures: s.consecutive_failures, failingSince: s.failing_since },
            now,
          )
        ) {
          await pause(tx, s, last.error ?? `The receiver answered HTTP ${last.status}.`);
          round.paused++;
        }
      }
      round.delivered += counts.delivered;
      round.retrying += counts.retrying;
      round.failed += counts.failed;
    });
  }

  /**
   * Sends what is due: claims up to `limit` deliveries in a short transaction (marking them
   * `sending` so no other node takes them), POSTs them concurrently outside it, then records the
   * outcomes together.
   */
  async function deliverDue(limit = DELIVERY_BATCH, signal?: AbortSignal): Promise<WebhookRound> {
    const round: WebhookRound = { claimed: 0, delivered: 0, retrying: 0, failed: 0, paused: 0 };
    const claimed = await inTransaction(db, async (tx) => {
      await takeBackLapsed(tx, round);
      const due = await lockDue(tx, limit);
      if (due.length > 0)
        await repo.markSending(
          tx,
          due.map((d) => d.id),
          SENDING_LEASE_MS,
        );
      return due;
    });
    round.claimed = claimed.length;
    const outcomes: Outcome[] = [];
    await Promise.all(
      claimed.map(async (d) => {
        const o = await send(d, signal);
        if (o) outcomes.push(o);
      }),
    );
    await record(outcomes, round).catch((err: unknown) => {
      // A database error while recording the outcomes: the claims lapse and the deliveries are retried.
      logger.error(
        { err, deliveries: outcomes.length },
        "could not record the outcome of webhook deliveries",
      );
    });
    return round;
  }

  /** One turn: fan out new events, send one round; busy when either had more than one batch's worth. */
  async function turn(signal?: AbortSignal): Promise<{ round: WebhookRound; busy: boolean }> {
    const moved = await dispatch();
    const round = await deliverDue(DELIVERY_BATCH, signal);
    return { round, busy: round.claimed === DELIVERY_BATCH || moved >= DISPATCH_BATCH };
  }

  return {
    dispatch,
    deliverDue,

    /**
     * The worker: turns back to back while there is a backlog, otherwise one every `pollMs`, until
     * the returned function is called; that function interrupts the sends in progress (their claims
     * go back to the queue untouched) and resolves once the loop is idle.
     */
    startWorker(pollMs: number): () => Promise<void> {
      const abort = new AbortController();
      let wakeMain: () => void = () => {};
      const idleHelpers = new Set<() => void>();
      const sleep = (ms: number | null) =>
        new Promise<void>((resolve) => {
          const timer = ms === null ? null : setTimeout(() => resolve(), ms);
          const wake = () => {
            if (timer) clearTimeout(timer);
            idleHelpers.delete(wake);
            resolve();
          };
          if (ms === null) idleHelpers.add(wake);
          else wakeMain = wake;
        });
      // The main lane fans out and sends, every `pollMs` or back to back while there is a backlog.
      // Then it also wakes the helper lanes, which send rounds until the queue runs dry and sleep
      // again: several rounds in flight keep the receivers busy while a round waits for its commits
      // (claims use SKIP LOCKED, so lanes never take the same delivery). Idle, only the main lane polls.
      const main = async () => {
        while (!abort.signal.aborted) {
          let busy = false;
          try {
            busy = (await turn(abort.signal)).busy;
          } catch (err) {
            if (!abort.signal.aborted) logger.error({ err }, "webhook round failed");
          }
          if (abort.signal.aborted) break;
          if (busy) {
            for (const wake of [...idleHelpers]) wake();
            continue;
          }
          await sleep(pollMs);
        }
      };
      const helper = async () => {
        while (!abort.signal.aborted) {
          await sleep(null);
          while (!abort.signal.aborted) {
            try {
              if ((await deliverDue(DELIVERY_BATCH, abort.signal)).claimed < DELIVERY_BATCH) break;
            } catch (err) {
              if (!abort.signal.aborted) logger.error({ err }, "webhook round failed");
              break;
            }
          }
        }
      };
      const loops = Promise.all([main(), ...Array.from({ length: WORKER_LANES - 1 }, helper)]);
      return async () => {
        abort.abort();
        wakeMain();
        for (const wake of [...idleHelpers]) wake();
        await loops;
      };
    },

    /**
     * One turn of the worker: fan out new events, then send what is due; while rounds come back
     * full it goes on at once (up to DRAIN_BUDGET_MS) rather than waiting for the next poll.
     */
    async runOnce(): Promise<WebhookRound> {
      const total: WebhookRound = { claimed: 0, delivered: 0, retrying: 0, failed: 0, paused: 0 };
      const until = performance.now() + DRAIN_BUDGET_MS;
      for (;;) {
        await dispatch();
        const r = await deliverDue();
        for (const k of Object.keys(total) as (keyof WebhookRound)[]) total[k] += r[k];
        if (r.claimed < DELIVERY_BATCH || performance.now() > until) return total;
      }
    },

    async create(principal: Principal, input: CreateWebhookInput) {
      requirePermission(principal, "webhooks:write");
      const format = formatOf({
        format: input.format ?? "otter",
        ccDataFormat: input.ccDataFormat,
        events: input.events,
      });
      // Resolving the host may take seconds: before the transaction, after the visibility check.
      const target = await deps.accounts.requireVisible(
        principal,
        input.accountId ?? principal.accountId,
      );
      await requireReachable(input.url, await ownerOf(target.id));
      return inTransaction(db, async (tx) => {
        const account = await deps.accounts.requireVisible(principal, target.id, tx);
        const now = clock.now();
        const row = await repo.insertSubscription(tx, {
          id: newId(),
          account_id: account.id,
          url: input.url,
          events: [...new Set(input.events)],
          ...format,
          events_from: await deps.events.position(tx),
          secret_sealed: deps.secrets.seal(input.secret),
          description: input.description ?? null,
          status: "active",
          created_at: now,
          updated_at: now,
        });
        await deps.audit.record(tx, {
          accountId: account.id,
          actor: actorOf(principal),
          action: "webhook.created",
          entityType: "webhook",
          entityId: row.id,
          data: { url: row.url, events: row.events, format: row.format },
        });
        return presentWebhook(row);
      });
    },

    async list(principal: Principal, accountId?: string) {
      requirePermission(principal, "webhooks:read");
      if (accountId) await deps.accounts.requireVisible(principal, accountId);
      return {
        items: (await repo.listVisible(db, principal.accountPath, accountId)).map(presentWebhook),
      };
    },

    async get(principal: Principal, id: string) {
      requirePermission(principal, "webhooks:read");
      return presentWebhook(await requireVisible(principal, id));
    },

    async update(principal: Principal, id: string, patch: UpdateWebhookInput) {
      requirePermission(principal, "webhooks:write");
      if (Object.keys(patch).length === 0)
        throw validationError("body", "NOTHING_TO_CHANGE", "Give at least one field to change.");
      if (patch.url !== undefined)
        await requireReachable(
          patch.url,
          await ownerOf((await requireVisible(principal, id)).account_id),
        );
      return inTransaction(db, async (tx) => {
        const before = await requireVisible(principal, id, tx);
        const format =
          patch.format !== undefined ||
          patch.ccDataFormat !== undefined ||
          patch.events !== undefined
            ? formatOf(
                {
                  format: patch.format ?? before.format,
                  ccDataFormat: patch.ccDataFormat,
                  events: patch.events ?? before.events,
                },
                before.cc_data_format,
              )
            : {};
        const now = clock.now();
        const resuming = patch.status === "active" && before.status === "paused";
        const row = await repo.updateSubscription(tx, id, {
          ...(patch.url !== undefined && { url: patch.url }),
          ...(patch.events !== undefined && { events: [...new Set(patch.events)] }),
          ...format,
          ...(patch.secret !== undefined && { secret_sealed: deps.secrets.seal(patch.secret) }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.status === "paused" &&
            before.status === "active" && { paused_reason: `Paused by ${principal.name}.` }),
          ...(resuming && { paused_reason: null, consecutive_failures: 0, failing_since: null }),
          updated_at: now,
        });
        if (resuming) await repo.wakeQueued(tx, id, now, new Date(now.getTime() + RETRY_WINDOW_MS));
        if (row.format === "controlcenter" && before.format !== "controlcenter")
          await repo.failQueuedOutside(tx, id, CC_MAPPED_EVENT_TYPES, NOT_IN_CC_FORMAT);
        const changed = Object.keys(patch).map((k) => (k === "secret" ? "secret (rotated)" : k));
        await deps.audit.record(tx, {
          accountId: row.account_id,
          actor: actorOf(principal),
          action: "webhook.updated",
          entityType: "webhook",
          entityId: id,
          data: { fields: changed, status: row.status },
        });
        return presentWebhook(row);
      });
    },

    async remove(principal: Principal, id: string) {
      requirePermission(principal, "webhooks:write");
      await inTransaction(db, async (tx) => {
        const s = await requireVisible(principal, id, tx);
        await repo.deleteSubscription(tx, id);
        await deps.audit.record(tx, {
          accountId: s.account_id,
          actor: actorOf(principal),
          action: "webhook.deleted",
          entityType: "webhook",
          entityId: id,
          data: { url: s.url },
        });
      });
    },

    async listDeliveries(principal: Principal, id: string, q: DeliveriesQuery) {
      requirePermission(principal, "webhooks:read");
      if (q.cursor && !isUuid(q.cursor))
        throw validationError("cursor", "INVALID_CURSOR", "The cursor is not one Otter gave out.");
      await requireVisible(principal, id);
      const rows = await repo.listDeliveries(db, id, {
        status: q.status,
        before: q.cursor,
        limit: q.limit + 1,
      });
      const pageRows = rows.slice(0, q.limit);
      const attempts = await repo.attemptsOf(
        db,
        pageRows.map((d) => d.id),
      );
      const items = pageRows.map((d) =>
        presentDelivery(
          d,
          attempts.filter((a) => a.delivery_id === d.id),
        ),
      );
      return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null };
    },

    /** Queues one delivery for a new round of attempts, starting now (delivered ones too: receivers deduplicate). */
    async replayDelivery(principal: Principal, id: string, deliveryId: string) {
      requirePermission(principal, "webhooks:write");
      return inTransaction(db, async (tx) => {
        const s = await requireVisible(principal, id, tx);
        const d = await repo.findDelivery(tx, id, deliveryId);
        if (!d) throw webhookErrors.deliveryNotFound(deliveryId);
        if (s.format === "controlcenter" && !isCcMapped(d.event_type))
          throw webhookErrors.deliveryNotInCcFormat(deliveryId, d.event_type);
        const now = clock.now();
        const res = await repo.requeue(
          tx,
          { subscriptionId: id, id: deliveryId },
          now,
          new Date(now.getTime() + RETRY_WINDOW_MS),
        );
        if (Number(res.numUpdatedRows) === 0) throw webhookErrors.deliveryInFlight(deliveryId);
        const after = (await repo.findDelivery(tx, id, deliveryId))!;
        return presentDelivery(after, await repo.attemptsOf(tx, [deliveryId]));
      });
    },

    /** Queues again every delivery of the events created in [from, to). */
    async replayRange(principal: Principal, id: string, range: { from: string; to: string }) {
      requirePermission(principal, "webhooks:write");
      const from = new Date(range.from);
      const to = new Date(range.to);
      if (to <= from) throw webhookErrors.badRange();
      return inTransaction(db, async (tx) => {
        const s = await requireVisible(principal, id, tx);
        const now = clock.now();
        const res = await repo.requeue(
          tx,
          {
            subscriptionId: id,
            from,
            to,
            ...(s.format === "controlcenter" && { eventTypes: CC_MAPPED_EVENT_TYPES }),
          },
          now,
          new Date(now.getTime() + RETRY_WINDOW_MS),
        );
        await deps.audit.record(tx, {
          accountId: s.account_id,
          actor: actorOf(principal),
          action: "webhook.replayed",
          entityType: "webhook",
          entityId: id,
          data: { from: range.from, to: range.to, requeued: Number(res.numUpdatedRows) },
        });
        return { requeued: Number(res.numUpdatedRows) };
      });
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
