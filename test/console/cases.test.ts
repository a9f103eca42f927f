import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildCustomer } from "../support/factories.js";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { addContact, addMailbox, casesFrom, deliverMail } from "../desk/desk-support.js";

const SUPPORT = "support@ops.example";
const WANJIRU = "wanjiru@savanna.example";

describe("console: the case desk", () => {
  let t: TestOtter;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("a mail opens a case; the agent finds it in the queue, answers it with a saved reply, and sees the reply on the case and in the outbox", async () => {
    const customer = await buildCustomer(t, { name: "Savanna Trackers" });
    await addContact(t, customer.account.id, {
      name: "Wanjiru Kamau",
      email: WANJIRU,
      phone: "+254 20 555 0117",
    });
    await addMailbox(t, SUPPORT);
    const macro = await t.api("POST", "/api/v1/desk/macros", {
      body: {
        name: "Restart advice",
        body: "Hello {{contact.name}},\n\nplease power-cycle the collar once; we are watching its SIM.",
      },
    });
    expect(macro.status, JSON.stringify(macro.body)).toBe(201);
    const agent = await person(t, t.rootAccountId, "operator_agent");

    // One real mail over SMTP to Otter's listener, with an attachment.
    await deliverMail(t, {
      from: `Wanjiru Kamau <${WANJIRU}>`,
      to: SUPPORT,
      subject: "Collar 17 silent since Tuesday",
      text: "The collar on giraffe 17 has not reported since Tuesday morning. Log attached.",
      attachments: [{ filename: "collar-17.log", content: "2026-02-24T06:00Z last fix\n" }],
    });
    const [opened] = await casesFrom(t, WANJIRU);
    expect(opened).toMatchObject({ accountId: customer.account.id, ownerUserId: null });

    const page = await signedIn(browser, t, agent);
    // Nobody owns a case mail opens: it waits in the unassigned queue, with its customer's name.
    await page.goto("/cases");
    await page.getByRole("heading", { level: 1, name: "Cases" }).waitFor();
    await page.getByText(/Nothing in your queue/).waitFor();
    await page.getByRole("radio", { name: "Unassigned" }).check();
    const row = page.getByRole("row", { name: /Collar 17 silent since Tuesday/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("Savanna Trackers");
    expect(await row.textContent()).toMatch(/left|overdue/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "case-queue");

    // The case page: header, the mail with its attachment, then take it and answer.
    await row.getByRole("link", { name: "Collar 17 silent since Tuesday" }).click();
    await page.getByRole("heading", { level: 1, name: /Collar 17 silent since Tuesday/ }).waitFor();
    expect(page.url()).toContain(`/cases/${opened.id}`);
    await page.getByRole("link", { name: "Savanna Trackers" }).first().waitFor();
    const attachment = page.getByRole("link", { name: "collar-17.log" });
    expect(await attachment.getAttribute("href")).toMatch(
      new RegExp(`^/api/v1/cases/${opened.id}/attachments/`),
    );
    await page.getByRole("button", { name: "Take it" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await expect
      .poll(() => page.locator(".case-header dd").nth(3).textContent())
      .toBe("User operator_agent");

    await page.getByLabel("Saved reply").selectOption({ label: "Restart advice" });
    await page.getByRole("button", { name: "Insert" }).click();
    const editor = page.getByLabel("Message to the customer");
    await expect.poll(() => editor.inputValue()).toContain("Hello Wanjiru Kamau,");
    await editor.fill(`${await editor.inputValue()}\n\nBest regards, the Otter desk`);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("status").filter({ hasText: "Reply stored and" }).waitFor();
    // On the timeline: the reply as sent mail, with the outbox's word on it (no relay configured).
    const reply = page
      .locator("li.kind-email_out")
      .filter({ hasText: "Best regards, the Otter desk" });
    await reply.waitFor();
    expect(await reply.getByText("queued, no relay yet").count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "case-page");

    // The outbox lists it (and the acknowledgement) with its status and purpose; its detail has the body.
    await page
      .getByRole("navigation", { name: "Case desk" })
      .getByRole("link", { name: "Outbox" })
      .click();
    const sent = page.getByRole("row", { name: /case_reply/ });
    await sent.waitFor();
    expect(await sent.textContent()).toContain(WANJIRU);
    expect(await sent.textContent()).toContain("queued, no relay yet");
    expect(await sent.textContent()).toContain(`[Case #${opened.number}]`);
    await page.getByRole("row", { name: /case_acknowledgement/ }).waitFor();
    await sent.getByRole("link").click();
    await page.getByText("Best regards, the Otter desk").waitFor();

    // Caller lookup: the number as the phone shows it finds the contact, the customer and the case.
    await page.getByRole("link", { name: "Caller lookup" }).click();
    await page.getByLabel("Phone number").fill("00254 205550117");
    const match = page.getByRole("region", { name: /Wanjiru Kamau/ });
    await match.waitFor();
    await match.getByRole("link", { name: `#${opened.number}` }).waitFor();
    await page.context().close();
  });
});
