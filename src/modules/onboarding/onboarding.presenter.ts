import type { Onboarding } from "../../db/schema.js";
import type { Finding } from "./feasibility.js";
import type { OnboardingOut } from "./onboarding.schemas.js";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const DAY_MS = 86_400_000;

/** PSKs never leave Otter through the API: they are masked wherever a spec or service is shown. */
export function maskSecrets<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === "psk" && typeof v === "string" ? "********" : v)),
  ) as T;
}

export function presentOnboarding(o: Onboarding): OnboardingOut {
  const signed = Date.parse(`${o.contract_signed}T00:00:00Z`);
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
    findings: o.findings as Finding[],
    report: (o.report as Record<string, unknown> | null) ?? null,
    leadTimeDays: o.live_at
      ? Math.round(((o.live_at.getTime() - signed) / DAY_MS) * 10) / 10
      : null,
    createdAt: o.created_at.toISOString(),
    validatedAt: iso(o.validated_at),
    provisioningAt: iso(o.provisioning_at),
    waitingOnCustomerAt: iso(o.waiting_on_customer_at),
    liveAt: iso(o.live_at),
    failedAt: iso(o.failed_at),
    updatedAt: o.updated_at.toISOString(),
  };
}

export function presentOnboardingDetail(o: Onboarding) {
  return {
    ...presentOnboarding(o),
    spec: maskSecrets(o.spec as Record<string, unknown>),
    services: maskSecrets(o.services as Record<string, unknown>[]),
  };
}
