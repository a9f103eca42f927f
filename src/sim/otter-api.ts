import {
  ApiError,
  ConnectionError,
  createClient,
  type OtterClient,
  type Query,
} from "../cli/client.js";

/**
 * Otter's REST API as the simulator uses it: the CLI's client (same errors, same messages), with
 * retries for what a busy or restarting server answers — 429 (rate limit), 502/503/504, and a
 * refused connection — so a long story survives a moment of back-pressure.
 */
export interface SimApi {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown, query?: Query): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** A non-JSON body (the CSV of an import). */
  upload<T>(path: string, body: string, contentType: string, query?: Query): Promise<T>;
  pages<T>(path: string, query?: Query): AsyncGenerator<{ items: T[]; nextCursor: string | null }>;
  /** Calls made, and calls that failed after every retry. */
  stats(): { calls: number; failures: number; retries: number };
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createSimApi(opts: { url: string; apiKey?: string; retries?: number }): SimApi {
  const client: OtterClient = createClient({ url: opts.url, apiKey: opts.apiKey });
  const maxRetries = opts.retries ?? 6;
  const stats = { calls: 0, failures: 0, retries: 0 };

  async function retrying<T>(call: () => Promise<T>): Promise<T> {
    stats.calls++;
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const retryable =
          (err instanceof ApiError && RETRYABLE_STATUS.has(err.status)) ||
          err instanceof ConnectionError;
        if (!retryable || attempt >= maxRetries) {
          // A 404 is an answer (provisioning asks whether things exist), not a failure.
          if (!(err instanceof ApiError && err.status === 404)) stats.failures++;
          throw err;
        }
        stats.retries++;
        await sleep(Math.min(8000, 250 * 2 ** attempt));
      }
    }
  }

  return {
    get: (path, query) => retrying(() => client.get(path, query)),
    post: (path, body, query) => retrying(() => client.post(path, body, query)),
    patch: (path, body) => retrying(() => client.patch(path, body)),
    // The CLI's client has no DELETE yet; a deleted or missing resource is the same outcome here.
    delete: (path) =>
      retrying(async () => {
        let res: Response;
        try {
          res = await fetch(client.url + path, {
            method: "DELETE",
            headers: opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {},
          });
        } catch (err) {
          throw new ConnectionError(client.url, (err as Error).message);
        }
        const text = await res.text();
        if (!res.ok && res.status !== 404)
          throw new ApiError(
            res.status,
            `HTTP_${res.status}`,
            text.slice(0, 200),
            res.headers.get("x-request-id"),
          );
      }),
    upload: (path, body, contentType, query) =>
      retrying(() => {
        const bytes = Buffer.from(body, "utf8");
        async function* chunks() {
          yield new Uint8Array(bytes);
        }
        return client.upload(path, chunks(), { contentType, query });
      }),
    async *pages<T>(path: string, query: Query = {}) {
      let cursor: string | null = null;
      do {
        const page: { items: T[]; nextCursor: string | null } = await retrying(() =>
          client.get(path, { ...query, cursor: cursor ?? undefined }),
        );
        yield page;
        cursor = page.nextCursor;
      } while (cursor);
    },
    stats: () => ({ ...stats }),
  };
}
