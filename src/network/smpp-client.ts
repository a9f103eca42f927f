import type { ConnectGuard } from "./outbound-guard.js";
import { commandStatusName, smpp, type SmppPdu, type SmppSession } from "./smpp.js";

/**
 * Otter's side of an SMS centre (SMSC): one SMPP 3.4 transceiver bind per centre and Otter node
 * (bind_transceiver, so delivery receipts come back on the same link), kept up with enquire_link
 * every 30 s, re-established with exponential backoff (1 s … 60 s) when it drops, and closed with an
 * unbind. submit_sm asks for a delivery receipt (registered_delivery 1); the SMSC's deliver_sm
 * receipts are parsed and handed to `onReceipt`, and answered (deliver_sm_resp) only once stored,
 * so a receipt Otter could not store is sent again by the SMSC.
 */
export interface SmppCentre {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType: string;
  sourceAddress: string;
}

export interface DeliveryReceipt {
  messageId: string;
  /** DELIVRD, UNDELIV, EXPIRED, DELETED, REJECTD, UNKNOWN, ACCEPTD, ENROUTE. */
  stat: string;
  err: string | null;
  doneAt: string | null;
  text: string | null;
}

export interface SubmitSegment {
  destination: string;
  dataCoding: number;
  esmClass: number;
  shortMessage: Buffer;
}

export class SmppError extends Error {
  constructor(
    readonly kind: "unreachable" | "bind_refused" | "rejected" | "timeout" | "closed",
    message: string,
    readonly commandStatus?: number,
  ) {
    super(message);
  }
}

const ENQUIRE_LINK_MS = 30_000;
const RESPONSE_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;
const BACKOFF_MS = [1_000, 2_000, 5_000, 15_000, 30_000, 60_000];
/** A bound link that hears nothing (not even enquire_link_resp) for this long is dropped and rebound. */
const SILENCE_MS = 3 * ENQUIRE_LINK_MS + 5_000;

const MESSAGE_STATES: Record<number, string> = {
  1: "ENROUTE",
  2: "DELIVRD",
  3: "EXPIRED",
  4: "DELETED",
  5: "UNDELIV",
  6: "ACCEPTD",
  7: "UNKNOWN",
  8: "REJECTD",
};

const text = (v: unknown): string | null => {
  if (typeof v === "string") return v;
  if (Buffer.isBuffer(v)) return v.toString("latin1");
  if (v && typeof v === "object" && "message" in v)
    return text((v as { message: unknown }).message);
  return null;
};

/**
 * Reads an SMSC delivery receipt: the receipted_message_id / message_state TLVs when the SMSC sends
 * them (SMPP 3.4 §5.3.2.12, §5.3.2.35), otherwise the de-facto text of Appendix B
 * (`id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…`). Null when it is not one.
 */
export function parseReceipt(pdu: {
  esm_class?: unknown;
  short_message?: unknown;
  receipted_message_id?: unknown;
  message_state?: unknown;
}): DeliveryReceipt | null {
  const esm = typeof pdu.esm_class === "number" ? pdu.esm_class : 0;
  if ((esm & 0x3c) !== 0x04) return null;
  const body = text(pdu.short_message) ?? "";
  const field = (name: string) =>
    new RegExp(`(?:^|\\s)${name}:(\\S*)`, "i").exec(body)?.[1] ?? null;
  const tlvId =
    typeof pdu.receipted_message_id === "string"
      ? pdu.receipted_message_id.replace(/\0+$/, "")
      : null;
  const messageId = tlvId || field("id");
  const state =
    typeof pdu.message_state === "number" ? MESSAGE_STATES[pdu.message_state] : undefined;
  const stat = (state ?? field("stat") ?? "").toUpperCase();
  if (!messageId || !/^[A-Z]{5,8}$/.test(stat)) return null;
  return {
    messageId: messageId.slice(0, 65),
    stat,
    err: field("err"),
    doneAt: /done date:(\d{10,12})/i.exec(body)?.[1] ?? null,
    text: /text:(.*)$/is.exec(body)?.[1]?.slice(0, 160) ?? null,
  };
}

