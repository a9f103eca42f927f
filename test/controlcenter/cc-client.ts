import type { TestOtter } from "../support/otter.js";

export interface CcCredentials {
  username: string;
  apiKey: string;
}

export interface CcResponse {
  status: number;
  body: any;
  headers: Headers;
}

/** The operator's first admin, as a Control Center client signs in: e-mail and API key. */
export const operatorAdmin = (t: TestOtter): CcCredentials => ({
  username: "admin@otter.local",
  apiKey: t.adminKey,
});

/** A call to /rws/api/v1 as a Control Center client makes it: HTTP Basic, JSON, no Accept header. */
export async function cc(
  t: TestOtter,
  method: string,
  path: string,
  opts: {
    as?: CcCredentials | null;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<CcResponse> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const who = opts.as === undefined ? operatorAdmin(t) : opts.as;
  if (who)
    headers.authorization = `Basic ${Buffer.from(`${who.username}:${who.apiKey}`).toString("base64")}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(opts.body);
  }
  const url = path.startsWith("/rws") ? path : `/rws/api/v1${path}`;
  const res = await fetch(t.url + url, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get("content-type") ?? "").includes("json") && text) parsed = JSON.parse(text);
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A Control Center request date for `d`, as clients write it (`+00:00`), URL-encoded. */
export const ccDate = (d: Date | string) =>
  encodeURIComponent(new Date(d).toISOString().replace(/\.\d{3}Z$/, "+00:00"));
