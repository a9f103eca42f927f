/**
 * Calibration only (`--engines echo`): a bare UDP responder in its own process that checks each
 * Accounting-Request's authenticator with Otter's codec and answers it at once, storing nothing.
 * What the load generator reaches against it is the generator's own ceiling on this machine.
 *
 *   node --import tsx bench/radius/echo-server.ts <secret>   → prints the port it listens on
 */
import dgram from "node:dgram";
import {
  accountingResponse,
  decodePacket,
  verifyAccountingRequest,
} from "../../src/network/radius/index.js";

const secret = process.argv[2];
if (!secret) throw new Error("usage: echo-server.ts <secret>");
const socket = dgram.createSocket({ type: "udp4", recvBufferSize: 8 * 1024 * 1024 });
socket.on("message", (msg, rinfo) => {
  if (!verifyAccountingRequest(msg, secret)) return;
  const p = decodePacket(msg);
  if (!p.ok) return;
  socket.send(accountingResponse(p.value, secret), rinfo.port, rinfo.address);
});
socket.bind(0, "127.0.0.1", () => process.stdout.write(`${socket.address().port}\n`));
process.on("SIGTERM", () => socket.close(() => process.exit(0)));
