import type { Db, Executor } from "../../db/database.js";
import type { Case } from "../../db/schema.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { BillingService } from "../billing/billing.service.js";
import { can } from "../auth/permissions.js";
import type { Principal } from "../auth/principal.js";
import type { DiagnosticsService } from "../diagnostics/diagnostics.service.js";
import { mailDeliveryRepo } from "../mail/mail-delivery.shared.repo.js";
import { outboxStatusOf } from "../mail/mail.presenter.js";
import type { NetworkViewService } from "../network/network-view.service.js";
import type { SimsService } from "../sims/sims.service.js";
import { casesRepo } from "./cases.repo.js";
import { consultationsRepo } from "./consultations.repo.js";
import { deskMailRepo } from "./desk-mail.repo.js";
import {
  type MessageView,
  presentCase,
  presentConsultation,
  presentEntry,
} from "./desk.presenter.js";

interface Deps {
  db: Db;
  accounts: Pick<AccountsService, "directory">;
  sims: Pick<SimsService, "get" | "findById">;
  networkView: Pick<NetworkViewService, "connectivity">;
  diagnostics: Pick<DiagnosticsService, "diagnose">;
  /** A linked invoice with its lines, as the caller may see it. */
  billing: Pick<BillingService, "get">;
}

/** Entry kinds a customer never sees on its own cases: internal notes and consultations with other teams. */
const INTERNAL_KINDS = new Set(["note", "consultation"]);

/**
 * A case as the API shows it, read only: its timeline (with each mail's delivery), links with the
 * context of their SIMs and the invoices with their lines, consultations, owner, account and contacts.
 */
export function createCaseView(deps: Deps) {
  const { db } = deps;

  async function messageViews(ex: Executor, ids: string[]): Promise<Map<string, MessageView>> {
    if (ids.length === 0) return new Map();
    const rows = await deskMailRepo.views(ex, ids);
    const mailIds = rows.flatMap((r) => r.mail_id ?? []);
    const delivery = new Map(
      (mailIds.length > 0 ? await mailDeliveryRepo.deliveryOf(ex, mailIds) : []).map((m) => [
        m.id,
        m,
      ]),
    );
    const atts = await deskMailRepo.attachmentsOf(ex, ids);
    return new Map(
      rows.map((r) => {
        const mail = r.mail_id ? delivery.get(r.mail_id) : undefined;
        // A bounce marks the desk row failed even though the relay took the mail; otherwise the mail row tells.
        const bounced = r.send_status === "failed";
        const status =
          r.direction === "out" ? (bounced ? "failed" : (mail?.status ?? r.send_status)) : null;
        return [
          r.id,
          {
            id: r.id,
            direction: r.direction,
            messageId: r.message_id,
            from: r.from_address,
            to: r.to_addresses,
            cc: r.cc_addresses,
            subject: r.subject,
            flags: r.flags,
            needsHuman: r.needs_human,
            rawSize: r.raw_size,
            // The outbox's words (docs/mail.md), as the outbox itself shows them.
            sendStatus: status === null ? null : outboxStatusOf(status),
            waitingForRelay: status === "outbox",
            sendError:
              r.direction === "out" ? (bounced ? r.send_error : (mail?.last_error ?? null)) : null,
            sendAttempts: r.direction === "out" ? (mail?.attempts ?? 0) : null,
            attachments: atts
              .filter((a) => a.message_id === r.id)
              .map((a) => ({
                id: a.id,
                filename: a.filename,
                contentType: a.content_type,
                size: a.size,
                inline: a.inline,
                stored: !a.truncated,
              })),
          },
        ];
      }),
    );
  }

  const safe = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch {
      return null;
    }
  };

  async function simContext(principal: Principal, iccid: string) {
    const sim = await safe(() => deps.sims.get(principal, iccid));
    const connectivity = await safe(() => deps.networkView.connectivity(principal, iccid));
    const diagnosis = await safe(() => deps.diagnostics.diagnose(principal, iccid));
    return { sim, connectivity, diagnosis };
  }

  async function detail(principal: Principal, c: Case) {
    const internal = can(principal, "cases:work");
    let entries = await casesRepo.entriesOf(db, c.id);
    if (!internal) entries = entries.filter((e) => !INTERNAL_KINDS.has(e.kind));
    const messages = await messageViews(
      db,
      entries.map((e) => e.desk_message_id).filter((x): x is string => !!x),
    );
    const links = await casesRepo.linksOf(db, c.id);
    const linkedAccounts = new Map(
      (
        await deps.accounts.directory.accountsByIds(
          db,
          links.flatMap((l) => l.linked_account_id ?? []),
        )
      ).map((a) => [a.id, a.name]),
    );
    const linkViews = [];
    for (const l of links) {
      const iccid = l.sim_id ? ((await deps.sims.findById(db, l.sim_id))?.iccid ?? null) : null;
      linkViews.push({
        id: l.id,
        kind: l.kind,
        iccid,
        accountId: l.linked_account_id,
        accountName: (l.linked_account_id && linkedAccounts.get(l.linked_account_id)) || null,
        createdAt: l.created_at.toISOString(),
        context: l.kind === "sim" && iccid ? await simContext(principal, iccid) : null,
        invoiceId: l.invoice_id,
        // A customer does not see a draft: the link stays, its invoice reads as null.
        invoice: l.invoice_id ? await safe(() => deps.billing.get(principal, l.invoice_id!)) : null,
      });
    }
    const consultations = internal
      ? (await consultationsRepo.ofCase(db, c.id)).map(presentConsultation)
      : [];
    const { directory } = deps.accounts;
    const [owner] = c.owner_user_id ? await directory.usersByIds(db, [c.owner_user_id]) : [];
    const [acct] = c.account_id ? await directory.accountsByIds(db, [c.account_id]) : [];
    const account = acct ? { id: acct.id, name: acct.name } : null;
    const contacts = await directory.contactsByIds(db, c.contact_ids);
    return {
      ...presentCase(c),
      owner: owner ? { id: owner.id, name: owner.name, email: owner.email } : null,
      account: account ?? null,
      contacts: contacts.map((k) => ({ id: k.id, name: k.name, email: k.email, phone: k.phone })),
      links: linkViews,
      consultations,
      timeline: entries.map((e) =>
        presentEntry(e, e.desk_message_id ? (messages.get(e.desk_message_id) ?? null) : null),
      ),
    };
  }

  return { detail };
}

export type CaseView = ReturnType<typeof createCaseView>;
