import type { Logger } from "pino";
import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { Case, DeskMessageFlag } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { type Actor, SYSTEM_READER } from "../auth/principal.js";
import type { SimsService } from "../sims/sims.service.js";
import type { BillingService } from "../billing/billing.service.js";
import { findIdentifiers } from "../clarity/clarity-identifiers.js";
import { inSubtree } from "../tenancy/tenancy.js";
import type { EventsService } from "../events/events.service.js";
import type { MailService } from "../mail/mail.service.js";
import { mailDomainOf } from "../mail/mail-policy.js";
import { casesRepo } from "./cases.repo.js";
import { type CasesService, tenantOf } from "./cases.service.js";
import { consultationsRepo } from "./consultations.repo.js";
import { createHash } from "node:crypto";
import { deleteBlobs, piecesOf, writeBlob } from "./desk-blobs.js";
import { deskMailRepo } from "./desk-mail.repo.js";
import type { ParsedIntake } from "./mail-intake.js";
import type { MailParser } from "./mail-parse-thread.js";
import { RawMessage } from "./raw-message.js";
import { simMentionsIn } from "./sim-mentions.js";
import type { SystemReason } from "./case-states.js";
import {
  caseNumberInSubject,
  classify,
  consultationCaseNumberInSubject,
  messageIdsIn,
  originalMessageIdsInBounce,
  replySubject,
  signedMessageId,
  subjectTag,
  verifyMessageId,
} from "./mail-threading.js";

interface Deps {
  db: Db;
  clock: Clock;
  cases: CasesService;
  accounts: Pick<AccountsService, "directory">;
  mail: Pick<MailService, "enqueue">;
  events: Pick<EventsService, "emit">;
  audit: Pick<AuditService, "record">;
  /** SIMs a customer's mail names by ICCID, IMSI or MSISDN, linked to its case. */
  sims: Pick<SimsService, "identify" | "findById">;
  /** Invoices a customer's mail names by number (`INV-000042`), linked to its case. */
  billing?: Pick<BillingService, "invoiceHolders">;
  /** Key for the Message-ID tokens (derived from the secret key). */
  threadKey: Buffer;
  config: { from: string; reopenDays: number; acknowledge: boolean };
  /** mailparser on a worker thread (mail-parse-thread.ts). */
  parser: Pick<MailParser, "parse">;
  /** Size of the pieces raw messages and attachments are stored in (desk-blobs.ts, per engine). */
  chunkBytes: number;
  logger?: Pick<Logger, "error">;
}

/** Where the bytes of one inbound message went before it was filed: pieces per owner. */
interface StoredBytes {
  deskMessageId: string;
  rawChunks: number;
  /** Per parsed attachment, in order: its id and the pieces of its content (0 when not kept). */
  attachments: { id: string; chunks: number }[];
}

export interface Envelope {
  /** MAIL FROM; "" for the null sender `<>`; null when unknown (mail not received over SMTP). */
  mailFrom: string | null;
  rcptTo: string[];
}

export interface IntakeResult {
  messageId: string;
  deskMessageId: string;
  caseId: string | null;
  duplicate: boolean;
  threadedBy: "token" | "references" | "subject_tag" | "bounce" | "new_case" | "none";
  flags: DeskMessageFlag[];
}

/** Automatic answers (acknowledgements) per address and per case within this window. */
export const AUTO_ANSWER_WINDOW_MS = 60 * 60_000;
export const AUTO_ANSWERS_PER_ADDRESS = 3;
export const AUTO_ANSWERS_PER_CASE = 2;

const SYSTEM_MAIL: Actor = { userId: null, name: "mail" };

/** At most this many invoice numbers per mail are looked up. */
const MAX_INVOICE_MENTIONS = 10;

/** A SIM a mail names, as found (before the case and its customer are known). */
interface MentionedSim {
  simId: string;
  iccid: string;
  foundAs: "iccid" | "imsi" | "msisdn";
  value: string;
}

/** An issued invoice a mail names by its number, and whose it is (before the case is known). */
interface MentionedInvoice {
  number: string;
  invoiceId: string;
  accountId: string;
}

