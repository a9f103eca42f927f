/**
 * One error shape for the whole of Otter. A domain error carries a stable `code` (documented in
 * docs/errors.md and safe for clients to switch on) and a `kind` that decides the HTTP status in
 * exactly one place (`httpStatusOf`). The CLI prints the same code and message.
 */
export type ErrorKind =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

export interface ErrorDetail {
  /** The field (or `line` for file uploads) the problem is about. */
  field?: string;
  line?: number;
  code?: string;
  message: string;
}

export class OtterError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = "OtterError";
  }
}

export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case "validation":
      return 400;
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "too_large":
      return 413;
    case "unsupported_media_type":
      return 415;
    case "rate_limited":
      return 429;
    case "unavailable":
      return 503;
    case "internal":
      return 500;
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}

export const validationError = (field: string, code: string, message: string) =>
  new OtterError("validation", code, message, [{ field, code, message }]);

export const notFound = (code: string, message: string) =>
  new OtterError("not_found", code, message);

export const conflict = (code: string, message: string, details?: OtterError["details"]) =>
  new OtterError("conflict", code, message, details);

export const forbidden = (message = "Your role does not allow this action.") =>
  new OtterError("forbidden", "FORBIDDEN", message);
