import { createHash } from "node:crypto";
import dgram from "node:dgram";
import { isIPv6 } from "node:net";
import type { Logger } from "pino";
import { Counter, Histogram, type Registry } from "prom-client";
import type { ResolvedClient } from "../modules/network/network-clients.service.js";
import type { AccountingInput } from "../modules/network/network.types.js";
import type { SignalsService } from "../modules/network/signals.service.js";
import type { Clock } from "../lib/clock.js";
import {
  accountingResponse,
  type AccountingRecord,
  Code,
  decodeAccounting,
  decodePacket,
  type RadiusPacket,
  verifyAccountingRequest,
} from "./radius/index.js";
import { reusePortOption } from "./reuse-port.js";

/**
 * The RADIUS accounting edge (RFC 2866). A request is answered only after what it carries is
 * committed. Requests go into lanes by SIM (a hash of the IMSI, or of gateway and session without
 * one), so lanes never write the same rows; a lane stores whatever has queued for it in one
 * transaction as soon as its previous one committed (group commit, no timer), then answers every
 * request of it. An Accounting-On/Off (all of a gateway's sessions) waits until every lane has
 * stored what came before it, is stored alone, and what came after it waits for it. An unanswered gateway retransmits, so a crash loses
 * nothing; a retransmission — in flight or already answered — is recognised and never counted twice.
 * Packets from unknown addresses or with a wrong authenticator are dropped, counted and logged, never
 * answered or stored.
 */
export interface RadiusServerOptions {
  host: string;
  port: number;
  logger: Logger;
  registry: Registry;
  clock: Clock;
  signals: Pick<SignalsService, "recordAccounting">;
  clients: { version(): number; loadResolver(): Promise<(ip: string) => ResolvedClient | null> };
  /** Lanes, each committing one batch at a time: 1 for PGlite (one connection), a few for PostgreSQL. */
  parallelCommits: number;
  /** Most requests one lane stores in one transaction. */
  maxBatch?: number;
  /** Share the port with other Otter nodes on this host (SO_REUSEPORT; Node 22.12 or later). */
  reusePort?: boolean;
}

interface Pending {
  key: string;
  input: AccountingInput;
  packet: RadiusPacket;
  client: ResolvedClient;
  to: { address: string; port: number };
}

const RECENT_MS = 60_000;
const RECENT_MAX = 200_000;
const RELOAD_MS = 30_000;

/** What identifies a record whatever packet carried it (Acct-Delay-Time and the identifier change on resend). */
export function dedupeKey(clientId: string, r: AccountingRecord, receivedAt: Date): string {
  const sessionless =
    r.statusType.name === "accounting-on" || r.statusType.name === "accounting-off";
  // A resent On/Off carries a larger Acct-Delay-Time: the moment it describes stays the same.
  const when =
    r.eventTimestamp?.getTime() ??
    (sessionless ? Math.floor(eventTime(r, receivedAt).getTime() / 10_000) : "");
  return createHash("sha256")
    .update(
      JSON.stringify([
        clientId,
        r.statusType.code,
        r.sessionId ?? "",
        r.imsi ?? "",
        r.sessionTime ?? "",
        r.inputOctets ?? "",
        r.outputOctets ?? "",
        r.inputPackets ?? "",
        r.outputPackets ?? "",
        when,
        r.terminateCause?.code ?? "",
      ]),
    )
    .digest("base64url");
}

/** Event-Timestamp, or receipt minus Acct-Delay-Time; a clock running ahead is held to the receipt time. */
export function eventTime(r: AccountingRecord, receivedAt: Date): Date {
  const t = r.eventTimestamp ?? new Date(receivedAt.getTime() - (r.delayTime ?? 0) * 1000);
  return t.getTime() > receivedAt.getTime() + FUTURE_TOLERANCE_MS ? receivedAt : t;
}
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function toAccountingInput(
  clientId: string,
  r: AccountingRecord,
  receivedAt: Date,
): AccountingInput {
  const loc = r.userLocation;
  return {
    clientId,
    status: r.statusType.name,
    dedupeKey: dedupeKey(clientId, r, receivedAt),
    eventAt: eventTime(r, receivedAt),
    sessionId: r.sessionId,
    imsi: r.imsi,
    msisdn: r.callingStationId,
    nasIp: r.nasIp,
    apn: r.calledStationId,
    framedIp: r.framedIp,
    chargingId: r.chargingId,
    bytesUp: r.inputOctets,
    bytesDown: r.outputOctets,
    sessionTime: r.sessionTime,
    terminateCause: r.terminateCause
      ? (r.terminateCause.name ?? String(r.terminateCause.code))
      : undefined,
    rat: r.rat,
    ratCode: r.ratType?.code,
    serving: r.sgsnMccMnc ?? (loc?.mcc && loc.mnc ? { mcc: loc.mcc, mnc: loc.mnc } : undefined),
    location: loc
      ? Object.fromEntries(Object.entries(loc).filter(([, v]) => v !== undefined))
      : undefined,
    imeisv: r.imeisv,
    imei: r.imei,
    // Stored as JSON with the batch (one JSON.stringify of the rows): Dates become ISO strings there.
    record: r as unknown as Record<string, unknown>,
  };
}

