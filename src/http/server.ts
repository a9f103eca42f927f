import { randomUUID, timingSafeEqual } from "node:crypto";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import swagger from "@fastify/swagger";
import rateLimit from "@fastify/rate-limit";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Logger } from "pino";
import { httpStatusOf, OtterError } from "../lib/errors.js";
import { listSome } from "../lib/list-some.js";
import type { Metrics } from "./metrics.js";
import {
  type BadText,
  findBadText,
  markUndecodableSegments,
  MAX_REPORTED,
  undecodableQuery,
} from "./text-input.js";
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from "./cookies.js";
import "./principal.js";
import { preferredLanguage } from "../lib/messages/accept-language.js";
import { errorTextOf } from "./errors.messages.js";
import { localeOf } from "../lib/messages/messages.js";
import type { Principal } from "../modules/auth/principal.js";

export interface HttpOptions {
  logger: Logger;
  metrics: Metrics;
  /** `fresh`: for a change, never an answer this node remembered (src/modules/accounts/key-principals.ts). */
  authenticate: (key: string, opts: { fresh: boolean }) => Promise<Principal | null>;
  /** People's sign-in sessions: a cookie works on every route as an API key does (docs/sign-in.md). */
  sessions?: {
    authenticate: (secret: string) => Promise<Principal | null>;
    csrfTokenOf: (secret: string) => string;
    /** Paths a person calls before signing in (sign-in, password reset). */
    publicPaths: readonly string[];
  };
  /** Fastify's `trustProxy`: which proxies' X-Forwarded-For/-Proto to believe (OTTER_TRUST_PROXY). */
  trustProxy?: boolean | number | string[];
  rateLimitPerMinute: number;
  version: string;
}

