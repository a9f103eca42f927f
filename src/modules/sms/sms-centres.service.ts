import { type Db, type Executor, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound, validationError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { SecretBox } from "../../lib/secret-box.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal } from "../auth/principal.js";
import type { ConnectGuard } from "../../network/outbound-guard.js";

export interface SmsCentreInput {
  name: string;
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  sourceAddress: string;
  imsiPrefixes?: string[];
}

type Row = {
  id: string;
  name: string;
  host: string;
  port: number;
  system_id: string;
  system_type: string;
  source_address: string;
  imsi_prefixes: string[];
  created_at: Date;
};

/**
 * SMS centres (SMSCs) Otter binds to over SMPP to send SMS to devices, registered by the operator
 * like HSS endpoints. The SMPP password is kept sealed (secret box) and never returned. Like HSS
 * endpoints they may sit on a private network; an IP address is checked here, a host name when
 * Otter binds.
 */
export function createSmsCentresService(deps: {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  audit: AuditService;
  accounts: Pick<AccountsService, "rootAccount">;
  outbound: Pick<ConnectGuard, "checkLiteral">;
}) {
  const { db, clock } = deps;
  const present = (c: Row) => ({
    id: c.id,
    name: c.name,
    host: c.host,
    port: c.port,
    systemId: c.system_id,
    systemType: c.system_type,
    sourceAddress: c.source_address,
    imsiPrefixes: c.imsi_prefixes,
    createdAt: c.created_at.toISOString(),
  });
  return {
    async create(principal: Principal, input: SmsCentreInput) {
      requirePermission(principal, "network:manage");
      try {
        deps.outbound.checkLiteral(input.host);
      } catch (err) {
        throw validationError(
          "host",
          "SMS_CENTRE_HOST_NOT_PERMITTED",
          `\`host\` is refused: ${(err as Error).message}`,
        );
      }
      return inTransaction(db, async (tx) => {
        if (
          await tx
            .selectFrom("sms_centres")
            .select("id")
            .where("name", "=", input.name)
            .executeTakeFirst()
        )
          throw conflict(
            "SMS_CENTRE_NAME_TAKEN",
            `An SMS centre named "${input.name}" already exists.`,
          );
        const root = await deps.accounts.rootAccount(tx);
        const now = clock.now();
        const row = await tx
          .insertInto("sms_centres")
          .values({
            id: newId(),
            account_id: root.id,
            name: input.name,
            host: input.host,
            port: input.port,
            system_id: input.systemId,
            password_sealed: deps.secrets.seal(input.password),
            system_type: input.systemType ?? "",
            source_address: input.sourceAddress,
            imsi_prefixes: [...new Set(input.imsiPrefixes ?? [])],
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const shown = present(row);
        await deps.audit.record(tx, {
          accountId: root.id,
          actor: actorOf(principal),
          action: "sms_centre.created",
          entityType: "sms_centre",
          entityId: row.id,
          data: { ...shown, id: undefined, createdAt: undefined },
        });
        return shown;
      });
    },
    async list(principal: Principal) {
      requirePermission(principal, "network:read");
      return (await db.selectFrom("sms_centres").selectAll().orderBy("name").execute()).map(
        present,
      );
    },
    async remove(principal: Principal, id: string) {
      requirePermission(principal, "network:manage");
      await inTransaction(db, async (tx) => {
        const row = await tx
          .deleteFrom("sms_centres")
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw notFound("SMS_CENTRE_NOT_FOUND", `SMS centre ${id} was not found.`);
        await deps.audit.record(tx, {
          accountId: row.account_id,
          actor: actorOf(principal),
          action: "sms_centre.deleted",
          entityType: "sms_centre",
          entityId: id,
          data: { name: row.name },
        });
      });
    },
    /** The centre that serves an IMSI: the longest matching prefix, or one without prefixes. */
    async forImsi(ex: Executor, imsi: string) {
      const centres = await ex
        .selectFrom("sms_centres")
        .select(["id", "name", "imsi_prefixes"])
        .orderBy("name")
        .execute();
      const scored = centres
        .map((c) => ({
          c,
          score:
            c.imsi_prefixes.length === 0
              ? 0
              : Math.max(
                  -1,
                  ...c.imsi_prefixes.filter((p) => imsi.startsWith(p)).map((p) => p.length),
                ),
        }))
        .filter((x) => x.score >= 0)
        .sort((a, b) => b.score - a.score);
      return scored[0]?.c ?? null;
    },
    /** A centre with its password opened, for the SMPP link. */
    async credentials(ex: Executor, id: string) {
      const c = await ex
        .selectFrom("sms_centres")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      if (!c) return null;
      return {
        id: c.id,
        name: c.name,
        host: c.host,
        port: c.port,
        systemId: c.system_id,
        password: deps.secrets.open(c.password_sealed),
        systemType: c.system_type,
        sourceAddress: c.source_address,
        version: c.updated_at.getTime(),
      };
    },
  };
}
export type SmsCentresService = ReturnType<typeof createSmsCentresService>;
