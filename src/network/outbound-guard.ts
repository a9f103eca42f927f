import { promises as dns } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import {
  type AddressClass,
  type AllowList,
  allowListOf,
  type OutboundOwner,
  permits,
} from "./outbound-policy.js";

/** Resolves a host name to all its addresses; dns.lookup (the system resolver) by default, a fake in tests. */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) =>
  dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Otter refused to connect: the host resolved to an address the policy does not permit for its
 * owner, or did not resolve at all. The message has the detail, for the operator's logs and for
 * destinations the operator owns; a customer is told only `CUSTOMER_REASON`.
 */
export class DestinationRefused extends Error {
  readonly code = "OTTER_DESTINATION_REFUSED";
  constructor(
    readonly host: string,
    readonly reason: "not_permitted" | "unresolved",
    readonly address: string | null,
    readonly addressClass: AddressClass | null,
    message: string,
  ) {
    super(message);
    this.name = "DestinationRefused";
  }
}

/** What a customer sees when Otter would not (or could not) connect: nothing about what lies behind it. */
export const CUSTOMER_REASON =
  "Destination not reachable: its host does not resolve to a public internet address.";

const ARTICLE: Record<AddressClass, string> = {
  public: "a public",
  private: "a private",
  loopback: "a loopback",
  link_local: "a link-local",
  unspecified: "an unspecified",
  multicast: "a multicast",
  reserved: "a reserved",
};

/** The socket-level checks one owner's connections go through (net.connect, http.Agent, node-smpp). */
export interface ConnectGuard {
  /** Resolves through the guard: the socket connects to exactly the addresses just checked. */
  lookup: LookupFunction;
  /** net.connect does not call `lookup` for an IP literal, so a literal host is checked here first. */
  checkLiteral(host: string): void;
}

/**
 * The one gate for Otter's outbound HTTP and SMPP connections. Names are resolved here and every
 * address checked; the connection is then made to the checked address (the `lookup` hook), so a
 * DNS server that answers a public address at the check and a private one a moment later (DNS
 * rebinding) gains nothing.
 */
export function createOutboundGuard(opts: { allow: readonly string[]; resolve?: Resolver }) {
  const allow: AllowList = allowListOf(opts.allow);
  const resolve = opts.resolve ?? systemResolver;

  function checkAddress(host: string, address: string, owner: OutboundOwner): void {
    const { permitted, addressClass } = permits(address, owner, allow);
    if (permitted) return;
    const what = host === address ? address : `${host} resolves to ${address}, which`;
    throw new DestinationRefused(
      host,
      "not_permitted",
      address,
      addressClass,
      `${what} is ${ARTICLE[addressClass]} address; Otter does not connect there for ${owner === "customer" ? "a customer's" : "an operator's"} destination ` +
        "unless OTTER_OUTBOUND_ALLOW opens the range.",
    );
  }

  /** Every address of `host`, each one permitted for `owner`; throws DestinationRefused otherwise. */
  async function resolvePermitted(
    host: string,
    owner: OutboundOwner,
  ): Promise<{ address: string; family: 4 | 6 }[]> {
    const name = host.replace(/^\[|\]$/g, "");
    const literal = isIP(name.replace(/%.*$/, ""));
    if (literal) {
      checkAddress(name, name, owner);
      return [{ address: name, family: literal as 4 | 6 }];
    }
    let found: { address: string; family: number }[];
    try {
      found = await resolve(name);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new DestinationRefused(
        name,
        "unresolved",
        null,
        null,
        `${name} does not resolve (${code}).`,
      );
    }
    if (found.length === 0)
      throw new DestinationRefused(
        name,
        "unresolved",
        null,
        null,
        `${name} does not resolve to any address.`,
      );
    // All of them: a name with one public and one private address would reach the private one in turn.
    for (const a of found) checkAddress(name, a.address, owner);
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }

  function connectGuard(owner: OutboundOwner): ConnectGuard {
    const lookup = ((
      hostname: string,
      options: { family?: number | string; all?: boolean },
      callback: (...args: unknown[]) => void,
    ) => {
      resolvePermitted(hostname, owner).then(
        (addresses) => {
          const family =
            options.family === 4 || options.family === "IPv4"
              ? 4
              : options.family === 6 || options.family === "IPv6"
                ? 6
                : 0;
          const fit = family === 0 ? addresses : addresses.filter((a) => a.family === family);
          if (fit.length === 0)
            return callback(
              new DestinationRefused(
                hostname,
                "unresolved",
                null,
                null,
                `${hostname} has no IPv${family} address.`,
              ),
            );
          if (options.all) callback(null, fit);
          else callback(null, fit[0]!.address, fit[0]!.family);
        },
        (err: unknown) => callback(err),
      );
    }) as LookupFunction;
    return {
      lookup,
      checkLiteral(host) {
        const name = host.replace(/^\[|\]$/g, "");
        if (isIP(name.replace(/%.*$/, ""))) checkAddress(name, name, owner);
      },
    };
  }

  return { allow, resolvePermitted, connectGuard };
}

export type OutboundGuard = ReturnType<typeof createOutboundGuard>;
