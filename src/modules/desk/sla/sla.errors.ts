import { notFound, validationError } from "../../../lib/errors.js";

/** SLA error catalogue (calendar and target validation codes live in calendar.ts / targets.ts); listed in docs/errors.md. */
export const slaErrors = {
  effectiveInPast: () =>
    validationError(
      "effectiveFrom",
      "SLA_EFFECTIVE_IN_PAST",
      "effectiveFrom: a rule cannot start in the past; time already counted stays as it was counted.",
    ),
  badOwner: (owner: string) =>
    validationError(
      "owner",
      "DESK_QUEUE_INVALID_OWNER",
      `owner: "${owner}" is neither "me", "none", "all" nor a user id.`,
    ),
  accountNotFound: (id: string) => notFound("ACCOUNT_NOT_FOUND", `Account ${id} was not found.`),
};
