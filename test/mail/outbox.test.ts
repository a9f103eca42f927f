import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/db/database.js";
import type { OutgoingMail } from "../../src/modules/mail/mail.service.js";
import { buildCustomer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/** Without OTTER_SMTP_RELAY, mail is stored in the local outbox and never sent. */
let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({ OTTER_MAIL_FROM: "Otter Ops <ops@otter.example>" });
});
afterAll(async () => {
  await t?.close();
});

const enqueue = (msg: Partial<OutgoingMail> = {}) =>
  inTransaction(t.otter.database.db, (tx) =>
    t.otter.services.mail.enqueue(tx, {
      accountId: t.rootAccountId,
      to: ["noc@customer.example"],
      subject: "Your SIMs are active",
      text: "All 20 SIMs are active.",
      purpose: "test",
      ...msg,
    }),
  );

describe("outbox without a relay", () => {
  it("keeps a module's message in the outbox, with the body, for operators to read", async () => {
    const { id, messageId, status } = await enqueue({
      cc: ["ops@customer.example"],
      html: "<p>All 20 SIMs are active.</p>",
      headers: { "Reply-To": "support@otter.example" },
    });
    expect(status).toBe("outbox");
    expect(messageId).toBe(`<${id}@otter.example>`);

    // Kept for want of a relay, it is still queued in the user's words, and says why it waits.
    const list = await t.api("GET", "/api/v1/outbox?status=queued");
    expect(list.status).toBe(200);
    const item = list.body.items.find((m: { id: string }) => m.id === id);
    expect(item).toMatchObject({
      messageId,
      from: "Otter Ops <ops@otter.example>",
      to: ["noc@customer.example"],
      cc: ["ops@customer.example"],
      subject: "Your SIMs are active",
      purpose: "test",
      status: "queued",
      waitingForRelay: true,
      attempts: 0,
      nextAttemptAt: null,
      sentAt: null,
      createdAt: "2026-03-01T09:00:00.000Z",
    });
    expect(item.text).toBeUndefined();

    const one = await t.api("GET", `/api/v1/outbox/${id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id,
      text: "All 20 SIMs are active.",
      html: "<p>All 20 SIMs are active.</p>",
      headers: { "Reply-To": "support@otter.example" },
    });
    expect(await t.otter.services.mail.deliverDue()).toMatchObject({ claimed: 0, sent: 0 });
    expect((await t.api("GET", `/api/v1/outbox/${id}`)).body.status).toBe("queued");
  });

  it("stores nothing when the caller's transaction rolls back", async () => {
    const before = (await t.api("GET", "/api/v1/outbox?limit=1000")).body.items.length;
    await expect(
      inTransaction(t.otter.database.db, async (tx) => {
        await t.otter.services.mail.enqueue(tx, {
          accountId: t.rootAccountId,
          to: ["a@b.example"],
          subject: "s",
          text: "t",
          purpose: "test",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await t.api("GET", "/api/v1/outbox?limit=1000")).body.items.length).toBe(before);
  });

  it("refuses a message that would set Otter's own headers or inject new ones", async () => {
    await expect(enqueue({ headers: { "Message-ID": "<forged@x>" } })).rejects.toMatchObject({
      code: "MAIL_INVALID_HEADER",
    });
    await expect(
      enqueue({ headers: { "X-Case": "1\r\nBcc: all@example.com" } }),
    ).rejects.toMatchObject({ code: "MAIL_INVALID_HEADER" });
    await expect(enqueue({ to: [] })).rejects.toMatchObject({ code: "MAIL_NO_RECIPIENT" });
  });

  it("pages newest first with a cursor and filters by status", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      ids.push((await enqueue({ subject: `page ${i}` })).id);
    }
    const first = await t.api("GET", "/api/v1/outbox?limit=2");
    expect(first.body.items.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]]);
    const second = await t.api("GET", `/api/v1/outbox?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).toBe(ids[0]);
    expect((await t.api("GET", "/api/v1/outbox?status=sent")).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await t.api("GET", "/api/v1/outbox?cursor=not-a-cursor")).body.error.code).toBe(
      "INVALID_CURSOR",
    );
    expect((await t.api("GET", "/api/v1/outbox?status=lost")).status).toBe(400);
    expect((await t.api("GET", "/api/v1/outbox?status=outbox")).status).toBe(400); // a stored word, not the user's
  });

  it("queues a relay test message into the outbox and says so; retry needs a relay", async () => {
    const res = await t.api("POST", "/api/v1/outbox/test", { body: { to: "me@otter.example" } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "queued", waitingForRelay: true });
    const stored = await t.api("GET", `/api/v1/outbox/${res.body.id}`);
    expect(stored.body).toMatchObject({
      purpose: "relay_test",
      to: ["me@otter.example"],
      subject: "Otter test message",
    });
    const retry = await t.api("POST", `/api/v1/outbox/${res.body.id}/retry`);
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe("MAIL_RELAY_NOT_CONFIGURED");
    expect(
      (await t.api("POST", "/api/v1/outbox/test", { body: { to: "not an address" } })).status,
    ).toBe(400);
  });

  it("answers 404 for a message that does not exist", async () => {
    const res = await t.api("GET", "/api/v1/outbox/0191f2a4-0000-7000-8000-000000000001");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("MAIL_NOT_FOUND");
    expect((await t.api("GET", "/api/v1/outbox/nope")).status).toBe(400);
  });
});

describe("outbox security", () => {
  it("is for operators only: customers get 403, anonymous callers 401", async () => {
    const { id } = await enqueue();
    const c = await buildCustomer(t);
    const agent = await t.api("POST", "/api/v1/users", {
      body: {
        accountId: t.rootAccountId,
        email: `agent${Date.now()}@otter.example`,
        name: "Agent",
        role: "operator_agent",
      },
    });
    const agentKey = (await t.api("POST", `/api/v1/users/${agent.body.id}/api-keys`, { body: {} }))
      .body.key;
    expect((await t.api("GET", "/api/v1/outbox", { key: agentKey })).status).toBe(200);

    const routes: [string, string, unknown?][] = [
      ["GET", "/api/v1/outbox"],
      ["GET", `/api/v1/outbox/${id}`],
      ["POST", `/api/v1/outbox/${id}/retry`],
      ["POST", "/api/v1/outbox/test", { to: "spam@example.com" }],
    ];
    for (const [method, path, body] of routes) {
      for (const key of [c.adminKey, c.userKey]) {
        const res = await t.api(method, path, { key, body });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("FORBIDDEN");
      }
      expect((await t.api(method, path, { key: null, body })).status, `${method} ${path}`).toBe(
        401,
      );
    }
  });
});
