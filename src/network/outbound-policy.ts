import { BlockList, isIP } from "node:net";

/**
 * Which addresses Otter may open an outbound connection to (webhooks, HSS endpoints, SMS centres).
 * Pure: it classifies an IP address and applies the operator's allow-list (OTTER_OUTBOUND_ALLOW);
 * resolving names and connecting is outbound-guard.ts. Ranges from the IANA special-purpose address
 * registries (RFC 6890 and successors); node:net's BlockList does the prefix matching.
 */

/** What an address is, as far as reaching it from Otter goes. */
export type AddressClass =
  | "public" // globally routed unicast
  | "private" // RFC 1918, shared address space (CGNAT, 100.64/10), IPv6 unique-local and site-local
  | "loopback" // Otter's own host
  | "link_local" // 169.254/16 (cloud metadata services live there), fe80::/10
  | "unspecified" // 0.0.0.0/8 and ::, which reach the local host on Linux
  | "multicast"
  | "reserved"; // documentation, benchmarking, broadcast, future use, tunnelling prefixes, IPv6 outside 2000::/3

/**
 * Who a destination belongs to. A customer's may only be public; the operator's own endpoints
 * (HSS, SMS centres, webhooks of the operator's root account) may also sit on private networks.
 */
export type OutboundOwner = "customer" | "operator";

const subnets = (family: "ipv4" | "ipv6", cidrs: string[]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, prefix] = cidr.split("/") as [string, string];
    list.addSubnet(net, Number(prefix), family);
  }
  return list;
};

/** First match wins; an IPv4-mapped or NAT64 address is classified by the IPv4 address inside it. */
const IPV4_RANGES: [AddressClass, BlockList][] = [
  ["unspecified", subnets("ipv4", ["0.0.0.0/8"])],
  ["loopback", subnets("ipv4", ["127.0.0.0/8"])],
  ["link_local", subnets("ipv4", ["169.254.0.0/16"])],
  ["private", subnets("ipv4", ["10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"])],
  ["multicast", subnets("ipv4", ["224.0.0.0/4"])],
  [
    "reserved",
    subnets("ipv4", [
      "192.0.0.0/24", // IETF protocol assignments
      "192.0.2.0/24",
      "198.51.100.0/24",
      "203.0.113.0/24", // documentation
      "192.88.99.0/24", // 6to4 relay anycast
      "198.18.0.0/15", // benchmarking
      "240.0.0.0/4", // future use, and 255.255.255.255
    ]),
  ],
];

const IPV6_RANGES: [AddressClass, BlockList][] = [
  ["unspecified", subnets("ipv6", ["::/128"])],
  ["loopback", subnets("ipv6", ["::1/128"])],
  ["link_local", subnets("ipv6", ["fe80::/10"])],
  ["private", subnets("ipv6", ["fc00::/7", "fec0::/10", "64:ff9b:1::/48"])],
  ["multicast", subnets("ipv6", ["ff00::/8"])],
  [
    "reserved",
    subnets("ipv6", [
      "2001:db8::/32",
      "3fff::/20", // documentation
      "2001::/23", // IETF protocol assignments: Teredo, ORCHID, benchmarking…
      "2002::/16", // 6to4: the relay would reach an IPv4 address Otter never checked
      "100::/64", // discard-only
    ]),
  ],
];
/** Global unicast; anything else not named above (IPv4-compatible ::/96, SIIT…) is reserved. */
const GLOBAL_UNICAST_V6 = subnets("ipv6", ["2000::/3"]);
const MAPPED = subnets("ipv6", ["::ffff:0:0/96"]);
const NAT64 = subnets("ipv6", ["64:ff9b::/96"]);

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted quad allowed). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const front = head ? head.split(":") : [];
  if (tail === undefined) return front.map((g) => parseInt(g, 16));
  const back = tail ? tail.split(":") : [];
  return [...front, ...Array<string>(8 - front.length - back.length).fill("0"), ...back].map((g) =>
    parseInt(g, 16),
  );
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address. */
function embeddedIPv4(address: string): string | null {
  if (!MAPPED.check(address, "ipv6") && !NAT64.check(address, "ipv6")) return null;
  const [hi, lo] = ipv6Groups(address).slice(6) as [number, number];
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
}

/** An address without its IPv6 zone (fe80::1%eth0), or null when it is not an IP address. */
function bare(address: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const unzoned = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const v = isIP(unzoned);
  return v === 0 ? null : { address: unzoned, family: v === 4 ? "ipv4" : "ipv6" };
}

/** Classifies an IP address (IPv4, IPv6, IPv4-mapped IPv6, bracketed or zoned); throws on anything else. */
export function classifyAddress(address: string): AddressClass {
  const ip = bare(address);
  if (!ip) throw new TypeError(`Not an IP address: ${address}`);
  if (ip.family === "ipv6") {
    const inner = embeddedIPv4(ip.address);
    if (inner) return classifyAddress(inner);
  }
  for (const [cls, list] of ip.family === "ipv4" ? IPV4_RANGES : IPV6_RANGES)
    if (list.check(ip.address, ip.family)) return cls;
  if (ip.family === "ipv6" && !GLOBAL_UNICAST_V6.check(ip.address, "ipv6")) return "reserved";
  return "public";
}

/** One allow-list entry: `10.20.0.0/16`, `::1/128`, or a single address. Null when malformed. */
export function parseCidr(
  entry: string,
): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [addr, prefixText, extra] = entry.trim().split("/");
  if (extra !== undefined || !addr) return null;
  const ip = bare(addr);
  if (!ip || ip.address !== addr) return null;
  const max = ip.family === "ipv4" ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  return prefix <= max ? { address: ip.address, prefix, family: ip.family } : null;
}

/** The operator's allow-list (OTTER_OUTBOUND_ALLOW) as something addresses can be checked against. */
export interface AllowList {
  readonly entries: readonly string[];
  includes(address: string): boolean;
}

export function allowListOf(entries: readonly string[]): AllowList {
  const list = new BlockList();
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (!cidr) throw new TypeError(`Not a CIDR range: ${entry}`);
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return {
    entries,
    includes(address) {
      const ip = bare(address);
      if (!ip) return false;
      if (list.check(ip.address, ip.family)) return true;
      const inner = ip.family === "ipv6" ? embeddedIPv4(ip.address) : null;
      return inner !== null && list.check(inner, "ipv4");
    },
  };
}

/**
 * Whether Otter may connect to `address` for a destination of `owner`: a public address always; a
 * private one when the operator owns the destination; anything the allow-list names, for everyone.
 */
export function permits(
  address: string,
  owner: OutboundOwner,
  allow: AllowList,
): { permitted: boolean; addressClass: AddressClass } {
  const addressClass = classifyAddress(address);
  const permitted =
    addressClass === "public" ||
    (owner === "operator" && addressClass === "private") ||
    allow.includes(address);
  return { permitted, addressClass };
}