const PUBLIC_PATHS = new Set(["/healthz", "/metrics", "/api/v1/openapi.json"]);
const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;
/** Methods that change nothing: they need no CSRF token with a cookie. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const sameSecret = (given: string | string[] | undefined, expected: string) => {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
};

/** Builds the Fastify instance with Otter's cross-cutting behaviour; routes are added by the caller. */
export async function createHttpServer(opts: HttpOptions) {
  const app = Fastify({
    loggerInstance: opts.logger as unknown as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID_RE.test(given) ? given : randomUUID();
    },
    bodyLimit: 10 * 1024 * 1024,
    // Fastify takes a hop count too; its types list only one overload's shapes.
    trustProxy: (opts.trustProxy ?? false) as boolean,
    return503OnClosing: true,
    // Before routing: a path that is not valid percent-encoded UTF-8 still gets the one envelope.
    frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      reply.header("x-request-id", req.id);
      if (err.code === "FST_ERR_BAD_URL") {
        const bad = [
          {
            field: undecodablePathParam(req.method, req.url),
            message: "is not valid percent-encoded UTF-8",
          },
        ];
        return reply.code(400).send(badTextError(bad, String(req.id)));
      }
      const status = err.statusCode ?? 500;
      if (status >= 500) req.log.error({ err }, "request failed before routing");
      return reply.code(status).send({
        error: {
          code: status === 414 ? "URI_TOO_LONG" : "INTERNAL",
          message: err.message,
          requestId: String(req.id),
        },
      });
    },
  }).withTypeProvider<ZodTypeProvider>();

  /** The name of the path parameter holding the undecodable segment, or `path` when no route matches. */
  function undecodablePathParam(method: string, url: string): string {
    const marker = "otter-undecodable-segment";
    const { path, marked } = markUndecodableSegments(url.split("?")[0]!, marker);
    const route = marked ? app.findRoute({ method: method as "GET", url: path }) : null;
    const param =
      route &&
      Object.entries(route.params as Record<string, string>).find(([, v]) => v === marker)?.[0];
    return param ?? "path";
  }

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("principal", null);

  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });

  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "unmatched";
    opts.metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    opts.metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Otter API",
        version: opts.version,
        description:
          "Otter — operations platform for IoT connectivity providers. All errors share the envelope { error: { code, message, requestId, details? } }.",
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          // A person's session (docs/sign-in.md); changes also need the X-CSRF-Token header.
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const publicPaths = new Set([...PUBLIC_PATHS, ...(opts.sessions?.publicPaths ?? [])]);

  // Authentication runs before everything else that touches the request (rate limit, parsing).
  // An API key wins over a cookie; a cookie's changes need the session's CSRF token.
  app.addHook("onRequest", async (req) => {
    const path = req.url.split("?")[0]!;
    if (publicPaths.has(path) || !path.startsWith("/api/")) return;
    const header = req.headers.authorization;
    const sessionSecret = header ? undefined : readCookie(req.headers.cookie, SESSION_COOKIE);
    if (sessionSecret && opts.sessions) {
      const principal = await opts.sessions.authenticate(sessionSecret);
      if (!principal)
        throw new OtterError(
          "unauthenticated",
          "SESSION_ENDED",
          "Your session has ended (signed out, revoked or expired): sign in again.",
        );
      if (
        !SAFE_METHODS.has(req.method) &&
        !sameSecret(req.headers[CSRF_HEADER], opts.sessions.csrfTokenOf(sessionSecret))
      )
        throw new OtterError(
          "forbidden",
          "CSRF_TOKEN_INVALID",
          "A change made with the session cookie needs the session's CSRF token in the X-CSRF-Token header.",
        );
      req.principal = principal;
      return;
    }
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match)
      throw new OtterError(
        "unauthenticated",
        "UNAUTHENTICATED",
        "Send an API key as 'Authorization: Bearer <key>'.",
      );
    const principal = await opts.authenticate(match[1]!, { fresh: !SAFE_METHODS.has(req.method) });
    if (!principal)
      throw new OtterError(
        "unauthenticated",
        "INVALID_API_KEY",
        "The API key is unknown or revoked.",
      );
    // A machine says per request which language it reads (docs/decisions.md, server messages).
    const language = preferredLanguage(req.headers["accept-language"]) ?? "en";
    req.principal = { ...principal, locale: { ...localeOf(principal), language } };
  });

  // Text PostgreSQL cannot store (NUL, lone surrogates) is refused here, once for every route and
  // every field, before a schema or a service sees it.
  app.addHook("preValidation", async (req) => {
    const bad = [
      ...undecodableQuery(req.url),
      // Copied into plain objects: the router and the query parser build theirs on other prototypes.
      ...findBadText({ ...(req.params as object) }),
      ...findBadText({ ...(req.query as object) }),
      ...(req.body === undefined || req.body === null ? [] : findBadText(req.body)),
    ];
    if (bad.length > 0)
      throw new OtterError(
        "validation",
        "VALIDATION_FAILED",
        `${bad[0]!.field}: ${bad[0]!.message}.`,
        badTextDetails(bad),
      );
  });

  if (opts.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      global: true,
      max: opts.rateLimitPerMinute,
      timeWindow: 60_000,
      hook: "preHandler",
      keyGenerator: (req) =>
        req.principal ? (req.principal.sessionId ?? req.principal.apiKeyId) : req.ip,
      allowList: (req) => !req.url.startsWith("/api/"),
      errorResponseBuilder: (_req, ctx) =>
        new OtterError(
          "rate_limited",
          "RATE_LIMITED",
          `Too many requests: at most ${ctx.max} per minute per API key. Retry after ${Math.ceil(ctx.ttl / 1000)} s.`,
        ),
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const message = `No route ${req.method} ${req.url.split("?")[0]}.`;
    reply.code(404).send({
      error: {
        code: "ROUTE_NOT_FOUND",
        message,
        text: errorTextOf(req, "not_found", message),
        requestId: req.id,
      },
    });
  });

  app.setErrorHandler((err: FastifyError | OtterError | Error, req, reply) => {
    const requestId = String(req.id);
    if (err instanceof OtterError) {
      const status = httpStatusOf(err.kind);
      if (err.kind === "rate_limited" && !reply.hasHeader("retry-after")) {
        const after = (err.details as { retryAfterSeconds?: number } | undefined)
          ?.retryAfterSeconds;
        reply.header("retry-after", String(after ?? 60));
      }
      if (status >= 500) req.log.error({ err }, "request failed");
      const firstField = Array.isArray(err.details) ? err.details[0] : undefined;
      return reply.code(status).send({
        error: {
          code: err.code,
          message: err.message,
          text: errorTextOf(
            req,
            err.kind,
            err.message,
            err.kind === "validation" && firstField?.field
              ? { field: firstField.field, detail: firstField.message }
              : undefined,
          ),
          requestId,
          ...(err.details && { details: err.details }),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as FastifyError).validationContext ?? "body";
      const details = err.validation.map((v) => {
        const field = v.instancePath.split("/").filter(Boolean).join(".") || where;
        const params = v.params as { params?: { code?: string }; keys?: unknown } | undefined;
        const custom = params?.params?.code;
        // Zod lists every unknown key; a body with thousands of them gets the first 20 and a count.
        const unknown =
          v.keyword === "unrecognized_keys" && Array.isArray(params?.keys)
            ? (params.keys as string[])
            : null;
        const message = unknown
          ? `unknown field${unknown.length > 1 ? "s" : ""} ${listSome(unknown)}`
          : (v.message ?? "invalid value");
        return { field, code: custom ?? String(v.keyword ?? "invalid"), message };
      });
      const first = details[0];
      return reply.code(400).send({
        error: {
          code: "VALIDATION_FAILED",
          message: first ? `${first.field}: ${first.message}` : "The request is invalid.",
          text: errorTextOf(
            req,
            "validation",
            first ? `${first.field}: ${first.message}` : "The request is invalid.",
            first ? { field: first.field, detail: first.message } : undefined,
          ),
          requestId,
          details,
        },
      });
    }
    // Two requests racing to create the same thing: the database's unique constraint decides, the loser gets 409.
    if ((err as { code?: string }).code === "23505") {
      const message =
        "It already exists (created by a concurrent request); fetch it or choose another name.";
      return reply.code(409).send({
        error: {
          code: "ALREADY_EXISTS",
          message,
          text: errorTextOf(req, "conflict", message),
          requestId,
        },
      });
    }
    const fe = err as FastifyError;
    const mapped: Record<string, [number, string]> = {
      FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "UNSUPPORTED_MEDIA_TYPE"],
      FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "INVALID_CONTENT_LENGTH"],
      FST_ERR_CTP_BODY_TOO_LARGE: [413, "PAYLOAD_TOO_LARGE"],
      FST_ERR_CTP_EMPTY_JSON_BODY: [400, "EMPTY_JSON_BODY"],
      FST_ERR_CTP_INVALID_JSON_BODY: [400, "MALFORMED_JSON"],
      FST_ERR_CTP_EMPTY_TYPE: [415, "UNSUPPORTED_MEDIA_TYPE"],
      FST_ERR_CTP_INVALID_TYPE: [415, "UNSUPPORTED_MEDIA_TYPE"],
    };
    const known = fe.code ? mapped[fe.code] : undefined;
    if (known)
      return reply
        .code(known[0])
        .send({ error: { code: known[1], message: fe.message, requestId } });
    if (fe.statusCode === 400 && err instanceof SyntaxError) {
      return reply.code(400).send({
        error: {
          code: "MALFORMED_JSON",
          message: `The body is not valid JSON: ${err.message}`,
          requestId,
        },
      });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply
        .code(fe.statusCode)
        .send({ error: { code: fe.code ?? "BAD_REQUEST", message: fe.message, requestId } });
    }
    req.log.error({ err }, "unhandled error");
    const internal = "Otter hit an unexpected error; it is logged with this request id.";
    return reply.code(500).send({
      error: {
        code: "INTERNAL",
        message: internal,
        text: errorTextOf(req, "internal", internal),
        requestId,
      },
    });
  });

  return app;
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;

function badTextDetails(bad: BadText[]) {
  return bad.slice(0, MAX_REPORTED).map((b) => ({
    field: b.field,
    ...(b.line !== undefined && { line: b.line }),
    code: "INVALID_CHARACTERS",
    message: b.message,
  }));
}

function badTextError(bad: BadText[], requestId: string) {
  return {
    error: {
      code: "VALIDATION_FAILED",
      message: `${bad[0]!.field}: ${bad[0]!.message}.`,
      requestId,
      details: badTextDetails(bad),
    },
  };
}
