import { BlockList, isIP } from "node:net";
import { conflict, notFound, validationError } from "../../lib/errors.js";
import { createEndpointRegistry, type EndpointRegistryDeps } from "./endpoint-registry.js";
import { networkClientsRepo } from "./network-clients.repo.js";

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

/** The network clients' error catalogue; codes are listed in docs/errors.md. */
const networkClientErrors = {
  addressInvalid: (address: string) =>
    validationError("address", "ADDRESS_INVALID", `"${address}" is not an IP address or CIDR.`),
  nameTaken: (name: string) =>
    conflict("NETWORK_CLIENT_NAME_TAKEN", `A network client named "${name}" already exists.`),
  notFound: (id: string) =>
    notFound("NETWORK_CLIENT_NOT_FOUND", `Network client ${id} was not found.`),
};

/**
 * Network clients: the packet gateways allowed to send RADIUS accounting, each with its address (an
 * IP or a CIDR) and shared secret. The secret is stored sealed with OTTER_SECRET_KEY: Otter needs the
 * plaintext to check authenticators and to sign Disconnect-Requests.
 */
export function createNetworkClientsService(deps: EndpointRegistryDeps) {
  const { db } = deps;
  let version = 0;

  const registry = createEndpointRegistry(deps, {
    entity: "network_client",
    repo: networkClientsRepo,
    errors: networkClientErrors,
    address: {
      of: (input: Partial<NetworkClientInput>) => input.address,
      check: (address) => {
        if (!addressMatcher(address)) throw networkClientErrors.addressInvalid(address);
      },
    },
    newRow: (input: NetworkClientInput, seal) => ({
      name: input.name,
      address: input.address,
      secret_sealed: seal(input.secret),
      coa_port: input.coaPort ?? 3799,
    }),
    sealedSecretOf: (row) => row.secret_sealed,
    present: (c) => ({
      id: c.id,
      name: c.name,
      address: c.address,
      coaPort: c.coa_port,
      createdAt: c.created_at.toISOString(),
      updatedAt: c.updated_at.toISOString(),
    }),
    createdAuditData: (input, row) => ({
      name: input.name,
      address: input.address,
      coaPort: row.coa_port,
    }),
    update: {
      changes: (patch, seal) => ({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.address !== undefined && { address: patch.address }),
        ...(patch.secret !== undefined && { secret_sealed: seal(patch.secret) }),
        ...(patch.coaPort !== undefined && { coa_port: patch.coaPort }),
      }),
      rotatesSecret: (patch) => patch.secret !== undefined,
    },
    onChange: () => version++,
  });

  return {
    /** Increases whenever clients change, so the RADIUS edge knows to reload them. */
    version: () => version,
    create: registry.create,
    update: registry.update,
    list: registry.list,
    remove: registry.remove,

    /** All clients with matchers and plaintext secrets, for the RADIUS edge's in-memory table. */
    async loadResolver(): Promise<(ip: string) => ResolvedClient | null> {
      const rows = await networkClientsRepo.listAll(db);
      // The most specific address wins: a /32 with its own secret inside a /16 pool.
      const prefixLength = (a: string) =>
        a.includes("/") ? Number(a.split("/")[1]) : isIP(a) === 6 ? 128 : 32;
      rows.sort((a, b) => prefixLength(b.address) - prefixLength(a.address));
      const table = rows.map((r) => ({
        matcher: addressMatcher(r.address),
        client: {
          id: r.id,
          name: r.name,
          secret: registry.secretOf(r),
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
