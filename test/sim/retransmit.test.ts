import dgram from "node:dgram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtter, type TestOtter } from "../support/otter.js";
import { HOUR, startStory } from "./harness.js";

/**
 * Nothing lost, nothing doubled: the simulated gateway retransmits what is not answered (the same
 * datagram: same identifier and authenticator), Otter recognises the retransmission, and every count
 * is exact.
 */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
});
afterAll(async () => {
  await t?.close();
});

/** A UDP relay in front of Otter's RADIUS port that loses the first copy of some requests and answers. */
async function lossyRelay(
  targetPort: number,
  lose: { request(n: number): boolean; response(n: number): boolean },
) {
  const front = dgram.createSocket("udp4");
  const backs = new Map<number, dgram.Socket>();
  const requests = new Map<string, { n: number; responseLost: boolean }>();
  /** The request a response answers: same source port and identifier (never reused while in flight). */
  const byIdentifier = new Map<string, { n: number; responseLost: boolean }>();
  const counts = { requests: 0, copies: 0, requestsLost: 0, responsesLost: 0 };
  front.on("message", (msg, from) => {
    const key = `${from.port}:${msg[1]}:${msg.subarray(4, 20).toString("hex")}`;
    let entry = requests.get(key);
    if (entry) counts.copies++;
    else {
      entry = { n: counts.requests++, responseLost: false };
      requests.set(key, entry);
      byIdentifier.set(`${from.port}:${msg[1]}`, entry);
      if (lose.request(entry.n)) {
        counts.requestsLost++;
        return;
      }
    }
    let back = backs.get(from.port);
    if (!back) {
      const b = dgram.createSocket("udp4");
      b.bind(0, "127.0.0.1");
      b.on("message", (answer) => {
        const e = byIdentifier.get(`${from.port}:${answer[1]}`);
        if (e && !e.responseLost && lose.response(e.n)) {
          e.responseLost = true;
          counts.responsesLost++;
          return;
        }
        front.send(answer, from.port, from.address);
      });
      backs.set(from.port, b);
      back = b;
    }
    back.send(msg, targetPort, "127.0.0.1");
  });
  await new Promise<void>((r) => front.bind(0, "127.0.0.1", () => r()));
  return {
    port: front.address().port,
    counts,
    close: () => {
      front.close();
      for (const b of backs.values()) b.close();
    },
  };
}

const trackers = (count: number, first: { iccid: string; imsi: string; msisdn: string }) => `
seed: retransmit
duration: 2h
network: { timeout: 300ms, retries: 6, sockets: 2, window: 4, atEnd: stop }
hss: { mode: accept_all, events: false }
fleets:
  - name: tracker-${first.imsi}-{n}
    count: ${count}
    from: { iccid: "${first.iccid}", imsi: "${first.imsi}", msisdn: "${first.msisdn}", imei: "356938035643809" }
    provision: { state: ACTIVATED }
    itinerary: [{ at: 0h, plmn: "23415", rat: LTE-M, tac: 1, eci: 1 }]
    traffic: { every: 15m, up: 1000, down: 3000, session: long, interim: 15m }
`;

describe("retransmission", () => {
  it("loses nothing and counts nothing twice when requests and answers are lost on the way", async () => {
    const relay = await lossyRelay(t.otter.radiusPort!, {
      request: (n) => n % 2 === 0,
      response: (n) => n % 3 === 1,
    });
    try {
      const story = await startStory(
        t,
        {
          text: trackers(3, {
            iccid: "8944003000000000016",
            imsi: "234150200000001",
            msisdn: "447900000001",
          }),
        },
        {},
        { radiusPort: relay.port },
      );
      const start = story.sim.now();
      await story.sim.advanceTo(start.getTime() + 2 * HOUR);
      await story.close();
      const s = story.sim.stats();
      // Accounting-On, then per tracker: Start (a second after attaching), an Interim every 15 min
      // (0:15:01 … 1:45:01) and the Stop at the end of the story.
      const expected = 1 + 3 * (1 + 7 + 1);
      expect(relay.counts.requests).toBe(expected);
      // (An answer to a retransmission may arrive after the first answer: it is counted as stray.)
      expect(s.radius).toMatchObject({
        sent: expected,
        answered: expected,
        unanswered: 0,
        inFlight: 0,
      });
      // Every copy the relay saw again was a retransmission; at least one per loss.
      expect(s.radius.retransmitted).toBe(relay.counts.copies);
      expect(s.radius.retransmitted).toBeGreaterThanOrEqual(
        relay.counts.requestsLost + relay.counts.responsesLost,
      );
      expect(relay.counts.requestsLost).toBe(Math.ceil(expected / 2));
      expect(relay.counts.responsesLost).toBeGreaterThan(5);
      expect(s.ok).toBe(true);

      // Every tracker reported 9 times (0 min … 120 min): Otter counted each byte once.
      const sims = (await t.api("GET", "/api/v1/sims?limit=100")).body.items.filter(
        (x: { imsi: string }) => x.imsi.startsWith("23415020000000"),
      );
      expect(sims).toHaveLength(3);
      const day = start.toISOString().slice(0, 10);
      for (const sim of sims) {
        const usage = (await t.api("GET", `/api/v1/sims/${sim.iccid}/usage?from=${day}&to=${day}`))
          .body.total;
        expect(usage).toMatchObject({ bytesUp: 9 * 1000, bytesDown: 9 * 3000 });
        const sessions = (await t.api("GET", `/api/v1/sims/${sim.iccid}/sessions`)).body.items;
        expect(sessions).toHaveLength(1);
        expect(sessions[0]).toMatchObject({
          status: "closed",
          bytesUp: 9000,
          bytesDown: 27000,
          terminateCause: "NAS-Request",
        });
      }
    } finally {
      relay.close();
    }
  });

  it("gives up after its retries and counts what was never answered", async () => {
    const silent = dgram.createSocket("udp4");
    await new Promise<void>((r) => silent.bind(0, "127.0.0.1", () => r()));
    let received = 0;
    silent.on("message", () => {
      received++;
    });
    try {
      const story = await startStory(
        t,
        {
          text: trackers(1, {
            iccid: "8944004000000000015",
            imsi: "234150300000001",
            msisdn: "447910000001",
          })
            .replace("timeout: 300ms, retries: 6", "timeout: 50ms, retries: 3")
            .replace("duration: 2h", "duration: 10m"),
        },
        {},
        { radiusPort: silent.address().port },
      );
      await story.sim.advanceTo(story.sim.now().getTime() + 10 * 60_000);
      await story.close();
      const s = story.sim.stats();
      // Accounting-On, the Start, and the Stop at the end: each sent once and retried 3 times.
      expect(s.radius).toMatchObject({
        sent: 3,
        answered: 0,
        retransmitted: 9,
        unanswered: 3,
        inFlight: 0,
      });
      expect(received).toBe(12);
      expect(s.ok).toBe(false);
    } finally {
      silent.close();
    }
  });
});
