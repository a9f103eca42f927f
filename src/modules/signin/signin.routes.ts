import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CSRF_COOKIE, cookieHeader, SESSION_COOKIE } from "../../http/cookies.js";
import { errorEnvelope, errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import { uuid } from "../accounts/accounts.schemas.js";
import type { SigninService } from "./signin.service.js";
import { SESSION_MAX_MS } from "./signin-policy.js";
import {
  invitationOut,
  passwordResetInput,
  passwordResetOut,
  sessionOut,
  setPasswordInput,
  setPasswordOut,
  signInInput,
  signInOut,
} from "./signin.schemas.js";

/** The paths a person calls before they have a session: the auth hook lets them through. */
export const SIGNIN_PUBLIC_PATHS = [
  "/api/v1/auth/sign-in",
  "/api/v1/auth/password-reset",
  "/api/v1/auth/password",
];

export const signinRoutes =
  (s: { signin: SigninService }, opts: { secureCookies: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["sign-in"];
    const withLimit = { ...errorResponses, 429: errorEnvelope };

    function setCookies(reply: FastifyReply, secret: string, csrf: string, maxAge: number) {
      const secure = opts.secureCookies;
      reply.header("set-cookie", [
        cookieHeader(SESSION_COOKIE, secret, { secure, httpOnly: true, maxAge }),
        cookieHeader(CSRF_COOKIE, csrf, { secure, httpOnly: false, maxAge }),
      ]);
    }
    const clearCookies = (reply: FastifyReply) => setCookies(reply, "", "", 0);

    app.post(
      "/api/v1/auth/sign-in",
      {
        schema: {
          operationId: "signIn",
          summary: "Sign in with e-mail and password: sets the session cookie",
          tags,
          security: [],
          body: signInInput,
          response: { 200: signInOut, ...withLimit },
        },
      },
      async (req, reply) => {
        const res = await s.signin.signIn(req.body, {
          userAgent: req.headers["user-agent"] ?? null,
          ip: req.ip,
        });
        setCookies(reply, res.secret, res.csrfToken, Math.floor(SESSION_MAX_MS / 1000));
        return { user: res.user, csrfToken: res.csrfToken, expiresAt: res.expiresAt };
      },
    );

    app.post(
      "/api/v1/auth/sign-out",
      {
        schema: {
          operationId: "signOut",
          summary: "End the session this request came with and clear its cookies",
          tags,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.signin.signOut(principalOf(req));
        clearCookies(reply);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/auth/sessions",
      {
        schema: {
          operationId: "listSessions",
          summary: "Your own open sessions",
          tags,
          response: { 200: z.object({ items: z.array(sessionOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.signin.listSessions(principalOf(req)) }),
    );

    app.delete(
      "/api/v1/auth/sessions/:id",
      {
        schema: {
          operationId: "revokeSession",
          summary: "End one of your sessions (on another device, or this one)",
          tags,
          params: z.object({ id: uuid }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        await s.signin.revokeSession(p, req.params.id);
        if (p.sessionId === req.params.id) clearCookies(reply);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/auth/password-reset",
      {
        schema: {
          operationId: "requestPasswordReset",
          summary: "Mail a password reset link (the same answer whether the address is known)",
          tags,
          security: [],
          body: passwordResetInput,
          response: { 202: passwordResetOut, ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.signin.requestReset(req.body.email);
        return reply.code(202).send({
          message:
            "If this address belongs to a user, a link to choose a new password is on its way.",
        });
      },
    );

    app.post(
      "/api/v1/auth/password",
      {
        schema: {
          operationId: "setPassword",
          summary: "Set your password with the one-time token of an invitation or reset mail",
          tags,
          security: [],
          body: setPasswordInput,
          response: { 200: setPasswordOut, ...errorResponses },
        },
      },
      async (req) => s.signin.setPassword(req.body),
    );

    app.post(
      "/api/v1/users/:id/invitation",
      {
        schema: {
          operationId: "inviteUser",
          summary: "Mail the user a one-time link to set their password",
          tags: ["users"],
          params: z.object({ id: uuid }),
          response: { 201: invitationOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.signin.invite(principalOf(req), req.params.id)),
    );
  };
