import type { Case, CaseEntry, Consultation } from "../../db/schema.js";
import { TMF621_STATUS } from "./case-states.js";

/** Records → API output, in one place. */
export const presentCase = (c: Case) => ({
  id: c.id,
  number: c.number,
  accountId: c.account_id,
  triage: c.account_id === null,
  subject: c.subject,
  category: c.category,
  state: c.state,
  tmf621Status: TMF621_STATUS[c.state],
  priority: c.priority,
  ownerUserId: c.owner_user_id,
  contactIds: c.contact_ids,
  requesterEmail: c.requester_email,
  requesterName: c.requester_name,
  channel: c.channel,
  reopenedFromCaseId: c.reopened_from_case_id,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
  resolvedAt: c.resolved_at?.toISOString() ?? null,
  closedAt: c.closed_at?.toISOString() ?? null,
});

export interface MessageView {
  id: string;
  direction: "in" | "out";
  messageId: string;
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  flags: string[];
  needsHuman: boolean;
  rawSize: number;
  sendStatus: string | null;
  waitingForRelay: boolean;
  sendError: string | null;
  sendAttempts: number | null;
  attachments: {
    id: string;
    filename: string | null;
    contentType: string;
    size: number;
    inline: boolean;
    stored: boolean;
  }[];
}

export const presentEntry = (e: CaseEntry, message: MessageView | null) => ({
  id: e.id,
  kind: e.kind,
  body: e.body,
  data: (e.data ?? {}) as Record<string, unknown>,
  actor: { userId: e.actor_user_id, name: e.actor_name },
  consultationId: e.consultation_id,
  message,
  createdAt: e.created_at.toISOString(),
});

export const presentConsultation = (c: Consultation) => ({
  id: c.id,
  caseId: c.case_id,
  team: c.team,
  address: c.address,
  subject: c.subject,
  state: c.state,
  createdAt: c.created_at.toISOString(),
  answeredAt: c.answered_at?.toISOString() ?? null,
  closedAt: c.closed_at?.toISOString() ?? null,
});
