import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelLocationClient } from "../../src/network/hss-client.js";
import { createOutboundGuard, DestinationRefused } from "../../src/network/outbound-guard.js";
import { createGuardedPost } from "../../src/network/outbound-http.js";
import { SmppError, SmppLink } from "../../src/network/smpp-client.js";
import { type SmscServer, startSmscServer } from "../../src/sim/smsc-server.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { testResolver } from "../support/resolver.js";

/**
 * The operator's own endpoints (HSS, SMS centres) may sit on private networks; loopback, link-local
 * (the metadata service) and the like only when OTTER_OUTBOUND_ALLOW opens them — checked when the
 * address is given, and for a host name when Otter connects.
 */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({ OTTER_OUTBOUND_ALLOW: "" }, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

describe("registering the operator's endpoints without an allow-list", () => {
  it("accepts an HSS endpoint on a private network and refuses one on loopback or link-local with 400 naming `url`", async () => {
    const ok = await t.api("POST", "/api/v1/network/hss-endpoints", {
      body: { name: "hss-private", url: "http://10.0.0.5:8080/s6a", secret: "0123456789abcdef" },
    });
    expect(ok.status).toBe(201);
    for (const url of [
      "http://127.0.0.1:5432/",
      "http://0x7f000001/",
      "http://[::1]/",
      "http://169.254.169.254/",
    ]) {
      const res = await t.api("POST", "/api/v1/network/hss-endpoints", {
        body: { name: `hss ${url}`, url, secret: "0123456789abcdef" },
      });
      expect(res.status, url).toBe(400);
      expect(res.body.error).toMatchObject({
        code: "HSS_ENDPOINT_URL_NOT_PERMITTED",
        details: [expect.objectContaining({ field: "url" })],
      });
      expect(res.body.error.message).toContain("OTTER_OUTBOUND_ALLOW");
    }
  });

  it("accepts an SMS centre on a private network or by name and refuses one on loopback with 400 naming `host`", async () => {
    const centre = (name: string, host: string) => ({
      name,
      host,
      port: 2775,
      systemId: "otter",
      password: "pw",
      sourceAddress: "4400",
    });
    expect(
      (
        await t.api("POST", "/api/v1/network/sms-centres", {
          body: centre("smsc-private", "192.168.10.20"),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await t.api("POST", "/api/v1/network/sms-centres", {
          body: centre("smsc-named", "smsc.operator.example"),
        })
      ).status,
    ).toBe(201);
    for (const host of ["127.0.0.1", "::1", "169.254.169.254", "0.0.0.0"]) {
      const res = await t.api("POST", "/api/v1/network/sms-centres", {
        body: centre(`smsc ${host}`, host),
      });
      expect(res.status, host).toBe(400);
      expect(res.body.error).toMatchObject({
        code: "SMS_CENTRE_HOST_NOT_PERMITTED",
        details: [expect.objectContaining({ field: "host" })],
      });
    }
  });
});

describe("connecting to the operator's endpoints", () => {
  let smsc: SmscServer;
  beforeAll(async () => {
    smsc = await startSmscServer({
      host: "127.0.0.1",
      port: 0,
      systemId: "otter",
      password: "pw",
      deliver: () => "delivered",
    });
  });
  afterAll(async () => {
    await smsc?.close();
  });

  const resolve = testResolver({ "smsc.test": ["127.0.0.1"], "hss.test": ["127.0.0.1"] });
  const closed = createOutboundGuard({ allow: [], resolve });
  const open = createOutboundGuard({ allow: ["127.0.0.0/8"], resolve });
  const centre = (host: string) => ({
    host,
    port: smsc.port,
    systemId: "otter",
    password: "pw",
    systemType: "",
    sourceAddress: "4400",
  });

  it("does not bind to an SMS centre whose name resolves to loopback, unless the allow-list opens it", async () => {
    for (const host of ["smsc.test", "127.0.0.1"]) {
      const link = new SmppLink(centre(host), {
        onReceipt: async () => {},
        guard: closed.connectGuard("operator"),
      });
      const err = await link.connect().catch((e: unknown) => e);
      await link.close();
      expect(err, host).toBeInstanceOf(SmppError);
      expect((err as SmppError).kind).toBe("unreachable");
      expect((err as Error).message).toMatch(/loopback address/);
    }
    const link = new SmppLink(centre("smsc.test"), {
      onReceipt: async () => {},
      guard: open.connectGuard("operator"),
    });
    await expect(link.connect()).resolves.toBeDefined();
    await link.close();
  });

  it("does not send a cancel-location to an HSS whose name resolves to loopback, unless the allow-list opens it", async () => {
    let requests = 0;
    const hss = createServer((req, res) => {
      requests++;
      req.resume();
      res.end("ok");
    });
    await new Promise<void>((r) => hss.listen(0, "127.0.0.1", r));
    const port = (hss.address() as AddressInfo).port;
    try {
      const body = {
        requestId: "r1",
        imsi: "234150000000001",
        cancellationType: "subscription_withdrawal" as const,
      };
      const refused = await cancelLocationClient(createGuardedPost(closed))(
        `http://hss.test:${port}/cancel-location`,
        "s",
        body,
      ).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DestinationRefused);
      expect(requests).toBe(0);
      expect(
        await cancelLocationClient(createGuardedPost(open))(
          `http://hss.test:${port}/cancel-location`,
          "s",
          body,
        ),
      ).toBe(200);
      expect(requests).toBe(1);
    } finally {
      hss.closeAllConnections();
      await new Promise<void>((r) => hss.close(() => r()));
    }
  });
});
