import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountingInput } from "../../src/modules/network/network.types.js";
import { buildAccount, buildSim, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { asBrowser, giveUserPassword, signIn } from "../support/signin.js";

// The same diagnosis, answered in the language of whoever asks: a signed-in person's own language
// and time zone, a machine's Accept-Language, English otherwise — the English fields unchanged.
let t: TestOtter;
let iccid: string;
let italian: { key: string; cookie: Parameters<typeof asBrowser>[0] };
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  const clientId = (
    await t.api("POST", "/api/v1/network/clients", {
      body: { name: "pgw-lang", address: "127.0.0.1", secret: "lang-secret" },
    })
  ).body.id;
  const customer = await buildAccount(t);
  const sim = await buildSim(t, { state: "DEACTIVATED", accountId: customer.id });
  iccid = sim.iccid;
  const acct = (r: Partial<AccountingInput> & Pick<AccountingInput, "status">) => ({
    clientId,
    dedupeKey: `L-${r.status}`,
    eventAt: t.clock.now(),
    record: {},
    sessionId: "lang-1",
    imsi: sim.imsi,
    apn: "iot.otter",
    serving: { mcc: "639", mnc: "02" },
    ...r,
  });
  await t.otter.services.signals.recordAccounting([acct({ status: "start" })]);
  t.clock.advance(60_000);
  await t.otter.services.signals.recordAccounting([
    acct({ status: "interim", bytesUp: 300, bytesDown: 40, sessionTime: 60 }),
  ]);
  t.clock.advance(5 * 60_000);

  const user = await buildUser(t, customer.id, "customer_admin");
  await t.api("PATCH", "/api/v1/users/me", {
    key: user.key,
    body: { language: "it", timeZone: "Europe/Rome" },
  });
  await giveUserPassword(t, user.user.id, "correct horse battery staple 42");
  italian = {
    key: user.key,
    cookie: await signIn(t, user.user.email, "correct horse battery staple 42"),
  };
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const diagnosis = (opts: Parameters<TestOtter["api"]>[2] = {}) =>
  t.api("GET", `/api/v1/sims/${iccid}/diagnosis`, opts);

describe("the diagnosis in the caller's language", () => {
  it("answers a signed-in Italian user in Italian, with dates in their time zone", async () => {
    const res = await diagnosis({
      ...asBrowser(italian.cookie, false),
      // The browser's own preference does not override the language the user chose.
      headers: { ...asBrowser(italian.cookie, false).headers, "accept-language": "sv-SE,sv" },
    });
    expect(res.status).toBe(200);
    expect(res.body.language).toBe("it");
    expect(res.body.verdictText).toBe(
      "La SIM è nello stato Disattivata: la rete la rifiuta finché non viene attivata. Prossimo passo: Attivare la SIM.",
    );
    expect(res.body.verdict).toBe(
      "The SIM is DEACTIVATED: the network refuses it until it is activated. Next step: Activate the SIM.",
    );
    expect(res.body.verdictMessages[0]).toMatchObject({
      code: "state.refused",
      params: { state: "DEACTIVATED" },
    });
    const session = res.body.rungs.find((r: { name: string }) => r.name === "data_session");
    // 09:00 UTC is 10:00 in Rome.
    expect(session.summaryMessage.text).toBe(
      "Una sessione è aperta su iot.otter dal 1 mar 2026, 10:00.",
    );
    expect(session.summary).toBe("A session is open on iot.otter since 2026-03-01T09:00:00.000Z.");
    const roaming = res.body.rungs.find((r: { name: string }) => r.name === "roaming");
    expect(roaming.summaryMessage.text).toBe(
      "La SIM non ha un piano di comunicazione, quindi nessuna rete è consentita.",
    );
    expect(res.body.actions[0].descriptionMessage).toMatchObject({
      code: "fix.activate",
      text: "Attivare la SIM.",
    });
  });

  it("answers an API key in the language of its Accept-Language header", async () => {
    const sv = await diagnosis({
      key: italian.key,
      headers: { "accept-language": "sv-SE, en;q=0.5" },
    });
    expect(sv.body.language).toBe("sv");
    expect(sv.body.verdictText).toBe(
      "SIM-kortet har status Avaktiverad: nätet nekar det tills det aktiveras. Nästa steg: Aktivera SIM-kortet.",
    );
    const traffic = sv.body.rungs.find((r: { name: string }) => r.name === "traffic");
    expect(traffic.summaryMessage.text).toMatch(
      /^Senaste trafik för 5 minuter sedan \(1 mars 2026 10:01\)/,
    );

    const it = await diagnosis({ key: italian.key, headers: { "accept-language": "it-IT" } });
    expect(it.body.verdictText).toMatch(/^La SIM è nello stato Disattivata/);
  });

  it("answers English to an API key without Accept-Language, and the English fields never change", async () => {
    const en = await diagnosis({ key: italian.key });
    const sv = await diagnosis({ key: italian.key, headers: { "accept-language": "sv" } });
    expect(en.body.language).toBe("en");
    expect(en.body.verdictText).toBe(
      "The SIM is Deactivated: the network refuses it until it is activated. Next step: Activate the SIM.",
    );
    expect(sv.body.verdict).toBe(en.body.verdict);
    expect(sv.body.rungs.map((r: { summary: string }) => r.summary)).toEqual(
      en.body.rungs.map((r: { summary: string }) => r.summary),
    );
    const de = await diagnosis({ key: italian.key, headers: { "accept-language": "de-DE" } });
    expect(de.body.language).toBe("en");
  });
});

describe("refusals in the caller's language", () => {
  it("says not found, invalid field and unauthenticated in Italian and Swedish, English unchanged", async () => {
    const missing = await t.api("GET", "/api/v1/sims/8944000000000000000/diagnosis", {
      key: italian.key,
      headers: { "accept-language": "it" },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.text).toBe(
      `Non trovato: non esiste, oppure non rientra in ciò che puoi vedere. (${missing.body.error.message})`,
    );
    const bad = await t.api("PATCH", "/api/v1/users/me", {
      key: italian.key,
      headers: { "accept-language": "sv-SE" },
      body: { timeZone: "Mars/Olympus" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.text).toMatch(/^Fältet timeZone är ogiltigt: /);
    const anonymous = await t.api("GET", "/api/v1/sims", {
      key: null,
      headers: { "accept-language": "it-IT" },
    });
    expect(anonymous.body.error.text).toMatch(/^Serve l'accesso: /);
    const english = await t.api("GET", "/api/v1/sims/8944000000000000000/diagnosis", {
      key: italian.key,
    });
    expect(english.body.error.text).toBe(english.body.error.message);
  });
});
