import { parentPort } from "node:worker_threads";
import { parseForDesk } from "./mail-intake.js";

/**
 * The worker thread of the mail parser (mail-parse-thread.ts): mailparser, iconv-lite and
 * html-to-text run here, away from the event loop that answers HTTP and RADIUS. One message at a time.
 */
parentPort!.on("message", async (msg: { id: number; parts: Uint8Array[] }) => {
  // The parts are views of the listener's shared memory: joining them here costs the event loop nothing.
  const raw = Buffer.concat(msg.parts);
  let parsed;
  try {
    parsed = await parseForDesk(raw);
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: String(err) });
    return;
  }
  // Attachment bytes move to the main thread without a copy when they own their memory.
  const transfer = parsed.attachments.flatMap((a) =>
    a.content && a.content.byteOffset === 0 && a.content.byteLength === a.content.buffer.byteLength
      ? [a.content.buffer as ArrayBuffer]
      : [],
  );
  parentPort!.postMessage({ id: msg.id, parsed }, [...new Set(transfer)]);
});
parentPort!.postMessage("ready");
