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
 * committed: requests are gathered for a few milliseconds and stored in one transaction (group
 * commit), then every one of them is answered. An unanswered gateway retransmits, so a crash loses
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
  /** Batches committed at once: 1 for PGlite (one connection), a few for PostgreSQL. */
  parallelCommits: number;
  maxBatch?: number;
  maxWaitMs?: number;
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
    record: JSON.parse(JSON.stringify(r)) as Record<string, unknown>,
  };
}

export async function startRadiusServer(opts: RadiusServerOptions) {
  const log = opts.logger;
  const maxBatch = opts.maxBatch ?? 500;
  const maxWaitMs = opts.maxWaitMs ?? 2;
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
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = 0;
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

  function pump() {
    while (queue.length > 0 && running < opts.parallelCommits) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      running++;
      void commit(batch).finally(() => {
        running--;
        pump();
        if (running === 0 && queue.length === 0) idle.splice(0).forEach((f) => f());
      });
    }
  }

  function schedule() {
    if (queue.length >= maxBatch) {
      if (timer) clearTimeout(timer);
      timer = null;
      pump();
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        pump();
      }, maxWaitMs);
    }
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
    queue.push(p);
    schedule();
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
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      pump();
      if (running > 0 || queue.length > 0) await new Promise<void>((r) => idle.push(r));
      await new Promise<void>((r) => socket.close(() => r()));
    },
  };
}

export type RadiusServer = Awaited<ReturnType<typeof startRadiusServer>>;
