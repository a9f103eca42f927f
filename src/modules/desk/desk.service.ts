import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { Case, CaseState } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { OtterError, validationError } from "../../lib/errors.js";
import { isUuid, newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import type { BillingService } from "../billing/billing.service.js";
import { inSubtree } from "../tenancy/tenancy.js";
import type { ClarityService } from "../clarity/clarity.service.js";
import type { ReplyDecision } from "../clarity/reply-decisions.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal } from "../auth/principal.js";
import type { EventsService } from "../events/events.service.js";
import { mailDeliveryRepo } from "../mail/mail-delivery.shared.repo.js";
import type { MailService } from "../mail/mail.service.js";
import type { SimsService } from "../sims/sims.service.js";
import type { CaseView } from "./case-view.js";
import { casesRepo } from "./cases.repo.js";
import { type CasesService, tenantOf } from "./cases.service.js";
import { consultationsRepo } from "./consultations.repo.js";
import { readBlob } from "./desk-blobs.js";
import { deskMailRepo } from "./desk-mail.repo.js";
import type { DeskMailService } from "./desk-mail.service.js";
import { deskErrors } from "./desk.errors.js";
import { presentCase, presentConsultation } from "./desk.presenter.js";
import { replySubject } from "./mail-threading.js";

interface Deps {
  db: Db;
  clock: Clock;
  cases: CasesService;
  deskMail: DeskMailService;
  accounts: Pick<AccountsService, "requireVisible" | "rootAccount" | "directory">;
  audit: AuditService;
  events: Pick<EventsService, "emit">;
  mail: Pick<MailService, "retry">;
  sims: Pick<SimsService, "requireVisibleSim" | "findById">;
  /** Invoices a billing case is about: linked only when the caller sees them and they are the customer's. */
  billing: Pick<BillingService, "get">;
  /** The read-only case with its timeline and SIM context, answered after each change. */
  caseView: CaseView;
  /** Checks each reply as sent and stores the findings with it (docs/clarity.md); never blocks. */
  clarity?: Pick<ClarityService, "checkSentReply" | "recordSentReply">;
}

/** Digits of a phone number, without a leading international prefix, for matching (`+39 02 1234` ~ `0039021234`). */
export const phoneDigits = (n: string) => n.replace(/[^0-9]/g, "").replace(/^00/, "");

/**
 * The desk as the API and CLI use it: a case with its whole timeline and the context of its SIMs,
 * replies, calls, consultations, links, caller lookup and support mailboxes.
 */
export function createDeskService(deps: Deps) {
  const { db, clock, cases, deskMail, audit } = deps;
  const { detail } = deps.caseView;

  async function recipientsOf(ex: Executor, c: Case): Promise<string[]> {
    if (c.requester_email) return [c.requester_email];
    const lastIn = await deskMailRepo.lastInboundSender(ex, c.id);
    if (lastIn?.from_address) return [lastIn.from_address];
    if (c.contact_ids.length > 0) {
      const k = (await deps.accounts.directory.contactsByIds(ex, c.contact_ids)).filter(
        (x) => x.email !== null,
      );
      if (k.length > 0) return k.map((x) => x.email!);
    }
    return [];
  }

  async function requireConsultation(ex: Executor, c: Case, id: string) {
    const k = isUuid(id) ? await consultationsRepo.lock(ex, c.id, id) : undefined;
    if (!k) throw deskErrors.consultationNotFound(id, c.number);
    return k;
  }

  return {
    async get(principal: Principal, id: string) {
      requirePermission(principal, "cases:read");
      return detail(principal, await cases.requireVisibleCase(principal, id));
    },

    detail,

    /**
     * A reply to the customer: stored on the case and queued for sending in one transaction (so it
     * is on the timeline before any attempt), with the signed Message-ID, In-Reply-To, References
     * and the subject tag. A case that was `new` becomes `open` unless another state is asked for.
     */
    async reply(
      principal: Principal,
      id: string,
      input: {
        body: string;
        to?: string[];
        cc?: string[];
        subject?: string;
        state?: CaseState;
        clarity?: { decisions: ReplyDecision[] };
      },
    ) {
      requirePermission(principal, "cases:work");
      // Checked before the transaction (reads only); findings are stored with the reply, never block it.
      const check = await deps.clarity?.checkSentReply(principal, id, input.body);
      return inTransaction(db, async (tx) => {
        let c = await cases.requireVisibleCase(principal, id, tx, true);
        if (c.state === "closed") throw deskErrors.caseClosed(c.number);
        const to = input.to && input.to.length > 0 ? input.to : await recipientsOf(tx, c);
        if (to.length === 0) throw deskErrors.noRecipient();
        const { references, inReplyTo } = await deskMail.threadHeaders(tx, c.id, null);
        const subject = input.subject
          ? replySubject(input.subject, c.number).replace(/^Re: /, "")
          : replySubject(c.subject, c.number);
        const out = await deskMail.queueOutbound(tx, c, {
          to,
          cc: input.cc,
          subject,
          text: input.body,
          purpose: "case_reply",
          inReplyTo,
          references,
        });
        const entryId = await cases.appendEntry(tx, c, {
          kind: "email_out",
          body: input.body,
          actor: actorOf(principal),
          deskMessageId: out.id,
          data: { to, cc: input.cc ?? [], subject },
        });
        if (check)
          await deps.clarity!.recordSentReply(tx, {
            check,
            caseId: c.id,
            accountId: tenantOf(c),
            entryId,
            deskMessageId: out.id,
            principal,
            decisions: input.clarity?.decisions ?? [],
          });
        await deps.events.emit(tx, [
          {
            accountId: tenantOf(c),
            type: "case.replied",
            subjectId: c.id,
            data: { caseId: c.id, number: c.number, by: "agent", to },
          },
        ]);
        const target = input.state ?? (c.state === "new" ? "open" : undefined);
        if (target && target !== c.state)
          c = await cases.changeState(tx, c, target, actorOf(principal));
        await audit.record(tx, {
          accountId: tenantOf(c),
          actor: actorOf(principal),
          action: "case.reply",
          entityType: "case",
          entityId: c.id,
          data: { to, messageId: out.messageId },
        });
        return {
          caseId: c.id,
          entryId,
          messageId: out.messageId,
          deskMessageId: out.id,
          sendStatus: "queued" as const,
          waitingForRelay: out.status === "outbox",
          state: c.state,
        };
      });
    },

    /** Sends a failed reply again (through the mail service's retry; a fresh round of attempts). */
    async retryReply(principal: Principal, id: string, deskMessageId: string) {
      requirePermission(principal, "cases:work");
      const c = await cases.requireVisibleCase(principal, id);
      const m = isUuid(deskMessageId)
        ? await deskMailRepo.findOutboundOfCase(db, c.id, deskMessageId)
        : undefined;
      if (!m || !m.mail_id) throw deskErrors.messageNotFound(deskMessageId, c.number);
      const [mail] = await mailDeliveryRepo.deliveryOf(db, [m.mail_id]);
      if (mail?.status !== "failed")
        throw deskErrors.notRetryable(deskMessageId, mail?.status ?? "unknown", c.number);
      await deps.mail.retry(principal, m.mail_id);
      await inTransaction(db, async (tx) => {
        await deskMailRepo.markRequeued(tx, m.id);
        await cases.appendEntry(tx, c, {
          kind: "event",
          actor: actorOf(principal),
          data: { type: "reply_retried", deskMessageId: m.id },
        });
      });
      return { deskMessageId: m.id, sendStatus: "queued" as const };
    },

    async logCall(
      principal: Principal,
      id: string,
      input: {
        direction: "inbound" | "outbound";
        number: string;
        contactId?: string;
        durationSeconds: number;
        summary: string;
      },
    ) {
      requirePermission(principal, "cases:work");
      return inTransaction(db, async (tx) => {
        const c = await cases.requireVisibleCase(principal, id, tx, true);
        if (c.state === "closed") throw deskErrors.caseClosed(c.number);
        let contact: { id: string; name: string } | undefined;
        if (input.contactId) {
          contact = isUuid(input.contactId)
            ? (await deps.accounts.directory.contactsByIds(tx, [input.contactId])).find(
                (k) => k.account_id === c.account_id,
              )
            : undefined;
          if (!contact)
            throw validationError(
              "contactId",
              "CASE_CONTACT_NOT_FOUND",
              "The contact is not a contact of the case's account.",
            );
        }
        const entryId = await cases.appendEntry(tx, c, {
          kind: "phone",
          body: input.summary,
          actor: actorOf(principal),
          data: {
            direction: input.direction,
            number: input.number,
            contactId: contact?.id ?? null,
            contactName: contact?.name ?? null,
            durationSeconds: input.durationSeconds,
          },
        });
        return { caseId: c.id, entryId };
      });
    },

    /** Who is calling: contacts whose phone number matches, their customer and its open cases. */
    async lookupCaller(principal: Principal, number: string) {
      requirePermission(principal, "cases:work");
      const digits = phoneDigits(number);
      if (digits.length < 4)
        throw validationError(
          "number",
          "CALLER_NUMBER_INVALID",
          "Give a phone number with at least 4 digits.",
        );
      const tail = digits.slice(-9);
      const rows = await deps.accounts.directory.contactsByPhoneTail(
        db,
        tail,
        principal.accountPath,
      );
      const matches = [];
      for (const r of rows) {
        const open = await cases.openCasesOf(db, r.account_id);
        matches.push({
          contact: { id: r.id, name: r.name, email: r.email, phone: r.phone },
          account: { id: r.account_id, name: r.account_name },
          openCases: open.map(presentCase),
        });
      }
      return { number, matches };
    },

    /**
     * Asks another team (an internal queue) or an outside party (by e-mail) without handing the case
     * over: the consultation has its own thread (its own Message-ID token kind), the case waits on it,
     * and the owner stays who it was.
     */
    async openConsultation(
      principal: Principal,
      id: string,
      input: { team?: string; address?: string; subject: string; body: string },
    ) {
      requirePermission(principal, "cases:work");
      if ((input.team ? 1 : 0) + (input.address ? 1 : 0) !== 1)
        throw deskErrors.consultationTarget();
      return inTransaction(db, async (tx) => {
        let c = await cases.requireVisibleCase(principal, id, tx, true);
        if (c.state === "closed" || c.state === "resolved")
          throw deskErrors.invalidTransition(c.number, c.state, "waiting_on_consultation");
        const k = {
          id: newId(),
          case_id: c.id,
          team: input.team ?? null,
          address: input.address ?? null,
          subject: input.subject,
          state: "open" as const,
          created_by_user_id: principal.userId,
          created_at: clock.now(),
          answered_at: null,
          closed_at: null,
        };
        await consultationsRepo.insert(tx, k);
        let deskMessageId: string | null = null;
        if (input.address) {
          const out = await deskMail.queueOutbound(tx, c, {
            to: [input.address],
            subject: `${input.subject} [Consultation #${c.number}]`,
            text: input.body,
            purpose: "case_consultation",
            consultationId: k.id,
          });
          deskMessageId = out.id;
        }
        await cases.appendEntry(tx, c, {
          kind: "consultation",
          body: input.body,
          actor: actorOf(principal),
          consultationId: k.id,
          deskMessageId,
          data: { type: "opened", team: k.team, address: k.address, subject: k.subject },
        });
        c = await cases.changeState(tx, c, "waiting_on_consultation", actorOf(principal), {
          system: "consultation_opened",
        });
        await audit.record(tx, {
          accountId: tenantOf(c),
          actor: actorOf(principal),
          action: "case.consultation_open",
          entityType: "case",
          entityId: c.id,
          data: { consultationId: k.id, team: k.team, address: k.address },
        });
        return presentConsultation(k);
      });
    },

    /**
     * A message in a consultation. For a team consultation it is the team's answer (recorded by
     * whoever answers); for an outside party it goes out by e-mail on the consultation's thread.
     */
    async consultationReply(
      principal: Principal,
      id: string,
      consultationId: string,
      input: { body: string; answer?: boolean },
    ) {
      requirePermission(principal, "cases:work");
      return inTransaction(db, async (tx) => {
        let c = await cases.requireVisibleCase(principal, id, tx, true);
        const k = await requireConsultation(tx, c, consultationId);
        if (k.state === "closed") throw deskErrors.consultationClosed(k.id);
        const isAnswer = input.answer ?? !k.address;
        let deskMessageId: string | null = null;
        if (k.address && !isAnswer) {
          const { references, inReplyTo } = await deskMail.threadHeaders(tx, c.id, k.id);
          const out = await deskMail.queueOutbound(tx, c, {
            to: [k.address],
            subject: `Re: ${k.subject} [Consultation #${c.number}]`,
            text: input.body,
            purpose: "case_consultation",
            consultationId: k.id,
            inReplyTo,
            references,
          });
          deskMessageId = out.id;
        }
        const entryId = await cases.appendEntry(tx, c, {
          kind: "consultation",
          body: input.body,
          actor: actorOf(principal),
          consultationId: k.id,
          deskMessageId,
          data: {
            type: isAnswer ? "answer" : "message",
            direction: isAnswer ? "in" : "out",
            team: k.team,
            address: k.address,
          },
        });
        if (isAnswer) {
          await consultationsRepo.markAnswered(tx, k.id, clock.now());
          const stillOpen = await consultationsRepo.anyOpen(tx, c.id);
          if (!stillOpen && c.state === "waiting_on_consultation")
            c = await cases.changeState(tx, c, "open", actorOf(principal), {
              system: "consultation_answered",
            });
        }
        return { caseId: c.id, consultationId: k.id, entryId, state: c.state };
      });
    },

    async closeConsultation(principal: Principal, id: string, consultationId: string) {
      requirePermission(principal, "cases:work");
      return inTransaction(db, async (tx) => {
        const c = await cases.requireVisibleCase(principal, id, tx, true);
        const k = await requireConsultation(tx, c, consultationId);
        if (k.state === "closed") return presentConsultation(k);
        const now = clock.now();
        await consultationsRepo.close(tx, k.id, now);
        await cases.appendEntry(tx, c, {
          kind: "consultation",
          actor: actorOf(principal),
          consultationId: k.id,
          data: { type: "closed" },
        });
        const stillOpen = await consultationsRepo.anyOpen(tx, c.id);
        if (!stillOpen && c.state === "waiting_on_consultation")
          await cases.changeState(tx, c, "open", actorOf(principal), {
            system: "consultation_closed",
          });
        return presentConsultation({ ...k, state: "closed", closed_at: now });
      });
    },

    async addLink(
      principal: Principal,
      id: string,
      input: { iccid?: string; accountId?: string; invoiceId?: string },
    ) {
      requirePermission(principal, "cases:work");
      const targets = [input.iccid, input.accountId, input.invoiceId].filter(Boolean);
      if (targets.length !== 1) throw deskErrors.linkTarget();
      // Read through billing first (its own handle): not found for an invoice the caller may not see.
      const invoice = input.invoiceId
        ? await deps.billing.get(principal, input.invoiceId)
        : undefined;
      return inTransaction(db, async (tx) => {
        const c = await cases.requireVisibleCase(principal, id, tx, true);
        const linkId = newId();
        if (invoice) {
          if (!c.account_id) throw deskErrors.invoiceNeedsAccount(c.number);
          const paths = await deps.accounts.directory.accountsByIds(tx, [
            c.account_id,
            invoice.accountId,
          ]);
          const casePath = paths.find((a) => a.id === c.account_id)?.path;
          const invoicePath = paths.find((a) => a.id === invoice.accountId)?.path;
          if (!casePath || !invoicePath || !inSubtree(casePath, invoicePath))
            throw deskErrors.invoiceNotOfCustomer(invoice.id, c.number);
          const added = await casesRepo.insertLink(tx, {
            id: linkId,
            case_id: c.id,
            kind: "invoice",
            sim_id: null,
            linked_account_id: null,
            invoice_id: invoice.id,
            created_by_user_id: principal.userId,
            created_at: clock.now(),
          });
          if (added)
            await cases.appendEntry(tx, c, {
              kind: "event",
              actor: actorOf(principal),
              data: { type: "linked", invoiceId: invoice.id, invoice: invoice.number },
            });
        } else if (input.iccid) {
          const sim = await deps.sims.requireVisibleSim(principal, input.iccid, tx);
          const added = await casesRepo.insertLink(tx, {
            id: linkId,
            case_id: c.id,
            kind: "sim",
            sim_id: sim.id,
            linked_account_id: null,
            created_by_user_id: principal.userId,
            created_at: clock.now(),
          });
          if (added)
            await cases.appendEntry(tx, c, {
              kind: "event",
              actor: actorOf(principal),
              data: { type: "linked", sim: sim.iccid },
            });
        } else {
          const account = await deps.accounts.requireVisible(principal, input.accountId!, tx);
          const added = await casesRepo.insertLink(tx, {
            id: linkId,
            case_id: c.id,
            kind: "account",
            sim_id: null,
            linked_account_id: account.id,
            created_by_user_id: principal.userId,
            created_at: clock.now(),
          });
          if (added)
            await cases.appendEntry(tx, c, {
              kind: "event",
              actor: actorOf(principal),
              data: { type: "linked", accountId: account.id },
            });
        }
        return c;
      }).then((c) => detail(principal, c));
    },

    async removeLink(principal: Principal, id: string, linkId: string) {
      requirePermission(principal, "cases:work");
      await inTransaction(db, async (tx) => {
        const c = await cases.requireVisibleCase(principal, id, tx, true);
        const link = isUuid(linkId) ? await casesRepo.findLink(tx, c.id, linkId) : undefined;
        if (!link)
          throw new OtterError(
            "not_found",
            "CASE_LINK_NOT_FOUND",
            `Link ${linkId} was not found on case #${c.number}.`,
          );
        // The timeline names the SIM as people know it (its ICCID), as the "linked" event does.
        const sim = link.sim_id ? await deps.sims.findById(tx, link.sim_id) : undefined;
        await casesRepo.deleteLink(tx, link.id);
        await cases.appendEntry(tx, c, {
          kind: "event",
          actor: actorOf(principal),
          data: {
            type: "unlinked",
            linkId: link.id,
            simId: link.sim_id,
            ...(sim ? { sim: sim.iccid } : {}),
            accountId: link.linked_account_id,
            invoiceId: link.invoice_id,
          },
        });
      });
    },

    /** The raw bytes of a message on a case (what was received or sent, exactly). */
    async rawMessage(principal: Principal, id: string, deskMessageId: string) {
      requirePermission(principal, "cases:work");
      const c = await cases.requireVisibleCase(principal, id);
      const m = isUuid(deskMessageId)
        ? await deskMailRepo.rawOfCase(db, c.id, deskMessageId)
        : undefined;
      // Mail received since migration 0013 is stored in pieces; older mail inline.
      const raw = m?.raw ?? (m && m.raw_chunks > 0 ? await readBlob(db, m.id, m.raw_chunks) : null);
      if (!raw) throw deskErrors.messageNotFound(deskMessageId, c.number);
      return raw;
    },

    async attachment(principal: Principal, id: string, attachmentId: string) {
      requirePermission(principal, "cases:read");
      const c = await cases.requireVisibleCase(principal, id);
      const a = isUuid(attachmentId)
        ? await deskMailRepo.attachmentOfCase(db, c.id, attachmentId)
        : undefined;
      const content =
        a?.content ?? (a && !a.truncated ? await readBlob(db, a.id, a.content_chunks) : null);
      if (!a || !content)
        throw new OtterError(
          "not_found",
          "CASE_ATTACHMENT_NOT_FOUND",
          `Attachment ${attachmentId} was not found on case #${c.number} (or was too large to keep apart from the raw message).`,
        );
      return { filename: a.filename, content_type: a.content_type, content };
    },

    async addMailbox(principal: Principal, input: { address: string; accountId?: string | null }) {
      requirePermission(principal, "desk:manage");
      return inTransaction(db, async (tx) => {
        if (input.accountId) await deps.accounts.requireVisible(principal, input.accountId, tx);
        const address = input.address.trim().toLowerCase();
        const exists = await deskMailRepo.mailboxByAddress(tx, address);
        if (exists) throw deskErrors.mailboxExists(address);
        const row = {
          id: newId(),
          address,
          account_id: input.accountId ?? null,
          created_at: clock.now(),
        };
        await deskMailRepo.insertMailbox(tx, row);
        await audit.record(tx, {
          accountId: input.accountId ?? (await deps.accounts.rootAccount(tx)).id,
          actor: actorOf(principal),
          action: "desk.mailbox_add",
          entityType: "desk_mailbox",
          entityId: row.id,
          data: { address },
        });
        return presentMailbox(row);
      });
    },

    async listMailboxes(principal: Principal) {
      requirePermission(principal, "desk:manage");
      const rows = await deskMailRepo.visibleMailboxes(db, principal.accountPath);
      return { items: rows.map(presentMailbox) };
    },

    async removeMailbox(principal: Principal, id: string) {
      requirePermission(principal, "desk:manage");
      await inTransaction(db, async (tx) => {
        const m = isUuid(id)
          ? await deskMailRepo.findVisibleMailbox(tx, principal.accountPath, id)
          : undefined;
        if (!m) throw deskErrors.mailboxNotFound(id);
        // Messages keep pointing at the mailbox they came through; the address only stops accepting mail.
        await deskMailRepo.deleteMailbox(tx, m.id);
        await audit.record(tx, {
          accountId: m.account_id ?? (await deps.accounts.rootAccount(tx)).id,
          actor: actorOf(principal),
          action: "desk.mailbox_remove",
          entityType: "desk_mailbox",
          entityId: m.id,
          data: { address: m.address },
        });
      });
    },
  };
}

const presentMailbox = (m: {
  id: string;
  address: string;
  account_id: string | null;
  created_at: Date;
}) => ({
  id: m.id,
  address: m.address,
  accountId: m.account_id,
  createdAt: m.created_at.toISOString(),
});

export type DeskService = ReturnType<typeof createDeskService>;
