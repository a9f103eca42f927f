import { conflict, notFound, validationError } from "../../lib/errors.js";

/** The clarity module's error catalogue; codes are stable and listed in docs/errors.md. */
export const clarityErrors = {
  timeZoneInvalid: (zone: string) =>
    validationError(
      "timeZone",
      "CLARITY_TIME_ZONE_INVALID",
      `${JSON.stringify(zone)} is not an IANA time zone (such as Europe/Rome or Africa/Nairobi).`,
    ),
  termNotFound: (language: string, term: string) =>
    notFound(
      "CLARITY_TERM_NOT_FOUND",
      `The ${language} glossary has no term ${JSON.stringify(term)}.`,
    ),
  sentCheckNotFound: (entryId: string) =>
    notFound(
      "CLARITY_CHECK_NOT_FOUND",
      `No clarity check is stored for reply ${entryId} on this case (only replies sent since the check exists have one).`,
    ),
  termExists: (language: string, term: string) =>
    conflict(
      "CLARITY_TERM_EXISTS",
      `The ${language} glossary has the term ${JSON.stringify(term)} already; change it instead.`,
    ),
};
