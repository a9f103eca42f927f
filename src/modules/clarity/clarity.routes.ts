import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { ClarityService } from "./clarity.service.js";
import {
  addTermInput,
  caseCheckInput,
  caseEntryParams,
  caseIdParams,
  checkOut,
  glossaryLanguageParams,
  glossaryOut,
  glossaryQuery,
  glossaryTermParams,
  sentCheckOut,
  standaloneCheckInput,
  statsOut,
  statsQuery,
  termOut,
  updateTermInput,
} from "./clarity.schemas.js";

/** The clarity check of replies (docs/clarity.md): checks, the glossary, the team's statistics. */
export const clarityRoutes =
  (s: { clarity: ClarityService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["clarity"];

    app.post(
      "/api/v1/cases/:id/replies/check",
      {
        schema: {
          operationId: "checkCaseReply",
          tags,
          summary: "Check a draft reply on a case for clarity (nothing is stored or sent)",
          params: caseIdParams,
          body: caseCheckInput,
          response: { 200: checkOut, ...errorResponses },
        },
      },
      async (req) => s.clarity.checkCase(principalOf(req), req.params.id, req.body.body),
    );

    app.get(
      "/api/v1/cases/:id/replies/:entryId/clarity",
      {
        schema: {
          operationId: "getSentReplyClarity",
          tags,
          summary: "The clarity check stored with a sent reply, with the agent's decisions",
          params: caseEntryParams,
          response: { 200: sentCheckOut, ...errorResponses },
        },
      },
      async (req) => s.clarity.sentCheck(principalOf(req), req.params.id, req.params.entryId),
    );

    app.post(
      "/api/v1/clarity/check",
      {
        schema: {
          operationId: "checkText",
          tags,
          summary: "Check text that is not on a case yet for clarity",
          body: standaloneCheckInput,
          response: { 200: checkOut, ...errorResponses },
        },
      },
      async (req) => s.clarity.checkText(principalOf(req), req.body),
    );

    app.get(
      "/api/v1/clarity/glossary",
      {
        schema: {
          operationId: "listGlossary",
          tags,
          summary: "The glossary of jargon, per language",
          querystring: glossaryQuery,
          response: { 200: glossaryOut, ...errorResponses },
        },
      },
      async (req) => s.clarity.listGlossary(principalOf(req), req.query.language),
    );

    app.post(
      "/api/v1/clarity/glossary/:language",
      {
        schema: {
          operationId: "addGlossaryTerm",
          tags,
          summary: "Add a term to a language's glossary",
          params: glossaryLanguageParams,
          body: addTermInput,
          response: { 201: termOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await s.clarity.addTerm(principalOf(req), req.params.language, req.body)),
    );

    app.put(
      "/api/v1/clarity/glossary/:language/:term",
      {
        schema: {
          operationId: "updateGlossaryTerm",
          tags,
          summary: "Change a term's explanation (or spelling)",
          params: glossaryTermParams,
          body: updateTermInput,
          response: { 200: termOut, ...errorResponses },
        },
      },
      async (req) =>
        s.clarity.updateTerm(principalOf(req), req.params.language, req.params.term, req.body),
    );

    app.delete(
      "/api/v1/clarity/glossary/:language/:term",
      {
        schema: {
          operationId: "removeGlossaryTerm",
          tags,
          summary: "Remove a term from a language's glossary",
          params: glossaryTermParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.clarity.removeTerm(principalOf(req), req.params.language, req.params.term);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/clarity/stats",
      {
        schema: {
          operationId: "getClarityStats",
          tags,
          summary: "Per week, the share of replies sent with open findings, by rule",
          querystring: statsQuery,
          response: { 200: statsOut, ...errorResponses },
        },
      },
      async (req) => s.clarity.stats(principalOf(req), req.query.weeks),
    );
  };