export class SmppLink {
  private session: SmppSession | null = null;
  private bound: Promise<SmppSession> | null = null;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The last reason the link is down, for the SMS's error. */
  lastError: string | null = null;

  /** `guard` checks the centre's address before connecting (Otter passes the operator's; tests of the codec may leave it out). */
  constructor(
    private readonly centre: SmppCentre,
    private readonly opts: {
      onReceipt: (r: DeliveryReceipt) => Promise<void>;
      log?: (msg: string, err?: unknown) => void;
      guard?: ConnectGuard;
    },
  ) {}

  /** Connects and binds (or waits for the bind in progress); rejects with SmppError. */
  connect(): Promise<SmppSession> {
    if (this.closed) return Promise.reject(new SmppError("closed", "The SMPP link is closed."));
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.bound ??= this.open().catch((err: unknown) => {
      this.bound = null;
      this.lastError = (err as Error).message;
      this.scheduleReconnect();
      throw err;
    });
    return this.bound;
  }

  /** Binds when the link is down and no reconnect is already waiting for its backoff. */
  keepUp(): void {
    if (this.bound || this.retryTimer || this.closed) return;
    this.connect().catch(() => {});
  }

  private open(): Promise<SmppSession> {
    const c = this.centre;
    const guard = this.opts.guard;
    try {
      guard?.checkLiteral(c.host);
    } catch (err) {
      return Promise.reject(
        new SmppError(
          "unreachable",
          `SMS centre ${c.host}:${c.port} is not reachable: ${(err as Error).message}`,
        ),
      );
    }
    return new Promise<SmppSession>((resolve, reject) => {
      let settled = false;
      // node-smpp hands these options to net.connect: the guard's lookup pins the socket to the checked address.
      const session = smpp.connect({
        host: c.host,
        port: c.port,
        auto_enquire_link_period: ENQUIRE_LINK_MS,
        ...(guard && { lookup: guard.lookup }),
      });
      const fail = (err: SmppError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        session.destroy();
        reject(err);
      };
      const timer = setTimeout(
        () =>
          fail(
            new SmppError(
              "timeout",
              `SMS centre ${c.host}:${c.port} did not answer the bind within ${(CONNECT_TIMEOUT_MS + RESPONSE_TIMEOUT_MS) / 1000} s.`,
            ),
          ),
        CONNECT_TIMEOUT_MS + RESPONSE_TIMEOUT_MS,
      );
      session.on("error", (err: NodeJS.ErrnoException) => {
        if (!settled) {
          const why =
            err.name === "DestinationRefused" ? err.message : `${err.code ?? err.message}.`;
          fail(
            new SmppError("unreachable", `SMS centre ${c.host}:${c.port} is unreachable: ${why}`),
          );
        } else {
          // A socket error or a PDU node-smpp cannot decode (it stops reading then): start afresh.
          this.opts.log?.("SMPP link error; binding again", err);
          session.destroy();
        }
      });
      let heard = Date.now();
      session.on("pdu", () => {
        heard = Date.now();
      });
      const watchdog = setInterval(() => {
        if (Date.now() - heard > SILENCE_MS) {
          this.opts.log?.(
            `SMS centre ${c.host}:${c.port} silent for ${SILENCE_MS / 1000} s; binding again`,
          );
          session.destroy();
        }
      }, ENQUIRE_LINK_MS);
      watchdog.unref();
      session.on("close", () => clearInterval(watchdog));
      session.on("connect", () => {
        session.bind_transceiver(
          {
            system_id: c.systemId,
            password: c.password,
            system_type: c.systemType,
            interface_version: 0x34,
          },
          (resp) => {
            if (resp.command_status !== smpp.ESME_ROK)
              return fail(
                new SmppError(
                  "bind_refused",
                  `SMS centre ${c.host}:${c.port} refused the bind as "${c.systemId}": ${commandStatusName(resp.command_status)}.`,
                ),
              );
            settled = true;
            clearTimeout(timer);
            this.session = session;
            this.failures = 0;
            this.lastError = null;
            resolve(session);
          },
        );
      });
      session.on("close", () => {
        if (!settled)
          return fail(
            new SmppError(
              "unreachable",
              `SMS centre ${c.host}:${c.port} closed the connection before the bind.`,
            ),
          );
        if (this.session !== session) return;
        this.session = null;
        this.bound = null;
        this.lastError = `The link to SMS centre ${c.host}:${c.port} dropped.`;
        this.scheduleReconnect();
      });
      session.on("deliver_sm", (pdu: SmppPdu) => {
        const receipt = parseReceipt(pdu as Parameters<typeof parseReceipt>[0]);
        if (!receipt) {
          // A mobile-originated SMS: Otter takes none yet; accept it so the SMSC does not retry.
          session.send(pdu.response());
          return;
        }
        this.opts.onReceipt(receipt).then(
          () => session.send(pdu.response()),
          (err: unknown) => {
            this.opts.log?.("delivery receipt not stored; the SMSC will send it again", err);
            session.send(pdu.response({ command_status: smpp.ESME_RSYSERR }));
          },
        );
      });
      session.on("enquire_link", (pdu: SmppPdu) => session.send(pdu.response()));
      session.on("unbind", (pdu: SmppPdu) => {
        session.send(pdu.response());
        session.close();
      });
    });
  }

