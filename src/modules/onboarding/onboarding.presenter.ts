import type { Onboarding, OnboardingTask } from "../../db/schema.js";
import { DEFAULT_LOCALE, type Locale } from "../../lib/messages/messages.js";
import type { Finding } from "./feasibility.js";
import type { OnboardingPlan } from "./onboarding-plan.js";
import { onboardingText } from "./onboarding.messages.js";
import type { OnboardingOut, OnboardingTaskOut } from "./onboarding.schemas.js";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const DAY_MS = 86_400_000;

/**
 * PSKs never leave Otter through the API: wherever a spec or service is shown, a PSK (sealed at
 * rest as `pskSealed`, or in clear in a spec stored before sealing) shows as `psk: "********"`.
 */
export function maskSecrets<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key === "psk" && typeof v === "string") return "********";
      if (v && typeof v === "object" && !Array.isArray(v) && "pskSealed" in v) {
        const { pskSealed: _sealed, ...rest } = v as Record<string, unknown>;
        return { ...rest, psk: "********" };
      }
      return v;
    }),
  ) as T;
}

/**
 * A finding as the API answers it: its English message as always, and its text in the reader's
 * language (a finding stored before its message was kept shows its English message).
 */
export function presentFinding(f: Finding, locale: Locale) {
  const { msg, ...rest } = f as Finding & { msg?: Finding["msg"] };
  return {
    ...rest,
    params: msg?.params ?? {},
    text: msg ? onboardingText.text(msg, locale) : f.message,
  };
}

/** A plan of differences with each entry's object in the reader's language. */
export function presentPlan(plan: OnboardingPlan, locale: Locale) {
  return {
    ...plan,
    entries: plan.entries.map(({ objectMsg, ...e }) => ({
      ...e,
      objectMessage: onboardingText.rendered(objectMsg, locale),
    })),
  };
}

/** Days, to a tenth, from a date's midnight (UTC) to a moment. */
export const daysBetween = (fromMs: number, to: Date) =>
  Math.round(((to.getTime() - fromMs) / DAY_MS) * 10) / 10;

export const signedMs = (o: Pick<Onboarding, "contract_signed">) =>
  Date.parse(`${o.contract_signed}T00:00:00Z`);

export function presentTask(t: OnboardingTask, caseId: string | null): OnboardingTaskOut {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    ownerEmail: t.owner_email,
    dueOn: t.due_on,
    state: t.state,
    note: t.note,
    doneAt: iso(t.done_at),
    doneBy: t.done_by,
    caseId,
  };
}

export function presentOnboarding(o: Onboarding, locale: Locale = DEFAULT_LOCALE): OnboardingOut {
  const signed = signedMs(o);
  return {
    id: o.id,
    reference: o.reference,
    customerName: o.customer_name,
    state: o.state,
    customerAccountId: o.customer_account_id,
    jobId: o.job_id,
    ownerEmail: o.owner_email,
    contractSigned: o.contract_signed,
    requestedGoLive: o.requested_go_live,
    findings: (o.findings as Finding[]).map((f) => presentFinding(f, locale)),
    report: (o.report as Record<string, unknown> | null) ?? null,
    leadTimeDays: o.live_at ? daysBetween(signed, o.live_at) : null,
    firstSimOnlineAt: iso(o.first_sim_online_at),
    daysToFirstSimOnline: o.first_sim_online_at ? daysBetween(signed, o.first_sim_online_at) : null,
    createdAt: o.created_at.toISOString(),
    validatedAt: iso(o.validated_at),
    provisioningAt: iso(o.provisioning_at),
    waitingOnCustomerAt: iso(o.waiting_on_customer_at),
    liveAt: iso(o.live_at),
    failedAt: iso(o.failed_at),
    updatedAt: o.updated_at.toISOString(),
  };
}

export function presentOnboardingDetail(
  o: Onboarding,
  tasks: OnboardingTask[],
  deskCase: { id: string; number: number; subject: string; state: string } | null,
  locale: Locale = DEFAULT_LOCALE,
) {
  return {
    ...presentOnboarding(o, locale),
    tasks: tasks.map((t) => presentTask(t, o.case_id)),
    case: deskCase,
    spec: maskSecrets(o.spec as Record<string, unknown>),
    services: maskSecrets(o.services as Record<string, unknown>[]),
  };
}
