import { BlockList, isIP } from "node:net";
import { type Db, inTransaction } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound, validationError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { SecretBox } from "../../lib/secret-box.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal } from "../auth/principal.js";

export interface NetworkClientInput {
  name: string;
  address: string;
  secret: string;
  coaPort?: number;
}

/** A gateway as the RADIUS edge needs it: who it is and the plaintext shared secret. */
export interface ResolvedClient {
  id: string;
  name: string;
  secret: string;
  coaPort: number;
}

/** Parses "10.1.2.3", "10.1.0.0/16" or an IPv6 address/prefix into a matcher. */
export function addressMatcher(address: string): BlockList | null {
  const [ip, prefix] = address.split("/");
  const family = ip ? isIP(ip) : 0;
  if (!family) return null;
  const type = family === 4 ? "ipv4" : "ipv6";
  const list = new BlockList();
  if (prefix === undefined) {
    list.addAddress(ip!, type);
    return list;
  }
  const bits = Number(prefix);
  if (!/^[0-9]+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return null;
  list.addSubnet(ip!, bits, type);
  return list;
}

/**
 * Network clients: the packet gateways allowed to send RADIUS accounting, each with its address (an
 * IP or a CIDR) and shared secret. The secret is stored sealed with OTTER_SECRET_KEY: Otter needs the
 * plaintext to check authenticators and to sign Disconnect-Requests.
 */
export function createNetworkClientsService(deps: {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  audit: AuditService;
  accounts: Pick<AccountsService, "rootAccount">;
}) {
  const { db, clock } = deps;
  let version = 0;

  const present = (c: {
    id: string;
    name: string;
    address: string;
    coa_port: number;
    created_at: Date;
    updated_at: Date;
  }) => ({
    id: c.id,
    name: c.name,
    address: c.address,
    coaPort: c.coa_port,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
  });

  return {
    /** Increases whenever clients change, so the RADIUS edge knows to reload them. */
    version: () => version,

    async create(principal: Principal, input: NetworkClientInput) {
      requirePermission(principal, "network:manage");
      if (!addressMatcher(input.address))
        throw validationError(
          "address",
          "ADDRESS_INVALID",
          `"${input.address}" is not an IP address or CIDR.`,
        );
      const out = await inTransaction(db, async (tx) => {
        if (
          await tx
            .selectFrom("network_clients")
            .select("id")
            .where("name", "=", input.name)
            .executeTakeFirst()
        ) {
          throw conflict(
            "NETWORK_CLIENT_NAME_TAKEN",
            `A network client named "${input.name}" already exists.`,
          );
        }
        const root = await deps.accounts.rootAccount(tx);
        const now = clock.now();
        const row = await tx
          .insertInto("network_clients")
          .values({
            id: newId(),
            account_id: root.id,
            name: input.name,
            address: input.address,
            secret_sealed: deps.secrets.seal(input.secret),
            coa_port: input.coaPort ?? 3799,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await deps.audit.record(tx, {
          accountId: root.id,
          actor: actorOf(principal),
          action: "network_client.created",
          entityType: "network_client",
          entityId: row.id,
          data: { name: input.name, address: input.address, coaPort: row.coa_port },
        });
        return present(row);
      });
      version++;
      return out;
    },

    async update(principal: Principal, id: string, patch: Partial<NetworkClientInput>) {
      requirePermission(principal, "network:manage");
      if (patch.address !== undefined && !addressMatcher(patch.address))
        throw validationError(
          "address",
          "ADDRESS_INVALID",
          `"${patch.address}" is not an IP address or CIDR.`,
        );
      const out = await inTransaction(db, async (tx) => {
        if (
          patch.name !== undefined &&
          (await tx
            .selectFrom("network_clients")
            .select("id")
            .where("name", "=", patch.name)
            .where("id", "!=", id)
            .executeTakeFirst())
        ) {
          throw conflict(
            "NETWORK_CLIENT_NAME_TAKEN",
            `A network client named "${patch.name}" already exists.`,
          );
        }
        const row = await tx
          .updateTable("network_clients")
          .set({
            ...(patch.name !== undefined && { name: patch.name }),
            ...(patch.address !== undefined && { address: patch.address }),
            ...(patch.secret !== undefined && { secret_sealed: deps.secrets.seal(patch.secret) }),
            ...(patch.coaPort !== undefined && { coa_port: patch.coaPort }),
            updated_at: clock.now(),
          })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw notFound("NETWORK_CLIENT_NOT_FOUND", `Network client ${id} was not found.`);
        await deps.audit.record(tx, {
          accountId: row.account_id,
          actor: actorOf(principal),
          action: "network_client.updated",
          entityType: "network_client",
          entityId: id,
          data: { fields: Object.keys(patch), secretRotated: patch.secret !== undefined },
        });
        return present(row);
      });
      version++;
      return out;
    },

    async list(principal: Principal) {
      requirePermission(principal, "network:read");
      return (await db.selectFrom("network_clients").selectAll().orderBy("name").execute()).map(
        present,
      );
    },

    async remove(principal: Principal, id: string) {
      requirePermission(principal, "network:manage");
      await inTransaction(db, async (tx) => {
        const row = await tx
          .deleteFrom("network_clients")
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw notFound("NETWORK_CLIENT_NOT_FOUND", `Network client ${id} was not found.`);
        await deps.audit.record(tx, {
          accountId: row.account_id,
          actor: actorOf(principal),
          action: "network_client.deleted",
          entityType: "network_client",
          entityId: id,
          data: { name: row.name },
        });
      });
      version++;
    },

    /** All clients with matchers and plaintext secrets, for the RADIUS edge's in-memory table. */
    async loadResolver(): Promise<(ip: string) => ResolvedClient | null> {
      const rows = await db.selectFrom("network_clients").selectAll().execute();
      // The most specific address wins: a /32 with its own secret inside a /16 pool.
      const prefixLength = (a: string) =>
        a.includes("/") ? Number(a.split("/")[1]) : isIP(a) === 6 ? 128 : 32;
      rows.sort((a, b) => prefixLength(b.address) - prefixLength(a.address));
      const table = rows.map((r) => ({
        matcher: addressMatcher(r.address),
        client: {
          id: r.id,
          name: r.name,
          secret: deps.secrets.open(r.secret_sealed),
          coaPort: r.coa_port,
        },
      }));
      return (ip) => {
        const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
        const v4mapped = ip.startsWith("::ffff:") ? ip.slice(7) : null;
        for (const t of table) {
          if (t.matcher?.check(v4mapped ?? ip, v4mapped ? "ipv4" : family)) return t.client;
        }
        return null;
      };
    },
  };
}

export type NetworkClientsService = ReturnType<typeof createNetworkClientsService>;
