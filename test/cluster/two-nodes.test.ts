import dgram from "node:dgram";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  A3gpp,
  accountingRequest,
  attr,
  Attr,
  verifyAccountingResponse,
} from "../../src/network/radius/index.js";
import { type SmscServer, type SmsMessage, startSmscServer } from "../../src/sim/smsc-server.js";
import { createProcessStorage, TEST_ENGINE } from "../support/engine.js";
import { simCsv } from "../support/factories.js";
import { type ServerProcess, startServerProcess } from "../support/process.js";
import { startTestRelay, type TestRelay } from "../support/smtp-relay.js";
import { startReceiver } from "../webhooks/receiver.js";

/**
 * Two `otter serve` processes on one PostgreSQL database, each with its own HTTP and RADIUS port,
 * both running every background worker. A packet gateway lists both as accounting servers: it sends
 * to node A, A dies (kill -9) mid-session, and the gateway retransmits what A left unanswered to
 * node B — among it requests A had stored before its answer was lost — and carries on there.
 * Each session's bytes, each SIM's daily usage and each session event count once; imports, scheduled
 * changes, automation, mail, webhooks and SMS each run once although both nodes' workers poll.
 *
 * PGlite is a database inside one process: several nodes cannot share it, so this runs on PostgreSQL.
 */
const SECRET = "cluster-test-secret";
const WEBHOOK_SECRET = "cluster-webhook-secret";
const SMSC = { systemId: "otter", password: "smpp-pw" };
const day = () => new Date().toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket("udp4");
  await new Promise<void>((r) => s.bind(0, "127.0.0.1", () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * A packet gateway with two accounting servers, primary first. A request is retransmitted every
 * 250 ms; after three tries without a word from the server it goes to the next server, and so does
 * every later request (the primary is held dead). A resend after failover carries a new identifier
 * and its Acct-Delay-Time, as gateways send it. `loseAnswers` plays an answer lost on the way back.
 */
function packetGateway(ports: { a: number; b: number }) {
  const socket = dgram.createSocket("udp4");
  const waiting = new Map<number, (msg: Buffer, fromPort: number) => void>();
  socket.on("message", (msg, rinfo) => waiting.get(msg[1]!)?.(msg, rinfo.port));
  let active = ports.a;
  let nextId = 0;
  const answeredBy = { a: 0, b: 0 };
  const freeId = () => {
    let id = nextId++ % 256;
    while (waiting.has(id)) id = nextId++ % 256;
    return id;
  };
  return {
    ready: new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r())),
    answeredBy,
    get onB() {
      return active === ports.b;
    },
    /** Sends one request until a server answers it; resolves with the port that answered. */
    send(
      attrs: Parameters<typeof accountingRequest>[0]["attributes"],
      opts: { to?: number; loseAnswersWhile?: () => boolean; onAnswerLost?: () => void } = {},
    ): Promise<number> {
      const started = Date.now();
      let target = opts.to ?? active;
      let silentTries = 0;
      let id = freeId();
      let packet = accountingRequest({ identifier: id, secret: SECRET, attributes: attrs });
      return new Promise<number>((resolve) => {
        const transmit = () => socket.send(packet, target, "127.0.0.1");
        const onAnswer = (msg: Buffer, fromPort: number) => {
          if (fromPort !== target) return;
          if (!verifyAccountingResponse(msg, packet.subarray(4, 20), SECRET)) return;
          silentTries = 0;
          if (opts.loseAnswersWhile?.()) {
            opts.onAnswerLost?.();
            return;
          }
          clearInterval(timer);
          waiting.delete(id);
          if (fromPort === ports.a) answeredBy.a++;
          else answeredBy.b++;
          resolve(fromPort);
        };
        const timer = setInterval(() => {
          silentTries++;
          if (target === ports.a && (silentTries >= 3 || active === ports.b)) {
            active = ports.b;
            target = ports.b;
            waiting.delete(id);
            id = freeId();
            const delay = Math.max(1, Math.round((Date.now() - started) / 1000));
            packet = accountingRequest({
              identifier: id,
              secret: SECRET,
              attributes: [...attrs, attr.uint32(Attr.AcctDelayTime, delay)],
            });
            waiting.set(id, onAnswer);
          }
          transmit();
        }, 250);
        waiting.set(id, onAnswer);
        transmit();
      });
    },
    close: () => new Promise<void>((r) => socket.close(() => r())),
  };
}

