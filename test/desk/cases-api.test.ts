import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, buildSim, buildUser, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addContact, getCase } from "./desk-support.js";

describe("cases over the API", () => {
  let t: TestOtter;
  let zoo: Awaited<ReturnType<typeof buildCustomer>>;
  let farm: Awaited<ReturnType<typeof buildCustomer>>;
  let agent: { user: { id: string }; key: string };

  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
    zoo = await buildCustomer(t, { name: "Zoo Telemetry" });
    farm = await buildCustomer(t, { name: "Farm Sensors" });
    agent = await buildUser(t, t.rootAccountId, "operator_agent");
  });
  afterAll(async () => {
    await t?.close();
  });

  async function openCase(body: Record<string, unknown> = {}, key?: string) {
    const res = await t.api("POST", "/api/v1/cases", {
      key,
      body: { accountId: zoo.account.id, subject: "Collar offline", ...body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it("numbers cases, owns them by the agent who opens them, and logs every change on the timeline", async () => {
    const a = await openCase({}, agent.key);
    const b = await openCase({ subject: "Invoice", category: "billing" }, agent.key);
    expect(b.number).toBe(a.number + 1);
    expect(a).toMatchObject({
      state: "new",
      priority: "normal",
      category: "other",
      ownerUserId: agent.user.id,
      tmf621Status: "acknowledged",
    });

    const res = await t.api("PATCH", `/api/v1/cases/${a.id}`, {
      key: agent.key,
      body: { state: "open", priority: "urgent", category: "technical" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: "open",
      priority: "urgent",
      category: "technical",
      tmf621Status: "inProgress",
    });
    const kinds = res.body.timeline.map((e: any) => e.data.type);
    expect(kinds).toEqual([
      "created",
      "owner_changed",
      "priority_changed",
      "category_changed",
      "state_changed",
    ]);
    expect(res.body.timeline.every((e: any) => e.kind === "event")).toBe(true);

    await t.api("PATCH", `/api/v1/cases/${a.id}`, { key: agent.key, body: { state: "closed" } });
    const reopen = await t.api("PATCH", `/api/v1/cases/${a.id}`, {
      key: agent.key,
      body: { state: "open" },
    });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe("CASE_INVALID_TRANSITION");
    const note = await t.api("POST", `/api/v1/cases/${a.id}/notes`, {
      key: agent.key,
      body: { body: "late" },
    });
    expect(note.body.error.code).toBe("CASE_CLOSED");
    expect((await getCase(t, a.id)).timeline).toHaveLength(6);
  });

  it("refuses an owner who is not an operator agent, naming the field, and changes nothing", async () => {
    const c = await openCase({}, agent.key);
    const res = await t.api("PATCH", `/api/v1/cases/${c.id}`, {
      key: agent.key,
      body: { ownerUserId: zoo.admin.id, priority: "high" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "CASE_OWNER_NOT_AGENT",
      details: [{ field: "ownerUserId" }],
    });
    expect(await getCase(t, c.id)).toMatchObject({
      ownerUserId: agent.user.id,
      priority: "normal",
    });
  });

  it("lists cases by state, owner, account, category and number, in pages", async () => {
    const mine = await openCase({ subject: "Filter me", category: "plans" }, agent.key);
    const byOwner = await t.api("GET", `/api/v1/cases?owner=${agent.user.id}&category=plans`);
    expect(byOwner.body.items.map((c: any) => c.id)).toEqual([mine.id]);
    const byNumber = await t.api("GET", `/api/v1/cases?q=%23${mine.number}`);
    expect(byNumber.body.items.map((c: any) => c.id)).toEqual([mine.id]);
    const page1 = await t.api("GET", `/api/v1/cases?account=${zoo.account.id}&limit=2`);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await t.api(
      "GET",
      `/api/v1/cases?account=${zoo.account.id}&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items[0].id < page1.body.items[1].id).toBe(true);
    const states = await t.api("GET", "/api/v1/cases?state=new&state=open");
    expect(states.body.items.every((c: any) => ["new", "open"].includes(c.state))).toBe(true);
  });

  it("logs a call on the case and finds the caller by number, with the customer's open cases", async () => {
    const contact = await addContact(t, zoo.account.id, {
      name: "Giulia Rossi",
      email: "giulia@zoo.example",
      phone: "+39 02 1234 5678",
    });
    const c = await openCase({ subject: "Gateway silent" }, agent.key);
    const lookup = await t.api(
      "GET",
      `/api/v1/desk/callers?number=${encodeURIComponent("0039 02 12345678")}`,
      { key: agent.key },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.matches).toHaveLength(1);
    expect(lookup.body.matches[0]).toMatchObject({
      contact: { id: contact.id, name: "Giulia Rossi" },
      account: { id: zoo.account.id, name: "Zoo Telemetry" },
    });
    expect(lookup.body.matches[0].openCases.map((x: any) => x.id)).toContain(c.id);
    expect(
      (await t.api("GET", "/api/v1/desk/callers?number=%2B46701111111", { key: agent.key })).body
        .matches,
    ).toEqual([]);

    const call = await t.api("POST", `/api/v1/cases/${c.id}/calls`, {
      key: agent.key,
      body: {
        direction: "inbound",
        number: "+39 02 1234 5678",
        contactId: contact.id,
        durationSeconds: 312,
        summary: "Gateway lost power; customer will restart it.",
      },
    });
    expect(call.status).toBe(201);
    const entry = (await getCase(t, c.id)).timeline.at(-1);
    expect(entry).toMatchObject({
      kind: "phone",
      body: "Gateway lost power; customer will restart it.",
      actor: { userId: agent.user.id },
      data: {
        direction: "inbound",
        number: "+39 02 1234 5678",
        contactId: contact.id,
        contactName: "Giulia Rossi",
        durationSeconds: 312,
      },
    });

    const bad = await t.api("POST", `/api/v1/cases/${c.id}/calls`, {
      key: agent.key,
      body: { direction: "sideways", number: "x", durationSeconds: -1, summary: "" },
    });
    expect(bad.status).toBe(400);
    expect((await getCase(t, c.id)).timeline.at(-1).id).toBe(entry.id);
    // A customer cannot look callers up.
    expect(
      (await t.api("GET", "/api/v1/desk/callers?number=%2B390212345678", { key: zoo.adminKey }))
        .status,
    ).toBe(403);
  });

  it("consults a team without handing the case over: waits on it, shows the answer, keeps the owner", async () => {
    const c = await openCase({}, agent.key);
    await t.api("PATCH", `/api/v1/cases/${c.id}`, { key: agent.key, body: { state: "open" } });
    const cons = await t.api("POST", `/api/v1/cases/${c.id}/consultations`, {
      key: agent.key,
      body: {
        team: "network",
        subject: "Is PGW-2 dropping sessions?",
        body: "Customer sees 30% drops since 06:00.",
      },
    });
    expect(cons.status).toBe(201);
    expect((await getCase(t, c.id)).state).toBe("waiting_on_consultation");
    const other = await buildUser(t, t.rootAccountId, "operator_agent");
    const answer = await t.api(
      "POST",
      `/api/v1/cases/${c.id}/consultations/${cons.body.id}/replies`,
      { key: other.key, body: { body: "Yes, PGW-2 was restarted at 06:02; fixed now." } },
    );
    expect(answer.status).toBe(201);
    const detail = await getCase(t, c.id);
    expect(detail).toMatchObject({
      state: "open",
      ownerUserId: agent.user.id,
      consultations: [{ id: cons.body.id, team: "network", state: "answered" }],
    });
    expect(detail.timeline.at(-1).data).toMatchObject({
      type: "state_changed",
      to: "open",
      reason: "consultation answered",
      reasonCode: "consultation_answered",
    });
    expect(
      detail.timeline
        .filter((e: any) => e.kind === "consultation")
        .map((e: any) => [e.data.type, e.body]),
    ).toEqual([
      ["opened", "Customer sees 30% drops since 06:00."],
      ["answer", "Yes, PGW-2 was restarted at 06:02; fixed now."],
    ]);
    expect(
      detail.timeline.some(
        (e: any) => e.data.type === "owner_changed" && e.data.to === other.user.id,
      ),
    ).toBe(false);
    const both = await t.api("POST", `/api/v1/cases/${c.id}/consultations`, {
      key: agent.key,
      body: { team: "x", address: "a@b.example", subject: "s", body: "b" },
    });
    expect(both.body.error.code).toBe("CONSULTATION_TARGET");
  });

  it("links a SIM and shows its state, plans, connectivity and diagnosis in the case", async () => {
    const cat = await buildCatalog(t);
    await offer(t, cat, zoo.account.id);
    const sim = await buildSim(t, {
      accountId: zoo.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const c = await openCase({ category: "technical" }, agent.key);
    const res = await t.api("POST", `/api/v1/cases/${c.id}/links`, {
      key: agent.key,
      body: { iccid: sim.iccid },
    });
    expect(res.status).toBe(201);
    const link = res.body.links[0];
    expect(link).toMatchObject({ kind: "sim", iccid: sim.iccid });
    expect(link.context.sim).toMatchObject({ iccid: sim.iccid, state: "ACTIVATED" });
    expect(link.context.connectivity).toBeTruthy();
    expect(link.context.diagnosis).toMatchObject({ iccid: sim.iccid });
    expect(res.body.timeline.at(-1)).toMatchObject({
      kind: "event",
      data: { type: "linked", sim: sim.iccid },
    });
    // The customer sees the same context on its own case.
    const theirs = await getCase(t, c.id, zoo.adminKey);
    expect(theirs.links[0].context.sim.iccid).toBe(sim.iccid);
    const unlink = await t.api("DELETE", `/api/v1/cases/${c.id}/links/${link.id}`, {
      key: agent.key,
    });
    expect(unlink.status).toBe(204);
    const after = await getCase(t, c.id);
    expect(after.links).toEqual([]);
    // The timeline names the unlinked SIM by its ICCID, as it named the linked one.
    expect(after.timeline.map((e: any) => e.data)).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "unlinked", sim: sim.iccid })]),
    );
  });

  it("lets a customer open and read its own cases, never internal notes, never another customer's cases or triage", async () => {
    const own = await openCase(
      { subject: "Need 200 SIMs", accountId: undefined, category: "sim_order" },
      zoo.userKey,
    );
    expect(own).toMatchObject({
      accountId: zoo.account.id,
      ownerUserId: null,
      category: "sim_order",
    });
    await t.api("POST", `/api/v1/cases/${own.id}/notes`, {
      key: agent.key,
      body: { body: "Check their credit limit first." },
    });
    const theirs = await getCase(t, own.id, zoo.userKey);
    expect(theirs.timeline.some((e: any) => e.kind === "note")).toBe(false);
    expect((await getCase(t, own.id)).timeline.some((e: any) => e.kind === "note")).toBe(true);

    const farmCase = await openCase({ accountId: farm.account.id, subject: "Farm" }, agent.key);
    const triage = await openCase({ accountId: null, subject: "Unknown" }, agent.key);
    expect(triage.triage).toBe(true);
    for (const id of [farmCase.id, triage.id]) {
      expect((await t.api("GET", `/api/v1/cases/${id}`, { key: zoo.adminKey })).status).toBe(404);
    }
    const list = await t.api("GET", "/api/v1/cases?limit=500", { key: zoo.adminKey });
    expect(list.body.items.every((c: any) => c.accountId === zoo.account.id)).toBe(true);
    expect(
      (await t.api("GET", "/api/v1/cases?triage=true", { key: zoo.adminKey })).body.items,
    ).toEqual([]);
    expect(
      (
        await t.api("POST", `/api/v1/cases/${own.id}/notes`, {
          key: zoo.adminKey,
          body: { body: "hi" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api("POST", "/api/v1/cases", {
          key: zoo.adminKey,
          body: { accountId: farm.account.id, subject: "x" },
        })
      ).status,
    ).toBe(404);
  });

  it("opens one case per automation rule and event, however often it is asked", async () => {
    const cat = await buildCatalog(t);
    await offer(t, cat, zoo.account.id);
    const sim = await buildSim(t, {
      accountId: zoo.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const input = {
      accountId: zoo.account.id,
      subject: "SIM reached its data limit",
      body: `SIM ${sim.iccid} used 50 MB.`,
      priority: "high" as const,
      simIccids: [sim.iccid],
      source: { ruleId: "rule-1", eventId: "event-1" },
    };
    const [a, b] = await Promise.all([
      t.otter.services.cases.openCaseFromAutomation(input),
      t.otter.services.cases.openCaseFromAutomation(input),
    ]);
    expect(b).toEqual(a);
    expect(await t.otter.services.cases.openCaseFromAutomation(input)).toEqual(a);
    const other = await t.otter.services.cases.openCaseFromAutomation({
      ...input,
      source: { ruleId: "rule-1", eventId: "event-2" },
    });
    expect(other.id).not.toBe(a.id);
    const c = await getCase(t, a.id);
    expect(c).toMatchObject({
      number: a.number,
      channel: "automation",
      priority: "high",
      category: "technical",
      accountId: zoo.account.id,
    });
    expect(c.links.map((l: any) => l.iccid)).toEqual([sim.iccid]);
    expect(c.timeline[0]).toMatchObject({
      kind: "event",
      body: `SIM ${sim.iccid} used 50 MB.`,
      actor: { name: "automation rule rule-1" },
    });
  });

  it("records case.created, case.replied and case.state_changed as domain events", async () => {
    const c = await openCase({}, agent.key);
    const reply = await t.api("POST", `/api/v1/cases/${c.id}/replies`, {
      key: agent.key,
      body: { body: "On it.", to: ["noc@zoo.example"] },
    });
    // No relay here: the case speaks the outbox's words and says why the reply waits.
    expect(reply.body).toMatchObject({ sendStatus: "queued", waitingForRelay: true });
    const shown = await t.api("GET", `/api/v1/cases/${c.id}`, { key: agent.key });
    expect(shown.body.timeline.find((e: any) => e.kind === "email_out").message).toMatchObject({
      sendStatus: "queued",
      waitingForRelay: true,
    });
    const rows = await t.otter.database.db
      .selectFrom("domain_events")
      .select(["type", "data"])
      .where("subject_id", "=", c.id)
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.type)).toEqual(["case.created", "case.replied", "case.state_changed"]);
    expect(rows[1]!.data).toMatchObject({ by: "agent", to: ["noc@zoo.example"] });
    const outbox = await t.api("GET", "/api/v1/outbox");
    expect(outbox.body.items[0]).toMatchObject({
      purpose: "case_reply",
      status: "queued",
      waitingForRelay: true,
      to: ["noc@zoo.example"],
      subject: `Re: Collar offline [Case #${c.number}]`,
    });
  });
});
