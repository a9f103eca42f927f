import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AddressClass,
  allowListOf,
  classifyAddress,
  parseCidr,
  permits,
} from "./outbound-policy.js";

const dotted = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join(".");
/** The host part a webhook URL ends up with, as the WHATWG URL parser (and so Node's http client) reads it. */
const hostOf = (host: string) => new URL(`http://${host}:5432/`).hostname;
const ipv4In = (base: number, prefix: number) =>
  fc.integer({ min: 0, max: 2 ** (32 - prefix) - 1 }).map((offset) => (base + offset) >>> 0);
const ip4 = (text: string) => text.split(".").reduce((n, o) => n * 256 + Number(o), 0);

describe("classifyAddress", () => {
  it.each<[string, AddressClass]>([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:1", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.255", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["::ffff:10.1.2.3", "private"],
    ["64:ff9b:1::a00:1", "private"],
    ["169.254.169.254", "link_local"],
    ["fe80::1", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["::ffff:169.254.169.254", "link_local"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.10", "reserved"],
    ["198.51.100.7", "reserved"],
    ["203.0.113.9", "reserved"],
    ["198.18.0.1", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.88.99.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["3fff::1", "reserved"],
    ["2001::1", "reserved"],
    ["2002:7f00:1::1", "reserved"],
    ["100::1", "reserved"],
    ["::7f00:1", "reserved"],
    ["::127.0.0.1", "reserved"],
    ["4000::1", "reserved"],
    ["8.8.8.8", "public"],
    ["93.184.215.14", "public"],
    ["172.32.0.1", "public"],
    ["100.128.0.1", "public"],
    ["11.0.0.1", "public"],
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001::200e", "public"],
    ["64:ff9b::808:808", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::7f00:1", "loopback"],
  ])("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it("refuses what is not an IP address", () => {
    for (const text of ["localhost", "127.1", "0x7f000001", "", "1.2.3.4.5", "::g"])
      expect(() => classifyAddress(text)).toThrow(TypeError);
  });

  it("every spelling of a 127/8 address the URL parser accepts comes out as a loopback address", () => {
    fc.assert(
      fc.property(ipv4In(ip4("127.0.0.0"), 8), (n) => {
        const [a, b, c, d] = dotted(n).split(".").map(Number) as [number, number, number, number];
        const spellings = [
          dotted(n),
          String(n),
          `0x${n.toString(16)}`,
          `0${a.toString(8)}.${b}.${c}.${d}`,
          `${a}.${(b << 16) | (c << 8) | d}`,
          `${a}.${b}.${(c << 8) | d}`,
          `0x${a.toString(16)}.0x${b.toString(16)}.${c}.${d}`,
          `${dotted(n)}.`,
          `[::ffff:${dotted(n)}]`,
          `[0:0:0:0:0:ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`,
        ];
        for (const s of spellings) expect(classifyAddress(hostOf(s)), s).toBe("loopback");
      }),
    );
  });

  it("an IPv4-mapped IPv6 address is classified as the IPv4 address inside it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        expect(classifyAddress(`::ffff:${dotted(n)}`)).toBe(classifyAddress(dotted(n)));
        expect(classifyAddress(hostOf(`[::ffff:${dotted(n)}]`))).toBe(classifyAddress(dotted(n)));
        expect(classifyAddress(hostOf(String(n)))).toBe(classifyAddress(dotted(n)));
      }),
    );
  });

  it("no address in a private or special IPv4 range is public", () => {
    const ranges: [string, number, AddressClass][] = [
      ["10.0.0.0", 8, "private"],
      ["172.16.0.0", 12, "private"],
      ["192.168.0.0", 16, "private"],
      ["100.64.0.0", 10, "private"],
      ["169.254.0.0", 16, "link_local"],
      ["0.0.0.0", 8, "unspecified"],
      ["224.0.0.0", 4, "multicast"],
      ["240.0.0.0", 4, "reserved"],
    ];
    for (const [base, prefix, cls] of ranges) {
      fc.assert(
        fc.property(ipv4In(ip4(base), prefix), (n) => {
          expect(classifyAddress(dotted(n)), dotted(n)).toBe(cls);
        }),
        { numRuns: 50 },
      );
    }
  });

  it("unique-local, link-local and multicast IPv6 addresses are never public", () => {
    const groups = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });
    const withPrefix = (g: number[], mask: number, value: number) =>
      [((g[0]! & ~mask) | value) & 0xffff, ...g.slice(1)].map((x) => x.toString(16)).join(":");
    fc.assert(
      fc.property(groups, (g) => {
        expect(classifyAddress(withPrefix(g, 0xfe00, 0xfc00))).toBe("private");
        expect(classifyAddress(withPrefix(g, 0xffc0, 0xfe80))).toBe("link_local");
        expect(classifyAddress(withPrefix(g, 0xff00, 0xff00))).toBe("multicast");
      }),
    );
  });
});

describe("permits", () => {
  const none = allowListOf([]);
  const loopback = allowListOf(["127.0.0.0/8", "::1/128"]);

  it("a customer's destination must be public; the operator's may be private; neither reaches loopback or metadata", () => {
    expect(permits("8.8.8.8", "customer", none).permitted).toBe(true);
    for (const a of [
      "10.0.0.5",
      "fd00::1",
      "100.64.1.1",
      "127.0.0.1",
      "::1",
      "169.254.169.254",
      "0.0.0.0",
      "::ffff:127.0.0.1",
    ]) {
      expect(permits(a, "customer", none).permitted, a).toBe(false);
    }
    for (const a of ["10.0.0.5", "172.20.1.1", "192.168.0.10", "fd00::1", "100.64.1.1"])
      expect(permits(a, "operator", none).permitted, a).toBe(true);
    for (const a of ["127.0.0.1", "::1", "169.254.169.254", "0.0.0.0", "224.0.0.1"])
      expect(permits(a, "operator", none).permitted, a).toBe(false);
  });

  it("the allow-list opens its ranges for every owner, IPv4-mapped spellings included, and nothing else", () => {
    for (const owner of ["customer", "operator"] as const) {
      for (const a of ["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"])
        expect(permits(a, owner, loopback).permitted, `${owner} ${a}`).toBe(true);
      for (const a of ["169.254.169.254", "0.0.0.0"])
        expect(permits(a, owner, loopback).permitted, `${owner} ${a}`).toBe(false);
    }
    expect(permits("10.1.2.3", "customer", allowListOf(["10.1.0.0/16"])).permitted).toBe(true);
    expect(permits("10.2.0.1", "customer", allowListOf(["10.1.0.0/16"])).permitted).toBe(false);
  });
});

describe("parseCidr", () => {
  it("reads ranges and single addresses, and refuses anything else", () => {
    expect(parseCidr("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseCidr("::1/128")).toEqual({ address: "::1", prefix: 128, family: "ipv6" });
    expect(parseCidr("192.168.1.10")).toEqual({
      address: "192.168.1.10",
      prefix: 32,
      family: "ipv4",
    });
    for (const bad of [
      "10.0.0.0/33",
      "::/129",
      "10.0.0.0/",
      "10.0.0.0/8/1",
      "localhost",
      "10.0.0.0/x",
      "0x7f000001/8",
      "",
    ]) {
      expect(parseCidr(bad), bad).toBeNull();
    }
  });
});
