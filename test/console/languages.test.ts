import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildCatalog, buildCustomer, buildSim, offer } from "../support/factories.js";
import { launchBrowser, person, screenshot, signedIn } from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

/**
 * An Italian customer administrator reads what Otter itself composed — the diagnosis verdict, the
 * rungs, the connectivity reason — and the SIM states in Italian, not only the console's own words.
 */
describe("console: Otter's own words in the user's language", () => {
  let t: TestOtter;
  let browser: Browser;
  let page: Page;
  let iccid: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
    const cat = await buildCatalog(t);
    const customer = await buildCustomer(t, { name: "Lupi del Gran Sasso" });
    await offer(t, cat, customer.account.id);
    iccid = (
      await buildSim(t, {
        accountId: customer.account.id,
        communicationPlan: cat.comm.id,
        ratePlan: cat.rate.id,
        state: "DEACTIVATED",
      })
    ).iccid;
    const admin = await person(t, customer.account.id, "customer_admin");
    await t.api("PATCH", "/api/v1/users/me", {
      key: admin.key,
      body: { language: "it", timeZone: "Europe/Rome" },
    });
    // The browser prefers English: the language the user chose wins.
    page = await signedIn(browser, t, admin, { locale: "en-GB" });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows the diagnosis verdict, the state and the connectivity in Italian on the SIM page", async () => {
    await page.goto(`/sims/${iccid}`);
    const diagnosis = page.getByRole("region", { name: "Diagnosi" });
    await expect
      .poll(() => diagnosis.locator(".sim-verdict-text").textContent(), { timeout: 20_000 })
      .toBe(
        "La SIM è nello stato Disattivata: la rete la rifiuta finché non viene attivata. Prossimo passo: Attivare la SIM.",
      );
    expect(await diagnosis.textContent()).not.toContain("The SIM is");
    await expect
      .poll(() => page.getByRole("region", { name: "Stato", exact: true }).textContent())
      .toContain("Disattivata");
    const connectivity = page.getByRole("region", { name: "Connettività" });
    await expect
      .poll(() => connectivity.textContent())
      .toContain("Bloccata La SIM è nello stato Disattivata; la rete la rifiuta.");
    await screenshot(page, "sim-page-it");
  });

  it("shows states and connectivity as Italian words in the SIM list", async () => {
    await page.goto("/sims");
    const row = page.locator("tr", { has: page.getByRole("link", { name: iccid }) });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain("Disattivata");
    expect(await row.textContent()).toContain("Bloccata");
    expect(await row.textContent()).not.toMatch(/DEACTIVATED|BLOCKED/);
  });

  it("writes the new-rule form in Italian, SIM states as words", async () => {
    await page.goto("/automation");
    await page.getByRole("button", { name: "Nuova regola" }).click();
    const dialog = page.getByRole("dialog", { name: "Nuova regola di automazione" });
    await dialog.waitFor();
    expect(await dialog.getByLabel("Evento", { exact: true }).inputValue()).toBe(
      "sim_state_changed",
    );
    const to = dialog.getByRole("group", { name: /^A uno di questi stati/ });
    expect(await to.getByLabel("Disattivata").count()).toBe(1);
    expect(await dialog.getByRole("button", { name: "Crea la regola" }).count()).toBe(1);
    expect(await dialog.textContent()).not.toMatch(/DEACTIVATED|Create the rule/);
    await page.keyboard.press("Escape");
  });
});
