import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAccount,
  buildCatalog,
  buildCustomer,
  buildSim,
  offer,
  simIdentifiers,
} from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

describe("SIMs", () => {
  it("validates identifiers on the way in and normalises the MSISDN", async () => {
    const ids = simIdentifiers();
    const bad = await t.api("POST", "/api/v1/sims", {
      body: { ...ids, iccid: ids.iccid.slice(0, -1) + ((Number(ids.iccid.at(-1)) + 1) % 10) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: "iccid", code: "ICCID_CHECK_DIGIT" });
    const sci = await t.api("POST", "/api/v1/sims", { body: { ...ids, iccid: "8.94E+19" } });
    expect(sci.body.error.details[0].code).toBe("ICCID_SCIENTIFIC_NOTATION");
    const imei = await t.api("POST", "/api/v1/sims", { body: { ...ids, imei: "123456789012345" } });
    expect(imei.body.error.details[0]).toMatchObject({ field: "imei", code: "IMEI_CHECK_DIGIT" });
    const ok = await t.api("POST", "/api/v1/sims", { body: { ...ids, msisdn: `+${ids.msisdn}` } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      iccid: ids.iccid,
      msisdn: ids.msisdn,
      state: "INVENTORY",
      accountId: t.rootAccountId,
    });
    const dup = await t.api("POST", "/api/v1/sims", {
      body: { ...simIdentifiers(), imsi: ids.imsi },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("SIM_ALREADY_EXISTS");
  });

  it("looks a SIM up by ICCID, IMSI or MSISDN", async () => {
    const sim = await buildSim(t);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.imsi).toBe(sim.imsi);
    expect(
      (await t.api("GET", `/api/v1/sims?imsi=${sim.imsi}`)).body.items.map(
        (s: { iccid: string }) => s.iccid,
      ),
    ).toEqual([sim.iccid]);
    expect(
      (await t.api("GET", `/api/v1/sims?msisdn=%2B${sim.msisdn}`)).body.items.map(
        (s: { iccid: string }) => s.iccid,
      ),
    ).toEqual([sim.iccid]);
    expect((await t.api("GET", "/api/v1/sims/89440000000000000000")).status).toBe(404);
  });

  it("moves through the lifecycle, refuses illegal transitions with the reason, and audits every change", async () => {
    const sim = await buildSim(t);
    const act = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "ACTIVATED", reason: "customer go-live" },
    });
    expect(act.status).toBe(200);
    expect(act.body.state).toBe("ACTIVATED");
    expect(act.body.dateActivated).toBe(t.clock.now().toISOString());
    const back = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "INVENTORY" },
    });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe("SIM_TRANSITION_NOT_ALLOWED");
    expect(back.body.error.message).toContain("never returns to INVENTORY");
    await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: {
        customFields: { accountCustom1: "giraffe-07", operatorCustom2: "batch-4" },
        notes: "collar",
      },
    });
    const audit = await t.api("GET", `/api/v1/sims/${sim.iccid}/audit`);
    const rows = audit.body.items.map(
      (a: { field: string; priorValue: string | null; value: string | null }) => [
        a.field,
        a.priorValue,
        a.value,
      ],
    );
    expect(rows).toEqual([
      ["created", null, "INVENTORY"],
      ["state", "INVENTORY", "ACTIVATED"],
      ["customFields.accountCustom1", null, "giraffe-07"],
      ["customFields.operatorCustom2", null, "batch-4"],
      ["notes", null, "collar"],
    ]);
    expect(audit.body.items[1]).toMatchObject({
      reason: "customer go-live",
      actor: { name: "Operator admin" },
    });
    const listed = await t.api(
      "GET",
      "/api/v1/sims?customField=accountCustom1&customValue=giraffe-07",
    );
    expect(listed.body.items.map((s: { iccid: string }) => s.iccid)).toEqual([sim.iccid]);
  });

  it("schedules a change with a future effective date and applies it on time", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    const when = new Date(t.clock.now().getTime() + 3 * 86400_000).toISOString();
    const res = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "DEACTIVATED", effectiveDate: when, reason: "end of season" },
    });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe("ACTIVATED");
    expect(res.body.pendingChanges).toHaveLength(1);
    expect(await t.otter.services.sims.applyDueChanges()).toBe(0);
    t.clock.advance(3 * 86400_000 + 1000);
    expect(await t.otter.services.sims.applyDueChanges()).toBe(1);
    const after = await t.api("GET", `/api/v1/sims/${sim.iccid}`);
    expect(after.body.state).toBe("DEACTIVATED");
    expect(after.body.pendingChanges).toEqual([]);
    const audit = await t.api("GET", `/api/v1/sims/${sim.iccid}/audit`);
    expect(audit.body.items.at(-1)).toMatchObject({
      field: "state",
      value: "DEACTIVATED",
      effectiveDate: when,
      reason: "end of season",
    });
    const tooFar = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "ACTIVATED", effectiveDate: "2099-01-01T00:00:00Z" },
    });
    expect(tooFar.body.error.code).toBe("EFFECTIVE_DATE_TOO_FAR");
  });

  it("marks a scheduled change that became impossible as failed, with the reason", async () => {
    const sim = await buildSim(t, { state: "ACTIVATED" });
    const when = new Date(t.clock.now().getTime() + 86400_000).toISOString();
    await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "DEACTIVATED", effectiveDate: when },
    });
    await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, { body: { state: "RETIRED" } });
    t.clock.advance(86400_000 + 1000);
    await t.otter.services.sims.applyDueChanges();
    const changes = await t.api("GET", `/api/v1/sims/${sim.iccid}/scheduled-changes`);
    expect(changes.body.items[0]).toMatchObject({
      status: "failed",
      error: { code: "SIM_TRANSITION_NOT_ALLOWED" },
    });
  });

  it("warns where a mistake is cheap to catch: no communication plan, a past date, a schedule made pointless", async () => {
    const sim = await buildSim(t, { state: "ACTIVATION_READY" });
    const past = new Date(t.clock.now().getTime() - 5 * 86400_000).toISOString();
    const activated = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "ACTIVATED", effectiveDate: past, reason: "went live last week" },
    });
    expect(activated.status).toBe(200);
    expect(activated.body.state).toBe("ACTIVATED");
    const byCode = (w: { code: string; message: string }[]) =>
      Object.fromEntries(w.map((x) => [x.code, x.message]));
    const warned = byCode(activated.body.warnings);
    expect(warned.NO_COMMUNICATION_PLAN).toMatch(/network will refuse/);
    expect(warned.EFFECTIVE_DATE_BACKDATED).toContain(
      `applied now (${t.clock.now().toISOString()}) and is recorded as backdated to ${past}`,
    );
    const diagnosis = await t.api("GET", `/api/v1/sims/${sim.iccid}/diagnosis`);
    expect(diagnosis.body.firstBroken).toBe("sim_state");
    expect(diagnosis.body.verdict).toMatch(/no communication plan: the network will refuse/);

    // A deactivation scheduled for next week, then done by hand today: the schedule is cancelled.
    const later = new Date(t.clock.now().getTime() + 7 * 86400_000).toISOString();
    const scheduled = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "DEACTIVATED", effectiveDate: later, customFields: { accountCustom1: "b" } },
    });
    const changeId = scheduled.body.pendingChanges[0].id;
    const conflicting = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { customFields: { accountCustom1: "a" } },
      headers: { "accept-language": "it" },
    });
    expect(byCode(conflicting.body.warnings).SCHEDULED_CHANGE_CONFLICTS).toBe(
      `A change scheduled for ${later} (${changeId}) will set customFields.accountCustom1 to b, undoing this change. If it no longer applies: otter sims scheduled cancel ${sim.iccid} ${changeId}`,
    );
    // The same warning in the reader's language, its date in their zone and the command unchanged.
    const conflictText = conflicting.body.warnings.find(
      (w: { code: string }) => w.code === "SCHEDULED_CHANGE_CONFLICTS",
    ).text;
    expect(conflictText).toMatch(
      /^Una modifica pianificata per il .+ imposterà customFields\.accountCustom1 a b, annullando questa modifica\./,
    );
    expect(conflictText).not.toContain(later);
    expect(conflictText).toContain(`otter sims scheduled cancel ${sim.iccid} ${changeId}`);
    expect(conflicting.body.pendingChanges).toHaveLength(1);
    const done = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { state: "DEACTIVATED", customFields: { accountCustom1: "b" } },
    });
    expect(byCode(done.body.warnings).SCHEDULED_CHANGE_CANCELLED).toContain(changeId);
    expect(done.body.pendingChanges).toEqual([]);
    const changes = await t.api("GET", `/api/v1/sims/${sim.iccid}/scheduled-changes`);
    expect(changes.body.items[0]).toMatchObject({ id: changeId, status: "cancelled" });
    const audit = await t.api("GET", `/api/v1/sims/${sim.iccid}/audit`);
    expect(audit.body.items.at(-1)).toMatchObject({
      field: "scheduledChange",
      priorValue: changeId,
      value: "cancelled",
    });
  });

  it("transfers a SIM from the operator's stock to a customer with plans offered to it, keeping the trail", async () => {
    const cat = await buildCatalog(t);
    const c = await buildCustomer(t);
    const sim = await buildSim(t, { communicationPlan: cat.comm.name, ratePlan: cat.rate.name });
    const refused = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { accountId: c.account.id },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("PLAN_NOT_OFFERED");
    await offer(t, cat, c.account.id);
    const moved = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      body: { accountId: c.account.id, reason: "order 4411" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.usageLimit).toEqual({
      dataLimitBytes: 52428800,
      override: "DEFAULT",
      enforced: true,
    });
    const seen = await t.api("GET", `/api/v1/sims/${sim.iccid}`, { key: c.userKey });
    expect(seen.status).toBe(200);
    const audit = await t.api("GET", `/api/v1/sims/${sim.iccid}/audit`, { key: c.adminKey });
    expect(audit.body.items.map((a: { field: string }) => a.field)).toEqual(["created", "account"]);
    const lifted = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: c.adminKey,
      body: { overageLimitOverride: "TEMPORARY_OVERRIDE" },
    });
    expect(lifted.body.usageLimit.enforced).toBe(false);
  });

  it("pages through a filtered listing with a cursor", async () => {
    const acct = await buildAccount(t);
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(
        (await buildSim(t, { accountId: acct.id, state: i % 2 ? "ACTIVATED" : "INVENTORY" })).iccid,
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/sims?accountId=${acct.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await t.api("GET", q);
      seen.push(...res.body.items.map((s: { iccid: string }) => s.iccid));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made);
    const activated = await t.api("GET", `/api/v1/sims?accountId=${acct.id}&state=ACTIVATED`);
    expect(activated.body.items).toHaveLength(2);
    const bad = await t.api("GET", "/api/v1/sims?state=ON");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("state");
  });

  it("offers each caller exactly the transitions it may make (allowedTransitions)", async () => {
    const c = await buildCustomer(t);
    const sim = await buildSim(t, { accountId: c.account.id, state: "ACTIVATED" });
    const get = async (key?: string) =>
      (await t.api("GET", `/api/v1/sims/${sim.imsi}`, { key })).body.allowedTransitions;
    expect(await get()).toEqual(["DEACTIVATED", "RETIRED", "REPLACED"]);
    expect(await get(c.adminKey)).toEqual(["DEACTIVATED", "RETIRED"]);
    expect(await get(c.userKey)).toEqual([]);
    const moved = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: c.adminKey,
      body: { state: "RETIRED", reason: "herd sold" },
    });
    expect(moved.body.allowedTransitions).toEqual([]);
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.allowedTransitions).toEqual([
      "ACTIVATED",
      "PURGED",
    ]);
  });

  it("keeps customer roles to their rights (403) within their own subtree", async () => {
    const c = await buildCustomer(t);
    const sim = await buildSim(t, { accountId: c.account.id, state: "ACTIVATED" });
    expect(
      (
        await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
          key: c.userKey,
          body: { state: "DEACTIVATED" },
        })
      ).status,
    ).toBe(403);
    const op = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: c.adminKey,
      body: { customFields: { operatorCustom1: "x" } },
    });
    expect(op.status).toBe(403);
    const replace = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: c.adminKey,
      body: { state: "REPLACED" },
    });
    expect(replace.status).toBe(403);
    expect(replace.body.error.code).toBe("SIM_TRANSITION_OPERATOR_ONLY");
    expect(
      (await t.api("POST", "/api/v1/sims", { key: c.adminKey, body: simIdentifiers() })).status,
    ).toBe(403);
    const ok = await t.api("PATCH", `/api/v1/sims/${sim.iccid}`, {
      key: c.adminKey,
      body: { state: "DEACTIVATED", customFields: { accountCustom3: "herd B" } },
    });
    expect(ok.status).toBe(200);
  });
});

