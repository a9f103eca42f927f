import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPlaceholders } from "../../src/modules/desk/knowledge/placeholders.js";
import { buildCustomer, buildSim, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
let agentKey: string;
let customer: Awaited<ReturnType<typeof buildCustomer>>;

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  agentKey = (await buildUser(t, t.rootAccountId, "operator_agent")).key;
  customer = await buildCustomer(t, { name: "Serengeti Wildlife Trust" });
});
afterAll(async () => {
  await t?.close();
});

describe("saved replies", () => {
  const body =
    "Ciao {{contact.firstName}},\nabout {{case.tag}}: the SIM {{ sim.iccid }} is back online.\n{{agent.name}}";

  it("refuses an unknown placeholder at save time, naming it, and saves nothing", async () => {
    const bad = await t.api("POST", "/api/v1/desk/macros", {
      key: agentKey,
      body: { name: "Typo", body: "Hi {{contact.firstname}}, {{case.numbr}}" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: "MACRO_UNKNOWN_PLACEHOLDER",
      details: [{ field: "body" }],
    });
    expect(bad.body.error.message).toContain("{{contact.firstname}}");
    expect(bad.body.error.message).toContain("{{case.numbr}}");
    expect(
      (await t.api("GET", "/api/v1/desk/macros?q=Typo", { key: agentKey })).body.items,
    ).toHaveLength(0);
  });

  it("renders for a case: known values filled, unknown ones left visible and listed", async () => {
    const macro = await t.api("POST", "/api/v1/desk/macros", {
      key: agentKey,
      body: { name: "Back online", body, tags: ["Connectivity"] },
    });
    expect(macro.status, JSON.stringify(macro.body)).toBe(201);
    expect(macro.body).toMatchObject({
      tags: ["connectivity"],
      placeholders: ["contact.firstName", "case.tag", "sim.iccid", "agent.name"],
    });
    const dup = await t.api("POST", "/api/v1/desk/macros", {
      key: agentKey,
      body: { name: "back online", body: "x" },
    });
    expect(dup.body.error.code).toBe("MACRO_NAME_TAKEN");

    const contact = (
      await t.api("POST", `/api/v1/accounts/${customer.account.id}/contacts`, {
        body: { name: "Amani Otieno", email: "amani@serengeti.example" },
      })
    ).body;
    const c = (
      await t.api("POST", "/api/v1/cases", {
        key: agentKey,
        body: {
          accountId: customer.account.id,
          subject: "Collar silent",
          contactIds: [contact.id],
        },
      })
    ).body;
    const first = await t.api("POST", `/api/v1/cases/${c.id}/macros/${macro.body.id}/render`, {
      key: agentKey,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.body).toBe(
      `Ciao Amani,\nabout [Case #${c.number}]: the SIM {{ sim.iccid }} is back online.\nUser operator_agent`,
    );
    expect(first.body.missing).toEqual(["sim.iccid"]);

    const sim = await buildSim(t, { accountId: customer.account.id });
    expect(
      (
        await t.api("POST", `/api/v1/cases/${c.id}/links`, {
          key: agentKey,
          body: { iccid: sim.iccid },
        })
      ).status,
    ).toBe(201);
    const second = await t.api("POST", `/api/v1/cases/${c.id}/macros/${macro.body.id}/render`, {
      key: agentKey,
    });
    expect(second.body.body).toContain(`the SIM ${sim.iccid} is back online`);
    expect(second.body.missing).toEqual([]);
  });

  it("is operator staff's material: customer keys get 403, and changes are audited", async () => {
    expect((await t.api("GET", "/api/v1/desk/macros", { key: customer.adminKey })).status).toBe(
      403,
    );
    expect(
      (
        await t.api("POST", "/api/v1/desk/macros", {
          key: customer.adminKey,
          body: { name: "x", body: "y" },
        })
      ).status,
    ).toBe(403);
    const m = (await t.api("GET", "/api/v1/desk/macros?tag=connectivity", { key: agentKey })).body
      .items[0];
    const upd = await t.api("PATCH", `/api/v1/desk/macros/${m.id}`, {
      key: agentKey,
      body: { body: "Hej {{contact.firstName}}" },
    });
    expect(upd.body.placeholders).toEqual(["contact.firstName"]);
    expect(
      (
        await t.api("PATCH", `/api/v1/desk/macros/${m.id}`, {
          key: agentKey,
          body: { body: "{{sim.imei}}" },
        })
      ).body.error.code,
    ).toBe("MACRO_UNKNOWN_PLACEHOLDER");
    expect((await t.api("DELETE", `/api/v1/desk/macros/${m.id}`, { key: agentKey })).status).toBe(
      204,
    );
    expect((await t.api("GET", `/api/v1/desk/macros/${m.id}`, { key: agentKey })).status).toBe(404);
    const audit = await t.api("GET", `/api/v1/audit-log?entityId=${m.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action).sort()).toEqual([
      "desk.macro.create",
      "desk.macro.delete",
      "desk.macro.update",
    ]);
  });

  it("renders the placeholders it is given and nothing else (pure)", () => {
    expect(
      renderPlaceholders("{{case.number}} {{case.number}} {{sim.msisdn}}", { "case.number": "7" }),
    ).toEqual({ text: "7 7 {{sim.msisdn}}", missing: ["sim.msisdn"] });
  });
});

describe("knowledge base", () => {
  it("finds articles by words in any language, by fragment of a title and by tag", async () => {
    const write = (title: string, text: string, tags: string[]) =>
      t.api("POST", "/api/v1/desk/articles", { key: agentKey, body: { title, body: text, tags } });
    const roaming = await write(
      "Roaming in East Africa",
      "A SIM roams in Kenya only when the communication plan allows the zone.",
      ["roaming", "plans"],
    );
    expect(roaming.status, JSON.stringify(roaming.body)).toBe(201);
    await write(
      "Come leggere la fattura",
      "Ogni riga della fattura rimanda alle sessioni dati che la compongono.",
      ["billing"],
    );
    await write(
      "Byta abonnemang",
      "Så byter du prisplan för en SIM: ändringen gäller från nästa fakturaperiod.",
      ["plans"],
    );

    const find = async (q: string) =>
      (await t.api("GET", `/api/v1/desk/articles?${q}`, { key: agentKey })).body.items.map(
        (a: { title: string }) => a.title,
      );
    expect(await find("q=kenya zone")).toEqual(["Roaming in East Africa"]);
    expect(await find("q=fattura")).toEqual(["Come leggere la fattura"]);
    expect(await find("q=prisplan")).toEqual(["Byta abonnemang"]);
    expect(await find("q=Roam")).toEqual(["Roaming in East Africa"]);
    expect((await find("tag=plans")).sort()).toEqual(["Byta abonnemang", "Roaming in East Africa"]);
    expect(await find("q=giraffe")).toEqual([]);

    const upd = await t.api("PATCH", `/api/v1/desk/articles/${roaming.body.id}`, {
      key: agentKey,
      body: { body: "Tanzania is in the zone too." },
    });
    expect(upd.status).toBe(200);
    expect(await find("q=tanzania")).toEqual(["Roaming in East Africa"]);
    expect(await find("q=kenya")).toEqual([]);
    expect(
      (await t.api("DELETE", `/api/v1/desk/articles/${roaming.body.id}`, { key: agentKey })).status,
    ).toBe(204);
    expect(
      (await t.api("GET", `/api/v1/desk/articles/${roaming.body.id}`, { key: agentKey })).status,
    ).toBe(404);
  });

  it("is not visible to customer keys", async () => {
    expect(
      (await t.api("GET", "/api/v1/desk/articles?q=fattura", { key: customer.userKey })).status,
    ).toBe(403);
    expect(
      (
        await t.api("POST", "/api/v1/desk/articles", {
          key: customer.adminKey,
          body: { title: "x", body: "y" },
        })
      ).status,
    ).toBe(403);
  });
});
