/**
 * The load generator: a packet gateway's accounting client, run flat out.
 *
 * `sockets` UDP sockets (4), each keeping `window` requests (16) outstanding: a new request goes
 * out as soon as one is answered. An unanswered request is sent again, the very same packet
 * (identifier and authenticator unchanged), after `retransmitMs` (3 s), up to `retries` (3) times;
 * then it is given up and counted as lost. An answer counts only if its Response Authenticator
 * verifies against the request; anything else (a late duplicate, a forged or garbled packet) is
 * counted as stray and ignored. Latency is first send → valid answer.
 *
 * Session s belongs to socket s mod sockets, and a session never has two requests outstanding, so
 * its Interims are answered in order and its counters only grow. With several servers (`ports`),
 * socket k is a gateway whose accounting server is ports[k mod ports.length]. The sockets can be spread over
 * worker threads (`threads`); per-session state lives in SharedArrayBuffers.
 */
import dgram from "node:dgram";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { verifyAccountingResponse } from "../../src/network/radius/index.js";
import { buildRequest, imsiAt } from "./workload.js";

export interface PhaseSpec {
  kind: "start" | "interim";
  host: string;
  port: number;
  /** Several accounting servers (Otter nodes): socket k sends to ports[k mod length] instead of `port`. */
  ports?: number[];
  secret: string;
  runTag: string;
  sockets: number;
  window: number;
  retransmitMs: number;
  retries: number;
  sessions: number;
  /** Interim phase: stop sending new requests after this many seconds. */
  seconds?: number;
  /** Interim phase: or after this many requests in all (whichever comes first). */
  maxRequests?: number;
  /** Int32Array(sessions): the SIM index of each session. */
  simOf: SharedArrayBuffer;
  /** Int32Array(sessions): the highest Interim number of each session that was answered (0: none). */
  answeredN: SharedArrayBuffer;
  /** Int32Array(sessions): the highest Interim number sent (answered or not). */
  sentN: SharedArrayBuffer;
  /** Int32Array(sessions): 1 once the session's Start was answered. */
  started: SharedArrayBuffer;
  /** Absolute time (performance.timeOrigin + now) the phase starts; per-second counts are relative to it. */
  epochMs: number;
}

export interface PhaseResult {
  /** Distinct requests sent (retransmissions not included). */
  sent: number;
  answered: number;
  retransmissions: number;
  lost: number;
  stray: number;
  /** Milliseconds, first send → valid answer, one per answered request. */
  latencies: Float64Array;
  /** Answers per second of the phase. */
  perSecond: number[];
  firstSendMs: number;
  lastAnswerMs: number;
}

interface Outstanding {
  id: number;
  session: number;
  n: number;
  packet: Buffer;
  firstSent: number;
  lastSent: number;
  tries: number;
}

const absNow = () => performance.timeOrigin + performance.now();

