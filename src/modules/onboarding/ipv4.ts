/** IPv4 networks as integer intervals, for pool and subnet overlap checks. */
export interface Ipv4Net {
  first: number;
  last: number;
}

export function parseIpv4(s: string): number | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

/** A CIDR's address interval; null when it is not one, or when host bits are set (10.0.0.1/24). */
export function parseCidr(s: string): Ipv4Net | null {
  const [addr, bits] = s.split("/");
  if (addr === undefined || bits === undefined || !/^[0-9]{1,2}$/.test(bits)) return null;
  const prefix = Number(bits);
  const ip = parseIpv4(addr);
  if (ip === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  if (ip % size !== 0) return null;
  return { first: ip, last: ip + size - 1 };
}

export const overlaps = (a: Ipv4Net, b: Ipv4Net) => a.first <= b.last && b.first <= a.last;
export const contains = (net: Ipv4Net, ip: number) => ip >= net.first && ip <= net.last;
