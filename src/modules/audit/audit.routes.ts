import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import { requirePermission } from "../auth/permissions.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "./audit.service.js";

const entryOut = z.object({
  id: z.string(),
  accountId: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actor: z.object({ userId: z.string().nullable(), name: z.string() }),
  data: z.unknown(),
  createdAt: z.string(),
});

/** The general audit log (accounts, users, keys, catalog, imports, bulk changes), scoped to the caller's subtree. */
export const auditRoutes =
  (s: {
    audit: AuditService;
    accounts: Pick<AccountsService, "requireVisible">;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/audit-log",
      {
        schema: {
          operationId: "listAuditLog",
          tags: ["audit"],
          querystring: z.object({
            accountId: z.string().uuid().optional().describe("Entries of this account's subtree."),
            entityType: z.string().max(50).optional(),
            entityId: z.string().max(100).optional(),
            action: z.string().max(100).optional(),
            cursor: z.string().uuid().optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
          response: {
            200: z.object({ items: z.array(entryOut), nextCursor: z.string().nullable() }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const p = principalOf(req);
        requirePermission(p, "audit:read");
        const q = req.query;
        const path = q.accountId
          ? (await s.accounts.requireVisible(p, q.accountId)).path
          : p.accountPath;
        return s.audit.list(path, q);
      },
    );
  };
