import { conflict, notFound, validationError } from "../../lib/errors.js";

/** The automation module's error catalogue; codes are stable and listed in docs/errors.md. */
export const automationErrors = {
  notFound: (id: string) =>
    notFound("AUTOMATION_RULE_NOT_FOUND", `Automation rule ${id} was not found.`),
  caseDeskNotAvailable: (field: string) =>
    conflict(
      "CASE_DESK_NOT_AVAILABLE",
      "This Otter has no case desk yet, so a rule cannot open cases; remove the open_case action or try again once the desk is installed.",
      [{ field, code: "CASE_DESK_NOT_AVAILABLE", message: "no case desk" }],
    ),
  unknownAccount: (field: string, id: string) =>
    validationError(field, "UNKNOWN_ACCOUNT", `Account ${id} does not exist in your subtree.`),
  conditionAccountOutside: (field: string) =>
    validationError(
      field,
      "CONDITION_ACCOUNT_OUTSIDE_RULE",
      "The account of an `account` condition must lie in the rule's account subtree.",
    ),
};