  private scheduleReconnect() {
    if (this.closed || this.retryTimer) return;
    const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)]!;
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch(() => {});
    }, delay);
    this.retryTimer.unref();
  }

  /** Submits the segments in order; resolves with the SMSC's message id of each. */
  async submit(segments: SubmitSegment[]): Promise<string[]> {
    const session = await this.connect();
    const ids: string[] = [];
    for (const s of segments) {
      const resp = await new Promise<SmppPdu>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new SmppError(
                "timeout",
                `SMS centre ${this.centre.host}:${this.centre.port} did not answer submit_sm within ${RESPONSE_TIMEOUT_MS / 1000} s.`,
              ),
            ),
          RESPONSE_TIMEOUT_MS,
        );
        const sent = session.submit_sm(
          {
            source_addr_ton: 1,
            source_addr_npi: 1,
            source_addr: this.centre.sourceAddress,
            dest_addr_ton: 1,
            dest_addr_npi: 1,
            destination_addr: s.destination,
            esm_class: s.esmClass,
            data_coding: s.dataCoding,
            registered_delivery: 1,
            short_message: s.shortMessage,
          },
          (pdu) => {
            clearTimeout(timer);
            resolve(pdu);
          },
        );
        if (!sent) {
          clearTimeout(timer);
          reject(
            new SmppError(
              "closed",
              `The link to SMS centre ${this.centre.host}:${this.centre.port} is not writable.`,
            ),
          );
        }
      });
      if (resp.command_status !== smpp.ESME_ROK)
        throw new SmppError(
          "rejected",
          `SMS centre refused submit_sm: ${commandStatusName(resp.command_status)}.`,
          resp.command_status,
        );
      ids.push(String(resp.message_id ?? "").replace(/\0+$/, ""));
    }
    return ids;
  }

  /** Unbinds (waiting up to a second for unbind_resp) and closes; no reconnect after this. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const session = this.session;
    this.session = null;
    if (!session) {
      await this.bound?.then(
        (s) => s.destroy(),
        () => {},
      );
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        session.destroy();
        resolve();
      }, 1000);
      const ok = session.unbind({}, () => {
        clearTimeout(timer);
        session.close(() => resolve());
      });
      if (!ok) {
        clearTimeout(timer);
        session.destroy();
        resolve();
      }
    });
  }
}
