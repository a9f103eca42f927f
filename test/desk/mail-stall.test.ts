import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import dgram from "node:dgram";
import { Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  A3gpp,
  accountingRequest,
  attr,
  Attr,
  verifyAccountingResponse,
} from "../../src/network/radius/index.js";
import { TEST_ENGINE } from "../support/engine.js";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import {
  addMailbox,
  casesFrom,
  deliver,
  getCase,
  msgId,
  rfc822,
  smtpDialogue,
} from "./desk-support.js";

const SUPPORT = "support@otter.example";
const SECRET = "pgw-shared-secret";
const LIMIT = 25 * 1024 * 1024;
const MiB = 1024 * 1024;

/** A multipart mail of exactly `total` bytes: a long text body, an HTML body and a binary attachment. */
function largeMail(total: number, attachment: Buffer, id: string): Buffer {
  const b = "----=_otter_boundary";
  const base64 = attachment.toString("base64").replace(/.{76}/g, "$&\r\n");
  const head = rfc822(
    {
      From: "Bea Keeper <bea@zoo.example>",
      To: SUPPORT,
      Subject: "Collar logs for the whole herd",
      "Message-ID": id,
      "MIME-Version": "1.0",
      "Content-Type": `multipart/mixed; boundary="${b}"`,
    },
    "",
  );
  const html = `<html><body>${"<p>Collar 12 rebooted at dawn, then again at noon.</p>\r\n".repeat(40_000)}</body></html>`;
  const parts = (text: string) =>
    Buffer.from(
      [
        head,
        `--${b}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n${text}\r\n`,
        `--${b}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n${html}\r\n`,
        `--${b}\r\nContent-Type: application/octet-stream; name="herd.bin"\r\nContent-Disposition: attachment; filename="herd.bin"\r\n` +
          `Content-Transfer-Encoding: base64\r\n\r\n${base64}\r\n`,
        `--${b}--\r\n`,
      ].join(""),
    );
  const line = "The collar of animal 4711 lost its data session again; log attached.\r\n";
  const fixed = parts("").length;
  const text = line.repeat(Math.floor((total - fixed) / line.length));
  const mail = parts(text + "x".repeat(total - fixed - text.length));
  expect(mail.length).toBe(total);
  return mail;
}

/**
 * Sends a message with nodemailer from a separate process, as a real MTA would: the client's own work
 * (reading the file, dot-stuffing 25 MB) must not count against the event loop of the Otter under test.
 */
