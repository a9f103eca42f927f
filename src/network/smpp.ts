import { createRequire } from "node:module";
import type { EventEmitter } from "node:events";
import type { Server } from "node:net";

/**
 * node-smpp (npm `smpp`, farhadi/node-smpp, MIT): SMPP 3.4 client and server sessions, PDU
 * encoding and decoding. It ships no TypeScript types; this is the part of its surface Otter uses.
 */
export interface SmppPdu {
  command: string;
  command_status: number;
  sequence_number: number;
  [field: string]: unknown;
  response(options?: Record<string, unknown>): SmppPdu;
}

export interface SmppSession extends EventEmitter {
  socket: import("node:net").Socket;
  send(pdu: SmppPdu, responseCallback?: (pdu: SmppPdu) => void): boolean;
  close(callback?: () => void): void;
  destroy(callback?: () => void): void;
  bind_transceiver(options: Record<string, unknown>, cb: (pdu: SmppPdu) => void): boolean;
  submit_sm(options: Record<string, unknown>, cb: (pdu: SmppPdu) => void): boolean;
  deliver_sm(options: Record<string, unknown>, cb: (pdu: SmppPdu) => void): boolean;
  enquire_link(options: Record<string, unknown>, cb: (pdu: SmppPdu) => void): boolean;
  unbind(options: Record<string, unknown>, cb: (pdu: SmppPdu) => void): boolean;
}

export interface SmppServer extends Server {
  sessions: SmppSession[];
}

const require = createRequire(import.meta.url);
const lib = require("smpp") as {
  connect(options: {
    host: string;
    port: number;
    auto_enquire_link_period?: number;
    connectTimeout?: number;
    lookup?: import("node:net").LookupFunction;
  }): SmppSession;
  createServer(
    options: Record<string, unknown>,
    listener: (session: SmppSession) => void,
  ): SmppServer;
  ESME_ROK: number;
  ESME_RBINDFAIL: number;
  ESME_RINVPASWD: number;
  ESME_RINVSYSID: number;
  ESME_RINVDSTADR: number;
  ESME_RSYSERR: number;
  ESME_RINVBNDSTS: number;
  errors: Record<string, number>;
};

export const smpp = lib;

/** The name of an SMPP command_status (ESME_RBINDFAIL…), for people reading a failure. */
export function commandStatusName(status: number): string {
  const name = Object.entries(lib.errors).find(([, v]) => v === status)?.[0];
  return `${name ?? "unknown"} (0x${status.toString(16).padStart(8, "0")})`;
}
