import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../../http/envelope.js";
import { principalOf } from "../../../http/principal.js";
import type { KnowledgeService } from "./knowledge.service.js";
import {
  articleInput,
  articleList,
  articleOut,
  articlePatch,
  articleQuery,
  idParams,
  macroInput,
  macroList,
  macroOut,
  macroPatch,
  macroQuery,
  renderOut,
  renderParams,
} from "./knowledge.schemas.js";

/** Saved replies (macros) and the knowledge base (docs/desk-knowledge.md). Operator staff only. */
export const knowledgeRoutes =
  (s: { knowledge: KnowledgeService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["desk"];

    app.get(
      "/api/v1/desk/macros",
      {
        schema: {
          operationId: "listMacros",
          tags,
          summary: "Saved replies",
          querystring: macroQuery,
          response: { 200: macroList, ...errorResponses },
        },
      },
      async (req) => s.knowledge.listMacros(principalOf(req), req.query),
    );
    app.post(
      "/api/v1/desk/macros",
      {
        schema: {
          operationId: "createMacro",
          tags,
          summary: "Save a reply with placeholders (an unknown placeholder is refused)",
          body: macroInput,
          response: { 201: macroOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.knowledge.createMacro(principalOf(req), req.body)),
    );
    app.get(
      "/api/v1/desk/macros/:id",
      {
        schema: {
          operationId: "getMacro",
          tags,
          summary: "One saved reply",
          params: idParams,
          response: { 200: macroOut, ...errorResponses },
        },
      },
      async (req) => s.knowledge.getMacro(principalOf(req), req.params.id),
    );
    app.patch(
      "/api/v1/desk/macros/:id",
      {
        schema: {
          operationId: "updateMacro",
          tags,
          summary: "Change a saved reply",
          params: idParams,
          body: macroPatch,
          response: { 200: macroOut, ...errorResponses },
        },
      },
      async (req) => s.knowledge.updateMacro(principalOf(req), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/desk/macros/:id",
      {
        schema: {
          operationId: "deleteMacro",
          tags,
          summary: "Delete a saved reply",
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.knowledge.deleteMacro(principalOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/v1/cases/:id/macros/:macroId/render",
      {
        schema: {
          operationId: "renderMacro",
          tags,
          summary: "A saved reply filled in for this case, to edit and send as a reply",
          params: renderParams,
          response: { 200: renderOut, ...errorResponses },
        },
      },
      async (req) => s.knowledge.renderMacro(principalOf(req), req.params.id, req.params.macroId),
    );

    app.get(
      "/api/v1/desk/articles",
      {
        schema: {
          operationId: "listArticles",
          tags,
          summary: "Knowledge base articles; ?q= searches them",
          querystring: articleQuery,
          response: { 200: articleList, ...errorResponses },
        },
      },
      async (req) => s.knowledge.listArticles(principalOf(req), req.query),
    );
    app.post(
      "/api/v1/desk/articles",
      {
        schema: {
          operationId: "createArticle",
          tags,
          summary: "Write a knowledge base article",
          body: articleInput,
          response: { 201: articleOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.knowledge.createArticle(principalOf(req), req.body)),
    );
    app.get(
      "/api/v1/desk/articles/:id",
      {
        schema: {
          operationId: "getArticle",
          tags,
          summary: "One knowledge base article",
          params: idParams,
          response: { 200: articleOut, ...errorResponses },
        },
      },
      async (req) => s.knowledge.getArticle(principalOf(req), req.params.id),
    );
    app.patch(
      "/api/v1/desk/articles/:id",
      {
        schema: {
          operationId: "updateArticle",
          tags,
          summary: "Change an article",
          params: idParams,
          body: articlePatch,
          response: { 200: articleOut, ...errorResponses },
        },
      },
      async (req) => s.knowledge.updateArticle(principalOf(req), req.params.id, req.body),
    );
    app.delete(
      "/api/v1/desk/articles/:id",
      {
        schema: {
          operationId: "deleteArticle",
          tags,
          summary: "Delete an article",
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.knowledge.deleteArticle(principalOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
