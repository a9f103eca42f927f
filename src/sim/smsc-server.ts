import { smpp, type SmppPdu, type SmppSession } from "../network/smpp.js";

/**
 * The simulated SMS centre (SMSC): an SMPP 3.4 server (node-smpp's server side) that Otter binds
 * to. It accepts binds with the configured system_id and password (ESME_RINVSYSID /
 * ESME_RINVPASWD otherwise), answers enquire_link and unbind, takes submit_sm (ESME_RINVBNDSTS
 * before a bind), hands each complete SMS (concatenated segments reassembled) to the simulated
 * device with that MSISDN, and sends a deliver_sm delivery receipt per segment when asked for one:
 * `stat:DELIVRD`, or `stat:UNDELIV` when the device is off (err 027, absent subscriber) or unknown
 * (err 001). A receipt that finds no bound transceiver waits for the next bind, as SMSCs do.
 */
export type SmsDelivery = "delivered" | "absent" | "unknown";

export interface SmsMessage {
  msisdn: string;
  from: string;
  dataCoding: number;
  text: string | null;
  payload: Buffer;
}

export interface SmscStats {
  binds: number;
  refusedBinds: number;
  submits: number;
  delivered: number;
  undelivered: number;
  receiptsSent: number;
}

export interface SmscServer {
  host: string;
  port: number;
  stats(): SmscStats;
  /** Closes the listener and drops every bound session (an SMSC outage, for tests). */
  close(): Promise<void>;
}

export interface SmscOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  deliver: (sms: SmsMessage) => SmsDelivery;
  /** While true, receipts wait as if no receiver were bound (tests of a silent SMSC). */
  holdReceipts?: () => boolean;
}

const BIND_COMMANDS = ["bind_transceiver", "bind_transmitter", "bind_receiver"] as const;
const stamp = (d: Date) => d.toISOString().replace(/[-T:]/g, "").slice(2, 12);

export async function startSmscServer(opts: SmscOptions): Promise<SmscServer> {
  const stats: SmscStats = {
    binds: 0,
    refusedBinds: 0,
    submits: 0,
    delivered: 0,
    undelivered: 0,
    receiptsSent: 0,
  };
  let nextId = 0x5a000;
  const bound = new Map<SmppSession, "bind_transceiver" | "bind_transmitter" | "bind_receiver">();
  const pendingReceipts: Record<string, unknown>[] = [];
  const parts = new Map<string, { got: Map<number, string | Buffer>; total: number }>();

  const receiver = (): SmppSession | null => {
    for (const [s, kind] of bound) if (kind !== "bind_transmitter" && s.socket.writable) return s;
    return null;
  };
  const sendReceipt = (receipt: Record<string, unknown>) => {
    const s = opts.holdReceipts?.() ? null : receiver();
    if (!s) {
      pendingReceipts.push(receipt);
      return;
    }
    s.deliver_sm(receipt, (resp) => {
      if (resp.command_status === smpp.ESME_ROK) stats.receiptsSent++;
      else pendingReceipts.push(receipt); // the ESME could not store it: offer it again later
    });
  };
  const flushReceipts = () => {
    const waiting = pendingReceipts.splice(0);
    for (const r of waiting) sendReceipt(r);
  };

  const server = smpp.createServer({}, (session: SmppSession) => {
    session.on("error", () => session.destroy());
    session.on("close", () => bound.delete(session));
    for (const command of BIND_COMMANDS) {
      session.on(command, (pdu: SmppPdu) => {
        const status =
          pdu.system_id !== opts.systemId
            ? smpp.ESME_RINVSYSID
            : pdu.password !== opts.password
              ? smpp.ESME_RINVPASWD
              : smpp.ESME_ROK;
        session.send(pdu.response({ command_status: status, system_id: "OTTERSIM" }));
        if (status !== smpp.ESME_ROK) {
          stats.refusedBinds++;
          return;
        }
        stats.binds++;
        bound.set(session, command);
        if (command !== "bind_transmitter") setImmediate(flushReceipts);
      });
    }
    session.on("enquire_link", (pdu: SmppPdu) => session.send(pdu.response()));
    session.on("unbind", (pdu: SmppPdu) => {
      bound.delete(session);
      session.send(pdu.response());
      session.close();
    });
    session.on("submit_sm", (pdu: SmppPdu) => {
      const kind = bound.get(session);
      if (!kind || kind === "bind_receiver") {
        session.send(pdu.response({ command_status: smpp.ESME_RINVBNDSTS }));
        return;
      }
      const msisdn = String(pdu.destination_addr ?? "").replace(/^\+/, "");
      if (!/^[0-9]{5,15}$/.test(msisdn)) {
        session.send(pdu.response({ command_status: smpp.ESME_RINVDSTADR }));
        return;
      }
      stats.submits++;
      const messageId = (nextId++).toString(16).toUpperCase();
      session.send(pdu.response({ message_id: messageId }));
      const submittedAt = new Date();
      // node-smpp has decoded short_message into { udh, message } (text for GSM-7 and UCS-2).
      const sm = pdu.short_message as
        { udh?: Buffer[]; message?: string | Buffer } | Buffer | undefined;
      const dataCoding = Number(pdu.data_coding ?? 0);
      const body: string | Buffer = Buffer.isBuffer(sm) ? sm : (sm?.message ?? "");
      const ie = Buffer.isBuffer(sm)
        ? undefined
        : sm?.udh?.find((u) => u[0] === 0x00 && u[1] === 3);
      const deliver = (content: (string | Buffer)[]) => {
        const text = content.every((c) => typeof c === "string") ? content.join("") : null;
        const payload =
          text === null
            ? Buffer.concat(content.map((c) => (typeof c === "string" ? Buffer.from(c) : c)))
            : Buffer.from(text);
        return opts.deliver({
          msisdn,
          from: String(pdu.source_addr ?? ""),
          dataCoding,
          text,
          payload,
        });
      };
      let outcome: SmsDelivery;
      if (ie && ie[3]! > 1) {
        const [ref, total, seq] = [ie[2]!, ie[3]!, ie[4]!];
        const key = `${msisdn}/${ref}/${total}`;
        const entry = parts.get(key) ?? { got: new Map<number, string | Buffer>(), total };
        parts.set(key, entry);
        entry.got.set(seq, body);
        if (entry.got.size < entry.total) outcome = "delivered";
        else {
          parts.delete(key);
          outcome = deliver([...entry.got.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b));
        }
      } else outcome = deliver([body]);
      if (outcome === "delivered") stats.delivered++;
      else stats.undelivered++;
      if ((Number(pdu.registered_delivery ?? 0) & 0x03) === 0) return;
      const stat = outcome === "delivered" ? "DELIVRD" : "UNDELIV";
      const err = outcome === "delivered" ? "000" : outcome === "absent" ? "027" : "001";
      const done = new Date();
      // After the submit_sm_resp, as a real SMSC's delivery always is.
      setImmediate(() =>
        sendReceipt({
          source_addr: msisdn,
          destination_addr: String(pdu.source_addr ?? ""),
          esm_class: 0x04,
          data_coding: 0,
          short_message: `id:${messageId} sub:001 dlvrd:${stat === "DELIVRD" ? "001" : "000"} submit date:${stamp(submittedAt)} done date:${stamp(done)} stat:${stat} err:${err} text:`,
          receipted_message_id: messageId,
          message_state: stat === "DELIVRD" ? 2 : 5,
        }),
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    host: opts.host,
    port,
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of [...server.sessions]) s.destroy();
      }),
  };
}
