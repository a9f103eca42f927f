import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCatalog,
  buildCustomer,
  buildSim,
  buildUser,
  offer,
  runJob,
} from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addContact, addMailbox, casesFrom, deliver, msgId, rfc822 } from "../desk/desk-support.js";

const SUPPORT = "support@otter.example";

interface Finding {
  rule: string;
  severity: string;
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

/** The text each finding of a rule points at. */
const spans = (body: string, findings: Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => body.slice(f.start, f.end));

describe("the clarity check of a draft reply, over HTTP", () => {
  let t: TestOtter;
  let zoo: Awaited<ReturnType<typeof buildCustomer>>;
  let farm: Awaited<ReturnType<typeof buildCustomer>>;
  let agent: { user: { id: string }; key: string };
  let zooSim: { iccid: string };
  let farmSim: { iccid: string };

  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
    await addMailbox(t, SUPPORT);
    zoo = await buildCustomer(t, { name: "Zoo Telemetry", timeZone: "Europe/Rome" });
    farm = await buildCustomer(t, { name: "Farm Sensors", timeZone: "Europe/Stockholm" });
    agent = await buildUser(t, t.rootAccountId, "operator_agent");
    const cat = await buildCatalog(t);
    await offer(t, cat, zoo.account.id);
    await offer(t, cat, farm.account.id);
    const plans = { communicationPlan: cat.comm.id, ratePlan: cat.rate.id };
    zooSim = await buildSim(t, { accountId: zoo.account.id, state: "ACTIVATED", ...plans });
    farmSim = await buildSim(t, { accountId: farm.account.id, state: "ACTIVATED", ...plans });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A case an agent opens for a contact of the customer (who has an address to reply to). */
  async function agentCase(
    customer: { account: { id: string } },
    contact: { language?: string } = {},
  ) {
    const k = await addContact(t, customer.account.id, {
      name: "Dana Keeper",
      email: `dana.${Math.random().toString(36).slice(2)}@customer.example`,
      ...contact,
    } as never);
    const res = await t.api("POST", "/api/v1/cases", {
      key: agent.key,
      body: { accountId: customer.account.id, subject: "Collar offline", contactIds: [k.id] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  }

  async function check(caseId: string, body: string, key = agent.key) {
    const res = await t.api("POST", `/api/v1/cases/${caseId}/replies/check`, {
      key,
      body: { body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as {
      language: string;
      readability: { formula: string; score: number };
      findings: Finding[];
    };
  }

  it("answers the fixed shape: language, readability formula and score, findings with spans in the body", async () => {
    const c = await agentCase(zoo);
    const body =
      "Hello Dana,\n\nThank you for your message. We have checked the collar and it is online again.\n\nBest regards,\nOtter Support";
    const r = await check(c.id, body);
    expect(r.language).toBe("en");
    expect(r.readability.formula).toBe("flesch");
    expect(typeof r.readability.score).toBe("number");
    for (const f of r.findings) {
      expect(["info", "warning"]).toContain(f.severity);
      expect(0 <= f.start && f.start <= f.end && f.end <= body.length).toBe(true);
      expect(f.message.length).toBeGreaterThan(0);
    }
  });

  it("flags a placeholder of a saved reply left unfilled, at its place in the text", async () => {
    const c = await agentCase(zoo);
    const body = "Hello {{first_name}},\n\nYour collar is back online.\n\nOtter Support";
    const r = await check(c.id, body);
    expect(spans(body, r.findings, "unfilled_placeholder")).toEqual(["{{first_name}}"]);
  });

  it("flags jargon the customer never used, and not once the customer wrote the term first", async () => {
    const c = await agentCase(zoo);
    const body = "Hello Dana,\n\nThe APN on your collar is set correctly now.\n\nOtter Support";
    const r = await check(c.id, body);
    expect(spans(body, r.findings, "jargon")).toEqual(["APN"]);

    // The customer's own mail names the APN: the reply may use the customer's word.
    const dana = "dana.apn@zoo.example";
    await addContact(t, zoo.account.id, { name: "Dana Apn", email: dana });
    const subject = "Which APN?";
    await deliver(
      t,
      rfc822(
        { From: dana, To: SUPPORT, Subject: subject, "Message-ID": msgId("apn") },
        "Hello, which APN should our collars use? They do not connect since Monday.",
      ),
      { from: dana, to: [SUPPORT] },
    );
    const mailed = (await casesFrom(t, dana)).find((x) => x.subject === subject);
    expect(mailed).toBeTruthy();
    const again = await check(mailed.id, body);
    expect(spans(body, again.findings, "jargon")).toEqual([]);
  });

  it("flags an English reply to a customer whose contact speaks Italian", async () => {
    const c = await agentCase(zoo, { language: "it-IT" });
    const body =
      "Hello Dana,\n\nThank you for your message. We have checked the collar and it is online again. We will keep an eye on it for the rest of the week.\n\nBest regards,\nOtter Support";
    const r = await check(c.id, body);
    expect(r.language).toBe("en");
    const mismatch = r.findings.filter((f) => f.rule === "language_mismatch");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ start: 0, end: body.length });
  });

  it("flags another customer's ICCID as foreign and a wrong check digit as invalid, never the customer's own SIM", async () => {
    const c = await agentCase(zoo);
    const broken = zooSim.iccid.slice(0, -1) + String((Number(zooSim.iccid.at(-1)) + 1) % 10);
    const body = `Hello Dana,\n\nSIM ${zooSim.iccid} is online. SIM ${farmSim.iccid} is not. Please check ${broken} too.\n\nOtter Support`;
    const r = await check(c.id, body);
    expect(spans(body, r.findings, "foreign_identifier")).toEqual([farmSim.iccid]);
    expect(spans(body, r.findings, "invalid_identifier")).toEqual([broken]);

    // The other customer's case sees it the other way round.
    const other = await agentCase(farm);
    const r2 = await check(other.id, body);
    expect(spans(body, r2.findings, "foreign_identifier")).toEqual([zooSim.iccid]);
  });

  it("flags an invoice number of another customer as foreign, never the customer's own", async () => {
    await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    const numbers: string[] = [];
    for (const customer of [zoo, farm]) {
      await t.api("PUT", `/api/v1/accounts/${customer.account.id}/billing-profile`, {
        body: { cycle: "calendar", country: "IT" },
      });
      const run = await t.api("POST", "/api/v1/billing-runs", {
        body: { period: "2026-03", accountId: customer.account.id },
      });
      expect(run.status, JSON.stringify(run.body)).toBe(202);
      await runJob(t, run.body.jobId);
      const list = await t.api("GET", `/api/v1/invoices?accountId=${customer.account.id}`);
      const issued = await t.api("POST", `/api/v1/invoices/${list.body.items[0].id}/issue`);
      expect(issued.status, JSON.stringify(issued.body)).toBe(200);
      numbers.push(issued.body.number as string);
    }
    const [zooInvoice, farmInvoice] = numbers as [string, string];
    const c = await agentCase(zoo);
    const body = `Hello Dana,\n\nInvoice ${zooInvoice} is correct; ${farmInvoice} is not yours.\n\nOtter Support`;
    const r = await check(c.id, body);
    expect(spans(body, r.findings, "foreign_identifier")).toEqual([farmInvoice]);
  });

  it("lets a customer check a draft on its own case, and answers 404 for another customer's case", async () => {
    const c = await agentCase(zoo);
    const own = await check(c.id, "Hello, SIM 123 is fine.", zoo.adminKey);
    expect(own.language).toBeDefined();
    const res = await t.api("POST", `/api/v1/cases/${c.id}/replies/check`, {
      key: farm.adminKey,
      body: { body: "Hello" },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("CASE_NOT_FOUND");
  });

  it("refuses an empty body, naming the field, and an unknown case", async () => {
    const c = await agentCase(zoo);
    const empty = await t.api("POST", `/api/v1/cases/${c.id}/replies/check`, {
      key: agent.key,
      body: { body: "" },
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error)).toContain("body");
    const unknown = await t.api(
      "POST",
      "/api/v1/cases/0190a8a0-0000-7000-8000-00000000abcd/replies/check",
      { key: agent.key, body: { body: "Hello" } },
    );
    expect(unknown.status).toBe(404);
  });

  describe("standalone check of text not on a case", () => {
    const post = (body: unknown, key = agent.key) =>
      t.api("POST", "/api/v1/clarity/check", { key, body });

    it("checks in the language asked for, with that language's formula", async () => {
      const sv = await post({
        body: "Hej Dana,\n\nTack för ditt meddelande. Vi har kontrollerat halsbandet och det är online igen.\n\nMed vänliga hälsningar,\nOtter Support",
        language: "sv",
      });
      expect(sv.status).toBe(200);
      expect(sv.body).toMatchObject({ language: "sv", readability: { formula: "lix" } });
      const it_ = await post({
        body: "Buongiorno Dana,\n\ngrazie per il messaggio. Abbiamo controllato il collare ed è di nuovo in linea.\n\nCordiali saluti,\nOtter Support",
        language: "it",
      });
      expect(it_.body).toMatchObject({ language: "it", readability: { formula: "gulpease" } });
    });

    it("judges identifiers against the customer named by accountId", async () => {
      const body = `Hello, SIM ${farmSim.iccid} and SIM ${zooSim.iccid} are online.`;
      const r = await post({ body, accountId: zoo.account.id });
      expect(r.status).toBe(200);
      expect(spans(body, r.body.findings, "foreign_identifier")).toEqual([farmSim.iccid]);
      // Without a customer, no identifier is judged foreign.
      const none = await post({ body });
      expect(spans(body, none.body.findings, "foreign_identifier")).toEqual([]);
    });

    it("refuses a time zone that is not one, naming the field; another tenant's account is not found", async () => {
      const bad = await post({ body: "Hello", timeZone: "Mars/Olympus" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("CLARITY_TIME_ZONE_INVALID");
      expect(bad.body.error.details[0].field).toBe("timeZone");
      const foreign = await post({ body: "Hello", accountId: farm.account.id }, zoo.adminKey);
      expect(foreign.status).toBe(404);
    });
  });
});