describe("tenant isolation on SIM routes", () => {
  it("never shows or changes another customer's SIMs (404), nor moves a SIM into another tenant", async () => {
    const a = await buildCustomer(t);
    const b = await buildCustomer(t);
    const simB = await buildSim(t, { accountId: b.account.id, state: "ACTIVATED" });
    const simA = await buildSim(t, { accountId: a.account.id, state: "ACTIVATED" });
    const when = new Date(t.clock.now().getTime() + 86400_000).toISOString();
    const scheduled = await t.api("PATCH", `/api/v1/sims/${simB.iccid}`, {
      body: { state: "DEACTIVATED", effectiveDate: when },
    });
    const changeId = scheduled.body.pendingChanges[0].id;
    for (const [method, path, body] of [
      ["GET", `/api/v1/sims/${simB.iccid}`, undefined],
      ["PATCH", `/api/v1/sims/${simB.iccid}`, { state: "DEACTIVATED" }],
      ["GET", `/api/v1/sims/${simB.iccid}/audit`, undefined],
      ["GET", `/api/v1/sims/${simB.iccid}/scheduled-changes`, undefined],
      ["DELETE", `/api/v1/sims/${simB.iccid}/scheduled-changes/${changeId}`, undefined],
      ["GET", `/api/v1/sims?accountId=${b.account.id}`, undefined],
    ] as const) {
      const res = await t.api(method, path, { key: a.adminKey, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    for (const q of [`imsi=${simB.imsi}`, `iccid=${simB.iccid}`, `msisdn=${simB.msisdn}`, ""]) {
      const res = await t.api("GET", `/api/v1/sims?${q}`, { key: a.userKey });
      expect(res.body.items.map((s: { iccid: string }) => s.iccid)).not.toContain(simB.iccid);
    }
    const intoB = await t.api("PATCH", `/api/v1/sims/${simA.iccid}`, {
      key: a.adminKey,
      body: { accountId: b.account.id },
    });
    expect(intoB.status).toBe(400);
    expect(intoB.body.error.code).toBe("UNKNOWN_ACCOUNT");
    expect((await t.api("GET", `/api/v1/sims/${simB.iccid}`)).body.state).toBe("ACTIVATED");
  });
});
