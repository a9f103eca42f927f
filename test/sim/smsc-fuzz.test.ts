import net from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmppError, SmppLink } from "../../src/network/smpp-client.js";
import { type SmscServer, type SmsMessage, startSmscServer } from "../../src/sim/smsc-server.js";

/** Garbage on the SMPP sockets, both ways: neither side crashes, and both keep working. */
let smsc: SmscServer;
const got: SmsMessage[] = [];
beforeAll(async () => {
  smsc = await startSmscServer({
    host: "127.0.0.1",
    port: 0,
    systemId: "fuzz",
    password: "fuzzpw",
    deliver: (m) => {
      got.push(m);
      return "delivered";
    },
  });
});
afterAll(async () => {
  await smsc?.close();
});

const centre = (port: number, password = "fuzzpw") => ({
  host: "127.0.0.1",
  port,
  systemId: "fuzz",
  password,
  systemType: "",
  sourceAddress: "4400",
});

function blast(port: number, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => s.end(Buffer.from(bytes)));
    s.on("error", () => resolve());
    s.on("close", () => resolve());
    setTimeout(() => {
      s.destroy();
      resolve();
    }, 500).unref();
  });
}

describe("SMPP fuzz", () => {
  it("the simulated SMS centre survives random bytes and random PDU headers, then still takes a bind and a submit_sm", async () => {
    const header = fc
      .tuple(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.uint8Array({ maxLength: 64 }),
      )
      .map(([id, seq, body]) => {
        const b = Buffer.alloc(16 + body.length);
        b.writeUInt32BE(16 + body.length, 0);
        b.writeUInt32BE(id, 4);
        b.writeUInt32BE(seq, 12);
        Buffer.from(body).copy(b, 16);
        return new Uint8Array(b);
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 300 }), header), (bytes) =>
        blast(smsc.port, bytes),
      ),
      { numRuns: 60 },
    );
    const link = new SmppLink(centre(smsc.port), { onReceipt: async () => {} });
    try {
      const ids = await link.submit([
        {
          destination: "447700900101",
          dataCoding: 0,
          esmClass: 0,
          shortMessage: Buffer.from("hello"),
        },
      ]);
      expect(ids).toHaveLength(1);
      expect(got.at(-1)).toMatchObject({ msisdn: "447700900101", text: "hello" });
    } finally {
      await link.close();
    }
  });

  it("Otter's SMPP client gives a clear error, without crashing, when the other side talks garbage", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), async (bytes) => {
        const server = net.createServer((s) => {
          s.on("error", () => {});
          s.on("data", () => s.end(Buffer.from(bytes)));
        });
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
        const port = (server.address() as net.AddressInfo).port;
        const link = new SmppLink(centre(port), { onReceipt: async () => {} });
        try {
          const err = await link
            .submit([
              {
                destination: "1234567",
                dataCoding: 0,
                esmClass: 0,
                shortMessage: Buffer.from("x"),
              },
            ])
            .then(
              () => null,
              (e: unknown) => e,
            );
          // Random bytes may, by chance, look like a bind_transceiver_resp: then the submit fails instead.
          expect(err).toBeInstanceOf(SmppError);
          expect((err as Error).message).toMatch(/SMS centre 127\.0\.0\.1:\d+ /);
        } finally {
          await link.close();
          server.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