const postgresOnly = TEST_ENGINE === "postgres";
const dir = mkdtempSync(join(tmpdir(), "otter-cluster-"));
const key = `otk_cluster_${randomBytes(20).toString("hex")}`;
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!postgresOnly)(
  "two Otter nodes on one PostgreSQL (PostgreSQL only: a PGlite database belongs to one process)",
  () => {
    it("counts a failed-over gateway's accounting once and runs every worker once", async () => {
      const storage = await createProcessStorage(dir);
      cleanup.push(() => storage.drop());
      const relay: TestRelay = await startTestRelay();
      cleanup.push(() => relay.close());
      const smsReceived: SmsMessage[] = [];
      const smsc: SmscServer = await startSmscServer({
        host: "127.0.0.1",
        port: 0,
        ...SMSC,
        deliver: (sms) => {
          smsReceived.push(sms);
          return "delivered";
        },
      });
      cleanup.push(() => smsc.close());
      const hooks = await startReceiver(WEBHOOK_SECRET);
      cleanup.push(() => hooks.close());

      const radius = { a: await freeUdpPort(), b: await freeUdpPort() };
      const env = (radiusPort: number) => ({
        ...storage.env,
        OTTER_BOOTSTRAP_API_KEY: key,
        OTTER_SECRET_KEY: "c".repeat(64),
        OTTER_RATE_LIMIT_PER_MINUTE: "0",
        OTTER_WORKER_POLL_MS: "50",
        OTTER_SMTP_RELAY: relay.url,
        OTTER_RADIUS_PORT: String(radiusPort),
      });
      // Node A migrates the empty database; node B starts on it as a second node would.
      const nodeA: ServerProcess = await startServerProcess(env(radius.a));
      cleanup.push(() => nodeA.kill("SIGKILL"));
      const nodeB: ServerProcess = await startServerProcess(env(radius.b));
      cleanup.push(() => nodeB.kill("SIGKILL"));

      let turn = 0;
      /** The load balancer: any live node serves any request; `via` pins one. */
      const api = async (
        method: string,
        path: string,
        body?: unknown,
        via?: ServerProcess,
      ): Promise<{ status: number; body: any }> => {
        const alive = [nodeA, nodeB].filter((n) => n.child.exitCode === null && !n.child.killed);
        const node = via ?? alive[turn++ % alive.length]!;
        const res = await fetch(node.url + path, {
          method,
          headers: {
            authorization: `Bearer ${key}`,
            ...(body !== undefined && {
              "content-type": typeof body === "string" ? "text/csv" : "application/json",
            }),
          },
          body: body === undefined || typeof body === "string" ? body : JSON.stringify(body),
        });
        const text = await res.text();
        return {
          status: res.status,
          body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
        };
      };
      const ok = async (method: string, path: string, body?: unknown, via?: ServerProcess) => {
        const res = await api(method, path, body, via);
        expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
        return res.body;
      };

      const me = await ok("GET", "/api/v1/users/me");
      await ok("POST", `/api/v1/accounts/${me.accountId}/contacts`, {
        name: "Network operations",
        email: "noc@operator.example",
      });
      await ok("POST", "/api/v1/webhooks", {
        url: hooks.url,
        secret: WEBHOOK_SECRET,
        events: ["sim.session_started", "sim.session_ended", "automation.rule_fired"],
      });
      await ok("POST", "/api/v1/automation-rules", {
        name: "tell the NOC about deactivations",
        trigger: { type: "sim_state_changed", to: ["DEACTIVATED"] },
        actions: [{ type: "email", note: "Deactivated on schedule." }, { type: "webhook" }],
      });
      await ok("POST", "/api/v1/network/sms-centres", {
        name: "smsc-1",
        host: "127.0.0.1",
        port: smsc.port,
        ...SMSC,
        sourceAddress: "+447700900000",
        imsiPrefixes: ["23415"],
      });

      // The import runs as a job that either node's worker may claim; the other never touches it.
      const SESSIONS = 8;
      const SCHEDULED = 6;
      const SMS = 6;
      const total = SESSIONS + SCHEDULED + SMS + 1;
      const { csv, sims } = simCsv(total, {
        header: "iccid,imsi,msisdn,state",
        extra: (i) => [i === total - 1 ? "INVENTORY" : "ACTIVATED"],
      });
      const sessionSims = sims.slice(0, SESSIONS);
      const scheduledSims = sims.slice(SESSIONS, SESSIONS + SCHEDULED);
      const smsSims = sims.slice(SESSIONS + SCHEDULED, SESSIONS + SCHEDULED + SMS);
      const inventorySim = sims[total - 1]!;
      const { jobId } = await ok("POST", `/api/v1/sims/imports?accountId=${me.accountId}`, csv);
      const job = await waitFor("the import", async () => {
        const j = await ok("GET", `/api/v1/jobs/${jobId}`);
        return j.status === "succeeded" || j.status === "failed" ? j : null;
      });
      expect(job).toMatchObject({
        status: "succeeded",
        counts: { created: total, updated: 0, unchanged: 0, failed: 0 },
      });
      expect((await ok("GET", `/api/v1/sims?limit=100`)).items).toHaveLength(total);

      // Scheduled changes, asked of either node, fall due in two seconds; each applies once, and the
      // rule it triggers fires once: one e-mail and one webhook per SIM.
      const due = new Date(Date.now() + 2000).toISOString();
      for (const sim of scheduledSims)
        await ok("PATCH", `/api/v1/sims/${sim.iccid}`, {
          state: "DEACTIVATED",
          effectiveDate: due,
          reason: "contract ended",
        });
      // Mail queued through both nodes, and one SMS per SIM.
      const MAILS = 6;
      for (let i = 0; i < MAILS; i++)
        await ok("POST", "/api/v1/outbox/test", { to: `tester${i}@operator.example` });
      for (const sim of smsSims)
        await ok("POST", `/api/v1/sims/${sim.iccid}/actions`, {
          type: "send-sms",
          text: "WAKEUP",
          reason: "device silent",
        });

      // The gateway: registered through node A; node B learns of it from the database.
      await ok("POST", "/api/v1/network/clients", {
        name: "pgw",
        address: "127.0.0.1",
        secret: SECRET,
      });
      const gw = packetGateway(radius);
      await gw.ready;
      cleanup.push(() => gw.close());
      const base = (sim: { imsi: string }, session: string) => [
        attr.string(Attr.AcctSessionId, session),
        attr.ipv4(Attr.NasIpAddress, "127.0.0.1"),
        attr.vsa3gpp(A3gpp.Imsi, sim.imsi),
        attr.vsa3gpp(A3gpp.SgsnMccMnc, "24007"),
      ];
      const interim = (sim: { imsi: string }, session: string, k: number) => [
        attr.uint32(Attr.AcctStatusType, 3),
        ...base(sim, session),
        attr.uint32(Attr.AcctInputOctets, 1000 * k),
        attr.uint32(Attr.AcctOutputOctets, 3000 * k),
        attr.uint32(Attr.AcctSessionTime, 60 * k),
      ];

      // A SIM node B has already seen is changed through node A: node B's accounting must act on
      // the new state (the first data session of an ACTIVATION_READY SIM activates it).
      const inv = "inventory-1";
      await gw.send([attr.uint32(Attr.AcctStatusType, 1), ...base(inventorySim, inv)], {
        to: radius.b,
      });
      await gw.send(interim(inventorySim, inv, 1), { to: radius.b });
      expect((await ok("GET", `/api/v1/sims/${inventorySim.iccid}`, undefined, nodeB)).state).toBe(
        "INVENTORY",
      );
      await ok(
        "PATCH",
        `/api/v1/sims/${inventorySim.iccid}`,
        { state: "ACTIVATION_READY", reason: "shipped" },
        nodeA,
      );
      await gw.send(interim(inventorySim, inv, 2), { to: radius.b });
      expect((await ok("GET", `/api/v1/sims/${inventorySim.iccid}`, undefined, nodeA)).state).toBe(
        "ACTIVATED",
      );

      // Sessions on node A: Start and three Interims each, except the sessions of the fourth kind,
      // which start during the failover.
      const INTERIMS = 7;
      const kind = (i: number) => i % 4;
      const stop = (sim: { imsi: string }, i: number) => [
        attr.uint32(Attr.AcctStatusType, 2),
        ...base(sim, `s-${i}`),
        attr.uint32(Attr.AcctInputOctets, 1000 * (INTERIMS + 1) + i),
        attr.uint32(Attr.AcctOutputOctets, 3000 * (INTERIMS + 1) + i),
        attr.uint32(Attr.AcctSessionTime, 60 * (INTERIMS + 1)),
      ];
      const start = (sim: { imsi: string }, i: number) => [
        attr.uint32(Attr.AcctStatusType, 1),
        ...base(sim, `s-${i}`),
      ];
      await Promise.all(
        sessionSims.map(async (sim, i) => {
          if (kind(i) === 3) return;
          await gw.send(start(sim, i));
          for (let k = 1; k <= 3; k++) await gw.send(interim(sim, `s-${i}`, k));
        }),
      );
      const earlyStarts = sessionSims.filter((_, i) => kind(i) !== 3).length;

      const ruleMails = () =>
        relay.received.filter((m) => m.envelope.to.includes("noc@operator.example"));
      const testMails = () =>
        relay.received.filter((m) => m.parsed.subject === "Otter test message");
      // Everything the workers do is done, once, with both nodes polling.
      await waitFor("every worker's output", async () => {
        const mails = ruleMails().length + testMails().length;
        const wanted = MAILS + SCHEDULED; // test messages and one rule e-mail per deactivation
        const rules = hooks.received.filter((r) => r.json.type === "automation.rule_fired").length;
        const starts = hooks.received.filter((r) => r.json.type === "sim.session_started").length;
        return mails >= wanted &&
          rules >= SCHEDULED &&
          starts >= earlyStarts + 1 &&
          smsc.stats().submits >= SMS
          ? true
          : null;
      });

      // Failover, four kinds of session. 0: Interims 4–7 and the Stop go to A, which stores the Stop
      // and answers it, but the answer is lost. 1: Interim 4 is on its way when A is killed.
      // 2: Interim 4 is stored by A and its answer lost. 3: the Start is stored by A and its answer
      // lost. While A lives the gateway resends to it (A answers again, lost again); once A is
      // killed, the gateway moves every request to B and resends there, and carries on on B.
      let killed = false;
      const storedOnA = new Set<number>();
      const losing = sessionSims.filter((_, i) => kind(i) !== 1).length;
      const lose = (i: number) => ({
        loseAnswersWhile: () => !killed,
        onAnswerLost: () => storedOnA.add(i),
      });
      const allStoredOnA = () => (storedOnA.size === losing ? true : null);
      const failover = sessionSims.map(async (sim, i) => {
        let next = 4;
        if (kind(i) === 0) {
          for (; next <= INTERIMS; next++) await gw.send(interim(sim, `s-${i}`, next));
          await gw.send(stop(sim, i), lose(i));
          return;
        } else if (kind(i) === 1) {
          await waitFor("A to store what it stores", async () => allStoredOnA());
          await gw.send(interim(sim, `s-${i}`, next++));
        } else if (kind(i) === 2) {
          await gw.send(interim(sim, `s-${i}`, next++), lose(i));
        } else {
          await gw.send(start(sim, i), lose(i));
          next = 1;
        }
        for (; next <= INTERIMS; next++) await gw.send(interim(sim, `s-${i}`, next));
        await gw.send(stop(sim, i));
      });
      await waitFor("A to store what it stores", async () => allStoredOnA());
      await sleep(5); // the Interims of the sessions of kind 1 are on their way
      await nodeA.kill("SIGKILL");
      killed = true;
      await Promise.all(failover);
      expect(gw.onB).toBe(true);
      expect(gw.answeredBy.b).toBeGreaterThanOrEqual(SESSIONS * 2);

      // Counted once: sessions, daily usage and session events.
      for (const [i, sim] of sessionSims.entries()) {
        const s = (await ok("GET", `/api/v1/sims/${sim.iccid}/sessions`, undefined, nodeB)).items;
        expect(s, sim.iccid).toHaveLength(1);
        expect(s[0]).toMatchObject({
          status: "closed",
          bytesUp: 1000 * (INTERIMS + 1) + i,
          bytesDown: 3000 * (INTERIMS + 1) + i,
        });
        const usage = await ok(
          "GET",
          `/api/v1/sims/${sim.iccid}/usage?from=${day()}&to=${day()}`,
          undefined,
          nodeB,
        );
        expect(usage.total).toMatchObject({
          bytesUp: 1000 * (INTERIMS + 1) + i,
          bytesDown: 3000 * (INTERIMS + 1) + i,
        });
      }
      await waitFor("the session-ended webhooks", async () =>
        hooks.received.filter((r) => r.json.type === "sim.session_ended").length >= SESSIONS
          ? true
          : null,
      );
      await sleep(500); // time for a second delivery, were there one
      const byType = (type: string) => hooks.received.filter((r) => r.json.type === type);
      const subjects = (type: string) =>
        byType(type)
          .map((r) => String(r.json.data.iccid ?? r.json.data.sessionId ?? r.json.id))
          .sort();
      const once = <T>(xs: T[]) => expect(new Set(xs).size).toBe(xs.length);
      expect(byType("sim.session_started")).toHaveLength(SESSIONS + 1);
      expect(byType("sim.session_ended")).toHaveLength(SESSIONS);
      once(hooks.received.map((r) => r.json.id));
      once(subjects("sim.session_ended"));

      // Scheduled changes: applied once each, one audit record, one rule firing, one mail, one webhook.
      for (const sim of scheduledSims) {
        expect((await ok("GET", `/api/v1/sims/${sim.iccid}`, undefined, nodeB)).state).toBe(
          "DEACTIVATED",
        );
        const audit = (await ok("GET", `/api/v1/sims/${sim.iccid}/audit`, undefined, nodeB)).items;
        expect(
          audit.filter(
            (a: { field: string; value: string }) =>
              a.field === "state" && a.value === "DEACTIVATED",
          ),
        ).toHaveLength(1);
      }
      expect(byType("automation.rule_fired")).toHaveLength(SCHEDULED);
      expect(ruleMails()).toHaveLength(SCHEDULED);
      expect(testMails()).toHaveLength(MAILS);
      once(relay.received.map((m) => m.parsed.messageId));
      once(testMails().map((m) => m.envelope.to[0]));

      // SMS: one submission each, to each device once.
      expect(smsc.stats().submits).toBe(SMS);
      expect(smsReceived.map((s) => s.msisdn).sort()).toEqual(
        smsSims.map((s) => s.msisdn.replace(/^\+/, "")).sort(),
      );
    }, 90_000);
  },
);
