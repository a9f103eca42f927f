import { conflict, notFound, OtterError } from "../../lib/errors.js";
import type { Finding } from "./feasibility.js";

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