/** The Message-ID parsing would have made from the bytes (mail-intake.ts), hashed a block at a time between turns of the event loop. */
async function generatedMessageId(raw: RawMessage): Promise<string> {
  const hash = createHash("sha256");
  for (const part of raw.parts()) {
    hash.update(part);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return `<${hash.digest("hex").slice(0, 40)}@generated.otter.invalid>`;
}
const DAY_MS = 24 * 3600_000;

/**
 * The desk's e-mail: intake of inbound mail (store raw and parsed, classify, thread, reopen) and
 * outbound replies through the platform's mail service, with Message-IDs carrying a signed token.
 */
export function createDeskMailService(deps: Deps) {
  const { db, clock, cases, threadKey, config } = deps;
  const domain = mailDomainOf(config.from);

  async function mailboxAddresses(
    ex: Executor,
  ): Promise<{ id: string; address: string; account_id: string | null }[]> {
    return deskMailRepo.mailboxes(ex);
  }

  /** The sender as the desk knows them: a contact (or a user) of a customer account. */
  async function knownSender(ex: Executor, email: string | null) {
    if (!email) return null;
    const [contact] = await deps.accounts.directory.contactsByEmail(ex, email);
    if (contact) return { contactId: contact.id as string | null, accountId: contact.account_id };
    const [user] = await deps.accounts.directory.usersByEmail(ex, email, { customersOnly: true });
    return user ? { contactId: null, accountId: user.account_id } : null;
  }

  /**
   * True when `email` may write on the case: its requester, or a contact or (enabled) user of the
   * case's account or of an account above it within the customer's tree — whoever could see the case
   * through the API. The operator's own account is not part of any customer's tree.
   */
  async function isKnownContactOf(ex: Executor, c: Case, email: string | null): Promise<boolean> {
    if (!email) return false;
    const e = email.toLowerCase();
    if (c.requester_email && c.requester_email.toLowerCase() === e) return true;
    if (!c.account_id) return false;
    const [account] = await deps.accounts.directory.accountsByIds(ex, [c.account_id]);
    if (!account) return false;
    const tree = new Set(account.path.split("/").filter(Boolean).slice(1));
    if ((await deps.accounts.directory.contactsByEmail(ex, e)).some((k) => tree.has(k.account_id)))
      return true;
    return (await deps.accounts.directory.usersByEmail(ex, e, { customersOnly: true })).some(
      (u) => tree.has(u.account_id) && !u.disabled_at,
    );
  }

  /** True when `email` is the party one of the case's consultations was addressed to (`only`: that one). */
  async function isConsultedParty(
    ex: Executor,
    caseId: string,
    email: string | null,
    only?: string,
  ): Promise<boolean> {
    if (!email) return false;
    return consultationsRepo.addressedTo(ex, caseId, email, only);
  }

  /**
   * The SIMs a mail names (ICCID, IMSI, MSISDN in its subject or unquoted text), looked up across the
   * fleet before the intake transaction (the SIMs service reads on its own handle); which of them the
   * case may link is decided inside it (`linkMentionedSims`). Nothing to look up: no query at all.
   */
  async function simsMentioned(p: ParsedIntake): Promise<MentionedSim[]> {
    const m = simMentionsIn(`${p.subject}\n${p.text ?? ""}`);
    const lookups: { foundAs: MentionedSim["foundAs"]; value: string }[] = [
      ...m.iccids.map((value) => ({ foundAs: "iccid" as const, value })),
      ...m.imsis.map((value) => ({ foundAs: "imsi" as const, value })),
      ...m.msisdns.map((value) => ({ foundAs: "msisdn" as const, value })),
    ];
    const found: MentionedSim[] = [];
    for (const l of lookups) {
      // `identify` compares the digits with every identifier (an IMEI too): keep the SIM it names as
      // the kind of identifier the mail wrote.
      const digits = l.value.replace(/^\+/, "");
      const sim = (await deps.sims.identify(SYSTEM_READER, l.value)).find(
        (s) => s[l.foundAs] === digits,
      );
      if (sim && !found.some((f) => f.simId === sim.id))
        found.push({ simId: sim.id, iccid: sim.iccid, ...l });
    }
    return found;
  }

  /**
   * The invoices a mail names by number (in its subject or unquoted text), found as the clarity check
   * finds them in a reply and looked up through billing before the intake transaction; which of them
   * the case may link is decided inside it (`linkMentionedInvoices`).
   */
  async function invoicesMentioned(p: ParsedIntake): Promise<MentionedInvoice[]> {
    if (!deps.billing) return [];
    const own = `${p.subject}\n${p.text ?? ""}`
      .split(/\r?\n/)
      .filter((line) => !/^\s*>/.test(line))
      .join("\n");
    const numbers = [
      ...new Set(
        findIdentifiers(own)
          .filter((f) => f.kind === "invoice")
          .map((f) => f.value),
      ),
    ].slice(0, MAX_INVOICE_MENTIONS);
    if (numbers.length === 0) return [];
    return deps.billing.invoiceHolders(SYSTEM_READER, numbers);
  }

  /**
   * The account subtrees a mail's sender may act in for this case: the case's customer's path, and
   * the paths of the accounts the sender is a contact or (enabled) user of. Null when the sender is
   * not known or the case has no customer: then nothing is linked from the mail.
   */
  async function senderScope(tx: Executor, c: Case, from: string | null) {
    if (!c.account_id || !from) return null;
    const { directory } = deps.accounts;
    const contacts = await directory.contactsByEmail(tx, from);
    const users = (await directory.usersByEmail(tx, from, { customersOnly: true })).filter(
      (u) => !u.disabled_at,
    );
    const senderAccountIds = [...contacts, ...users].map((x) => x.account_id);
    if (senderAccountIds.length === 0) return null;
    const accounts = await directory.accountsByIds(tx, [c.account_id, ...senderAccountIds]);
    const casePath = accounts.find((a) => a.id === c.account_id)?.path;
    const senderPaths = accounts.filter((a) => senderAccountIds.includes(a.id)).map((a) => a.path);
    if (!casePath) return null;
    /** True when a thing held by the account at `path` is the case customer's and the sender's to name. */
    return (path: string) =>
      inSubtree(casePath, path) && senderPaths.some((sender) => inSubtree(sender, path));
  }

  /**
   * Links to the case the issued invoices its customer's mail names — only the case customer's
   * invoices that the sender could see: another customer's invoice number links nothing. A new case
   * that a mail opens about the customer's invoice is a billing case.
   */
  async function linkMentionedInvoices(
    tx: Executor,
    c: Case,
    from: string | null,
    mentioned: MentionedInvoice[],
    deskMessageId: string,
    isNewCase: boolean,
  ): Promise<Case> {
    if (mentioned.length === 0) return c;
    const allowed = await senderScope(tx, c, from);
    if (!allowed) return c;
    const holders = await deps.accounts.directory.accountsByIds(
      tx,
      mentioned.map((m) => m.accountId),
    );
    let linked = 0;
    for (const m of mentioned) {
      const path = holders.find((a) => a.id === m.accountId)?.path;
      if (!path || !allowed(path)) continue;
      const added = await casesRepo.insertLink(tx, {
        id: newId(),
        case_id: c.id,
        kind: "invoice",
        sim_id: null,
        linked_account_id: null,
        invoice_id: m.invoiceId,
        created_by_user_id: null,
        created_at: clock.now(),
      });
      if (!added) continue;
      linked++;
      const data = { invoiceId: m.invoiceId, invoice: m.number, deskMessageId };
      await cases.appendEntry(tx, c, {
        kind: "event",
        actor: SYSTEM_MAIL,
        data: { type: "linked", ...data },
      });
      await deps.audit.record(tx, {
        accountId: tenantOf(c),
        actor: SYSTEM_MAIL,
        action: "case.link",
        entityType: "case",
        entityId: c.id,
        data: { number: c.number, source: "mail", ...data },
      });
    }
    if (linked > 0 && isNewCase && c.category === "other") {
      await casesRepo.update(tx, c.id, { category: "billing" });
      await cases.appendEntry(tx, c, {
        kind: "event",
        actor: SYSTEM_MAIL,
        data: { type: "category_changed", from: c.category, to: "billing" },
      });
      return { ...c, category: "billing" };
    }
    return c;
  }

  /**
   * Links to the case the SIMs its customer's mail names — only SIMs the sender could see through the
   * API: held within the case's account subtree and within the subtree of an account the sender is a
   * contact or user of. A sender Otter does not know links nothing; nor does another tenant's SIM,
   * whatever the mail says. Each link is a timeline event and an audit record, like one made by hand.
   */
  async function linkMentionedSims(
    tx: Executor,
    c: Case,
    from: string | null,
    mentioned: MentionedSim[],
    deskMessageId: string,
  ): Promise<void> {
    if (mentioned.length === 0) return;
    const allowed = await senderScope(tx, c, from);
    if (!allowed) return;
    for (const m of mentioned) {
      // Read again in the transaction: the SIM's holder now, not when it was looked up.
      const sim = await deps.sims.findById(tx, m.simId);
      if (!sim || !allowed(sim.account_path)) continue;
      const added = await casesRepo.insertLink(tx, {
        id: newId(),
        case_id: c.id,
        kind: "sim",
        sim_id: sim.id,
        linked_account_id: null,
        created_by_user_id: null,
        created_at: clock.now(),
      });
      if (!added) continue;
      const data = { sim: sim.iccid, foundAs: m.foundAs, value: m.value, deskMessageId };
      await cases.appendEntry(tx, c, {
        kind: "event",
        actor: SYSTEM_MAIL,
        data: { type: "linked", ...data },
      });
      await deps.audit.record(tx, {
        accountId: tenantOf(c),
        actor: SYSTEM_MAIL,
        action: "case.link",
        entityType: "case",
        entityId: c.id,
        data: { number: c.number, source: "mail", ...data },
      });
    }
  }

  interface Thread {
    caseId: string;
    consultationId: string | null;
    by: IntakeResult["threadedBy"];
  }

  /**
   * Whether the sender may join the thread a mail points at, and where: a consultation's thread only
   * from the party it was addressed to (a customer contact replying there lands on the case itself);
   * a case from a known contact of its customer or a party the case consulted. A token or a
   * Message-ID proves only that the sender saw a mail of the thread, not that they belong on it.
   */
  async function admit(tx: Executor, t: Thread, from: string | null): Promise<Thread | null> {
    if (t.consultationId && (await isConsultedParty(tx, t.caseId, from, t.consultationId)))
      return t;
    const c = await casesRepo.findById(tx, t.caseId);
    if (!c) return null;
    if (await isKnownContactOf(tx, c, from)) return { ...t, consultationId: null };
    if (!t.consultationId && (await isConsultedParty(tx, t.caseId, from))) return t;
    return null;
  }

  /** The threads a mail points at, strongest layer first: our signed token, any stored Message-ID, the subject tags. */
  async function* threadCandidates(tx: Executor, p: ParsedIntake): AsyncGenerator<Thread> {
    const refs = [
      ...new Set([...(p.inReplyTo ? [p.inReplyTo] : []), ...messageIdsIn(p.references.join(" "))]),
    ];
    for (const ref of refs) {
      const token = verifyMessageId(threadKey, ref);
      if (!token) continue;
      if (token.kind === "cons") {
        const cons = await consultationsRepo.findById(tx, token.ownerId);
        if (cons) yield { caseId: cons.case_id, consultationId: cons.id, by: "token" };
      } else {
        const c = await casesRepo.findById(tx, token.ownerId);
        if (c) yield { caseId: c.id, consultationId: null, by: "token" };
      }
    }
    if (refs.length > 0) {
      const stored = await deskMailRepo.filedWithMessageIds(tx, refs);
      for (const ref of refs) {
        const hit = stored.find((s) => s.message_id === ref);
        if (hit)
          yield { caseId: hit.case_id!, consultationId: hit.consultation_id, by: "references" };
      }
    }
    const n = caseNumberInSubject(p.subject);
    if (n !== null) {
      const c = await casesRepo.findByNumber(tx, n);
      if (c) yield { caseId: c.id, consultationId: null, by: "subject_tag" };
    }
    // Outlook drops References on a consultation's thread too; its tag names the case, the sender picks the consultation.
    const k = consultationCaseNumberInSubject(p.subject);
    if (k !== null && p.fromAddress) {
      const cons = await consultationsRepo.goingByCaseNumber(tx, k, p.fromAddress);
      if (cons) yield { caseId: cons.case_id, consultationId: cons.id, by: "subject_tag" };
    }
  }

  /**
   * Threading in layers, every layer checking the sender (`admit`): the first thread the sender may
   * join wins. `refused` is the first thread the mail pointed at that its sender may not join.
   */
  async function findThread(
    tx: Executor,
    p: ParsedIntake,
  ): Promise<{ thread: Thread | null; refused: Thread | null }> {
    let refused: Thread | null = null;
    const judged = new Set<string>();
    for await (const candidate of threadCandidates(tx, p)) {
      const key = `${candidate.caseId}/${candidate.consultationId ?? ""}`;
      if (judged.has(key)) continue; // a long References chain names one thread many times
      judged.add(key);
      const thread = await admit(tx, candidate, p.fromAddress);
      if (thread) return { thread, refused: null };
      refused ??= candidate;
    }
    return { thread: null, refused };
  }

  async function autoAnswerAllowed(
    tx: Executor,
    address: string,
    caseId: string,
  ): Promise<boolean> {
    const since = new Date(clock.now().getTime() - AUTO_ANSWER_WINDOW_MS);
    const rows = await deskMailRepo.automaticSince(tx, since);
    const perAddress = rows.filter((r) =>
      r.to_addresses.some((t) => t.toLowerCase() === address.toLowerCase()),
    ).length;
    const perCase = rows.filter((r) => r.case_id === caseId).length;
    return perAddress < AUTO_ANSWERS_PER_ADDRESS && perCase < AUTO_ANSWERS_PER_CASE;
  }

  /** The support address a case's customer writes to: the mailbox its first mail came through, or any. */
  async function replyToAddress(tx: Executor, caseId: string): Promise<string | null> {
    const first = await deskMailRepo.firstMailboxAddressOf(tx, caseId);
    if (first) return first.address;
    const any = await deskMailRepo.operatorMailboxAddress(tx);
    return any?.address ?? null;
  }

  /**
   * Stores an outbound mail of a case (or a consultation) and queues it through the platform's mail
   * service in the same transaction: it is on the case before it is sent, whatever happens next.
   */
  async function queueOutbound(
    tx: Executor,
    c: Case,
    m: {
      to: string[];
      cc?: string[];
      subject: string;
      text: string;
      purpose: string;
      consultationId?: string | null;
      automatic?: boolean;
      inReplyTo?: string | null;
      references?: string[];
    },
  ) {
    const id = newId();
    const messageId = m.consultationId
      ? signedMessageId(threadKey, "cons", m.consultationId, id, domain)
      : signedMessageId(threadKey, "case", c.id, id, domain);
    const headers: Record<string, string> = {};
    const refs = (m.references ?? []).slice(-20);
    if (m.inReplyTo) headers["In-Reply-To"] = m.inReplyTo;
    if (refs.length > 0) headers["References"] = refs.join(" ");
    const replyTo = await replyToAddress(tx, c.id);
    if (replyTo) headers["Reply-To"] = replyTo;
    if (m.automatic) headers["Auto-Submitted"] = "auto-replied";
    if (m.automatic) headers["X-Auto-Response-Suppress"] = "All";
    const queued = await deps.mail.enqueue(tx, {
      accountId: tenantOf(c),
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      text: m.text,
      purpose: m.purpose,
      headers,
      messageId,
    });
    await deskMailRepo.insertMessage(tx, {
      id,
      case_id: c.id,
      consultation_id: m.consultationId ?? null,
      mailbox_id: null,
      direction: "out",
      message_id: messageId,
      in_reply_to: m.inReplyTo ?? null,
      references_ids: refs,
      from_address: config.from,
      to_addresses: m.to,
      cc_addresses: m.cc ?? [],
      subject: m.subject,
      text_body: m.text,
      headers: JSON.stringify(headers),
      flags: m.automatic ? ["automatic"] : [],
      mail_id: queued.id,
      send_status: queued.status === "outbox" ? "outbox" : "queued",
      created_at: clock.now(),
    });
    return { id, messageId, mailId: queued.id, status: queued.status };
  }

  /** The Message-IDs a reply on the case refers to, oldest first, and the newest inbound one. */
  async function threadHeaders(tx: Executor, caseId: string, consultationId: string | null) {
    const rows = await deskMailRepo.thread(tx, caseId, consultationId);
    const lastIn = [...rows].reverse().find((r) => r.direction === "in");
    return {
      references: rows.map((r) => r.message_id),
      inReplyTo: lastIn?.message_id ?? rows[rows.length - 1]?.message_id ?? null,
    };
  }

  async function storeInbound(
    tx: Executor,
    raw: RawMessage,
    stored: StoredBytes,
    env: Envelope,
    p: ParsedIntake,
    flags: DeskMessageFlag[],
    mailboxId: string | null,
    caseId: string | null,
    consultationId: string | null,
  ): Promise<string | null> {
    const id = stored.deskMessageId;
    const inserted = await deskMailRepo.insertInbound(tx, {
      id,
      case_id: caseId,
      consultation_id: consultationId,
      mailbox_id: mailboxId,
      direction: "in",
      message_id: p.messageId,
      in_reply_to: p.inReplyTo,
      references_ids: p.references.slice(0, 200),
      envelope_from: env.mailFrom,
      envelope_to: env.rcptTo,
      from_address: p.fromAddress,
      from_name: p.fromName,
      to_addresses: p.to,
      cc_addresses: p.cc,
      subject: p.subject,
      text_body: p.text,
      html_body: p.html,
      headers: JSON.stringify(p.headers),
      raw: null,
      raw_size: raw.size,
      raw_chunks: stored.rawChunks,
      flags,
      needs_human: p.oversize || p.unparsed,
      created_at: clock.now(),
    });
    if (!inserted) return null;
    for (const [i, a] of p.attachments.entries()) {
      await deskMailRepo.insertAttachment(tx, {
        id: stored.attachments[i]!.id,
        message_id: id,
        filename: a.filename,
        content_type: a.contentType,
        content_id: a.contentId,
        inline: a.inline,
        size: a.size,
        content: null,
        content_chunks: stored.attachments[i]!.chunks,
        truncated: a.truncated,
      });
    }
    return id;
  }

  const summaryOf = (p: ParsedIntake, flags: DeskMessageFlag[]) => ({
    from: p.fromAddress,
    fromName: p.fromName,
    subject: p.subject,
    flags,
    attachments: p.attachments.length,
    needsHuman: p.oversize || p.unparsed,
    ...(p.bodyTruncated ? { bodyTruncated: true } : {}),
  });

  /** Handles a bounce: marks the outbound message it names as failed and files it on that case. */
  async function handleBounce(
    tx: Executor,
    p: ParsedIntake,
  ): Promise<{ caseId: string; outboundId: string } | null> {
    const ids = [
      ...originalMessageIdsInBounce(p.reportText),
      ...originalMessageIdsInBounce(p.text ?? ""),
      ...(p.inReplyTo ? [p.inReplyTo] : []),
      ...p.references,
    ];
    if (ids.length === 0) return null;
    const out = await deskMailRepo.outboundWithMessageIds(tx, [...new Set(ids)]);
    if (!out || !out.case_id) return null;
    const reason =
      /^\s*(?:diagnostic-code|status)\s*:\s*(.+)$/im
        .exec(`${p.reportText}\n${p.text ?? ""}`)?.[1]
        ?.trim() ?? "The receiving server returned the message.";
    await deskMailRepo.markBounced(tx, out.id, `Bounced: ${reason}`.slice(0, 1000));
    return { caseId: out.case_id, outboundId: out.id };
  }

  /** The last resort of intake: the raw bytes on a new triage case, flagged unparsed for a person. */
  async function keepRaw(
    raw: RawMessage,
    stored: Pick<StoredBytes, "deskMessageId" | "rawChunks">,
    env: Envelope,
    messageId: string,
  ): Promise<IntakeResult> {
    return inTransaction(db, async (tx) => {
      const c = await cases.createCase(
        tx,
        { accountId: null, subject: "(message that could not be read)", channel: "email" },
        SYSTEM_MAIL,
      );
      const id = stored.deskMessageId;
      await deskMailRepo.insertMessage(tx, {
        id,
        case_id: c.id,
        consultation_id: null,
        mailbox_id: null,
        direction: "in",
        message_id: messageId,
        envelope_from: env.mailFrom,
        envelope_to: env.rcptTo,
        headers: "{}",
        raw: null,
        raw_size: raw.size,
        raw_chunks: stored.rawChunks,
        flags: ["unparsed"],
        needs_human: true,
        created_at: clock.now(),
      });
      await cases.appendEntry(tx, c, {
        kind: "email_in",
        body: "(message could not be read; kept raw)",
        actor: SYSTEM_MAIL,
        deskMessageId: id,
        data: { flags: ["unparsed"], needsHuman: true },
      });
      return {
        messageId,
        deskMessageId: id,
        caseId: c.id,
        duplicate: false,
        threadedBy: "new_case",
        flags: ["unparsed"],
      };
    });
  }

  return {
    queueOutbound,
    threadHeaders,

    /** Whether the listener accepts mail for `address` (RCPT TO). */
    async isMailbox(address: string): Promise<boolean> {
      const row = await deskMailRepo.mailboxByAddress(db, address.trim().toLowerCase());
      return !!row;
    },

    /**
     * Takes one inbound message: stores it (raw always, parsed when possible), classifies it, threads
     * it onto a case (or opens one), and answers only genuine new mail, within the caps. Resolves
     * once everything is committed — the SMTP listener says 250 only after that.
     */
    async receive(bytes: Buffer | RawMessage, env: Envelope): Promise<IntakeResult> {
      const raw = bytes instanceof RawMessage ? bytes : RawMessage.from(bytes);
      const parsed = await deps.parser.parse(raw).catch(async (err: unknown) => {
        deps.logger?.error({ err }, "inbound mail could not be parsed; keeping it raw");
        return null;
      });
      const messageId = parsed?.messageId ?? (await generatedMessageId(raw));
      const duplicateOf = async () => {
        const row = await deskMailRepo.findByMessageId(db, messageId);
        return row
          ? {
              messageId,
              deskMessageId: row.id,
              caseId: row.case_id,
              duplicate: true,
              threadedBy: "none" as const,
              flags: row.flags,
            }
          : null;
      };
      const existing = await duplicateOf();
      if (existing) return existing;

      // The bytes go in first, piece by piece, each piece its own short statement; the transaction
      // that files the mail on a case then only refers to them (desk-blobs.ts says why).
      const stored: StoredBytes = { deskMessageId: newId(), rawChunks: 0, attachments: [] };
      const owners = () => [stored.deskMessageId, ...stored.attachments.map((a) => a.id)];
      try {
        stored.rawChunks = await writeBlob(db, stored.deskMessageId, raw.pieces(deps.chunkBytes));
        for (const a of parsed?.attachments ?? []) {
          const id = newId();
          stored.attachments.push({ id, chunks: 0 });
          if (a.content)
            stored.attachments.at(-1)!.chunks = await writeBlob(
              db,
              id,
              piecesOf(a.content, deps.chunkBytes),
            );
        }
      } catch (err) {
        await deleteBlobs(db, owners()).catch(() => {});
        throw err;
      }
      if (!parsed) {
        return keepRaw(raw, stored, env, messageId).catch(async (err) => {
          await deleteBlobs(db, owners()).catch(() => {});
          throw err;
        });
      }
      const p = parsed;
      const mentioned = await simsMentioned(p).catch((err: unknown) => {
        // Linking is a convenience: a failed lookup must not cost the mail.
        deps.logger?.error({ err, messageId: p.messageId }, "SIMs named in a mail not looked up");
        return [];
      });
      const invoices = await invoicesMentioned(p).catch((err: unknown) => {
        deps.logger?.error(
          { err, messageId: p.messageId },
          "invoices named in a mail not looked up",
        );
        return [];
      });
      const result = await inTransaction(db, async (tx): Promise<IntakeResult> => {
        const mailboxes = await mailboxAddresses(tx);
        const rcpt = env.rcptTo.map((r) => r.toLowerCase());
        const mailbox =
          mailboxes.find((m) => rcpt.includes(m.address.toLowerCase())) ??
          mailboxes.find((m) => [...p.to, ...p.cc].includes(m.address.toLowerCase())) ??
          null;
        const cls = classify({
          headers: p.headers,
          subject: p.subject,
          envelopeFrom: env.mailFrom,
          fromAddress: p.fromAddress,
          contentType: p.contentType,
          receivedCount: p.receivedCount,
          ownDomain: domain,
          ourAddresses: mailboxes.map((m) => m.address),
          messageId: p.generatedMessageId ? null : p.messageId,
        });
        const flags: DeskMessageFlag[] = [];
        if (cls.autoReply) flags.push("auto_reply");
        if (cls.bulk) flags.push("bulk");
        if (cls.bounce) flags.push("bounce", "delivery_failure");
        if (cls.loop) flags.push("loop");
        if (p.oversize) flags.push("oversize");
        if (p.unparsed) flags.push("unparsed");
        const genuine = !cls.autoReply && !cls.bulk && !cls.bounce && !cls.loop;

        // Bounces go to the case of the message they return; a loop is kept but opens nothing.
        let thread: Thread | null = null;
        let bouncedOutbound: string | null = null;
        if (cls.bounce) {
          const b = await handleBounce(tx, p);
          if (b) {
            thread = { caseId: b.caseId, consultationId: null, by: "bounce" };
            bouncedOutbound = b.outboundId;
          }
        }
        let refused: Thread | null = null;
        if (!thread) ({ thread, refused } = await findThread(tx, p));
        if (refused) flags.push("thread_refused");
        if (!thread && cls.loop) {
          const id = await storeInbound(
            tx,
            raw,
            stored,
            env,
            p,
            flags,
            mailbox?.id ?? null,
            null,
            null,
          );
          return {
            messageId: p.messageId,
            deskMessageId: id ?? "",
            caseId: null,
            duplicate: id === null,
            threadedBy: "none" as const,
            flags,
          };
        }

        const sender = await knownSender(tx, p.fromAddress);
        let c: Case | null = thread ? await cases.lockCase(tx, thread.caseId) : null;
        let consultationId = thread?.consultationId ?? null;
        let isNewCase = false;
        /** Set when the mail moves the case back to `open`; applied after the mail is on the timeline. */
        let reopen: SystemReason | null = null;
        const now = clock.now();

        if (c && !consultationId && genuine) {
          const expired =
            c.state === "closed" ||
            (c.state === "resolved" &&
              (!c.resolved_at ||
                now.getTime() - c.resolved_at.getTime() > config.reopenDays * DAY_MS));
          if (expired) {
            // Too late to reopen: a new case, linked to the old one, for the same customer.
            const old = c;
            c = await cases.createCase(
              tx,
              {
                accountId: old.account_id,
                subject: p.subject || old.subject,
                category: old.category,
                priority: old.priority,
                ownerUserId: old.owner_user_id,
                contactIds: old.contact_ids,
                requesterEmail: p.fromAddress,
                requesterName: p.fromName,
                channel: "email",
                reopenedFromCaseId: old.id,
              },
              SYSTEM_MAIL,
            );
            isNewCase = true;
          } else if (c.state === "resolved") {
            reopen = "customer_replied_in_window";
          } else if (c.state === "waiting_on_customer") {
            reopen = "customer_replied";
          }
        }
        if (!c) {
          c = await cases.createCase(
            tx,
            {
              // A mail that points at a case its sender may not join goes to triage, for a person to judge.
              accountId: refused ? null : (sender?.accountId ?? mailbox?.account_id ?? null),
              subject: p.subject || "(no subject)",
              channel: "email",
              contactIds: sender?.contactId && !refused ? [sender.contactId] : [],
              requesterEmail: p.fromAddress,
              requesterName: p.fromName,
            },
            SYSTEM_MAIL,
          );
          isNewCase = true;
          consultationId = null;
        }

        const deskMessageId = await storeInbound(
          tx,
          raw,
          stored,
          env,
          p,
          flags,
          mailbox?.id ?? null,
          c.id,
          consultationId,
        );
        if (!deskMessageId) {
          // A parallel delivery of the same Message-ID won the insert; this transaction is discarded.
          throw Object.assign(new Error("duplicate delivery"), { duplicateOf: p.messageId });
        }
        const body =
          p.text ??
          (p.oversize
            ? "(message over the parse limit; kept raw for a person to read)"
            : "(message could not be parsed; kept raw)");
        if (consultationId) {
          await cases.appendEntry(tx, c, {
            kind: "consultation",
            body,
            actor: { userId: null, name: p.fromName ?? p.fromAddress ?? "unknown sender" },
            deskMessageId,
            consultationId,
            data: { type: "answer", direction: "in", ...summaryOf(p, flags) },
          });
          if (genuine) {
            await consultationsRepo.markAnswered(tx, consultationId, now);
            const stillOpen = await consultationsRepo.anyOpen(tx, c.id);
            if (!stillOpen && c.state === "waiting_on_consultation")
              c = await cases.changeState(tx, c, "open", SYSTEM_MAIL, {
                system: "consultation_answered",
              });
          }
        } else {
          await cases.appendEntry(tx, c, {
            kind: "email_in",
            body,
            actor: { userId: null, name: p.fromName ?? p.fromAddress ?? "unknown sender" },
            deskMessageId,
            data: {
              ...summaryOf(p, flags),
              classification: cls.reasons,
              threadedBy: thread?.by ?? "new_case",
              ...(bouncedOutbound
                ? { deliveryFailure: true, bouncedMessageId: bouncedOutbound }
                : {}),
            },
          });
          if (genuine && !isNewCase) {
            await deps.events.emit(tx, [
              {
                accountId: tenantOf(c),
                type: "case.replied",
                subjectId: c.id,
                data: { caseId: c.id, number: c.number, by: "customer", from: p.fromAddress },
              },
            ]);
          }
          if (reopen) c = await cases.changeState(tx, c, "open", SYSTEM_MAIL, { system: reopen });
          if (genuine) {
            await linkMentionedSims(tx, c, p.fromAddress, mentioned, deskMessageId);
            c = await linkMentionedInvoices(
              tx,
              c,
              p.fromAddress,
              invoices,
              deskMessageId,
              isNewCase,
            );
          }
          if (refused) {
            // An internal note (never shown to a customer, whoever the case is assigned to) tells the agent why.
            const pointedAt = await casesRepo.numberOf(tx, refused.caseId);
            await cases.appendEntry(tx, c, {
              kind: "note",
              actor: SYSTEM_MAIL,
              data: { type: "thread_refused", caseId: refused.caseId, by: refused.by },
              body: `This mail points at case #${pointedAt?.number ?? "?"} (by ${refused.by.replace("_", " ")}), but its sender is neither a known contact of that case's customer nor a party the case consulted, so it opened this case for triage.`,
            });
          }
        }

        if (
          isNewCase &&
          genuine &&
          config.acknowledge &&
          p.fromAddress &&
          (await autoAnswerAllowed(tx, p.fromAddress, c.id))
        ) {
          const text =
            `Thank you for your message. We have opened case #${c.number} and will answer as soon as we can.\n` +
            `Please keep ${subjectTag(c.number)} in the subject when you write about it.\n`;
          const subject = replySubject(c.subject, c.number);
          const ack = await queueOutbound(tx, c, {
            to: [p.fromAddress],
            subject,
            purpose: "case_acknowledgement",
            automatic: true,
            inReplyTo: p.messageId,
            references: [...p.references, p.messageId],
            text,
          });
          // On the timeline like every mail out; `automatic` tells the SLA clocks it is not a first response.
          await cases.appendEntry(tx, c, {
            kind: "email_out",
            body: text,
            actor: SYSTEM_MAIL,
            deskMessageId: ack.id,
            data: { automatic: true, to: [p.fromAddress], subject },
          });
        }
        return {
          messageId: p.messageId,
          deskMessageId,
          caseId: c.id,
          duplicate: false,
          threadedBy: thread?.by ?? "new_case",
          flags,
        };
      }).catch(async (err): Promise<IntakeResult> => {
        const again = await duplicateOf();
        if (again) return again;
        // Whatever went wrong with the parsed form, the mail itself is not lost: raw, on a triage case, for a person.
        deps.logger?.error(
          { err, messageId: p.messageId },
          "inbound mail could not be stored parsed; keeping it raw",
        );
        await deleteBlobs(
          db,
          stored.attachments.map((a) => a.id),
        );
        return keepRaw(raw, stored, env, p.messageId);
      });
      // A parallel delivery of the same mail was filed first: its pieces are the ones kept.
      if (result.duplicate) await deleteBlobs(db, owners());
      return result;
    },
  };
}

export type DeskMailService = ReturnType<typeof createDeskMailService>;
