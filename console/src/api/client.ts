import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/** Otter's one error envelope, as every /api/v1 route answers it. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    /** The message in the signed-in user's language (docs/languages.md). */
    text?: string;
    requestId: string;
    details?: unknown;
  };
}

/** A refused request: the console shows its message and request id (ui/ErrorBox). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The session's CSRF token, which Otter also keeps in the readable `otter_csrf` cookie (docs/sign-in.md). */
export function csrfToken(): string | undefined {
  const m = document.cookie.match(/(?:^|;\s*)otter_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

const csrf: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (!SAFE.has(request.method) && token) request.headers.set("x-csrf-token", token);
    return request;
  },
};

/** Listeners told when a request answers 401: the shell then shows the sign-in page. */
const signedOutListeners = new Set<() => void>();
export const onSignedOut = (fn: () => void) => {
  signedOutListeners.add(fn);
  return () => {
    signedOutListeners.delete(fn);
  };
};
const signedOut: Middleware = {
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith("/api/v1/auth/"))
      signedOutListeners.forEach((fn) => fn());
    return response;
  },
};

/**
 * The typed client of Otter's public API. Its types come from the committed OpenAPI document
 * (docs/openapi.json → schema.d.ts, `npm run openapi`): a changed API breaks this type-check first.
 */
export const api = createClient<paths>({ baseUrl: "/", credentials: "same-origin" });
api.use(csrf, signedOut);

/** Turns openapi-fetch's `{ data, error, response }` into data or a thrown ApiError. */
export async function must<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, "NETWORK", `Otter did not answer: ${(err as Error).message}`, undefined);
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const body = error as Partial<ApiErrorBody> | undefined;
  throw new ApiError(
    response.status,
    body?.error?.code ?? `HTTP_${response.status}`,
    body?.error?.text ?? body?.error?.message ?? response.statusText,
    body?.error?.requestId ?? response.headers.get("x-request-id") ?? undefined,
    body?.error?.details,
  );
}

/** For the few routes that answer a file (CSV, raw mail): the URL to open with the session's cookie. */
export const fileUrl = (path: string) => path;
