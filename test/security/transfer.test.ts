import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/modules/auth/principal.js";
import {
  buildAccount,
  buildCatalog,
  buildCustomer,
  buildSim,
  offer,
} from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { startReceiver } from "../webhooks/receiver.js";

/**
 * Ownership ends at a transfer: what customer A scheduled on its SIM never runs once the operator has
 * handed the SIM to customer B, and B sees what happened before it held the SIM and when, never A's
 * people, words or ids. The operator sees everything; moves inside one customer's subtree change nothing.
 */
let t: TestOtter;
let cat: Awaited<ReturnType<typeof buildCatalog>>;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  cat = await buildCatalog(t);
  const hss = await t.api("POST", "/api/v1/network/hss-endpoints", {
    body: { name: "hss-transfer", url: "http://127.0.0.1:9/hss", secret: "hss-secret-0123456789" },
  });
  expect(hss.status, JSON.stringify(hss.body)).toBe(201);
  // Nothing listens there: an SMS that Otter tried to send would stay queued for a retry.
  const smsc = await t.api("POST", "/api/v1/network/sms-centres", {
    body: {
      name: "smsc-transfer",
      host: "127.0.0.1",
      port: 9,
      systemId: "otter",
      password: "smsc-pw1",
      sourceAddress: "+447700900000",
      imsiPrefixes: ["23415"],
    },
  });
  expect(smsc.status, JSON.stringify(smsc.body)).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86400_000;
const SECRET = "whsec_0123456789abcdef";

