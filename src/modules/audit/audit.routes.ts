import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/envelope.js";
import { principalOf } from "../../http/principal.js";
import { requirePermission } from "../auth/permissions.js";
import type { Principal } from "../auth/principal.js";
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
    /**
     * The accounts service's check, typed here by what the log needs of it: audit sits below
     * accounts (accounts writes audit records), so it must not import the accounts module.
     */
    accounts: { requireVisible(p: Principal, accountId: string): Promise<{ path: string }> };
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
