import { type Db, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound, validationError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { SecretBox } from "../../lib/secret-box.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal } from "../auth/principal.js";
import type { ConnectGuard } from "../../network/outbound-guard.js";

/**
 * HSS endpoints: where Otter sends cancel-location requests (a reset makes the device re-attach).
 * The operator's own: they may sit on a private network; loopback and the like need OTTER_OUTBOUND_ALLOW.
 * An IP address is checked here; a host name when Otter connects (it may resolve only where Otter runs).
 */
export function createHssEndpointsService(deps: {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  audit: AuditService;
  accounts: Pick<AccountsService, "rootAccount">;
  outbound: Pick<ConnectGuard, "checkLiteral">;
}) {
  const { db, clock } = deps;
  const present = (e: {
    id: string;
    name: string;
    url: string;
    imsi_prefixes: string[];
    created_at: Date;
  }) => ({
    id: e.id,
    name: e.name,
    url: e.url,
    imsiPrefixes: e.imsi_prefixes,
    createdAt: e.created_at.toISOString(),
  });
  return {
    async create(
      principal: Principal,
      input: { name: string; url: string; secret: string; imsiPrefixes?: string[] },
    ) {
      requirePermission(principal, "network:manage");
      try {
        deps.outbound.checkLiteral(new URL(input.url).hostname);
      } catch (err) {
        throw validationError(
          "url",
          "HSS_ENDPOINT_URL_NOT_PERMITTED",
          `\`url\` is refused: ${(err as Error).message}`,
        );
      }
      return inTransaction(db, async (tx) => {
        if (
          await tx
            .selectFrom("hss_endpoints")
            .select("id")
            .where("name", "=", input.name)
            .executeTakeFirst()
        )
          throw conflict(
            "HSS_ENDPOINT_NAME_TAKEN",
            `An HSS endpoint named "${input.name}" already exists.`,
          );
        const root = await deps.accounts.rootAccount(tx);
        const now = clock.now();
        const row = await tx
          .insertInto("hss_endpoints")
          .values({
            id: newId(),
            account_id: root.id,
            name: input.name,
            url: input.url,
            secret_sealed: deps.secrets.seal(input.secret),
            imsi_prefixes: [...new Set(input.imsiPrefixes ?? [])],
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await deps.audit.record(tx, {
          accountId: root.id,
          actor: actorOf(principal),
          action: "hss_endpoint.created",
          entityType: "hss_endpoint",
          entityId: row.id,
          data: { name: input.name, url: input.url, imsiPrefixes: row.imsi_prefixes },
        });
        return present(row);
      });
    },
    async list(principal: Principal) {
      requirePermission(principal, "network:read");
      return (await db.selectFrom("hss_endpoints").selectAll().orderBy("name").execute()).map(
        present,
      );
    },
    async remove(principal: Principal, id: string) {
      requirePermission(principal, "network:manage");
      await inTransaction(db, async (tx) => {
        const row = await tx
          .deleteFrom("hss_endpoints")
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw notFound("HSS_ENDPOINT_NOT_FOUND", `HSS endpoint ${id} was not found.`);
        await deps.audit.record(tx, {
          accountId: row.account_id,
          actor: actorOf(principal),
          action: "hss_endpoint.deleted",
          entityType: "hss_endpoint",
          entityId: id,
          data: { name: row.name },
        });
      });
    },
  };
}
export type HssEndpointsService = ReturnType<typeof createHssEndpointsService>;
