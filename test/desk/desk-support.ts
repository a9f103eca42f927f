import nodemailer, { type SendMailOptions } from "nodemailer";
import type { TestOtter } from "../support/otter.js";

/** Sends a raw message to Otter's inbound SMTP listener with nodemailer, as a real MTA would. */
export async function deliver(t: TestOtter, raw: string | Buffer, envelope: { from: string; to: string[] }) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1", port: t.otter.smtpPort!, secure: false, ignoreTLS: true, connectionTimeout: 20_000, socketTimeout: 120_000,
  });
  try {
    return await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

/** Sends a message composed by nodemailer (headers, charsets, attachments as the client builds them). */
export async function deliverMail(t: TestOtter, mail: SendMailOptions) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: t.otter.smtpPort!, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/** An RFC 5322 message with CRLF line ends from header lines and a body. */
export function rfc822(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n${body.replace(/\r?\n/g, "\r\n")}`;
}

let n = 0;
export const msgId = (tag = "m") => `<${tag}.${Date.now().toString(36)}.${n++}@customer.example>`;

export async function addMailbox(t: TestOtter, address: string, accountId?: string) {
  const res = await t.api("POST", "/api/v1/desk/mailboxes", { body: { address, ...(accountId ? { accountId } : {}) } });
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

export async function addContact(t: TestOtter, accountId: string, contact: { name: string; email?: string; phone?: string }) {
  const res = await t.api("POST", `/api/v1/accounts/${accountId}/contacts`, { body: contact });
  if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}
