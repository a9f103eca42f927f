import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildCustomer, buildSim } from "../support/factories.js";
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
    // The choice lives in the address: click, then wait for the page to show it (no check()'s
    // immediate re-read, which a slow machine's navigation can outrun).
    const unassigned = page.getByRole("radio", { name: "Unassigned" });
    await unassigned.click();
    await expect.poll(() => unassigned.isChecked()).toBe(true);
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

  it("on the case page the agent writes an internal note, logs a call, asks a team and records its answer, links and unlinks a SIM and changes the case: each shows on the timeline at once, and the note sends no mail", async () => {
    const customer = await buildCustomer(t, { name: "Mara Rhino Watch" });
    const sim = await buildSim(t, { accountId: customer.account.id });
    const contact = await addContact(t, customer.account.id, {
      name: "Baraka Otieno",
      phone: "+254 20 555 0190",
    });
    const agent = await person(t, t.rootAccountId, "operator_agent");
    const opened = await t.api("POST", "/api/v1/cases", {
      body: {
        accountId: customer.account.id,
        subject: "Rhino tag 4 drops off at night",
        contactIds: [contact.id],
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const c = opened.body as { id: string; number: number };
    const outbox = async () => {
      const r = await t.api("GET", "/api/v1/outbox?limit=100");
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body as { items: { id: string }[] }).items.map((m) => m.id).sort();
    };
    const mailBefore = await outbox();

    const page = await signedIn(browser, t, agent);
    await page.goto(`/cases/${c.id}`);
    await page.getByRole("heading", { level: 1, name: /Rhino tag 4 drops off at night/ }).waitFor();
    const timeline = page.locator("ol.timeline");
    const composer = page.getByRole("region", { name: "Write" });

    // An internal note: on the timeline at once, marked as internal.
    const NOTE = "Customer's solar charger was replaced last month; check battery first.";
    await composer.getByRole("tab", { name: "Internal note" }).click();
    await composer.getByLabel("Note (only operator staff see it)").fill(NOTE);
    await composer.getByRole("button", { name: "Add note" }).click();
    await page.getByRole("status").filter({ hasText: "Note added." }).waitFor();
    await timeline
      .locator("li.kind-note")
      .filter({ hasText: NOTE })
      .getByRole("heading", { name: "Internal note" })
      .waitFor();

    // A phone call, outbound to the contact's number (filled in from the case's contact).
    await composer.getByRole("tab", { name: "Log a call" }).click();
    expect(await composer.getByLabel("Phone number").inputValue()).toBe("+254 20 555 0190");
    await composer.getByLabel("Direction").selectOption({ label: "Outbound" });
    await composer.getByLabel("Duration (minutes)").fill("4");
    await composer
      .getByLabel("Summary")
      .fill("Baraka confirms the tag drops at 22:00 every night.");
    await composer.getByRole("button", { name: "Log call" }).click();
    await page.getByRole("status").filter({ hasText: "Call logged." }).waitFor();
    const call = timeline.locator("li.kind-phone").filter({ hasText: "drops at 22:00" });
    await call.getByRole("heading", { name: "Outbound call to +254 20 555 0190" }).waitFor();
    expect(await call.textContent()).toContain("4 min");

    // Neither the note nor the call is mail: the outbox has nothing new, and the customer does not
    // see the note on their case.
    expect(await outbox()).toEqual(mailBefore);
    const seen = await t.api("GET", `/api/v1/cases/${c.id}`, { key: customer.userKey });
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).not.toContain(NOTE);

    // A consultation with the network team: the case waits on it; its answer shows on the timeline.
    await composer.getByRole("tab", { name: "Consult" }).click();
    await composer.getByLabel("Team (internal queue)").fill("network");
    await composer.getByLabel("Subject").fill("Night-time detaches on cell 4417");
    await composer.getByLabel("Question").fill("Is cell 4417 switched off at night?");
    await composer.getByRole("button", { name: "Start consultation" }).click();
    await page.getByRole("status").filter({ hasText: "Consultation started" }).waitFor();
    await timeline
      .locator("li.kind-consultation")
      .filter({ hasText: "Is cell 4417 switched off at night?" })
      .getByRole("heading", { name: "Consultation · Night-time detaches on cell 4417 (question)" })
      .waitFor();
    const header = page.locator(".case-header");
    await header.locator("dl").getByText("Waiting on consultation", { exact: true }).waitFor();
    const consultations = page.getByRole("region", { name: "Consultations" });
    await consultations.getByText("with network").waitFor();
    await consultations
      .getByLabel("Reply to this consultation")
      .fill("Yes: 4417 sleeps 22:00-05:00 for power saving.");
    await consultations.getByRole("button", { name: "Send", exact: true }).click();
    await timeline
      .locator("li.kind-consultation")
      .filter({ hasText: "4417 sleeps 22:00-05:00" })
      .getByRole("heading", { name: /\(answer\)$/ })
      .waitFor();
    await consultations.getByText("answered", { exact: true }).waitFor();
    // The answer ends the wait: the case is open again.
    await timeline
      .locator("li.kind-event")
      .filter({ hasText: "State: Waiting on consultation → Open" })
      .filter({ hasText: "“consultation answered”" })
      .waitFor();

    // A SIM linked by its ICCID (typed as printed, in groups): its state and diagnosis beside the case.
    const sims = page.getByRole("region", { name: "Linked SIMs" });
    await sims.getByLabel("ICCID").fill(sim.iccid.replace(/(\d{4})(?=\d)/g, "$1 "));
    await sims.getByRole("button", { name: "Link SIM" }).click();
    await sims.getByRole("link", { name: sim.iccid }).waitFor();
    await timeline.getByText(`SIM ${sim.iccid} linked`).waitFor();
    const linked = sims.locator(".sim-link");
    expect(await linked.textContent()).toContain(`State: ${sim.state} · Connectivity: BLOCKED`);
    expect(await linked.textContent()).toContain(
      "The SIM is INVENTORY: the network refuses it until it is activated.",
    );
    await sims.getByRole("button", { name: `Unlink ${sim.iccid}` }).click();
    await sims.getByText("No SIMs linked.", { exact: false }).waitFor();
    await timeline.getByText(`SIM ${sim.iccid} unlinked`).waitFor();

    // State, priority and owner in one change, with a reason for the state: three events on the timeline.
    await header.getByLabel("State").selectOption({ label: "Waiting on customer" });
    await header.getByLabel("Priority").selectOption({ label: "High" });
    await header.getByLabel("Owner").selectOption({ label: "User operator_agent (You)" });
    await header.getByLabel(/^Reason/).fill("asked the customer for a night log");
    await header.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await timeline
      .locator("li.kind-event")
      .filter({ hasText: "State: Open → Waiting on customer" })
      .filter({ hasText: "“asked the customer for a night log”" })
      .waitFor();
    await timeline.getByText("Priority: Normal → High").waitFor();
    await timeline
      .locator("li.kind-event")
      .filter({ hasText: "Owner changed" })
      .filter({ hasText: "by User operator_agent" })
      .waitFor();
    await expect.poll(() => header.locator("dd").nth(3).textContent()).toBe("User operator_agent");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "case-page-work");
    await page.context().close();
  });
});
