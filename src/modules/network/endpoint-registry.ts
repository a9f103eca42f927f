import { type Db, type Executor, inTransaction, type Tx } from "../../db/database.js";
import type { Clock } from "../../lib/clock.js";
import type { OtterError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { SecretBox } from "../../lib/secret-box.js";
import type { ConnectGuard } from "../../network/outbound-guard.js";
import type { AccountsService } from "../accounts/accounts.service.js";
import type { AuditService } from "../audit/audit.service.js";
import { requirePermission } from "../auth/permissions.js";
import { actorOf, type Principal } from "../auth/principal.js";

/**
 * The operator's endpoints Otter keeps in registries of the same shape: network clients (RADIUS
 * gateways), HSS endpoints and SMS centres. Each is a named address with a secret Otter must be able
 * to read back (to sign, to authenticate, to bind), so the secret is stored sealed with the secret box
 * and never presented. Entries belong to the root account; the operator manages them with
 * `network:manage` and reads them with `network:read`. Each module keeps its own table and passes
 * its repository in.
 */

/** The columns every registry's table has. */
export interface EndpointRow {
  id: string;
  account_id: string;
  name: string;
}

/** The columns the registry fills in itself on insert. */
export interface NewEndpointColumns {
  id: string;
  account_id: string;
  created_at: Date;
  updated_at: Date;
}

/** The queries a registry runs, each module's own on its own table. */
export interface EndpointRepo<Row extends EndpointRow, Fields, Changes> {
  findIdByName(db: Executor, name: string, exceptId?: string): Promise<{ id: string } | undefined>;
  insert(tx: Tx, row: Fields & NewEndpointColumns): Promise<Row>;
  /** Only for registries whose entries can be changed in place. */
  update?(tx: Tx, id: string, changes: Changes & { updated_at: Date }): Promise<Row | undefined>;
  delete(tx: Tx, id: string): Promise<Row | undefined>;
  listByName(db: Executor): Promise<Row[]>;
}

/** Seals a plaintext secret for storage. */
export type Seal = (plaintext: string) => string;

export interface EndpointRegistrySpec<
  Input extends { name: string },
  Row extends EndpointRow,
  Fields,
  Changes,
  Shown,
> {
  /** The audit entity type; actions are `<entity>.created`, `.updated`, `.deleted`. */
  entity: string;
  repo: EndpointRepo<Row, Fields, Changes>;
  errors: { nameTaken(name: string): OtterError; notFound(id: string): OtterError };
  /** Where an entry is reached (or reaches Otter from), checked before anything is stored. */
  address: {
    of(input: Partial<Input>): string | undefined;
    /** Throws the registry's validation error when the address is refused. */
    check(address: string): void;
  };
  /** The stored columns of a new entry (besides id, account and times), its secret sealed. */
  newRow(input: Input, seal: Seal): Fields;
  /** The sealed secret of a stored entry. */
  sealedSecretOf(row: Row): string;
  /** The entry as the API shows it: never the secret, sealed or not. */
  present(row: Row): Shown;
  /** What the audit record of a new entry holds. */
  createdAuditData(input: Input, row: Row, shown: Shown): Record<string, unknown>;
  /** For registries whose entries can be changed in place (the repository has `update` too). */
  update?: {
    /** The columns a patch changes, its secret sealed. */
    changes(patch: Partial<Input>, seal: Seal): Changes;
    /** Whether the patch replaces the secret (the audit record says so; the secret it never holds). */
    rotatesSecret(patch: Partial<Input>): boolean;
  };
  /** Called after every committed change, e.g. to tell an edge to reload. */
  onChange?(): void;
}

export interface EndpointRegistryDeps {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  audit: Pick<AuditService, "record">;
  accounts: Pick<AccountsService, "rootAccount">;
}

/**
 * The outbound policy check of an endpoint Otter connects to: an IP address is checked now, a host
 * name when Otter connects (it may resolve only where Otter runs). `refused` turns the guard's
 * reason into the registry's validation error; an address `hostOf` cannot read is refused the same way.
 */
export function outboundCheck(
  outbound: Pick<ConnectGuard, "checkLiteral">,
  hostOf: (address: string) => string,
  refused: (reason: string) => OtterError,
): (address: string) => void {
  return (address) => {
    try {
      outbound.checkLiteral(hostOf(address));
    } catch (err) {
      throw refused((err as Error).message);
    }
  };
}

export function createEndpointRegistry<
  Input extends { name: string },
  Row extends EndpointRow,
  Fields,
  Changes,
  Shown,
>(deps: EndpointRegistryDeps, spec: EndpointRegistrySpec<Input, Row, Fields, Changes, Shown>) {
  const { db, clock, secrets } = deps;
  const { repo, errors, entity } = spec;
  const seal: Seal = (plaintext) => secrets.seal(plaintext);

  const checkAddress = (input: Partial<Input>) => {
    const address = spec.address.of(input);
    if (address !== undefined) spec.address.check(address);
  };

  return {
    async create(principal: Principal, input: Input): Promise<Shown> {
      requirePermission(principal, "network:manage");
      checkAddress(input);
      const shown = await inTransaction(db, async (tx) => {
        if (await repo.findIdByName(tx, input.name)) throw errors.nameTaken(input.name);
        const root = await deps.accounts.rootAccount(tx);
        const now = clock.now();
        const row = await repo.insert(tx, {
          id: newId(),
          account_id: root.id,
          ...spec.newRow(input, seal),
          created_at: now,
          updated_at: now,
        });
        const shown = spec.present(row);
        await deps.audit.record(tx, {
          accountId: root.id,
          actor: actorOf(principal),
          action: `${entity}.created`,
          entityType: entity,
          entityId: row.id,
          data: spec.createdAuditData(input, row, shown),
        });
        return shown;
      });
      spec.onChange?.();
      return shown;
    },

    async update(principal: Principal, id: string, patch: Partial<Input>): Promise<Shown> {
      const rule = spec.update;
      const update = repo.update;
      if (!rule || !update) throw new Error(`A ${entity} cannot be changed in place.`);
      requirePermission(principal, "network:manage");
      checkAddress(patch);
      const shown = await inTransaction(db, async (tx) => {
        if (patch.name !== undefined && (await repo.findIdByName(tx, patch.name, id)))
          throw errors.nameTaken(patch.name);
        const row = await update(tx, id, { ...rule.changes(patch, seal), updated_at: clock.now() });
        if (!row) throw errors.notFound(id);
        await deps.audit.record(tx, {
          accountId: row.account_id,
          actor: actorOf(principal),
          action: `${entity}.updated`,
          entityType: entity,
          entityId: id,
          data: { fields: Object.keys(patch), secretRotated: rule.rotatesSecret(patch) },
        });
        return spec.present(row);
      });
      spec.onChange?.();
      return shown;
    },

    async list(principal: Principal): Promise<Shown[]> {
      requirePermission(principal, "network:read");
      return (await repo.listByName(db)).map(spec.present);
    },

    async remove(principal: Principal, id: string): Promise<void> {
      requirePermission(principal, "network:manage");
      await inTransaction(db, async (tx) => {
        const row = await repo.delete(tx, id);
        if (!row) throw errors.notFound(id);
        await deps.audit.record(tx, {
          accountId: row.account_id,
          actor: actorOf(principal),
          action: `${entity}.deleted`,
          entityType: entity,
          entityId: id,
          data: { name: row.name },
        });
      });
      spec.onChange?.();
    },

    /** The plaintext secret of a stored entry, for the protocol edge that uses it. */
    secretOf: (row: Row): string => secrets.open(spec.sealedSecretOf(row)),
  };
}
