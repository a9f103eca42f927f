import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { page, pageQuery } from "../../http/paging.js";
import { principalOf } from "../../http/principal.js";
import type { AccountsService } from "./accounts.service.js";
import {
  accountInput,
  accountMoveInput,
  accountMoveOut,
  accountOut,
  accountPatch,
  apiKeyCreatedOut,
  apiKeyInput,
  apiKeyOut,
  contactInput,
  contactOut,
  meOut,
  userInput,
  userOut,
  userPreferencesPatch,
  uuid,
} from "./accounts.schemas.js";

const accountWithContacts = accountOut.extend({ contacts: z.array(contactOut) });
const idParams = z.object({ id: uuid });

export const accountsRoutes =
  (s: { accounts: AccountsService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["accounts"];

    app.post(
      "/api/v1/accounts",
      {
        schema: {
          operationId: "createAccount",
          tags,
          body: accountInput,
          response: { 201: accountWithContacts, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.accounts.create(principalOf(req), req.body)),
    );

    app.get(
      "/api/v1/accounts",
      {
        schema: {
          operationId: "listAccounts",
          tags,
          querystring: z.object({ parentId: uuid.optional(), ...pageQuery }),
          response: { 200: page(accountOut), ...errorResponses },
        },
      },
      async (req) => s.accounts.list(principalOf(req), req.query),
    );

    app.get(
      "/api/v1/accounts/:id",
      {
        schema: {
          operationId: "getAccount",
          tags,
          params: idParams,
          response: { 200: accountWithContacts, ...errorResponses },
        },
      },
      async (req) => s.accounts.get(principalOf(req), req.params.id),
    );

    app.patch(
      "/api/v1/accounts/:id",
      {
        schema: {
          operationId: "updateAccount",
          tags,
          params: idParams,
          body: accountPatch,
          response: { 200: accountWithContacts, ...errorResponses },
        },
      },
      async (req) => s.accounts.update(principalOf(req), req.params.id, req.body),
    );

    app.post(
      "/api/v1/accounts/:id/move",
      {
        schema: {
          operationId: "moveAccount",
          summary: "Move a sub-account, with its sub-accounts and SIMs, under another account",
          description:
            "Moves the account and everything below it under `parentId`, an account of the same customer that the caller may see, in one change. A customer's top account, a parent below the account and another customer's account are refused (400, naming the field) and change nothing. Moving an account under the parent it already has changes nothing (`moved` false).",
          tags,
          params: idParams,
          body: accountMoveInput,
          response: { 200: accountMoveOut, ...errorResponses },
        },
      },
      async (req) => s.accounts.move(principalOf(req), req.params.id, req.body),
    );

    app.get(
      "/api/v1/accounts/:id/contacts",
      {
        schema: {
          operationId: "listContacts",
          tags,
          params: idParams,
          response: { 200: z.object({ items: z.array(contactOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.accounts.listContacts(principalOf(req), req.params.id) }),
    );

    app.post(
      "/api/v1/accounts/:id/contacts",
      {
        schema: {
          operationId: "addContact",
          tags,
          params: idParams,
          body: contactInput,
          response: { 201: contactOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await s.accounts.addContact(principalOf(req), req.params.id, req.body)),
    );

    app.delete(
      "/api/v1/accounts/:id/contacts/:contactId",
      {
        schema: {
          operationId: "deleteContact",
          tags,
          params: z.object({ id: uuid, contactId: uuid }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.accounts.deleteContact(principalOf(req), req.params.id, req.params.contactId);
        return reply.code(204).send(null);
      },
    );

    const userTags = ["users"];
    app.post(
      "/api/v1/users",
      {
        schema: {
          operationId: "createUser",
          tags: userTags,
          body: userInput,
          response: { 201: userOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.accounts.createUser(principalOf(req), req.body)),
    );

    app.get(
      "/api/v1/users",
      {
        schema: {
          operationId: "listUsers",
          tags: userTags,
          querystring: z.object({ accountId: uuid.optional() }),
          response: { 200: z.object({ items: z.array(userOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.accounts.listUsers(principalOf(req), req.query.accountId) }),
    );

    app.get(
      "/api/v1/users/me",
      {
        schema: {
          operationId: "whoAmI",
          summary: "Who is signed in (session cookie) or calling (API key)",
          tags: userTags,
          response: { 200: meOut, ...errorResponses },
        },
      },
      async (req) => s.accounts.me(principalOf(req)),
    );

    app.patch(
      "/api/v1/users/me",
      {
        schema: {
          operationId: "updateMe",
          summary: "Set your own language and time zone",
          tags: userTags,
          body: userPreferencesPatch,
          response: { 200: meOut, ...errorResponses },
        },
      },
      async (req) => s.accounts.updateMe(principalOf(req), req.body),
    );

    app.get(
      "/api/v1/users/:id",
      {
        schema: {
          operationId: "getUser",
          tags: userTags,
          params: idParams,
          response: { 200: userOut, ...errorResponses },
        },
      },
      async (req) => s.accounts.getUser(principalOf(req), req.params.id),
    );

    app.post(
      "/api/v1/users/:id/api-keys",
      {
        schema: {
          operationId: "createApiKey",
          tags: userTags,
          params: idParams,
          body: apiKeyInput.optional(),
          response: { 201: apiKeyCreatedOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await s.accounts.createApiKey(principalOf(req), req.params.id, req.body?.name)),
    );

    app.get(
      "/api/v1/users/:id/api-keys",
      {
        schema: {
          operationId: "listApiKeys",
          tags: userTags,
          params: idParams,
          response: { 200: z.object({ items: z.array(apiKeyOut) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await s.accounts.listApiKeys(principalOf(req), req.params.id) }),
    );

    app.delete(
      "/api/v1/users/:id/api-keys/:keyId",
      {
        schema: {
          operationId: "revokeApiKey",
          tags: userTags,
          params: z.object({ id: uuid, keyId: uuid }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.accounts.revokeApiKey(principalOf(req), req.params.id, req.params.keyId);
        return reply.code(204).send(null);
      },
    );
  };
