import type { Tx } from "../../db/database.js";
import type { Onboarding, OnboardingState, OnboardingTaskKind } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import type { EventsService } from "../events/events.service.js";
import type { OnboardingSpec } from "./onboarding-spec.js";
import { onboardingRepo as repo } from "./onboarding.repo.js";

/**
 * Moves an onboarding to `to`, stamping the time the state was reached and emitting
 * `onboarding.state_changed` (for automation rules and webhooks) when the state changes.
 */
export async function setOnboardingState(
  deps: { clock: Clock; events: Pick<EventsService, "emit"> },
  tx: Tx,
  o: Onboarding,
  to: OnboardingState,
  extra: Partial<Parameters<typeof repo.update>[2]> = {},
) {
  const now = deps.clock.now();
  const at = { [`${to}_at`]: now } as Record<string, Date>;
  const updated = await repo.update(tx, o.id, { ...at, ...extra, state: to, updated_at: now });
  if (o.state !== to)
    await deps.events.emit(tx, [
      {
        accountId: o.account_id,
        type: "onboarding.state_changed",
        subjectId: o.id,
        data: {
          onboardingId: o.id,
          reference: o.reference,
          from: o.state,
          to,
          customerAccountId: updated.customer_account_id,
        },
      },
    ]);
  return updated;
}

const dayBefore = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The people's tasks an onboarding gets once provisioned, each owned by the onboarding owner:
 * agreeing the tunnel date (only when the spec has an IPsec tunnel; due at the start of the tunnel
 * window, or at go-live without one), shipping the SIM cards (due the day before go-live, never
 * before the signature) and the customer's acceptance (due at go-live).
 */
export function tasksFor(
  spec: OnboardingSpec,
): { kind: OnboardingTaskKind; title: string; dueOn: string }[] {
  const goLive = spec.dates.requestedGoLive;
  const ship = dayBefore(goLive) < spec.dates.contractSigned ? goLive : dayBefore(goLive);
  return [
    ...(spec.services.apns.some((a) => a.ipsec)
      ? [
          {
            kind: "tunnel_date" as const,
            title: "agree the tunnel date with the customer",
            dueOn: spec.dates.tunnelWindow?.from ?? goLive,
          },
        ]
      : []),
    { kind: "sim_shipment", title: "ship the SIM cards", dueOn: ship },
    { kind: "acceptance", title: "customer acceptance", dueOn: goLive },
  ];
}

/** The subject of the desk case that carries an onboarding's tasks. */
export const caseSubjectOf = (spec: OnboardingSpec) =>
  `Onboarding ${spec.customer.name}: ${
    spec.services.apns.some((a) => a.ipsec) ? "tunnel, " : ""
  }SIM shipment, acceptance`;
