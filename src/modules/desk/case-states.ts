import type { CaseCategory, CasePriority, CaseState } from "../../db/schema.js";

/** The case state machine, free of I/O (docs/desk.md has the diagram and the TMF621 mapping). */
export const CASE_STATES = [
  "new",
  "open",
  "waiting_on_customer",
  "waiting_on_consultation",
  "resolved",
  "closed",
] as const satisfies readonly CaseState[];
export const CASE_CATEGORIES = [
  "sim_order",
  "platform_howto",
  "billing",
  "technical",
  "plans",
  "products",
  "other",
] as const satisfies readonly CaseCategory[];
export const CASE_PRIORITIES = [
  "low",
  "normal",
  "high",
  "urgent",
] as const satisfies readonly CasePriority[];

/**
 * Why Otter itself moved a case. The timeline keeps the English as `reason` (what the API and the
 * CLI have always shown) and the key as `reasonCode`, which the console words in the reader's language.
 */
export const SYSTEM_REASONS = {
  consultation_opened: "consultation opened",
  consultation_answered: "consultation answered",
  consultation_closed: "consultation closed",
  customer_replied: "customer replied",
  customer_replied_in_window: "customer replied within the reopen window",
} as const;
export type SystemReason = keyof typeof SYSTEM_REASONS;

const WORKING: CaseState[] = [
  "open",
  "waiting_on_customer",
  "waiting_on_consultation",
  "resolved",
  "closed",
];

const ALLOWED: Record<CaseState, readonly CaseState[]> = {
  new: WORKING,
  open: WORKING,
  waiting_on_customer: WORKING,
  waiting_on_consultation: WORKING,
  // A resolved case is reopened (by a customer reply within the reopen window, or by an agent) or closed.
  resolved: ["open", "closed"],
  // Closed is final: a later message opens a new case linked to it.
  closed: [],
};

export const canTransition = (from: CaseState, to: CaseState) =>
  from !== to && ALLOWED[from].includes(to);

/** States in which the customer still expects something from us. */
export const isOpenState = (s: CaseState) => s !== "resolved" && s !== "closed";

/** TM Forum TMF621 troubleTicket status for each Otter state (docs/desk.md). */
export const TMF621_STATUS: Record<CaseState, string> = {
  new: "acknowledged",
  open: "inProgress",
  waiting_on_customer: "pending",
  waiting_on_consultation: "held",
  resolved: "resolved",
  closed: "closed",
};
