import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, buildSim, buildUser, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addContact } from "../desk/desk-support.js";

const WEEK = 7 * 24 * 3600_000;

/**
 * Replies as sent: the server checks each one again, stores its findings with the reply together
 * with what the agent accepted or dismissed in the draft, and never refuses to send; the team's
 * statistics count, per week, the replies that went out with findings left open.
 */
describe("the clarity check of sent replies, and the team's statistics", () => {
  let t: TestOtter;
  let zoo: Awaited<ReturnType<typeof buildCustomer>>;
  let farm: Awaited<ReturnType<typeof buildCustomer>>;
  let agent: { user: { id: string }; key: string };
  let farmIccid: string;

  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
    // Wednesday noon UTC: the week starts on Monday 2026-11-30.
    t.clock.set("2026-12-02T12:00:00Z");
    zoo = await buildCustomer(t, { name: "Zoo Telemetry" });
    farm = await buildCustomer(t, { name: "Farm Sensors" });
    agent = await buildUser(t, t.rootAccountId, "operator_agent");
    const cat = await buildCatalog(t);
    await offer(t, cat, farm.account.id);
    farmIccid = (
      await buildSim(t, {
        accountId: farm.account.id,
        state: "ACTIVATED",
        communicationPlan: cat.comm.id,
        ratePlan: cat.rate.id,
      })
    ).iccid;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function zooCase() {
    const k = await addContact(t, zoo.account.id, {
      name: "Dana Keeper",
      email: `dana.${Math.random().toString(36).slice(2)}@zoo.example`,
    });
    const res = await t.api("POST", "/api/v1/cases", {
      key: agent.key,
      body: { accountId: zoo.account.id, subject: "Collar offline", contactIds: [k.id] },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function send(caseId: string, body: string, clarity?: unknown) {
    const res = await t.api("POST", `/api/v1/cases/${caseId}/replies`, {
      key: agent.key,
      body: { body, ...(clarity ? { clarity } : {}) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { entryId: string };
  }

  const stored = async (caseId: string, entryId: string) => {
    const res = await t.api("GET", `/api/v1/cases/${caseId}/replies/${entryId}/clarity`, {
      key: agent.key,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it("sends a reply with findings, and stores them with what the agent accepted and dismissed", async () => {
    const caseId = await zooCase();
    const draft = `Hello {{first_name}},\n\nSIM ${farmIccid} is online again. Your case is {{case_number}}.\n\nOtter Support`;
    const checked = await t.api("POST", `/api/v1/cases/${caseId}/replies/check`, {
      key: agent.key,
      body: { body: draft },
    });
    const rules = checked.body.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain("unfilled_placeholder");
    expect(rules).toContain("foreign_identifier");

    // The agent fills in the first placeholder, keeps the ICCID on purpose, forgets the second one.
    const sent = draft.replace("{{first_name}}", "Dana");
    const reply = await send(caseId, sent, {
      decisions: [
        {
          rule: "unfilled_placeholder",
          decision: "accepted",
          text: "{{first_name}}",
          suggestion: "Dana",
        },
        { rule: "foreign_identifier", decision: "dismissed", text: farmIccid },
      ],
    });

    const check = await stored(caseId, reply.entryId);
    expect(check.language).toBe("en");
    const byDecision = (d: string) =>
      check.findings
        .filter((f: { decision: string }) => f.decision === d)
        .map((f: { rule: string; text: string }) => [f.rule, f.text]);
    expect(byDecision("dismissed")).toEqual([["foreign_identifier", farmIccid]]);
    expect(byDecision("open")).toEqual([["unfilled_placeholder", "{{case_number}}"]]);
    expect(byDecision("accepted")).toEqual([["unfilled_placeholder", "{{first_name}}"]]);
    const open = check.findings.find((f: { decision: string }) => f.decision === "open");
    expect(sent.slice(open.start, open.end)).toBe("{{case_number}}");
  });

  it("checks a reply sent without any decisions too, and a clean reply keeps no findings", async () => {
    const caseId = await zooCase();
    const bare = await send(caseId, "Hello {{first_name}},\n\nthe collar is online again.");
    expect((await stored(caseId, bare.entryId)).findings).toMatchObject([
      { rule: "unfilled_placeholder", decision: "open", text: "{{first_name}}" },
    ]);
    const clean = await send(caseId, "Hello Dana,\n\nthe collar is online again.\n\nOtter Support");
    expect((await stored(caseId, clean.entryId)).findings).toEqual([]);
  });

  it("counts per week the share of replies sent with open findings, by rule", async () => {
    const res = await t.api("GET", "/api/v1/clarity/stats?weeks=2", { key: agent.key });
    expect(res.status).toBe(200);
    expect(res.body.weeks.map((w: { week: string }) => w.week)).toEqual([
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(res.body.weeks[0]).toEqual({
      week: "2026-11-23",
      replies: 0,
      withOpenFindings: 0,
      share: 0,
      byRule: [],
    });
    // Three replies this week; two went out with a finding left open (a dismissed one counts).
    expect(res.body.weeks[1]).toMatchObject({ replies: 3, withOpenFindings: 2, share: 0.6667 });
    expect(res.body.weeks[1].byRule).toEqual([
      { rule: "foreign_identifier", replies: 1, share: 0.3333, dismissed: 1, accepted: 0 },
      { rule: "unfilled_placeholder", replies: 2, share: 0.6667, dismissed: 0, accepted: 1 },
    ]);

    // A week later, last week's replies move one row up.
    t.clock.advance(WEEK);
    const caseId = await zooCase();
    await send(caseId, "Hello Dana,\n\nall is well.\n\nOtter Support");
    const later = (await t.api("GET", "/api/v1/clarity/stats?weeks=2", { key: agent.key })).body;
    expect(later.weeks.map((w: { replies: number }) => w.replies)).toEqual([3, 1]);
    expect(later.weeks[1]).toMatchObject({ week: "2026-12-07", withOpenFindings: 0, share: 0 });
  });

  it("keeps the statistics and stored checks to the operator's people, and checks the weeks asked for", async () => {
    const stats = await t.api("GET", "/api/v1/clarity/stats", { key: zoo.adminKey });
    expect(stats.status).toBe(403);
    const bad = await t.api("GET", "/api/v1/clarity/stats?weeks=0", { key: agent.key });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain("weeks");
    const caseId = await zooCase();
    const none = await t.api(
      "GET",
      `/api/v1/cases/${caseId}/replies/0190a8a0-0000-7000-8000-00000000abcd/clarity`,
      { key: agent.key },
    );
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe("CLARITY_CHECK_NOT_FOUND");
  });

  it("refuses a decision naming an unknown rule, and sends nothing", async () => {
    const caseId = await zooCase();
    const res = await t.api("POST", `/api/v1/cases/${caseId}/replies`, {
      key: agent.key,
      body: {
        body: "Hello Dana",
        clarity: { decisions: [{ rule: "tone", decision: "dismissed", text: "Hello" }] },
      },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain("clarity");
    const c = (await t.api("GET", `/api/v1/cases/${caseId}`, { key: agent.key })).body;
    expect(c.timeline.filter((e: { kind: string }) => e.kind === "email_out")).toEqual([]);
  });
});