/** The lane of a request: by IMSI, so all of a SIM's records go the same way; else by session. */
export function laneOf(input: AccountingInput, lanes: number): number {
  if (lanes <= 1) return 0;
  const key = input.imsi ?? `${input.clientId}|${input.sessionId ?? ""}`;
  // FNV-1a: cheap and evenly spread over IMSIs that differ only in their last digits.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}

const isGatewayRestart = (input: AccountingInput) =>
  input.status === "accounting-on" || input.status === "accounting-off";

export async function startRadiusServer(opts: RadiusServerOptions) {
  const log = opts.logger;
  const maxBatch = opts.maxBatch ?? 400;
  const laneCount = Math.max(1, opts.parallelCommits);
  const requests = new Counter({
    name: "otter_radius_requests_total",
    help: "Accounting-Requests answered, by outcome.",
    labelNames: ["outcome"] as const,
    registers: [opts.registry],
  });
  const dropped = new Counter({
    name: "otter_radius_dropped_total",
    help: "RADIUS packets dropped unanswered, by reason.",
    labelNames: ["reason"] as const,
    registers: [opts.registry],
  });
  const batchSize = new Histogram({
    name: "otter_radius_batch_size",
    help: "Requests per group commit.",
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers: [opts.registry],
  });
  const commitSeconds = new Histogram({
    name: "otter_radius_commit_seconds",
    help: "Time to store one group commit.",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [opts.registry],
  });

  let resolve = await opts.clients.loadResolver();
  let loadedVersion = opts.clients.version();
  let loadedAt = Date.now();
  let reloading: Promise<void> | null = null;
  const reload = () => {
    reloading ??= opts.clients
      .loadResolver()
      .then((r) => {
        resolve = r;
        loadedVersion = opts.clients.version();
        loadedAt = Date.now();
      })
      .catch((err) => log.error({ err }, "could not reload network clients"))
      .finally(() => {
        reloading = null;
      });
    return reloading;
  };

  const lastWarned = new Map<string, number>();
  function drop(reason: string, source: string, detail?: string) {
    dropped.inc({ reason });
    const k = `${reason}|${source}`;
    const now = Date.now();
    if ((lastWarned.get(k) ?? 0) < now - 60_000) {
      lastWarned.set(k, now);
      log.warn(
        { source, reason, detail },
        "RADIUS packet dropped (logged once a minute per source and reason)",
      );
    }
  }

  const inflight = new Map<string, Pending>();
  const recent = new Map<string, { response: Buffer; at: number }>();
  const lanes = Array.from({ length: laneCount }, () => ({ queue: [] as Pending[], busy: false }));
  /** Accounting-On/Off waiting for the lanes to drain (in arrival order), and whether they are being stored. */
  let barrier: Pending[] | null = null;
  let barrierRunning = false;
  /** What arrived after a waiting Accounting-On/Off, in arrival order: it goes on once that is stored. */
  let held: Pending[] = [];
  let closing = false;
  const idle: (() => void)[] = [];

  // Sharing the port (OTTER_REUSE_PORT), each node receives the packets of some gateways (the kernel
  // hashes source address and port), so a gateway's retransmission reaches the node holding it.
  const socket = dgram.createSocket({
    type: isIPv6(opts.host) ? "udp6" : "udp4",
    recvBufferSize: 8 * 1024 * 1024,
    ...reusePortOption(opts.reusePort),
  });

  function answer(p: Pending) {
    const response = accountingResponse(p.packet, p.client.secret);
    recent.set(p.key, { response, at: Date.now() });
    if (recent.size > RECENT_MAX) {
      for (const [k, v] of recent) {
        if (recent.size <= RECENT_MAX * 0.9 && v.at > Date.now() - RECENT_MS) break;
        recent.delete(k);
      }
    }
    socket.send(response, p.to.port, p.to.address);
  }

  async function commit(batch: Pending[]) {
    const started = process.hrtime.bigint();
    try {
      const outcomes = await opts.signals.recordAccounting(batch.map((p) => p.input));
      batch.forEach((p, i) => {
        requests.inc({ outcome: outcomes[i] ?? "stored" });
        answer(p);
      });
    } catch (err) {
      // One bad record must not hold back the others: store them one by one; what still fails stays
      // unanswered, so its gateway retransmits it.
      log.error(
        { err, size: batch.length },
        "group commit failed; storing its requests one by one",
      );
      for (const p of batch) {
        try {
          const [outcome] = await opts.signals.recordAccounting([p.input]);
          requests.inc({ outcome: outcome ?? "stored" });
          answer(p);
        } catch (e) {
          dropped.inc({ reason: "store_failed" });
          log.error(
            { err: e, sessionId: p.input.sessionId },
            "accounting request not stored; left unanswered for the gateway to retransmit",
          );
        }
      }
    } finally {
      for (const p of batch) inflight.delete(p.key);
      batchSize.observe(batch.length);
      commitSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  function enqueue(p: Pending) {
    if (barrier) {
      if (isGatewayRestart(p.input) && !barrierRunning && held.length === 0) barrier.push(p);
      else held.push(p);
    } else if (isGatewayRestart(p.input)) barrier = [p];
    else lanes[laneOf(p.input, laneCount)]!.queue.push(p);
  }

  const drained = () => lanes.every((l) => !l.busy && l.queue.length === 0);

  function pump() {
    for (const lane of lanes) {
      if (lane.busy || lane.queue.length === 0) continue;
      const batch = lane.queue.splice(0, maxBatch);
      lane.busy = true;
      void commit(batch).finally(() => {
        lane.busy = false;
        pump();
      });
    }
    if (barrier && !barrierRunning && drained()) {
      barrierRunning = true;
      void commit(barrier).finally(() => {
        barrier = null;
        barrierRunning = false;
        const after = held;
        held = [];
        for (const p of after) enqueue(p);
        pump();
      });
    }
    if (drained() && !barrier) idle.splice(0).forEach((f) => f());
  }

  socket.on("message", (msg, rinfo) => {
    if (closing) return;
    // A gateway registered a moment ago must not be dropped as unknown: reload first.
    if (opts.clients.version() !== loadedVersion) void reload().then(() => handle(msg, rinfo));
    else {
      if (Date.now() - loadedAt > RELOAD_MS) void reload();
      handle(msg, rinfo);
    }
  });

  function handle(msg: Buffer, rinfo: dgram.RemoteInfo, retried = false): void {
    if (closing) return;
    const client = resolve(rinfo.address);
    const verified =
      client &&
      msg.length >= 20 &&
      msg[0] === Code.AccountingRequest &&
      verifyAccountingRequest(msg, client.secret);
    if (!verified && !retried && Date.now() - loadedAt > 2000) {
      // Another node may have added the gateway or rotated its secret: look again before dropping.
      void reload().then(() => handle(msg, rinfo, true));
      return;
    }
    if (!client) return drop("unknown_client", rinfo.address);
    if (msg.length < 20 || msg[0] !== Code.AccountingRequest)
      return drop("not_accounting_request", rinfo.address);
    if (!verified) return drop("bad_authenticator", rinfo.address, client.name);
    const key = `${client.id}:${msg[1]}:${msg.subarray(4, 20).toString("hex")}`;
    const seen = recent.get(key);
    if (seen && seen.at > Date.now() - RECENT_MS) {
      requests.inc({ outcome: "retransmission" });
      socket.send(seen.response, rinfo.port, rinfo.address);
      return;
    }
    const pending = inflight.get(key);
    if (pending) {
      pending.to = { address: rinfo.address, port: rinfo.port };
      requests.inc({ outcome: "retransmission_in_flight" });
      return;
    }
    const packet = decodePacket(msg);
    if (!packet.ok) return drop("malformed", rinfo.address, packet.detail);
    const record = decodeAccounting(packet.value);
    if (!record.ok) return drop("malformed", rinfo.address, record.detail);
    const p: Pending = {
      key,
      packet: packet.value,
      client,
      to: { address: rinfo.address, port: rinfo.port },
      input: toAccountingInput(client.id, record.value, opts.clock.now()),
    };
    inflight.set(key, p);
    enqueue(p);
    pump();
  }
  socket.on("error", (err) => log.error({ err }, "RADIUS socket error"));

  await new Promise<void>((resolveBind, reject) => {
    socket.once("error", reject);
    socket.bind(opts.port, opts.host, () => {
      socket.off("error", reject);
      resolveBind();
    });
  });
  const port = socket.address().port;
  log.info({ host: opts.host, port }, "RADIUS accounting listening");

  return {
    port,
    /** Stops taking packets, stores what was received, answers it, then closes the socket. */
    async close(): Promise<void> {
      closing = true;
      pump();
      if (!drained() || barrier) await new Promise<void>((r) => idle.push(r));
      await new Promise<void>((r) => socket.close(() => r()));
    },
  };
}

export type RadiusServer = Awaited<ReturnType<typeof startRadiusServer>>;
