import { z } from "zod";
import { invoiceOut } from "../billing/billing.schemas.js";
import { slaOut } from "./sla/sla.schemas.js";
import { pageQuery } from "../../http/paging.js";
import { replyDecisionsInput } from "../clarity/clarity.schemas.js";
import { CASE_CATEGORIES, CASE_PRIORITIES, CASE_STATES } from "./case-states.js";

const email = z.email({ error: "Give an e-mail address." }).max(320);
const state = z.enum(CASE_STATES);
const category = z.enum(CASE_CATEGORIES);
const priority = z.enum(CASE_PRIORITIES);

export const caseIdParams = z.object({ id: z.string().uuid() });
export const caseSubParams = z.object({ id: z.string().uuid(), subId: z.string().uuid() });
export const mailboxIdParams = z.object({ id: z.string().uuid() });

export const createMailboxInput = z
  .object({
    address: email.describe(
      "The support address (mail to any other address is refused at RCPT TO).",
    ),
    accountId: z
      .string()
      .uuid()
      .nullable()
      .optional()
      .describe("A customer this address belongs to; absent for an operator-wide address."),
  })
  .strict();

export const mailboxOut = z
  .object({
    id: z.string(),
    address: z.string(),
    accountId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "DeskMailbox" });

/** An agent by user id, or `me` (the caller). */
const ownerRef = z.union([z.string().uuid(), z.literal("me")]);

