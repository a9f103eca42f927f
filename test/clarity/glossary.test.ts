import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCustomer, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

interface Term {
  language: string;
  term: string;
  explanation: string;
  origin: string;
}

/** The operator's glossary of jargon: shipped with Otter's terms, then the team's to change. */
describe("the clarity glossary over HTTP", () => {
  let t: TestOtter;
  let agent: { key: string };
  let customer: Awaited<ReturnType<typeof buildCustomer>>;

  beforeAll(async () => {
    t = await startOtter({}, { startWorkers: false });
    agent = await buildUser(t, t.rootAccountId, "operator_agent");
    customer = await buildCustomer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (language?: string) => {
    const res = await t.api(
      "GET",
      `/api/v1/clarity/glossary${language ? `?language=${language}` : ""}`,
      { key: agent.key },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Term[];
  };
  const jargonIn = async (body: string, language = "en") => {
    const res = await t.api("POST", "/api/v1/clarity/check", {
      key: agent.key,
      body: { body, language },
    });
    expect(res.status).toBe(200);
    return (res.body.findings as { rule: string; start: number; end: number }[])
      .filter((f) => f.rule === "jargon")
      .map((f) => body.slice(f.start, f.end));
  };

  it("ships the terms of IoT connectivity in English, Italian and Swedish", async () => {
    const all = await list();
    for (const language of ["en", "it", "sv"]) {
      const apn = all.find((x) => x.language === language && x.term === "APN");
      expect(apn, `APN in ${language}`).toMatchObject({ origin: "shipped" });
      expect(apn!.explanation.length).toBeGreaterThan(5);
    }
    const it_ = await list("it");
    expect(it_.length).toBeGreaterThan(0);
    expect(it_.every((x) => x.language === "it")).toBe(true);
  });

  it("adds a term, refuses it twice in any case, and the check then explains it", async () => {
    const res = await t.api("POST", "/api/v1/clarity/glossary/en", {
      key: agent.key,
      body: {
        term: "eDRX",
        explanation: "a power-saving mode: the device listens for the network only now and then",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ language: "en", term: "eDRX", origin: "team" });
    const again = await t.api("POST", "/api/v1/clarity/glossary/en", {
      key: agent.key,
      body: { term: "EDRX", explanation: "twice" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CLARITY_TERM_EXISTS");
    expect((await list("en")).filter((x) => x.term.toLowerCase() === "edrx")).toHaveLength(1);
    expect(await jargonIn("Your trackers now use eDRX to save battery.")).toEqual(["eDRX"]);
  });

  it("changes a shipped term's explanation, which makes it the team's", async () => {
    const res = await t.api("PUT", "/api/v1/clarity/glossary/sv/APN", {
      key: agent.key,
      body: { explanation: "namnet på den åtkomstpunkt som enheterna ansluter genom" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ language: "sv", term: "APN", origin: "team" });
    const sv = (await list("sv")).find((x) => x.term === "APN");
    expect(sv?.explanation).toBe("namnet på den åtkomstpunkt som enheterna ansluter genom");
  });

  it("removes a term for good: the check stops flagging it and it never comes back", async () => {
    const body = "The APN of your trackers is set.";
    expect(await jargonIn(body)).toEqual(["APN"]);
    const res = await t.api("DELETE", "/api/v1/clarity/glossary/en/apn", { key: agent.key });
    expect(res.status).toBe(204);
    expect(await jargonIn(body)).toEqual([]);
    expect((await list("en")).some((x) => x.term === "APN")).toBe(false);
    // Other languages keep theirs.
    expect((await list("it")).some((x) => x.term === "APN")).toBe(true);
  });

  it("answers clear errors naming the field, and changes nothing", async () => {
    const before = await list();
    const missing = await t.api("PUT", "/api/v1/clarity/glossary/en/NOPE", {
      key: agent.key,
      body: { explanation: "x" },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("CLARITY_TERM_NOT_FOUND");
    const gone = await t.api("DELETE", "/api/v1/clarity/glossary/en/NOPE", { key: agent.key });
    expect(gone.body.error.code).toBe("CLARITY_TERM_NOT_FOUND");
    const empty = await t.api("POST", "/api/v1/clarity/glossary/en", {
      key: agent.key,
      body: { term: " ", explanation: "x" },
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error)).toContain("term");
    const german = await t.api("POST", "/api/v1/clarity/glossary/de", {
      key: agent.key,
      body: { term: "APN", explanation: "x" },
    });
    expect(german.status).toBe(400);
    expect(JSON.stringify(german.body.error)).toContain("language");
    expect(await list()).toEqual(before);
  });

  it("is the operator's: customers may not read or change it", async () => {
    const read = await t.api("GET", "/api/v1/clarity/glossary", { key: customer.adminKey });
    expect(read.status).toBe(403);
    const add = await t.api("POST", "/api/v1/clarity/glossary/en", {
      key: customer.adminKey,
      body: { term: "spy", explanation: "spy" },
    });
    expect(add.status).toBe(403);
  });
});
