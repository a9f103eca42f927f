import { sql } from "kysely";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/db/database.js";
import { createMailService, type OutgoingMail } from "../../src/modules/mail/mail.service.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { deadRelayPort, startTestRelay, type TestRelay } from "../support/smtp-relay.js";

const MINUTE = 60_000;
const FROM = "Otter Ops <ops@otter.example>";

function enqueue(t: TestOtter, msg: Partial<OutgoingMail> = {}) {
  return inTransaction(t.otter.database.db, (tx) =>
    t.otter.services.mail.enqueue(tx, {
      accountId: t.rootAccountId,
      to: ["noc@customer.example"],
      subject: "Case 42: your collar is back online",
      text: "The giraffe collar reconnected at 09:12 UTC.",
      purpose: "case_reply",
      ...msg,
    }),
  );
}

const getMessage = async (t: TestOtter, id: string) =>
  (await t.api("GET", `/api/v1/outbox/${id}`)).body;

/** The stored status: `sending` (claimed by a node) is `queued` to the user, so only the table tells. */
const storedStatus = async (t: TestOtter, id: string) =>
  (
    await t.otter.database.db
      .selectFrom("mail_messages")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).status;

describe("delivery through an SMTP relay", () => {
  let relay: TestRelay;
  let t: TestOtter;
  beforeAll(async () => {
    relay = await startTestRelay({ auth: { user: "otter", pass: "s3cret:/@" } });
    t = await startOtter(
      { OTTER_SMTP_RELAY: relay.url, OTTER_MAIL_FROM: FROM },
      { startWorkers: false },
    );
  });
  afterAll(async () => {
    await t?.close();
    await relay?.close();
  });
  afterEach(() => {
    relay.refuseRecipients(null);
    relay.received.length = 0;
  });

  it("sends a queued message with the Message-ID it stored, and marks it sent", async () => {
    const { id, messageId, status } = await enqueue(t, {
      cc: ["ops@customer.example"],
      html: "<p>The giraffe collar reconnected.</p>",
      headers: {
        "Reply-To": "case-42@otter.example",
        "In-Reply-To": "<question-1@customer.example>",
      },
    });
    expect(status).toBe("queued");
    expect((await getMessage(t, id)).nextAttemptAt).toBe("2026-03-01T09:00:00.000Z");

    t.clock.advance(5000);
    expect(await t.otter.services.mail.deliverDue()).toEqual({
      claimed: 1,
      sent: 1,
      retrying: 0,
      failed: 0,
    });

    expect(relay.received).toHaveLength(1);
    const got = relay.received[0]!;
    expect(got.user).toBe("otter");
    expect(got.envelope.to.sort()).toEqual(["noc@customer.example", "ops@customer.example"]);
    expect(got.parsed.messageId).toBe(messageId);
    expect(got.parsed.subject).toBe("Case 42: your collar is back online");
    expect(got.parsed.text?.trim()).toBe("The giraffe collar reconnected at 09:12 UTC.");
    expect(got.parsed.html).toContain("The giraffe collar reconnected.");
    expect(got.parsed.from?.text).toBe('"Otter Ops" <ops@otter.example>');
    expect(got.parsed.inReplyTo).toBe("<question-1@customer.example>");
    expect(got.parsed.headers.get("reply-to")).toMatchObject({ text: "case-42@otter.example" });
    expect(got.parsed.date?.toISOString()).toBe("2026-03-01T09:00:00.000Z");

    expect(await getMessage(t, id)).toMatchObject({
      status: "sent",
      attempts: 1,
      sentAt: "2026-03-01T09:00:05.000Z",
      nextAttemptAt: null,
      lastError: null,
    });
    expect(await t.otter.services.mail.deliverDue()).toMatchObject({ claimed: 0 });
    expect(relay.received).toHaveLength(1);
    const metrics = await t.api("GET", "/metrics", { key: null });
    expect(metrics.body).toMatch(/otter_mail_messages_total\{status="sent"\} 1/);
  });

  it("sends the operator's test message through the relay", async () => {
    const res = await t.api("POST", "/api/v1/outbox/test", { body: { to: "me@otter.example" } });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("queued");
    await t.otter.services.mail.deliverDue();
    expect(relay.received.map((m) => m.parsed.messageId)).toEqual([res.body.messageId]);
    expect((await getMessage(t, res.body.id)).status).toBe("sent");
  });

  it("sends a message's attachments as MIME parts, and refuses oversized or oddly named ones without storing anything", async () => {
    const csv = Buffer.from("iccid,state\n8931000000000000001,ACTIVATED\n");
    const { id } = await enqueue(t, {
      attachments: [{ filename: "collars.csv", contentType: "text/csv", content: csv }],
    });
    expect((await getMessage(t, id)).attachments).toEqual([
      { n: 1, filename: "collars.csv", contentType: "text/csv", size: csv.length },
    ]);
    await t.otter.services.mail.deliverDue();
    const got = relay.received.at(-1)!;
    expect(got.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["collars.csv", "text/csv"],
    ]);
    expect(got.parsed.attachments[0]!.content.equals(csv)).toBe(true);

    const before = (await t.api("GET", "/api/v1/outbox?limit=200")).body.items.length;
    const big = Buffer.alloc(7 * 1024 * 1024 + 1);
    await expect(
      enqueue(t, {
        attachments: [
          { filename: "big.bin", contentType: "application/octet-stream", content: big },
        ],
      }),
    ).rejects.toMatchObject({ code: "MAIL_ATTACHMENTS_TOO_LARGE" });
    await expect(
      enqueue(t, {
        attachments: [{ filename: "../etc/passwd", contentType: "text/plain", content: csv }],
      }),
    ).rejects.toMatchObject({ code: "MAIL_INVALID_ATTACHMENT" });
    expect((await t.api("GET", "/api/v1/outbox?limit=200")).body.items.length).toBe(before);
  });

  it("retries a temporary refusal with growing delays, gives up after 8 attempts, and retries on request", async () => {
    relay.refuseRecipients(451);
    const { id } = await enqueue(t);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const round = await t.otter.services.mail.deliverDue();
      expect(round.claimed, `attempt ${attempt}`).toBe(1);
      const m = await getMessage(t, id);
      expect(m.attempts).toBe(attempt);
      expect(m.lastError).toContain("451");
      if (attempt < 8) {
        expect(m.status).toBe("queued");
        const wait = Date.parse(m.nextAttemptAt) - t.clock.now().getTime();
        delays.push(wait / MINUTE);
        t.clock.advance(wait - 1000);
        expect((await t.otter.services.mail.deliverDue()).claimed, "not due yet").toBe(0);
        t.clock.advance(1000);
      } else {
        expect(m).toMatchObject({ status: "failed", nextAttemptAt: null });
        expect(round.failed).toBe(1);
      }
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(relay.received).toHaveLength(0);
    expect(
      (await t.api("GET", "/api/v1/outbox?status=failed")).body.items.map(
        (m: { id: string }) => m.id,
      ),
    ).toEqual([id]);
    expect((await t.api("GET", "/metrics", { key: null })).body).toMatch(
      /otter_mail_messages_total\{status="failed"\} 1/,
    );

    relay.refuseRecipients(null);
    const retried = await t.api("POST", `/api/v1/outbox/${id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({
      status: "queued",
      attempts: 0,
      nextAttemptAt: t.clock.now().toISOString(),
    });
    expect((await t.api("POST", `/api/v1/outbox/${id}/retry`)).body.error.code).toBe(
      "MAIL_NOT_RETRYABLE",
    );
    await t.otter.services.mail.deliverDue();
    expect(await getMessage(t, id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(relay.received).toHaveLength(1);
    expect((await t.api("POST", `/api/v1/outbox/${id}/retry`)).status).toBe(409);
  });

  it("fails at once when the relay refuses the recipient for good (5xx)", async () => {
    relay.refuseRecipients(550);
    const { id } = await enqueue(t, { to: ["nobody@customer.example"] });
    expect(await t.otter.services.mail.deliverDue()).toMatchObject({ claimed: 1, failed: 1 });
    const m = await getMessage(t, id);
    expect(m).toMatchObject({ status: "failed", attempts: 1 });
    expect(m.lastError).toContain("550");
  });

  it("sends to the accepted recipients when the relay refuses only some, and notes the others", async () => {
    relay.refuseRecipients(550, ["gone@customer.example"]);
    const { id } = await enqueue(t, { to: ["noc@customer.example", "gone@customer.example"] });
    expect(await t.otter.services.mail.deliverDue()).toMatchObject({ sent: 1 });
    expect(relay.received.map((r) => r.envelope.to)).toEqual([["noc@customer.example"]]);
    const m = await getMessage(t, id);
    expect(m.status).toBe("sent");
    expect(m.lastError).toBe("The relay refused: gone@customer.example");
  });

  it("takes back a message whose node died mid-send after 10 minutes of the database's clock, and sends it once", async () => {
    const { id, messageId } = await enqueue(t);
    // A second node claims the message and hangs forever in the SMTP conversation, as a crashed node would.
    const deadNode = createMailService({
      db: t.otter.database.db,
      clock: t.clock,
      config: { from: FROM },
      logger: pino({ level: "silent" }),
      transport: { sendMail: () => new Promise(() => {}) },
    });
    void deadNode.deliverDue();
    await expect.poll(() => storedStatus(t, id)).toBe("sending");

    // The claim lasts 10 minutes on the database server's clock: a node whose own clock runs ahead
    // (here, Otter's clock 11 minutes on) does not take back a message another node is sending.
    t.clock.advance(11 * MINUTE);
    expect(await t.otter.services.mail.deliverDue()).toMatchObject({ claimed: 0 });
    const lease = await t.otter.database.db
      .selectFrom("mail_messages")
      .select(sql<number>`extract(epoch from next_attempt_at - now())`.as("left"))
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(Number(lease.left)).toBeGreaterThan(9 * 60);
    expect(Number(lease.left)).toBeLessThanOrEqual(10 * 60);
    // Ten minutes later on the database's clock, the claim has lapsed.
    await t.otter.database.db
      .updateTable("mail_messages")
      .set({ next_attempt_at: sql<Date>`now() - interval '1 second'` })
      .where("id", "=", id)
      .execute();
    expect(await t.otter.services.mail.deliverDue()).toMatchObject({ claimed: 1, sent: 1 });
    expect(relay.received.map((m) => m.parsed.messageId)).toEqual([messageId]);
    expect(await getMessage(t, id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("never sends a message twice when two nodes deliver at the same time", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) ids.add((await enqueue(t, { subject: `bulk ${i}` })).messageId);
    const otherNode = createMailService({
      db: t.otter.database.db,
      clock: t.clock,
      config: { relayUrl: relay.url, from: FROM },
      logger: pino({ level: "silent" }),
    });
    const rounds = await Promise.all([
      t.otter.services.mail.deliverDue(5),
      otherNode.deliverDue(5),
      t.otter.services.mail.deliverDue(5),
      otherNode.deliverDue(5),
    ]);
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(12);
    const received = relay.received.map((m) => m.parsed.messageId);
    expect(received.sort()).toEqual([...ids].sort());
  });
});

describe("a relay that is down", () => {
  it("keeps the message queued with backoff until the relay is back, then delivers it", async () => {
    const port = await deadRelayPort();
    const t = await startOtter(
      { OTTER_SMTP_RELAY: `smtp://127.0.0.1:${port}`, OTTER_MAIL_FROM: FROM },
      { startWorkers: false },
    );
    let relay: TestRelay | undefined;
    try {
      const { id, messageId } = await enqueue(t);
      expect(await t.otter.services.mail.deliverDue()).toMatchObject({ claimed: 1, retrying: 1 });
      let m = await getMessage(t, id);
      expect(m).toMatchObject({ status: "queued", attempts: 1 });
      expect(m.lastError).toMatch(/ECONNREFUSED/);
      t.clock.advance(MINUTE);
      await t.otter.services.mail.deliverDue();
      m = await getMessage(t, id);
      expect(m).toMatchObject({ status: "queued", attempts: 2 });
      expect(Date.parse(m.nextAttemptAt) - t.clock.now().getTime()).toBe(2 * MINUTE);

      relay = await startTestRelay({ port });
      t.clock.advance(2 * MINUTE);
      await t.otter.services.mail.deliverDue();
      expect(await getMessage(t, id)).toMatchObject({ status: "sent", attempts: 3 });
      expect(relay.received.map((r) => r.parsed.messageId)).toEqual([messageId]);
    } finally {
      await t.close();
      await relay?.close();
    }
  });
});

