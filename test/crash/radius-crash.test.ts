import dgram from "node:dgram";
import { afterAll, describe, expect, it } from "vitest";
import {
  A3gpp,
  accountingRequest,
  attr,
  Attr,
  verifyAccountingResponse,
} from "../../src/network/radius/index.js";
import { TEST_ENGINE } from "../support/engine.js";
import { simCsv } from "../support/factories.js";
import { processHarness } from "../support/process.js";

/**
 * kill -9 while a gateway sends accounting: the gateway retransmits what was not answered, and after
 * the restart every session's counters and every SIM's usage are exact — nothing lost, nothing doubled.
 */
const h = processHarness("radius-crash");
const SECRET = "crash-test-secret";
afterAll(() => h.close());

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket("udp4");
  await new Promise<void>((r) => s.bind(0, "127.0.0.1", () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe(`crash while a gateway sends accounting (${TEST_ENGINE})`, () => {
  it("loses and doubles nothing across kill -9 and restart", async () => {
    const radiusPort = await freeUdpPort();
    const env = { OTTER_RADIUS_PORT: String(radiusPort), OTTER_WORKER_POLL_MS: "50" };
    const server = await h.start(env);
    const call = async (path: string, init: RequestInit = {}) =>
      (
        await h.call(path, {
          ...init,
          headers: { "content-type": "application/json", ...(init.headers ?? {}) },
        })
      ).body;
    const me = await call("/api/v1/users/me");
    await call("/api/v1/network/clients", {
      method: "POST",
      body: JSON.stringify({ name: "pgw", address: "127.0.0.1", secret: SECRET }),
    });
    const { csv, sims } = simCsv(20, {
      header: "iccid,imsi,msisdn,state",
      extra: () => ["ACTIVATED"],
    });
    const up = await fetch(`${server.url}/api/v1/sims/imports?accountId=${me.accountId}`, {
      method: "POST",
      headers: { authorization: `Bearer ${h.key}`, "content-type": "text/csv" },
      body: csv,
    });
    const jobId = ((await up.json()) as { jobId: string }).jobId;
    for (let i = 0; i < 200 && (await call(`/api/v1/jobs/${jobId}`)).status !== "succeeded"; i++)
      await new Promise((r) => setTimeout(r, 100));

    // The gateway: each session Start, 15 Interims, Stop — each request retransmitted until answered.
    const socket = dgram.createSocket("udp4");
    await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
    const waiting = new Map<number, (b: Buffer) => void>();
    socket.on("message", (msg) => waiting.get(msg[1]!)?.(msg));
    let nextId = 0;
    let answered = 0;
    const ids: number[] = [];
    const send = async (attrs: Parameters<typeof accountingRequest>[0]["attributes"]) => {
      let id = nextId++ % 256;
      while (waiting.has(id)) id = nextId++ % 256;
      const packet = accountingRequest({ identifier: id, secret: SECRET, attributes: attrs });
      ids.push(id);
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => socket.send(packet, radiusPort, "127.0.0.1"), 400);
        waiting.set(id, (msg) => {
          if (!verifyAccountingResponse(msg, packet.subarray(4, 20), SECRET)) return;
          clearInterval(timer);
          waiting.delete(id);
          answered++;
          resolve();
        });
        socket.send(packet, radiusPort, "127.0.0.1");
      });
    };
    const INTERIMS = 15;
    const final = (i: number) => ({
      up: 1000 * (INTERIMS + 1) + i,
      down: 3000 * (INTERIMS + 1) + i,
    });
    const sessions = sims.map(async (sim, i) => {
      const base = [
        attr.string(Attr.AcctSessionId, `crash-${i}`),
        attr.ipv4(Attr.NasIpAddress, "127.0.0.1"),
        attr.vsa3gpp(A3gpp.Imsi, sim.imsi),
        attr.vsa3gpp(A3gpp.SgsnMccMnc, "24007"),
      ];
      await send([attr.uint32(Attr.AcctStatusType, 1), ...base]);
      for (let k = 1; k <= INTERIMS; k++) {
        await send([
          attr.uint32(Attr.AcctStatusType, 3),
          ...base,
          attr.uint32(Attr.AcctInputOctets, 1000 * k),
          attr.uint32(Attr.AcctOutputOctets, 3000 * k),
          attr.uint32(Attr.AcctSessionTime, 60 * k),
        ]);
      }
      const f = final(i);
      await send([
        attr.uint32(Attr.AcctStatusType, 2),
        ...base,
        attr.uint32(Attr.AcctInputOctets, f.up),
        attr.uint32(Attr.AcctOutputOctets, f.down),
        attr.uint32(Attr.AcctSessionTime, 60 * (INTERIMS + 1)),
      ]);
    });

    const total = sims.length * (INTERIMS + 2);
    while (answered < total / 3) await new Promise((r) => setTimeout(r, 5));
    await server.kill("SIGKILL");
    const atKill = answered;
    expect(atKill).toBeLessThan(total);
    await h.start(env); // the harness keeps the restarted node and stops it after the test
    await Promise.race([
      Promise.all(sessions),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`gateway still waiting: ${answered}/${total} answered`)),
          120_000,
        ),
      ),
    ]);
    socket.close();

    const day = new Date().toISOString().slice(0, 10);
    for (const [i, sim] of sims.entries()) {
      const s = (await call(`/api/v1/sims/${sim.iccid}/sessions`)).items;
      expect(s, sim.iccid).toHaveLength(1);
      expect(s[0]).toMatchObject({
        status: "closed",
        bytesUp: final(i).up,
        bytesDown: final(i).down,
      });
      const usage = await call(`/api/v1/sims/${sim.iccid}/usage?from=${day}&to=${day}`);
      expect(usage.total).toMatchObject({ bytesUp: final(i).up, bytesDown: final(i).down });
    }
  }, 400_000);
});
