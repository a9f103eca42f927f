/**
 * Control Center's error catalogue (reference section 5): the body `{errorMessage, errorCode}` with
 * the code as a string, and the HTTP status Control Center answers it with. Listed in
 * docs/errors.md ("Control-Center-compatible API") and docs/control-center.md.
 */
export class CcError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    /** Seconds a throttled client should wait (429 only). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "CcError";
  }

  get body() {
    return { errorMessage: this.message, errorCode: this.errorCode };
  }
}

const bad = (code: string, message: string) => new CcError(400, code, message);

export const ccErrors = {
  authenticationRequired: () =>
    new CcError(401, "10000001", "Full authentication is required to access this resource"),
  invalidCredentials: () => new CcError(401, "10000001", "Invalid credentials."),
  accountIdInvalid: (v: string) => bad("10000004", `Invalid accountId: ${v}.`),
  modifiedSinceMissing: () => bad("10000003", "modifiedSince is required."),
  invalidStatus: (v: string) => bad("10000005", `Invalid SIM status: ${v}.`),
  invalidPageSize: (v: string) =>
    bad("10000006", `Invalid pageSize: ${v} (a whole number from 1; above 50 counts as 50).`),
  invalidPageNumber: (v: string) =>
    bad("10000007", `Invalid pageNumber: ${v} (a whole number from 1).`),
  noOperatorFieldPermission: (fields: string[]) =>
    bad("10000008", `No permission to edit operator custom fields: ${fields.join(", ")}.`),
  requiredFieldsMissing: (what: string) => bad("10000011", `Required fields missing: ${what}.`),
  invalidDate: (field: string, v: string) =>
    bad(
      "10000012",
      `Invalid date format for ${field}: ${v} (use yyyy-MM-ddTHH:mm:ss+hh:mm, e.g. 2016-04-18T17:31:34+00:00).`,
    ),
  invalidRatePlan: (v: string) => bad("10000013", `Invalid ratePlan: ${v}.`),
  invalidCommunicationPlan: (v: string) => bad("10000014", `Invalid communicationPlan: ${v}.`),
  invalidCustomer: (v: string) => bad("10000015", `Invalid customer: ${v}.`),
  invalidOverride: (v: string) =>
    bad(
      "10000016",
      `Invalid overageLimitOverride: ${v} (DEFAULT, TEMPORARY_OVERRIDE or PERMANENT_OVERRIDE).`,
    ),
  invalidEncoding: (v: string) => bad("10000017", `Invalid messageEncoding: ${v}.`),
  invalidDataCoding: (v: string) => bad("10000018", `Invalid dataCoding: ${v}.`),
  invalidTpvp: (v: string) => bad("10000019", `Invalid tpvp: ${v}.`),
  messageTooLong: (why: string) => bad("10000020", `Message too long: ${why}.`),
  invalidIccid: (v: string) => bad("10000021", `Invalid ICCID: ${v}.`),
  fromDateMissing: () => bad("10000022", "fromDate is required."),
  malformedJson: (why: string) => bad("10000023", `Malformed JSON: ${why}`),
  invalidApiVersion: (v: string) =>
    bad("10000024", `Invalid apiVersion: ${v} (only v1 is supported).`),
  toDateBeforeFromDate: () => bad("10000027", "toDate is before fromDate."),
  unrecognizedParameter: (name: string, why = "Otter does not support it") =>
    bad("10000028", `Unrecognized parameter: ${name} (${why}).`),
  preActivationStatus: (from: string, to: string) =>
    bad("10000029", `Cannot move the device from ${from} to the pre-activation status ${to}.`),
  invalidZone: (v: string) => bad("10000031", `Invalid zone: ${v}.`),
  cycleNotRecent: (v: string) =>
    bad("10000032", `cycleStartDate ${v} is not one of the last 3 cycles.`),
  modifiedSinceInFuture: () => bad("10002119", "modifiedSince is in the future."),
  daysOfHistoryTooLarge: (v: string) =>
    bad("10000049", `daysOfHistory ${v} is more than 365 (or not a whole number from 1).`),
  forbidden: (why: string) => new CcError(403, "10000080", `Forbidden: ${why}`),
  noAccountAccess: (id: string) => new CcError(403, "10000062", `No access to account ${id}.`),
  deviceNotFound: (iccid: string) =>
    new CcError(404, "20000001", `Resource not found - Invalid ICCID: ${iccid}.`),
  smsNotFound: (id: string) =>
    new CcError(404, "20000002", `Resource not found - Invalid smsMsgId: ${id}.`),
  accountNotFound: (id: string) =>
    new CcError(404, "20000003", `Resource not found - Invalid accountId: ${id}.`),
  userNotFound: (id: string) =>
    new CcError(404, "20000005", `Resource not found - Invalid userId: ${id}.`),
  /** What Control Center offers and Otter has no meaning for (reference endpoint table). */
  notSupported: (what: string) =>
    new CcError(403, "10000080", `Forbidden: ${what} is not available on this platform (Otter).`),
  internal: () =>
    new CcError(500, "30000001", "Unknown server error; it is logged with the request id."),
  smscSubmitFailed: (why: string) => new CcError(500, "30000002", `SMSC submit failed: ${why}`),
  rateLimited: (limit: number, retryAfterSeconds: number) =>
    new CcError(
      429,
      "40000029",
      `Rate limit exceeded: at most ${limit} requests per second per API key. Retry after ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    ),
};
