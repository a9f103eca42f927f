import { conflict, notFound, OtterError } from "../../lib/errors.js";
import type { Finding } from "./feasibility.js";
import type { OnboardingPlan } from "./onboarding-plan.js";

/** The onboarding module's error catalogue (docs/errors.md). */
export const onboardingErrors = {
  notFound: (id: string) => notFound("ONBOARDING_NOT_FOUND", `Onboarding ${id} was not found.`),
  /** The spec is not an onboarding spec: its shape is wrong (each problem in `details`). */
  specInvalid: (findings: Finding[]) =>
    new OtterError(
      "validation",
      "ONBOARDING_SPEC_INVALID",
      `The spec has ${findings.length} problem(s); the first: ${findings[0]?.path}: ${findings[0]?.message}`,
      findings.map((f) => ({ field: f.path, code: f.code, message: f.message })),
    ),
  /** The feasibility check found errors; nothing was written. */
  notFeasible: (findings: Finding[]) => {
    const errors = findings.filter((f) => f.severity === "error");
    return new OtterError(
      "validation",
      "ONBOARDING_NOT_FEASIBLE",
      `The feasibility check found ${errors.length} error(s); the first: ${errors[0]?.path}: ${errors[0]?.message}`,
      errors.map((f) => ({ field: f.path, code: f.code, message: f.message })),
    );
  },
  /**
   * A changed spec of a provisioned onboarding needs its plan confirmed: `confirmPlan` is missing
   * or names another plan (the state changed since it was shown). Nothing was written.
   */
  planNotConfirmed: (reference: string, plan: OnboardingPlan, sent: string | undefined) =>
    conflict(
      "ONBOARDING_PLAN_NOT_CONFIRMED",
      sent
        ? `The plan of onboarding ${reference} is now ${plan.hash}, not ${sent}: review it and confirm again.`
        : `Onboarding ${reference} would change (${plan.entries.length} entr${plan.entries.length === 1 ? "y" : "ies"}): confirm the plan with confirmPlan "${plan.hash}".`,
      { planHash: plan.hash, plan: plan.entries, summary: plan.summary },
    ),
  taskNotFound: (id: string) =>
    notFound("ONBOARDING_TASK_NOT_FOUND", `The onboarding has no task ${id}.`),
  /** A task is marked done once; its note stays as written. */
  taskDone: (title: string) =>
    conflict("ONBOARDING_TASK_DONE", `The task "${title}" is done already.`),
  busy: (reference: string) =>
    conflict(
      "ONBOARDING_IN_PROGRESS",
      `Onboarding ${reference} is being provisioned; wait for its job to finish.`,
    ),
};