/** A named user with a key, so the name can be looked for in what others read. */
async function person(accountId: string, name: string, role: Role) {
  const res = await t.api("POST", "/api/v1/users", {
    body: {
      accountId,
      email: `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`,
      name,
      role,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const key = await t.api("POST", `/api/v1/users/${res.body.id}/api-keys`, { body: {} });
  return { id: res.body.id as string, key: key.body.key as string };
}

async function customer() {
  const c = await buildCustomer(t);
  await offer(t, cat, c.account.id);
  return c;
}

const read = async (iccid: string, key?: string) => {
  const get = async (path: string) => {
    const res = await t.api("GET", `/api/v1/sims/${iccid}/${path}`, { key });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body.items as any[];
  };
  return {
    audit: await get("audit"),
    actions: await get("actions"),
    network: await get("network-actions"),
    scheduled: await get("scheduled-changes"),
  };
};

describe("a transfer to another customer", () => {
  it("cancels what the old holder scheduled, and shows the new holder when and what, not who or why", async () => {
    const a = await customer();
    const b = await customer();
    const alice = await person(a.account.id, "Alice Ashdown", "customer_admin");
    const sim = await buildSim(t, {
      accountId: a.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });

    // A's user notes, schedules a deactivation, and resets the SIM (a network action) — all with words of A's own.
    const noted = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: alice.key,
      body: {
        notes: "Ashdown cold store, bay 7",
        customFields: { accountCustom1: "Ashdown asset 12" },
        reason: "Ashdown internal ticket 991",
      },
    });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    const when = new Date(t.clock.now().getTime() + 2 * DAY).toISOString();
    const scheduled = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: alice.key,
      body: { state: "DEACTIVATED", effectiveDate: when, reason: "Ashdown contract ends" },
    });
    expect(scheduled.body.pendingChanges).toHaveLength(1);
    const reset = await t.api("POST", `/api/v1/sims/${sim.iccid}/actions`, {
      key: alice.key,
      body: { type: "reset-connectivity", reason: "Ashdown tracker stuck", watchMinutes: 30 },
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(202);
    const sms = await t.api("POST", `/api/v1/sims/${sim.iccid}/actions`, {
      key: alice.key,
      body: {
        type: "send-sms",
        reason: "Ashdown wake-up",
        text: "ASHDOWN CONFIG 7",
        watchMinutes: 30,
      },
    });
    expect(sms.status, JSON.stringify(sms.body)).toBe(202);
    expect(sms.body.status).toBe("queued");

    // B listens for its events.
    const rb = await startReceiver(SECRET);
    try {
      const sub = await t.api("POST", "/api/v1/webhooks", {
        key: b.adminKey,
        body: { url: rb.url, events: ["*"], secret: SECRET },
      });
      expect(sub.status, JSON.stringify(sub.body)).toBe(201);

      const moved = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
        body: { accountId: b.account.id, reason: "resold to B" },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.pendingChanges).toEqual([]);
      // A's own words on the SIM leave with it.
      expect(moved.body).toMatchObject({ notes: null, customFields: {} });

      // The day A's change was due passes: nothing is applied to B's SIM.
      t.clock.advance(2 * DAY + 1000);
      expect(await t.otter.services.sims.applyDueChanges()).toBe(0);
      expect(
        (await t.api("GET", `/api/v1/sims/${sim.iccid}`, { key: b.adminKey })).body.state,
      ).toBe("ACTIVATED");
      // A's queued SMS is never sent to B's device, and A's reset is no longer watched on B's traffic.
      await t.otter.services.sms.deliverDue();
      await t.otter.services.simActions.followUp();

      // B's events do not carry A's id.
      await t.otter.services.webhooks.runOnce();
      const transferred = rb.received.find((r) => r.json.type === "sim.transferred");
      expect(transferred?.json.data).toMatchObject({
        iccid: sim.iccid,
        toAccountId: b.account.id,
        fromAccountId: null,
      });
      expect(rb.received.map((r) => r.body).join("\n")).not.toContain(a.account.id);
    } finally {
      await rb.close();
    }

    // The operator sees everything, including the cancellation and who made it.
    const op = await read(sim.iccid);
    const cancelled = op.audit.find((x) => x.field === "scheduledChange");
    expect(cancelled).toMatchObject({
      priorValue: scheduled.body.pendingChanges[0].id,
      value: "cancelled",
      actor: { name: "Operator admin" },
      reason: expect.stringContaining("left the customer that scheduled it"),
    });
    expect(op.audit.find((x) => x.field === "notes")).toMatchObject({
      value: "Ashdown cold store, bay 7",
      reason: "Ashdown internal ticket 991",
      actor: { userId: alice.id, name: "Alice Ashdown" },
    });
    expect(op.audit.find((x) => x.field === "account")).toMatchObject({
      priorValue: a.account.id,
      value: b.account.id,
    });
    expect(op.audit.filter((x) => x.field === "notes").at(-1)).toMatchObject({
      priorValue: "Ashdown cold store, bay 7",
      value: null,
      actor: { name: "Operator admin" },
    });
    expect(op.scheduled).toEqual([
      expect.objectContaining({
        status: "cancelled",
        requestedBy: "Alice Ashdown",
        reason: "Ashdown contract ends",
      }),
    ]);
    expect(op.actions.find((x) => x.type === "reset-connectivity")).toMatchObject({
      status: "cancelled",
      requestedBy: "Alice Ashdown",
      reason: "Ashdown tracker stuck",
      outcome: { summary: expect.stringContaining("passed to another customer") },
    });
    expect(op.actions.find((x) => x.type === "send-sms")).toMatchObject({
      status: "failed",
      sms: {
        status: "failed",
        attempts: 0,
        error: expect.stringContaining("passed to another customer"),
      },
    });
    expect(op.network[0]).toMatchObject({ kind: "cancel_location", requestedBy: "Alice Ashdown" });

    // B sees what changed and when, with A's people, words and ids as "previous holder".
    for (const key of [b.adminKey, b.userKey]) {
      const seen = await read(sim.iccid, key);
      const text = JSON.stringify(seen);
      for (const secret of ["Alice", "Ashdown", "ASHDOWN", alice.id, a.account.id])
        expect(text, secret).not.toContain(secret);
      const rows = seen.audit.map((x) => [x.field, x.priorValue, x.value, x.actor.name, x.reason]);
      expect(rows).toEqual([
        ["created", null, "ACTIVATED", "previous holder", null], // the operator created it in A's account
        [
          "customFields.accountCustom1",
          null,
          "previous holder",
          "previous holder",
          "previous holder",
        ],
        ["notes", null, "previous holder", "previous holder", "previous holder"],
        [
          "scheduledChange",
          scheduled.body.pendingChanges[0].id,
          "cancelled",
          "previous holder",
          "previous holder",
        ],
        ["account", "previous holder", b.account.id, "Operator admin", "resold to B"],
        ["notes", "previous holder", null, "previous holder", "previous holder"],
        [
          "customFields.accountCustom1",
          "previous holder",
          null,
          "previous holder",
          "previous holder",
        ],
      ]);
      expect(
        seen.audit.every((x) => x.actor.name !== "previous holder" || x.actor.userId === null),
      ).toBe(true);
      expect(seen.scheduled).toEqual([
        expect.objectContaining({
          status: "cancelled",
          changes: { state: "DEACTIVATED" },
          effectiveDate: when,
          requestedBy: "previous holder",
          reason: "previous holder",
        }),
      ]);
      expect(seen.actions).toEqual([
        expect.objectContaining({
          type: "send-sms",
          status: "failed",
          requestedBy: "previous holder",
          reason: "previous holder",
          params: {},
          outcome: null,
          sms: null,
        }),
        expect.objectContaining({
          type: "reset-connectivity",
          status: "cancelled",
          requestedBy: "previous holder",
          reason: "previous holder",
          params: {},
          outcome: null,
        }),
      ]);
      expect(seen.network).toEqual([
        expect.objectContaining({
          kind: "cancel_location",
          requestedBy: "previous holder",
          reason: "previous holder",
          result: null,
        }),
      ]);
      expect(seen.actions[1].network[0]).toMatchObject({
        requestedBy: "previous holder",
        reason: "previous holder",
      });
    }

    // What B does from now on is B's, whole.
    const bNote = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: b.adminKey,
      body: { notes: "B depot", reason: "B took over" },
    });
    expect(bNote.status).toBe(200);
    const after = await read(sim.iccid, b.userKey);
    expect(after.audit.at(-1)).toMatchObject({
      field: "notes",
      priorValue: null,
      value: "B depot",
      reason: "B took over",
      actor: { name: "User customer_admin" },
    });
  });

  it("changes nothing when a customer moves its SIM between its own sub-accounts", async () => {
    const a = await customer();
    const east = await buildAccount(t, { parentId: a.account.id });
    const west = await buildAccount(t, { parentId: a.account.id });
    const alice = await person(a.account.id, "Alice Westbrook", "customer_admin");
    const westUser = await person(west.id, "Walter West", "customer_user");
    const sim = await buildSim(t, {
      accountId: east.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const when = new Date(t.clock.now().getTime() + DAY).toISOString();
    const scheduled = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: alice.key,
      body: { state: "DEACTIVATED", effectiveDate: when, reason: "east site closes" },
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);

    const moved = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: alice.key,
      body: { accountId: west.id, reason: "moved west" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.pendingChanges).toEqual([
      expect.objectContaining({
        status: "pending",
        requestedBy: "Alice Westbrook",
        reason: "east site closes",
      }),
    ]);

    const seen = await read(sim.iccid, westUser.key);
    expect(seen.audit.find((x) => x.field === "account")).toMatchObject({
      priorValue: east.id,
      value: west.id,
      reason: "moved west",
      actor: { userId: alice.id, name: "Alice Westbrook" },
    });
    expect(JSON.stringify(seen)).not.toContain("previous holder");

    t.clock.advance(DAY + 1000);
    await t.otter.services.sims.applyDueChanges();
    expect(
      (await t.api("GET", `/api/v1/sims/${sim.iccid}`, { key: westUser.key })).body.state,
    ).toBe("DEACTIVATED");
  });
});
