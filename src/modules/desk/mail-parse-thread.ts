import { Worker } from "node:worker_threads";
import type { IntakeAttachment, ParsedIntake } from "./mail-intake.js";
import type { RawMessage } from "./raw-message.js";

/** A parse that takes longer than this is abandoned (the worker is replaced) and the mail kept raw. */
const PARSE_TIMEOUT_MS = 120_000;

export interface MailParser {
  /** Parses a message off the event loop; rejects when the worker fails or runs out of time. */
  parse(raw: RawMessage): Promise<ParsedIntake>;
  close(): Promise<void>;
}

interface Pending {
  raw: RawMessage;
  resolve: (p: ParsedIntake) => void;
  reject: (e: Error) => void;
}

/**
 * mailparser on a worker thread. Measured on the main thread, a 16 MB message held the event loop
 * for up to 130 ms at a time (MIME decoding, charset conversion, HTML to text) — long enough to miss
 * the 100 ms Otter promises `/healthz` and RADIUS. Messages queue and are parsed one at a time;
 * the SMTP listener's connection caps bound the queue.
 */
export function createMailParser(): MailParser {
  let worker: Worker | null = null;
  let ready: Promise<Worker> | null = null;
  let current: (Pending & { id: number; timer: NodeJS.Timeout }) | null = null;
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function start(): Promise<Worker> {
    if (ready) return ready;
    const here = import.meta.url;
    const file = new URL(
      here.endsWith(".ts") ? "./mail-parse.worker.ts" : "./mail-parse.worker.js",
      here,
    ).href;
    // Node 20 does not carry `--import tsx` into workers: from source, the worker registers tsx itself.
    const boot = here.endsWith(".ts")
      ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(file)}); })`
      : `import(${JSON.stringify(file)})`;
    const w = new Worker(boot, { eval: true });
    w.unref();
    ready = new Promise<Worker>((resolve, reject) => {
      w.once("message", (m) =>
        m === "ready"
          ? resolve(w)
          : reject(new Error(`mail parser worker: unexpected ${String(m)}`)),
      );
      w.once("error", reject);
    });
    w.on("message", (m: { id: number; parsed?: ParsedIntake; error?: string } | "ready") => {
      if (m === "ready" || !current || m.id !== current.id) return;
      const done = current;
      current = null;
      clearTimeout(done.timer);
      if (m.parsed) done.resolve(revive(m.parsed));
      else done.reject(new Error(`mail parser: ${m.error}`));
      pump();
    });
    w.on("error", (err) => fail(w, err));
    w.on("exit", (code) => fail(w, new Error(`mail parser worker exited with code ${code}`)));
    worker = w;
    return ready;
  }

  /** The worker died or hung: the message it had fails (the caller keeps it raw), the next one gets a new worker. */
  function fail(w: Worker, err: Error) {
    if (worker !== w) return;
    worker = null;
    ready = null;
    const done = current;
    current = null;
    if (done) {
      clearTimeout(done.timer);
      done.reject(err);
    }
    if (!closed) pump();
  }

  function pump() {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) return;
    const id = nextId++;
    const timer = setTimeout(() => {
      const w = worker;
      if (w) {
        fail(w, new Error(`mail parser: no result within ${PARSE_TIMEOUT_MS} ms`));
        void w.terminate();
      }
    }, PARSE_TIMEOUT_MS);
    current = { ...job, id, timer };
    start().then(
      (w) => {
        if (current?.id === id) w.postMessage({ id, parts: job.raw.parts() });
      },
      (err: Error) => {
        if (worker) fail(worker, err);
      },
    );
  }

  return {
    parse(raw) {
      if (closed) return Promise.reject(new Error("mail parser is closed"));
      return new Promise<ParsedIntake>((resolve, reject) => {
        queue.push({ raw, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("mail parser is closed"));
      const w = worker;
      worker = null;
      if (current) {
        clearTimeout(current.timer);
        current.reject(new Error("mail parser is closed"));
        current = null;
      }
      await w?.terminate();
    },
  };
}

/** Structured cloning turns Buffers into plain Uint8Arrays; the desk wants Buffers back. */
function revive(p: ParsedIntake): ParsedIntake {
  const attachments = p.attachments.map((a): IntakeAttachment => ({
    ...a,
    content: a.content
      ? Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength)
      : null,
  }));
  return { ...p, attachments };
}
