import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addContact, addMailbox, casesFrom, deliverMail } from "../desk/desk-support.js";
import { addDailyUsage, billedCustomer, runBilling } from "../billing/billing-support.js";

const SUPPORT = "billing@ops.example";
const GIULIA = "giulia@frutteto.example";

describe("console: a billing case", () => {
  let t: TestOtter;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("an operator opens the invoice from the case, explains a line, inserts the explanation into the reply and sends it", async () => {
    await t.api("PUT", `/api/v1/accounts/${t.rootAccountId}/billing-profile`, {
      body: { cycle: "calendar", country: "IT" },
    });
    const billed = await billedCustomer(t, { name: "Frutteto Sensori", language: "it" });
    const invoice = billed.invoice as {
      id: string;
      number: string;
      lines: { kind: string; n: number }[];
    };
    const roaming = invoice.lines.find((l) => l.kind === "zone_data")!;
    await addContact(t, billed.customer.account.id, { name: "Giulia Rossi", email: GIULIA });
    await addMailbox(t, SUPPORT);
    // The customer's mail names the invoice: the case it opens is a billing case with the invoice linked.
    await deliverMail(t, {
      from: `Giulia Rossi <${GIULIA}>`,
      to: SUPPORT,
      subject: "Fattura di novembre",
      text: `Buongiorno, perché la fattura ${invoice.number} contiene traffico in roaming?`,
    });
    const [opened] = await casesFrom(t, GIULIA);
    const admin = await person(t, t.rootAccountId, "operator_admin");
    const page = await signedIn(browser, t, admin);

    await page.goto(`/cases/${opened.id}`);
    await page.getByRole("heading", { level: 1, name: /Fattura di novembre/ }).waitFor();
    const panel = page.getByRole("region", { name: "Invoices" });
    await panel.getByRole("link", { name: `Invoice ${invoice.number}` }).click();

    // The invoice page: its lines, each with its explanation.
    await page.getByRole("heading", { level: 1, name: `Invoice ${invoice.number}` }).waitFor();
    expect(await page.getByRole("row", { name: /Roaming/ }).textContent()).toContain("€7.00");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("link", { name: `Explain line ${roaming.n}` }).click();

    // The line explained: the summary, the arithmetic and the SIM behind it.
    await page
      .getByRole("heading", { level: 1, name: new RegExp(`^Line ${roaming.n}:`) })
      .waitFor();
    await page.getByText(/3\.5 MB were used in Roaming/).waitFor();
    await page.getByRole("link", { name: billed.sim.iccid }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "invoice-line-explanation");
    await page
      .getByRole("button", { name: `Insert into the reply of case #${opened.number}` })
      .click();

    // Back on the case, the explanation is in the reply editor, in the customer's language.
    await page.getByRole("heading", { level: 1, name: /Fattura di novembre/ }).waitFor();
    const editor = page.getByLabel("Message to the customer");
    await page
      .getByRole("status")
      .filter({ hasText: `The explanation of line ${roaming.n} is in the reply.` })
      .waitFor();
    await expect
      .poll(() => editor.inputValue(), { timeout: 10_000 })
      .toContain(`Fattura ${invoice.number}, riga ${roaming.n}`);
    expect(await editor.inputValue()).toContain("3,5 MB × 2,00 € (versione del piano 1) = 7,00 €");
    await editor.fill(`Buongiorno Giulia,\n\n${await editor.inputValue()}\n\nCordiali saluti`);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("status").filter({ hasText: "Reply stored and" }).waitFor();
    const reply = page
      .locator("li.kind-email_out")
      .filter({ hasText: "Come si arriva all'importo" });
    await reply.waitFor();
    await screenshot(page, "billing-case");

    // Sent as it reads: the reply on the case carries the explanation's figures.
    const c = (await t.api("GET", `/api/v1/cases/${opened.id}`)).body;
    const sent = c.timeline.find(
      (e: { kind: string; body: string | null }) =>
        e.kind === "email_out" && e.body?.includes("Cordiali"),
    );
    expect(sent.body).toContain("Somma delle parti: 7,00 €");
    expect(sent.message.to).toEqual([GIULIA]);
    await page.context().close();
  });

  it("explains a line in the reader's language: an Italian operator reads the summary in Italian, money as Italian writes it", async () => {
    const billed = await billedCustomer(t, { name: "Apicoltura Alpina", language: "sv" });
    const invoice = billed.invoice as { id: string; lines: { kind: string; n: number }[] };
    const roaming = invoice.lines.find((l) => l.kind === "zone_data")!;
    const agent = await person(t, t.rootAccountId, "operator_admin");
    const me = await t.api("PATCH", "/api/v1/users/me", {
      key: agent.key,
      body: { language: "it", timeZone: "Europe/Rome" },
    });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    // The browser prefers English: the language the agent chose wins, not the customer's.
    const page = await signedIn(browser, t, agent, { locale: "en-GB" });
    await page.goto(`/invoices/${invoice.id}/lines/${roaming.n}`);
    // The line itself in Italian too, as the PDF words it: "<plan>: dati in <zone>".
    await page
      .getByRole("heading", {
        level: 1,
        name: new RegExp(`^Riga ${roaming.n}: .+: dati in ${billed.roamName}$`),
      })
      .waitFor();
    const summary = page.locator("p.sentence");
    await expect
      .poll(() => summary.textContent(), { timeout: 20_000 })
      .toMatch(
        new RegExp(
          `^Sono stati usati 3,5 MB in ${billed.roamName}, che il piano tariffa a 2,00\\s€ per MB dal primo byte \\(non dal pool\\)\\.$`,
        ),
      );
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).not.toContain("were used in");
    // The arithmetic, its rounding and the facts are in Italian too, not Otter's English keys.
    expect(main).toContain("Parte 1");
    expect(main).toContain(
      "La somma esatta delle parti arrotondata per eccesso dalla metà a 2 decimali.",
    );
    expect(main).not.toContain("rounded half-up");
    const facts = await page.locator("dl.totals dt").allTextContents();
    expect(facts).toEqual(expect.arrayContaining(["Dati", "Dati (MB)"]));
    expect(facts).not.toContain("bytes");
    await screenshot(page, "invoice-line-explanation-it");
    await page.context().close();
  });

  it("shows the SIMs behind a late-usage line, zone by zone, with the earlier cycle they belong to", async () => {
    const billed = await billedCustomer(t, { name: "Stalle Riunite", language: "it" });
    const november = billed.invoice as { id: string; number: string };
    // A roaming record for November arrives after its invoice was issued; December carries it.
    await addDailyUsage(t, billed.sim, "2026-11-20", billed.roamId, 2 * 1_048_576);
    t.clock.set("2027-01-01T06:00:00Z");
    await runBilling(t, "2026-12", billed.customer.account.id);
    const list = await t.api("GET", `/api/v1/invoices?accountId=${billed.customer.account.id}`);
    const december = list.body.items.find(
      (i: { cycleStart: string }) => i.cycleStart === "2026-12-01",
    );
    const lines = (await t.api("GET", `/api/v1/invoices/${december.id}`)).body.lines as {
      kind: string;
      n: number;
    }[];
    const late = lines.find((l) => l.kind === "late_usage")!;
    const agent = await person(t, t.rootAccountId, "operator_admin");
    await t.api("PATCH", "/api/v1/users/me", {
      key: agent.key,
      body: { language: "it", timeZone: "Europe/Rome" },
    });
    const page = await signedIn(browser, t, agent);
    await page.goto(`/invoices/${december.id}/lines/${late.n}`);
    await page.getByRole("heading", { level: 1, name: new RegExp(`^Riga ${late.n}:`) }).waitFor();
    await page
      .getByText(
        `Traffico del ciclo 1 nov 2026 – 30 nov 2026, registrato dopo l'emissione della fattura ${november.number}.`,
      )
      .waitFor();
    await expect
      .poll(() => page.locator("p.sentence").textContent())
      .toMatch(/^2 MB e 0 SMS del ciclo 1 nov 2026 – 30 nov 2026 sono stati registrati dopo/);
    const row = page.getByRole("row", { name: new RegExp(billed.sim.iccid) });
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(0, 3)).toEqual([billed.sim.iccid, billed.roamName, "2 MB"]);
    // Days with roaming in November now (4 and 20) and when November was billed (4).
    expect(cells.slice(5)).toEqual(["2", "1"]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Apri quella fattura" }).click();
    await page.getByRole("heading", { level: 1, name: `Fattura ${november.number}` }).waitFor();
    await page.context().close();
  });
});
