import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import type { CasesService } from "./cases.service.js";
import type { DeskService } from "./desk.service.js";
import type { SlaService } from "./sla/sla.service.js";
import { presentCase } from "./desk.presenter.js";
import {
  callerOut,
  callersQuery,
  callInput,
  caseDetailOut,
  caseIdParams,
  caseOut,
  casesPage,
  caseSubParams,
  consultationInput,
  consultationOut,
  consultationReplyInput,
  consultationReplyOut,
  createCaseInput,
  createMailboxInput,
  entryCreatedOut,
  linkInput,
  listCasesQuery,
  mailboxIdParams,
  mailboxOut,
  noteInput,
  replyInput,
  replyOut,
  retryOut,
  updateCaseInput,
} from "./desk.schemas.js";

/** The case desk over HTTP (docs/desk.md). */
export const deskRoutes =
  (s: { cases: CasesService; desk: DeskService; sla: SlaService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["desk"];

    app.post(
      "/api/v1/desk/mailboxes",
      {
        schema: {
          operationId: "createDeskMailbox",
          tags,
          summary: "Accept mail for a support address",
          body: createMailboxInput,
          response: { 201: mailboxOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.desk.addMailbox(principalOf(req), req.body)),
    );

    app.get(
      "/api/v1/desk/mailboxes",
      {
        schema: {
          operationId: "listDeskMailboxes",
          tags,
          summary: "Support addresses",
          response: { 200: z.object({ items: z.array(mailboxOut) }), ...errorResponses },
        },
      },
      async (req) => s.desk.listMailboxes(principalOf(req)),
    );

    app.delete(
      "/api/v1/desk/mailboxes/:id",
      {
        schema: {
          operationId: "deleteDeskMailbox",
          tags,
          summary: "Stop accepting mail for a support address",
          params: mailboxIdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.desk.removeMailbox(principalOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/desk/callers",
      {
        schema: {
          operationId: "lookupCaller",
          tags,
          summary: "Who is calling: the contact, its customer and its open cases",
          querystring: callersQuery,
          response: { 200: callerOut, ...errorResponses },
        },
      },
      async (req) => s.desk.lookupCaller(principalOf(req), req.query.number),
    );

    app.get(
      "/api/v1/cases",
      {
        schema: {
          operationId: "listCases",
          tags,
          summary: "Cases, newest first",
          querystring: listCasesQuery,
          response: { 200: casesPage, ...errorResponses },
        },
      },
      async (req) => {
        const q = req.query;
        const res = await s.cases.list(principalOf(req), {
          ...q,
          state: q.state === undefined ? undefined : Array.isArray(q.state) ? q.state : [q.state],
        });
        const slas = await s.sla.slaFor(res.rows);
        return {
          items: res.rows.map((c) => ({ ...presentCase(c), sla: slas.get(c.id) })),
          nextCursor: res.nextCursor,
        };
      },
    );

    app.post(
      "/api/v1/cases",
      {
        schema: {
          operationId: "createCase",
          tags,
          summary: "Open a case",
          body: createCaseInput,
          response: { 201: caseOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(presentCase(await s.cases.create(principalOf(req), req.body))),
    );

    app.get(
      "/api/v1/cases/:id",
      {
        schema: {
          operationId: "getCase",
          tags,
          summary: "A case with its number, timeline, links (with SIM context) and consultations",
          params: caseIdParams,
          response: { 200: caseDetailOut, ...errorResponses },
        },
      },
      async (req) => {
        const detail = await s.desk.get(principalOf(req), req.params.id);
        return { ...detail, sla: (await s.sla.slaForIds([detail.id])).get(detail.id) };
      },
    );

    app.patch(
      "/api/v1/cases/:id",
      {
        schema: {
          operationId: "updateCase",
          tags,
          summary: "Change state, priority, category, owner or (from triage) account",
          params: caseIdParams,
          body: updateCaseInput,
          response: { 200: caseDetailOut, ...errorResponses },
        },
      },
      async (req) => {
        const p = principalOf(req);
        const detail = await s.desk.detail(p, await s.cases.update(p, req.params.id, req.body));
        return { ...detail, sla: (await s.sla.slaForIds([detail.id])).get(detail.id) };
      },
    );

    app.post(
      "/api/v1/cases/:id/notes",
      {
        schema: {
          operationId: "addCaseNote",
          tags,
          summary: "An internal note (never shown to the customer)",
          params: caseIdParams,
          body: noteInput,
          response: { 201: entryCreatedOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.cases.addNote(principalOf(req), req.params.id, req.body.body)),
    );

    app.post(
      "/api/v1/cases/:id/replies",
      {
        schema: {
          operationId: "replyToCase",
          tags,
          summary: "Reply to the customer by e-mail (stored first, then sent)",
          params: caseIdParams,
          body: replyInput,
          response: { 201: replyOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.desk.reply(principalOf(req), req.params.id, req.body)),
    );

    app.post(
      "/api/v1/cases/:id/replies/:subId/retry",
      {
        schema: {
          operationId: "retryCaseReply",
          tags,
          summary: "Send a failed reply again",
          params: caseSubParams,
          response: { 202: retryOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(202)
          .send(await s.desk.retryReply(principalOf(req), req.params.id, req.params.subId)),
    );

    app.post(
      "/api/v1/cases/:id/calls",
      {
        schema: {
          operationId: "logCaseCall",
          tags,
          summary: "Log a phone call on the case",
          params: caseIdParams,
          body: callInput,
          response: { 201: entryCreatedOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.desk.logCall(principalOf(req), req.params.id, req.body)),
    );

    app.post(
      "/api/v1/cases/:id/consultations",
      {
        schema: {
          operationId: "openConsultation",
          tags,
          summary: "Consult a team or an outside party; the owner stays",
          params: caseIdParams,
          body: consultationInput,
          response: { 201: consultationOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await s.desk.openConsultation(principalOf(req), req.params.id, req.body)),
    );

    app.post(
      "/api/v1/cases/:id/consultations/:subId/replies",
      {
        schema: {
          operationId: "replyInConsultation",
          tags,
          summary: "The team's answer, or a message to the outside party",
          params: caseSubParams,
          body: consultationReplyInput,
          response: { 201: consultationReplyOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await s.desk.consultationReply(
              principalOf(req),
              req.params.id,
              req.params.subId,
              req.body,
            ),
          ),
    );

    app.post(
      "/api/v1/cases/:id/consultations/:subId/close",
      {
        schema: {
          operationId: "closeConsultation",
          tags,
          summary: "Close a consultation",
          params: caseSubParams,
          response: { 200: consultationOut, ...errorResponses },
        },
      },
      async (req) => s.desk.closeConsultation(principalOf(req), req.params.id, req.params.subId),
    );

    app.post(
      "/api/v1/cases/:id/links",
      {
        schema: {
          operationId: "linkCase",
          tags,
          summary: "Link a SIM (by ICCID) or an account to the case",
          params: caseIdParams,
          body: linkInput,
          response: { 201: caseDetailOut, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.desk.addLink(principalOf(req), req.params.id, req.body)),
    );

    app.delete(
      "/api/v1/cases/:id/links/:subId",
      {
        schema: {
          operationId: "unlinkCase",
          tags,
          summary: "Remove a link",
          params: caseSubParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await s.desk.removeLink(principalOf(req), req.params.id, req.params.subId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/cases/:id/messages/:subId/raw",
      {
        schema: {
          operationId: "getCaseMessageRaw",
          tags,
          summary: "The raw message as received (message/rfc822)",
          params: caseSubParams,
          produces: ["message/rfc822"],
          response: { ...errorResponses },
        } as object,
      },
      async (req, reply) => {
        const { id, subId } = req.params as { id: string; subId: string };
        const raw = await s.desk.rawMessage(principalOf(req), id, subId);
        reply.header("content-type", "message/rfc822");
        reply.header("content-disposition", `attachment; filename="${subId}.eml"`);
        return reply.send(raw);
      },
    );

    app.get(
      "/api/v1/cases/:id/attachments/:subId",
      {
        schema: {
          operationId: "getCaseAttachment",
          tags,
          summary: "An attachment of a message on the case",
          params: caseSubParams,
          produces: ["application/octet-stream"],
          response: { ...errorResponses },
        } as object,
      },
      async (req, reply) => {
        const { id, subId } = req.params as { id: string; subId: string };
        const a = await s.desk.attachment(principalOf(req), id, subId);
        reply.header("content-type", a.content_type);
        reply.header(
          "content-disposition",
          `attachment; filename="${(a.filename ?? "attachment").replace(/["\\\r\n]/g, "_")}"`,
        );
        return reply.send(a.content);
      },
    );
  };