/** Runs the sockets `socketIds` of the phase in this thread. */
export async function runSockets(spec: PhaseSpec, socketIds: number[]): Promise<PhaseResult> {
  const simOf = new Int32Array(spec.simOf);
  const answeredN = new Int32Array(spec.answeredN);
  const sentN = new Int32Array(spec.sentN);
  const started = new Int32Array(spec.started);
  const busy = new Uint8Array(spec.sessions);
  let latencies = new Float64Array(1 << 16);
  let nLat = 0;
  const perSecond: number[] = [];
  let sent = 0,
    answered = 0,
    retransmissions = 0,
    lost = 0,
    stray = 0;
  let firstSendMs = Infinity,
    lastAnswerMs = 0;
  const deadline = spec.seconds !== undefined ? spec.epochMs + spec.seconds * 1000 : Infinity;
  // This thread's share of --requests.
  const threadMax =
    spec.maxRequests !== undefined
      ? Math.ceil((spec.maxRequests * socketIds.length) / spec.sockets)
      : Infinity;
  let issued = 0;
  let stopping = false;

  const runners = await Promise.all(
    socketIds.map(async (sid) => {
      const socket = dgram.createSocket({
        type: "udp4",
        recvBufferSize: 1 << 20,
        sendBufferSize: 1 << 20,
      });
      await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
      socket.connect(spec.ports?.[sid % spec.ports.length] ?? spec.port, spec.host);
      await once(socket, "connect");
      // This socket's sessions: sid, sid + sockets, sid + 2·sockets, …
      const mine: number[] = [];
      for (let s = sid; s < spec.sessions; s += spec.sockets) mine.push(s);
      return {
        sid,
        socket,
        mine,
        cursor: 0,
        slots: new Array<Outstanding | undefined>(256),
        inFlight: 0,
        nextId: 0,
        exhausted: false,
      };
    }),
  );
  type Runner = (typeof runners)[number];

  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const checkDone = () => {
    if (runners.every((r) => r.exhausted && r.inFlight === 0)) finish();
  };

  /** The next session this socket should send for; -1: nothing more to send; -2: none free right now. */
  function nextSession(r: Runner): number {
    if (stopping || absNow() >= deadline || issued >= threadMax) return -1;
    if (spec.kind === "start") {
      while (r.cursor < r.mine.length) {
        const s = r.mine[r.cursor++]!;
        if (!busy[s]) return s;
      }
      return -1;
    }
    // Interim: round-robin over the socket's sessions, skipping one whose previous request is still out.
    for (let k = 0; k < r.mine.length; k++) {
      const s = r.mine[r.cursor]!;
      r.cursor = (r.cursor + 1) % r.mine.length;
      if (!busy[s]) return s;
    }
    return -2;
  }

  function fill(r: Runner) {
    while (r.inFlight < spec.window && !r.exhausted) {
      const s = nextSession(r);
      if (s === -2) break;
      if (s < 0) {
        r.exhausted = true;
        break;
      }
      let id = r.nextId;
      while (r.slots[id]) id = (id + 1) & 255;
      r.nextId = (id + 1) & 255;
      const n = spec.kind === "start" ? 0 : sentN[s]! + 1;
      if (spec.kind === "interim") sentN[s] = n;
      const packet = buildRequest({
        kind: spec.kind,
        session: s,
        n,
        imsi: imsiAt(simOf[s]!),
        identifier: id,
        secret: spec.secret,
        runTag: spec.runTag,
      });
      const now = absNow();
      r.slots[id] = { id, session: s, n, packet, firstSent: now, lastSent: now, tries: 0 };
      r.inFlight++;
      busy[s] = 1;
      sent++;
      issued++;
      if (now < firstSendMs) firstSendMs = now;
      r.socket.send(packet);
    }
    checkDone();
  }

  function release(r: Runner, o: Outstanding) {
    r.slots[o.id] = undefined;
    r.inFlight--;
    busy[o.session] = 0;
  }

  for (const r of runners) {
    r.socket.on("message", (msg) => {
      const o = msg.length >= 20 ? r.slots[msg[1]!] : undefined;
      if (!o || !verifyAccountingResponse(msg, o.packet.subarray(4, 20), spec.secret)) {
        stray++;
        return;
      }
      const now = absNow();
      if (nLat === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[nLat++] = now - o.firstSent;
      answered++;
      lastAnswerMs = now;
      const sec = Math.floor((now - spec.epochMs) / 1000);
      while (perSecond.length <= sec) perSecond.push(0);
      perSecond[sec]!++;
      if (spec.kind === "start") started[o.session] = 1;
      else if (o.n > answeredN[o.session]!) answeredN[o.session] = o.n;
      release(r, o);
      fill(r);
    });
    r.socket.on("error", () => {
      /* ICMP port unreachable while the server is not listening: the request is retransmitted */
    });
  }

  const sweep = setInterval(() => {
    const now = absNow();
    for (const r of runners) {
      for (const o of r.slots) {
        if (!o || now - o.lastSent < spec.retransmitMs) continue;
        if (o.tries < spec.retries) {
          o.tries++;
          o.lastSent = now;
          retransmissions++;
          r.socket.send(o.packet);
        } else {
          lost++;
          release(r, o);
        }
      }
      fill(r);
    }
  }, 50);

  for (const r of runners) fill(r);
  await done;
  stopping = true;
  clearInterval(sweep);
  await Promise.all(runners.map((r) => new Promise<void>((res) => r.socket.close(() => res()))));
  return {
    sent,
    answered,
    retransmissions,
    lost,
    stray,
    latencies: latencies.slice(0, nLat),
    perSecond,
    firstSendMs,
    lastAnswerMs,
  };
}

/** Runs one phase over `threads` threads (1: this thread, no worker). */
export async function runPhase(spec: PhaseSpec, threads: number): Promise<PhaseResult> {
  const ids = Array.from({ length: spec.sockets }, (_, i) => i);
  if (threads <= 1) return runSockets(spec, ids);
  const groups = Array.from({ length: Math.min(threads, spec.sockets) }, (_, t) =>
    ids.filter((i) => i % threads === t),
  );
  // Workers start (and load TypeScript) first; the phase's clock starts once all of them are ready.
  const workers = await Promise.all(
    groups.map(
      (socketIds) =>
        new Promise<Worker>((resolve, reject) => {
          // Node 20 does not carry `--import tsx` into workers: the worker registers tsx itself, then loads the TypeScript.
          const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(new URL("./loadgen-worker.ts", import.meta.url).href)}); })`;
          const w = new Worker(boot, { eval: true, workerData: { spec, socketIds } });
          w.once("message", (m) =>
            m === "ready"
              ? resolve(w)
              : reject(new Error(`unexpected message from a load generator worker: ${String(m)}`)),
          );
          w.once("error", reject);
        }),
    ),
  );
  const epochMs = performance.timeOrigin + performance.now();
  const results = await Promise.all(
    workers.map(
      (w) =>
        new Promise<PhaseResult>((resolve, reject) => {
          w.once("message", (m: PhaseResult) => resolve(m));
          w.once("error", reject);
          w.once(
            "exit",
            (code) => code !== 0 && reject(new Error(`load generator worker exited with ${code}`)),
          );
          w.postMessage({ epochMs });
        }),
    ),
  );
  return mergeResults(results);
}

export function mergeResults(rs: PhaseResult[]): PhaseResult {
  const latencies = new Float64Array(rs.reduce((a, r) => a + r.latencies.length, 0));
  let at = 0;
  for (const r of rs) {
    latencies.set(r.latencies, at);
    at += r.latencies.length;
  }
  const perSecond: number[] = [];
  for (const r of rs) r.perSecond.forEach((n, i) => (perSecond[i] = (perSecond[i] ?? 0) + n));
  const sum = (k: "sent" | "answered" | "retransmissions" | "lost" | "stray") =>
    rs.reduce((a, r) => a + r[k], 0);
  return {
    sent: sum("sent"),
    answered: sum("answered"),
    retransmissions: sum("retransmissions"),
    lost: sum("lost"),
    stray: sum("stray"),
    latencies,
    perSecond: Array.from(perSecond, (n) => n ?? 0),
    firstSendMs: Math.min(...rs.map((r) => r.firstSendMs)),
    lastAnswerMs: Math.max(...rs.map((r) => r.lastAnswerMs)),
  };
}

export interface Summary {
  requests: number;
  answered: number;
  seconds: number;
  requestsPerSecond: number;
  retransmissions: number;
  lost: number;
  stray: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers per whole second of the phase (the last, partial second left out): min and max. */
  minSecond: number;
  maxSecond: number;
}

export function summarize(r: PhaseResult): Summary {
  const lat = Float64Array.from(r.latencies).sort();
  const pct = (p: number) =>
    lat.length === 0
      ? NaN
      : lat[Math.min(lat.length - 1, Math.max(0, Math.ceil((p / 100) * lat.length) - 1))]!;
  const seconds = r.answered > 0 ? (r.lastAnswerMs - r.firstSendMs) / 1000 : 0;
  const whole = r.perSecond.slice(0, Math.max(1, r.perSecond.length - 1));
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: r.sent,
    answered: r.answered,
    seconds: r2(seconds),
    requestsPerSecond: seconds > 0 ? Math.round(r.answered / seconds) : 0,
    retransmissions: r.retransmissions,
    lost: r.lost,
    stray: r.stray,
    p50Ms: r2(pct(50)),
    p95Ms: r2(pct(95)),
    p99Ms: r2(pct(99)),
    maxMs: r2(lat.length ? lat[lat.length - 1]! : NaN),
    minSecond: Math.min(...whole),
    maxSecond: Math.max(...whole),
  };
}
