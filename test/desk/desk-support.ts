import { Socket } from "node:net";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { TestOtter } from "../support/otter.js";

/** Sends a raw message to Otter's inbound SMTP listener with nodemailer, as a real MTA would. */
export async function deliver(
  t: TestOtter,
  raw: string | Buffer,
  envelope: { from: string; to: string[] },
) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: t.otter.smtpPort!,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 20_000,
    socketTimeout: 120_000,
  });
  try {
    return await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

/** Sends a message composed by nodemailer (headers, charsets, attachments as the client builds them). */
export async function deliverMail(t: TestOtter, mail: SendMailOptions) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: t.otter.smtpPort!,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/** An RFC 5322 message with CRLF line ends from header lines and a body. */
export function rfc822(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n${body.replace(/\r?\n/g, "\r\n")}`;
}

let n = 0;
export const msgId = (tag = "m") => `<${tag}.${Date.now().toString(36)}.${n++}@customer.example>`;

export async function addMailbox(t: TestOtter, address: string, accountId?: string) {
  const res = await t.api("POST", "/api/v1/desk/mailboxes", {
    body: { address, ...(accountId ? { accountId } : {}) },
  });
  if (res.status !== 201) throw new Error(`mailbox: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; address: string };
}

export async function getCase(t: TestOtter, id: string, key?: string) {
  const res = await t.api("GET", `/api/v1/cases/${id}`, { key });
  if (res.status !== 200) throw new Error(`case ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The cases whose requester is `email`, newest first. */
export async function casesFrom(t: TestOtter, email: string) {
  const res = await t.api("GET", `/api/v1/cases?q=${encodeURIComponent(email)}`);
  return res.body.items as any[];
}

export async function addContact(
  t: TestOtter,
  accountId: string,
  contact: { name: string; email?: string; phone?: string },
) {
  const res = await t.api("POST", `/api/v1/accounts/${accountId}/contacts`, { body: contact });
  if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

/** A hand-driven SMTP dialogue over a socket: the transcript of the server's answers. */
export async function smtpDialogue(port: number, commands: string[]): Promise<string> {
  const socket = new Socket();
  let transcript = "";
  socket.on("data", (d) => {
    transcript += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.connect(port, "127.0.0.1", () => resolve());
  });
  const waitFor = async (re: RegExp) => {
    for (let i = 0; i < 300 && !re.test(transcript); i++)
      await new Promise((r) => setTimeout(r, 10));
  };
  await waitFor(/^220 /m);
  for (const cmd of commands) {
    const lines = transcript.split("\r\n").length;
    socket.write(`${cmd}\r\n`);
    await waitFor(new RegExp(`(?:[\\s\\S]*\\r\\n){${lines - 1}}[\\s\\S]*^\\d{3} `, "m"));
    await new Promise((r) => setTimeout(r, 50));
  }
  socket.destroy();
  return transcript;
}