describe("the mail worker", () => {
  it("delivers queued mail by itself and stops cleanly when Otter closes", async () => {
    const relay = await startTestRelay();
    const t = await startOtter({
      OTTER_SMTP_RELAY: relay.url,
      OTTER_MAIL_FROM: FROM,
      OTTER_WORKER_POLL_MS: "20",
    });
    try {
      const res = await t.api("POST", "/api/v1/outbox/test", { body: { to: "me@otter.example" } });
      await expect
        .poll(async () => (await getMessage(t, res.body.id)).status, { timeout: 10_000 })
        .toBe("sent");
      expect(relay.received.map((r) => r.parsed.messageId)).toEqual([res.body.messageId]);
    } finally {
      await t.close();
      await relay.close();
    }
  });
});

describe("stopping Otter while a message is being sent", () => {
  it("interrupts the SMTP conversation, closes promptly and leaves the message queued", async () => {
    const relay = await startTestRelay();
    relay.stallData(true);
    const t = await startOtter({
      OTTER_SMTP_RELAY: relay.url,
      OTTER_MAIL_FROM: FROM,
      OTTER_WORKER_POLL_MS: "20",
    });
    try {
      const { id } = await enqueue(t);
      await expect.poll(() => storedStatus(t, id)).toBe("sending");
      const started = Date.now();
      await t.otter.close();
      expect(Date.now() - started).toBeLessThan(5000);
      const row = await t.otter.database.db
        .selectFrom("mail_messages")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "queued", attempts: 0 });
      expect(row.next_attempt_at).toEqual(t.clock.now());
    } finally {
      await t.close();
      await relay.close();
    }
  });
});
