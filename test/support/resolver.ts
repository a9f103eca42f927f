import type { Resolver } from "../../src/network/outbound-guard.js";

/** A public address (example.com's) that the tests' names resolve to; nothing ever connects to it. */
export const PUBLIC_TEST_ADDRESS = "93.184.215.14";

const notFound = (hostname: string) =>
  Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });

/**
 * Stands in for DNS so the tests never depend on the machine's resolver: `localhost` is loopback,
 * the names reserved for examples (example.com, *.example — RFC 2606) resolve to a public address,
 * names in `extra` to what it gives, anything else does not resolve.
 */
export function testResolver(extra: Record<string, string[]> = {}): Resolver {
  return async (hostname) => {
    const name = hostname.toLowerCase().replace(/\.$/, "");
    const given = extra[name];
    if (given) return given.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    if (name === "localhost") return [{ address: "127.0.0.1", family: 4 }];
    if (/(^|\.)example\.(com|net|org)$/.test(name) || name.endsWith(".example"))
      return [{ address: PUBLIC_TEST_ADDRESS, family: 4 }];
    throw notFound(hostname);
  };
}
