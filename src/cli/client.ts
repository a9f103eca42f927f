/**
 * The CLI's only way into Otter: HTTP to a running server. One process owns a data directory, so the
 * CLI never opens it. Failures keep the API's code, message and request id, so a user (or a support
 * agent reading a pasted terminal) sees exactly what the API said.
 */

export type Query = Record<string, string | number | boolean | null | undefined>;

/** An answer from Otter that is not a success: the API's error envelope, or the closest we can make of it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Otter could not be reached at all (not running, wrong URL, network down). */
export class ConnectionError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Cannot reach Otter at ${url} (${reason}).`);
    this.name = "ConnectionError";
  }
}

/** A problem found by the CLI itself before or after talking to Otter (bad file, bad flag value). */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ClientOptions {
  url: string;
  apiKey?: string;
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed by the server",
};

function connectionReason(err: unknown): string | null {
  if (!(err instanceof TypeError)) return null;
  let cause = (err as { cause?: unknown }).cause;
  // undici wraps multi-address failures (localhost → ::1 and 127.0.0.1) in an AggregateError.
  if (cause instanceof AggregateError && cause.errors.length > 0) cause = cause.errors[0];
  const code = (cause as { code?: string } | undefined)?.code;
  if (code) return REASONS[code] ?? code;
  return (cause as Error | undefined)?.message ?? err.message;
}

async function errorFrom(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  const headerId = res.headers.get("x-request-id");
  try {
    const body = JSON.parse(text) as {
      error?: { code?: unknown; message?: unknown; requestId?: unknown; details?: unknown };
    };
    const e = body.error;
    if (e && typeof e.code === "string" && typeof e.message === "string") {
      return new ApiError(
        res.status,
        e.code,
        e.message,
        typeof e.requestId === "string" ? e.requestId : headerId,
        e.details,
      );
    }
  } catch {
    /* not Otter's envelope: a proxy or another server answered */
  }
  const snippet = text.trim().slice(0, 200);
  return new ApiError(
    res.status,
    `HTTP_${res.status}`,
    `${res.statusText || "Unexpected answer"}${snippet ? `: ${snippet}` : ""}`,
    headerId,
  );
}

export function createClient(opts: ClientOptions) {
  let base: URL;
  try {
    base = new URL(opts.url);
    if (base.protocol !== "http:" && base.protocol !== "https:") throw new Error("not http");
  } catch {
    throw new CliError(
      "INVALID_URL",
      `--url must be an http:// or https:// URL, got '${opts.url}'.`,
    );
  }
  const root = base.toString().replace(/\/+$/, "");

  function urlOf(path: string, query?: Query): string {
    const u = new URL(root + path);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== null && v !== "") u.searchParams.set(k, String(v));
    }
    return u.toString();
  }

  async function send(
    method: string,
    path: string,
    init: {
      query?: Query;
      json?: unknown;
      body?: RequestInit["body"];
      contentType?: string;
      accept?: string;
      streaming?: boolean;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      ...init.headers,
      accept: init.accept ?? "application/json",
    };
    if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
    let body = init.body;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    } else if (init.contentType) {
      headers["content-type"] = init.contentType;
    }
    let res: Response;
    try {
      // A stream body (the import upload) needs duplex "half": the request is sent while it is read.
      const request: RequestInit = {
        method,
        headers,
        body,
        ...(init.streaming && { duplex: "half" }),
      };
      res = await fetch(urlOf(path, init.query), request);
    } catch (err) {
      const reason = connectionReason(err);
      if (reason) throw new ConnectionError(root, reason);
      throw err;
    }
    if (!res.ok) throw await errorFrom(res);
    return res;
  }

  async function json<T>(res: Response): Promise<T> {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    url: root,
    get: async <T>(path: string, query?: Query) => json<T>(await send("GET", path, { query })),
    post: async <T>(path: string, body?: unknown, query?: Query) =>
      json<T>(await send("POST", path, { json: body, query })),
    patch: async <T>(path: string, body: unknown) =>
      json<T>(await send("PATCH", path, { json: body })),
    put: async <T>(path: string, body: unknown) => json<T>(await send("PUT", path, { json: body })),
    delete: async <T = void>(path: string) => json<T>(await send("DELETE", path)),
    /** Sends a stream as the body without buffering it (the server reads it as it arrives). */
    upload: async <T>(
      path: string,
      body: AsyncIterable<Uint8Array>,
      opts: { contentType: string; query?: Query; headers?: Record<string, string> },
    ) =>
      json<T>(
        await send("POST", path, { ...opts, body: body as RequestInit["body"], streaming: true }),
      ),
    /** A non-JSON download (CSV results), as a web stream to pipe somewhere. */
    download: async (path: string, accept = "text/csv") => {
      const res = await send("GET", path, { accept });
      if (!res.body)
        throw new ApiError(
          res.status,
          "EMPTY_BODY",
          "The server sent no body.",
          res.headers.get("x-request-id"),
        );
      return res.body;
    },
    /** Every page of a cursor-paged list, in order. */
    async *pages<T>(path: string, query: Query = {}): AsyncGenerator<Page<T>> {
      let cursor: string | null | undefined = (query.cursor as string | undefined) ?? undefined;
      do {
        const page: Page<T> = await json<Page<T>>(
          await send("GET", path, { query: { ...query, cursor } }),
        );
        yield page;
        cursor = page.nextCursor;
      } while (cursor);
    },
  };
}

export type OtterClient = ReturnType<typeof createClient>;

/** Path segment from user input (an ICCID, an id, a plan name with spaces). */
export const seg = (s: string) => encodeURIComponent(s);