export const listCasesQuery = z.object({
  state: z
    .union([state, z.array(state)])
    .optional()
    .describe("One state or several (repeat the parameter)."),
  owner: z
    .string()
    .max(40)
    .optional()
    .describe("Owner user id, `me` for the caller's cases, or `none` for unowned cases."),
  account: z.string().uuid().optional().describe("Cases of this customer account."),
  triage: z.coerce
    .boolean()
    .optional()
    .describe("Only cases without an account yet (the triage queue)."),
  category: category.optional(),
  priority: priority.optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .describe("A case number (`1234` or `#1234`), or text in the subject or requester address."),
  ...pageQuery,
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const createCaseInput = z
  .object({
    accountId: z
      .string()
      .uuid()
      .nullable()
      .optional()
      .describe(
        "The customer; a customer key opens cases for its own account by default. Agents may leave it out (triage).",
      ),
    subject: z.string().trim().min(1).max(500),
    description: z.string().max(100_000).optional(),
    category: category.optional(),
    priority: priority.optional(),
    ownerUserId: ownerRef
      .nullable()
      .optional()
      .describe(
        "The agent who owns it (`me`: the caller); an agent opening a case owns it by default, null leaves it unassigned.",
      ),
    contactIds: z.array(z.string().uuid()).max(20).optional(),
  })
  .strict();

export const updateCaseInput = z
  .object({
    state: state.optional(),
    priority: priority.optional(),
    category: category.optional(),
    subject: z.string().trim().min(1).max(500).optional(),
    ownerUserId: ownerRef
      .nullable()
      .optional()
      .describe("Reassign the case (`me`: to the caller; null: unassigned)."),
    accountId: z
      .string()
      .uuid()
      .optional()
      .describe("Assign a triage case to its customer (or move it to another)."),
    reason: z
      .string()
      .max(1000)
      .optional()
      .describe("Why; written into the timeline and the audit log."),
  })
  .strict();

export const noteInput = z.object({ body: z.string().trim().min(1).max(100_000) }).strict();

export const replyInput = z
  .object({
    body: z.string().trim().min(1).max(1_000_000),
    to: z
      .array(email)
      .min(1)
      .max(50)
      .optional()
      .describe("Recipients; the case's requester by default."),
    cc: z.array(email).max(50).optional(),
    subject: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe("A subject other than the case's; the case tag is added."),
    state: state
      .optional()
      .describe(
        "The state after the reply (e.g. `waiting_on_customer`); a `new` case becomes `open` by default.",
      ),
    clarity: replyDecisionsInput.optional(),
  })
  .strict();

export const callInput = z
  .object({
    direction: z.enum(["inbound", "outbound"]),
    number: z
      .string()
      .trim()
      .min(3)
      .max(40)
      .regex(/^[+0-9 ()./-]+$/, "A phone number: digits, spaces and + ( ) . / -"),
    contactId: z.string().uuid().optional(),
    durationSeconds: z.number().int().min(0).max(86_400),
    summary: z.string().trim().min(1).max(100_000),
  })
  .strict();

export const callersQuery = z.object({ number: z.string().trim().min(3).max(40) });

export const consultationInput = z
  .object({
    team: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("An internal team queue, e.g. `network` or `billing`."),
    address: email
      .optional()
      .describe("An outside party, written to by e-mail on the consultation's own thread."),
    subject: z.string().trim().min(1).max(500),
    body: z.string().trim().min(1).max(1_000_000),
  })
  .strict();

export const consultationReplyInput = z
  .object({
    body: z.string().trim().min(1).max(1_000_000),
    answer: z
      .boolean()
      .optional()
      .describe(
        "True: this is the answer (team consultations: the default). False: a message to the outside party.",
      ),
  })
  .strict();

export const linkInput = z
  .object({
    iccid: z.string().trim().min(10).max(22).optional(),
    accountId: z.string().uuid().optional(),
    invoiceId: z
      .string()
      .uuid()
      .optional()
      .describe("An invoice or credit note of the case's customer (a billing question)."),
  })
  .strict();

const messageOut = z.object({
  id: z.string(),
  direction: z.enum(["in", "out"]),
  messageId: z.string(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string().nullable(),
  flags: z.array(z.string()),
  needsHuman: z.boolean(),
  rawSize: z.number(),
  sendStatus: z.string().nullable().describe("Outbound: queued, sent or failed (docs/mail.md)."),
  waitingForRelay: z
    .boolean()
    .describe("Outbound and queued because no SMTP relay is configured yet."),
  sendError: z.string().nullable(),
  sendAttempts: z.number().nullable(),
  attachments: z.array(
    z.object({
      id: z.string(),
      filename: z.string().nullable(),
      contentType: z.string(),
      size: z.number(),
      inline: z.boolean(),
      stored: z.boolean(),
    }),
  ),
});

export const entryOut = z
  .object({
    id: z.string(),
    kind: z.enum(["email_in", "email_out", "phone", "note", "consultation", "event"]),
    body: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    actor: z.object({ userId: z.string().nullable(), name: z.string() }),
    consultationId: z.string().nullable(),
    message: messageOut.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "CaseEntry" });

export const caseOut = z
  .object({
    id: z.string(),
    number: z.number().int(),
    accountId: z.string().nullable(),
    triage: z.boolean(),
    subject: z.string(),
    category,
    state,
    tmf621Status: z.string().describe("The TM Forum TMF621 troubleTicket status of the state."),
    priority,
    ownerUserId: z.string().nullable(),
    contactIds: z.array(z.string()),
    requesterEmail: z.string().nullable(),
    requesterName: z.string().nullable(),
    channel: z.enum(["email", "phone", "api", "automation"]),
    reopenedFromCaseId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    sla: slaOut
      .optional()
      .describe("The SLA clocks, computed from the timeline now (docs/desk-sla.md)."),
  })
  .meta({ id: "Case" });

export const consultationOut = z
  .object({
    id: z.string(),
    caseId: z.string(),
    team: z.string().nullable(),
    address: z.string().nullable(),
    subject: z.string(),
    state: z.enum(["open", "answered", "closed"]),
    createdAt: z.string(),
    answeredAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: "Consultation" });

export const caseDetailOut = caseOut
  .extend({
    owner: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    account: z.object({ id: z.string(), name: z.string() }).nullable(),
    contacts: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      }),
    ),
    links: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["sim", "account", "invoice"]),
        iccid: z.string().nullable(),
        accountId: z.string().nullable(),
        accountName: z.string().nullable(),
        createdAt: z.string(),
        context: z
          .object({ sim: z.unknown(), connectivity: z.unknown(), diagnosis: z.unknown() })
          .nullable()
          .describe(
            "For a SIM: its state and plans, its connectivity (last session) and its diagnosis, as the SIM endpoints give them.",
          ),
        invoiceId: z.string().nullable(),
        invoice: invoiceOut
          .nullable()
          .describe(
            "For an invoice: the invoice with its lines, as `GET /api/v1/invoices/{id}` gives it (null where the caller may not see it, such as a customer and a draft). Each line is explained at `/api/v1/invoices/{id}/lines/{n}/explanation`.",
          ),
      }),
    ),
    consultations: z.array(consultationOut),
    timeline: z.array(entryOut),
  })
  .meta({ id: "CaseDetail" });

export const casesPage = z.object({ items: z.array(caseOut), nextCursor: z.string().nullable() });

export const entryCreatedOut = z.object({ caseId: z.string(), entryId: z.string() });
export const replyOut = z.object({
  caseId: z.string(),
  entryId: z.string(),
  messageId: z.string(),
  deskMessageId: z.string(),
  sendStatus: z.literal("queued"),
  waitingForRelay: z
    .boolean()
    .describe(
      "True while no SMTP relay is configured: the reply is kept and goes out once one is.",
    ),
  state,
});
export const retryOut = z.object({ deskMessageId: z.string(), sendStatus: z.literal("queued") });
export const consultationReplyOut = z.object({
  caseId: z.string(),
  consultationId: z.string(),
  entryId: z.string(),
  state,
});

export const callerOut = z
  .object({
    number: z.string(),
    matches: z.array(
      z.object({
        contact: z.object({
          id: z.string(),
          name: z.string(),
          email: z.string().nullable(),
          phone: z.string().nullable(),
        }),
        account: z.object({ id: z.string(), name: z.string() }),
        openCases: z.array(caseOut),
      }),
    ),
  })
  .meta({ id: "CallerLookup" });