async function deliverFromAnotherProcess(
  port: number,
  raw: Buffer,
  envelope: { from: string; to: string[] },
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "otter-mail-"));
  const file = join(dir, "mail.eml");
  writeFileSync(file, raw);
  const script = `
    const nodemailer = (await import(${JSON.stringify(import.meta.resolve("nodemailer"))})).default;
    const fs = await import("node:fs");
    const t = nodemailer.createTransport({ host: "127.0.0.1", port: ${port}, secure: false, ignoreTLS: true, socketTimeout: 240000 });
    const info = await t.sendMail({ envelope: ${JSON.stringify(envelope)}, raw: fs.readFileSync(${JSON.stringify(file)}) });
    process.stdout.write(info.response);`;
  try {
    return await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      child.stderr.on("data", (d) => {
        err += d;
      });
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve(out) : reject(new Error(`sender exited with ${code}: ${err}`)),
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("a mail just under the accepted size does not stall HTTP or RADIUS", () => {
  let t: TestOtter;
  let socket: dgram.Socket;
  let imsi: string;

  beforeAll(async () => {
    // On disk, as Otter runs PGlite (see createTestDatabase: the in-memory file system stalls by itself).
    t = await startOtter({}, { startWorkers: false, pgliteOnDisk: true });
    await addMailbox(t, SUPPORT);
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw", address: "127.0.0.1", secret: SECRET },
    });
    const cat = await buildCatalog(t);
    const c = await buildCustomer(t);
    await offer(t, cat, c.account.id);
    imsi = (
      await buildSim(t, {
        accountId: c.account.id,
        state: "ACTIVATED",
        communicationPlan: cat.comm.id,
        ratePlan: cat.rate.id,
      })
    ).imsi;
    socket = dgram.createSocket("udp4");
    await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
  });
  afterAll(async () => {
    socket?.close();
    await t?.close();
  });

  let ident = 0;
  /** One Accounting-Request (an Interim-Update of a live session); resolves with the answer's delay in ms. */
  function accounting(): Promise<number> {
    const identifier = ident++ % 256;
    const packet = accountingRequest({
      identifier,
      secret: SECRET,
      attributes: [
        attr.uint32(Attr.AcctStatusType, ident === 1 ? 1 : 3),
        attr.string(Attr.AcctSessionId, "stall-1"),
        attr.ipv4(Attr.NasIpAddress, "127.0.0.1"),
        attr.string(Attr.CalledStationId, "iot.otter.example"),
        attr.vsa3gpp(A3gpp.Imsi, imsi),
        attr.vsa3gpp(A3gpp.SgsnMccMnc, "20801"),
        attr.uint32(Attr.AcctInputOctets, ident * 100),
        attr.uint32(Attr.AcctOutputOctets, ident * 10),
      ],
    });
    return new Promise((resolve, reject) => {
      const start = performance.now();
      const timer = setTimeout(() => {
        socket.off("message", on);
        reject(new Error("no RADIUS answer within 5 s"));
      }, 5000);
      const on = (msg: Buffer) => {
        if (msg[1] !== identifier) return;
        clearTimeout(timer);
        socket.off("message", on);
        expect(verifyAccountingResponse(msg, packet.subarray(4, 20), SECRET)).toBe(true);
        resolve(performance.now() - start);
      };
      socket.on("message", on);
      socket.send(packet, t.otter.radiusPort!, "127.0.0.1");
    });
  }

  async function health(): Promise<number> {
    const start = performance.now();
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    await res.text();
    return performance.now() - start;
  }

  it("answers /healthz and RADIUS within 100 ms while the mail is received, parsed and stored, and files it whole", async () => {
    const ehlo = await smtpDialogue(t.otter.smtpPort!, ["EHLO client.example", "QUIT"]);
    expect(ehlo).toMatch(new RegExp(`250[- ]SIZE ${LIMIT}\\r\\n`));

    const attachment = randomBytes(9 * MiB);
    const id = msgId("stall");
    // The client ends the message with CRLF . CRLF; the listener counts the message without the dot.
    const mail = largeMail(LIMIT - 1024, attachment, id);
    // A running desk has filed mail before: the first transaction of a fresh database plans its queries.
    await deliver(
      t,
      rfc822(
        { From: "bea@zoo.example", To: SUPPORT, Subject: "Hello", "Message-ID": msgId("warm") },
        "First mail.",
      ),
      { from: "bea@zoo.example", to: [SUPPORT] },
    );
    await health();
    await accounting();

    const health_ms: number[] = [];
    const radius_ms: number[] = [];
    let done = false;
    const sending = deliverFromAnotherProcess(t.otter.smtpPort!, mail, {
      from: "bea@zoo.example",
      to: [SUPPORT],
    }).finally(() => {
      done = true;
    });
    const probing = (async () => {
      while (!done) {
        health_ms.push(await health());
        radius_ms.push(await accounting());
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const response = await sending;
    await probing;
    expect(response).toMatch(/^250 /);

    // Probes ran through the whole intake (reading the DATA, parsing, storing), not just its start.
    expect(health_ms.length).toBeGreaterThan(10);
    // Every answer within 100 ms on PostgreSQL. On PGlite every statement runs on Otter's event loop
    // (a RADIUS Interim alone holds it 15–35 ms), so the 95th percentile is held to 100 ms and every
    // answer to 250 ms; measured on this machine, idle, every answer stayed under 100 ms on both
    // (docs/benchmarks.md, "Mail intake"). Before the fix one mail of this size held both for 40 s.
    const worst = TEST_ENGINE === "postgres" ? 100 : 250;
    for (const [what, ms] of [
      ["/healthz", health_ms],
      ["RADIUS", radius_ms],
    ] as const) {
      const sorted = [...ms].sort((a, b) => a - b);
      const shown = `${what} answers (ms): ${ms.map((x) => x.toFixed(0)).join(" ")}`;
      expect(sorted[Math.ceil(sorted.length * 0.95) - 1]!, shown).toBeLessThan(100);
      expect(sorted[sorted.length - 1]!, shown).toBeLessThan(worst);
    }

    // The mail is a case, with its attachment intact and its raw bytes as received.
    const c = (await casesFrom(t, "bea@zoo.example")).find(
      (x) => x.subject === "Collar logs for the whole herd",
    );
    const entry = (await getCase(t, c.id)).timeline.find((e: any) => e.kind === "email_in");
    expect(entry.message).toMatchObject({ messageId: id, needsHuman: false, flags: [] });
    expect(entry.body.startsWith("The collar of animal 4711 lost its data session again")).toBe(
      true,
    );
    expect(entry.body).toMatch(/more characters: see the raw message\]$/);
    expect(entry.message.attachments).toEqual([
      expect.objectContaining({ filename: "herd.bin", size: attachment.length, stored: true }),
    ]);
    const download = async (path: string) => {
      const res = await fetch(`${t.url}${path}`, {
        headers: { authorization: `Bearer ${t.adminKey}` },
      });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    expect(
      (
        await download(`/api/v1/cases/${c.id}/attachments/${entry.message.attachments[0].id}`)
      ).equals(attachment),
    ).toBe(true);
    const raw = await download(`/api/v1/cases/${c.id}/messages/${entry.message.id}/raw`);
    expect(raw.length).toBe(mail.length);
    expect(raw.equals(mail)).toBe(true);
  }, 300_000);

  it("refuses a mail over the accepted size with 552, declared or not", async () => {
    const over = Buffer.concat([
      Buffer.from(rfc822({ From: "huge@zoo.example", To: SUPPORT, Subject: "Too big" }, "")),
      Buffer.alloc(LIMIT + MiB, "B".repeat(76) + "\r\n"),
    ]);
    await expect(
      deliver(t, over, { from: "huge@zoo.example", to: [SUPPORT] }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await casesFrom(t, "huge@zoo.example")).toHaveLength(0);
    const dialogue = await smtpDialogue(t.otter.smtpPort!, [
      "EHLO client.example",
      `MAIL FROM:<huge@zoo.example> SIZE=${LIMIT + 1}`,
      "QUIT",
    ]);
    expect(dialogue).toMatch(/^552 /m);
  }, 300_000);
});

describe("SMTP connection limits", () => {
  let t: TestOtter;

  beforeAll(async () => {
    t = await startOtter(
      {
        OTTER_SMTP_MAX_CONNECTIONS: "4",
        OTTER_SMTP_MAX_CONNECTIONS_PER_ADDRESS: "2",
        OTTER_SMTP_EXEMPT_ADDRESSES: "127.0.0.2, 10.0.0.0/8",
        OTTER_SMTP_MAX_MESSAGE_BYTES: String(32 * MiB),
      },
      { startWorkers: false },
    );
    await addMailbox(t, SUPPORT);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Opens a connection from `localAddress` and returns it with the server's first reply line. */
  async function connect(localAddress: string): Promise<{ socket: Socket; reply: string }> {
    const socket = new Socket();
    let data = "";
    socket.on("data", (d) => {
      data += d.toString();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.connect({ port: t.otter.smtpPort!, host: "127.0.0.1", localAddress }, () => resolve());
    });
    for (let i = 0; i < 500 && !data.includes("\r\n"); i++)
      await new Promise((r) => setTimeout(r, 10));
    return { socket, reply: data.split("\r\n")[0]! };
  }
  const hangUp = async (conns: { socket: Socket }[]) => {
    for (const c of conns) c.socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
  };

  it("refuses a client address's connection beyond its limit with 421, and takes it again once one closes", async () => {
    const open = [await connect("127.0.0.1"), await connect("127.0.0.1")];
    expect(open.map((c) => c.reply.slice(0, 4))).toEqual(["220 ", "220 "]);
    const extra = await connect("127.0.0.1");
    expect(extra.reply).toMatch(/^421 /);
    // Another client is not held back by the first one's connections.
    const other = await connect("127.0.0.3");
    expect(other.reply).toMatch(/^220 /);
    await hangUp([open[0]!]);
    const again = await connect("127.0.0.1");
    expect(again.reply).toMatch(/^220 /);
    await hangUp([...open, extra, other, again]);
  });

  it("refuses connections beyond the overall limit, but never an exempt address (the operator's MX)", async () => {
    const open = [
      await connect("127.0.0.1"),
      await connect("127.0.0.1"),
      await connect("127.0.0.3"),
      await connect("127.0.0.3"),
    ];
    expect(open.every((c) => c.reply.startsWith("220 "))).toBe(true);
    const fifth = await connect("127.0.0.4");
    expect(fifth.reply).toMatch(/^421 /);
    const mx = await Promise.all(Array.from({ length: 6 }, () => connect("127.0.0.2")));
    expect(mx.map((c) => c.reply.slice(0, 4))).toEqual(Array(6).fill("220 "));
    await hangUp([...open, fifth, ...mx]);
  });

  it("keeps a mail over the parse limit raw, in pieces, and gives it back byte for byte", async () => {
    const big = Buffer.concat([
      Buffer.from(
        rfc822(
          {
            From: "big@zoo.example",
            To: SUPPORT,
            Subject: "Logs attached",
            "Message-ID": msgId("big"),
          },
          "",
        ),
      ),
      Buffer.alloc(30 * MiB, "A".repeat(76) + "\r\n"),
    ]);
    await deliver(t, big, { from: "big@zoo.example", to: [SUPPORT] });
    const [c] = await casesFrom(t, "big@zoo.example");
    expect(c.subject).toBe("Logs attached");
    const entry = (await getCase(t, c.id)).timeline.find((e: any) => e.kind === "email_in");
    // The client ends the last line with CRLF before the final dot; nothing else is added or lost.
    expect(entry.message).toMatchObject({
      needsHuman: true,
      flags: ["oversize"],
      rawSize: big.length + 2,
    });
    const res = await fetch(`${t.url}/api/v1/cases/${c.id}/messages/${entry.message.id}/raw`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(
      Buffer.from(await res.arrayBuffer()).equals(Buffer.concat([big, Buffer.from("\r\n")])),
    ).toBe(true);
  }, 300_000);
});
