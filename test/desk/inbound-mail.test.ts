import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildCustomer, buildSim } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { startTestRelay, type TestRelay } from "../support/smtp-relay.js";
import {
  addContact,
  addMailbox,
  casesFrom,
  deliver,
  deliverMail,
  getCase,
  msgId,
  rfc822,
  smtpDialogue,
} from "./desk-support.js";

const SUPPORT = "support@otter.example";
const FROM = "Otter Support <desk@otter.example>";
const DAY = 24 * 3600_000;

describe("inbound and outbound case mail over real SMTP", () => {
  let t: TestOtter;
  let relay: TestRelay;
  let customer: Awaited<ReturnType<typeof buildCustomer>>;
  const alice = "alice@zoo.example";

  beforeAll(async () => {
    relay = await startTestRelay();
    t = await startOtter(
      { OTTER_SMTP_RELAY: relay.url, OTTER_MAIL_FROM: FROM },
      { startWorkers: false },
    );
    await addMailbox(t, SUPPORT);
    customer = await buildCustomer(t, { name: "Zoo Telemetry" });
    await addContact(t, customer.account.id, {
      name: "Alice Keeper",
      email: alice,
      phone: "+39 02 555 0101",
    });
  });
  afterAll(async () => {
    await t?.close();
    await relay?.close();
  });

  const sentTo = (address: string) => relay.received.filter((m) => m.envelope.to.includes(address));
  const flush = async () => {
    t.clock.advance(1000);
    await t.otter.services.mail.deliverDue();
  };

  /** Sends a first mail from `from` and returns its case. */
  async function firstMail(
    from: string,
    subject: string,
    body = "Our collar SIM stopped sending data this morning.",
  ) {
    const id = msgId();
    await deliver(
      t,
      rfc822(
        {
          From: from,
          To: SUPPORT,
          Subject: subject,
          "Message-ID": id,
          Date: "Sun, 01 Mar 2026 08:00:00 +0000",
        },
        body,
      ),
      { from: /<(.+)>/.exec(from)?.[1] ?? from, to: [SUPPORT] },
    );
    const cases = await casesFrom(t, /<(.+)>/.exec(from)?.[1] ?? from);
    const c = cases.find((x) => x.subject === subject);
    expect(c, `a case for ${subject}`).toBeTruthy();
    return { c, id };
  }

  it("refuses RCPT TO for an address that is not a support mailbox", async () => {
    await expect(
      deliver(t, rfc822({ From: alice, To: "sales@otter.example", Subject: "hi" }, "hello"), {
        from: alice,
        to: ["sales@otter.example"],
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it("opens a case for a known contact, acknowledges it, and the agent's reply goes out threaded with the signed token", async () => {
    const { c, id } = await firstMail(`Alice Keeper <${alice}>`, "Collar 7 offline");
    expect(c).toMatchObject({
      accountId: customer.account.id,
      state: "new",
      channel: "email",
      triage: false,
    });
    const detail = await getCase(t, c.id);
    expect(detail.timeline.map((e: any) => e.kind)).toEqual(["event", "email_in", "email_out"]);
    expect(detail.timeline[1].body.trim()).toBe(
      "Our collar SIM stopped sending data this morning.",
    );
    expect(detail.timeline[1].message).toMatchObject({ messageId: id, from: alice, flags: [] });

    await flush();
    const ack = sentTo(alice).at(-1)!;
    expect(ack.parsed.subject).toBe(`Re: Collar 7 offline [Case #${c.number}]`);
    expect(ack.parsed.headers.get("auto-submitted")).toBe("auto-replied");
    expect(ack.parsed.inReplyTo).toBe(id);

    const reply = await t.api("POST", `/api/v1/cases/${c.id}/replies`, {
      body: { body: "We are looking at the collar now.", state: "waiting_on_customer" },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ sendStatus: "queued", state: "waiting_on_customer" });
    // Stored before it is sent: on the timeline while still queued.
    const before = await getCase(t, c.id);
    expect(before.timeline.at(-2)).toMatchObject({
      kind: "email_out",
      body: "We are looking at the collar now.",
      message: { sendStatus: "queued" },
    });

    await flush();
    const out = sentTo(alice).at(-1)!;
    expect(out.parsed.messageId).toBe(reply.body.messageId);
    expect(out.parsed.messageId).toMatch(
      new RegExp(`^<case\\.${c.id}\\.[0-9a-f-]{36}\\.[0-9a-f]{16}@otter\\.otter\\.example>$`),
    );
    expect(out.parsed.inReplyTo).toBe(id);
    expect(out.parsed.references).toEqual(expect.arrayContaining([id]));
    expect(out.parsed.subject).toBe(`Re: Collar 7 offline [Case #${c.number}]`);
    expect(out.parsed.text?.trim()).toBe("We are looking at the collar now.");
    const after = await getCase(t, c.id);
    expect(
      after.timeline.find((e: any) => e.message?.messageId === reply.body.messageId).message,
    ).toMatchObject({ sendStatus: "sent", sendError: null });

    // The customer answers quoting our Message-ID: it threads by the token and the case is open again.
    await deliver(
      t,
      rfc822(
        {
          From: alice,
          To: SUPPORT,
          Subject: "Re: Collar 7 offline",
          "Message-ID": msgId(),
          "In-Reply-To": reply.body.messageId,
          References: `${id} ${reply.body.messageId}`,
        },
        "It is back, thanks.",
      ),
      { from: alice, to: [SUPPORT] },
    );
    const again = await getCase(t, c.id);
    expect(again.state).toBe("open");
    expect(again.timeline.at(-2)).toMatchObject({
      kind: "email_in",
      data: { threadedBy: "token" },
    });
    expect(again.timeline.at(-1)).toMatchObject({
      kind: "event",
      // Otter's own reason: the English as always, and the key a reader's language words it by.
      data: {
        type: "state_changed",
        from: "waiting_on_customer",
        to: "open",
        reason: "customer replied",
        reasonCode: "customer_replied",
      },
    });
  });

  it("threads an Outlook reply without References by the subject tag from a known contact, but opens a new case for a stranger using the same tag", async () => {
    const { c } = await firstMail(alice, "Invoice question March");
    await deliver(
      t,
      rfc822(
        {
          From: `"Keeper, Alice" <${alice}>`,
          To: SUPPORT,
          Subject: `AW: Invoice question March [Case #${c.number}]`,
          "Message-ID": msgId("outlook"),
          "Thread-Index": "AdQ1x2abcdef==",
        },
        "Any news?",
      ),
      { from: alice, to: [SUPPORT] },
    );
    const threaded = await getCase(t, c.id);
    expect(threaded.timeline.filter((e: any) => e.kind === "email_in")).toHaveLength(2);
    expect(threaded.timeline.filter((e: any) => e.kind === "email_in").at(-1).data.threadedBy).toBe(
      "subject_tag",
    );

    const stranger = "mallory@elsewhere.example";
    await deliver(
      t,
      rfc822(
        {
          From: stranger,
          To: SUPPORT,
          Subject: `Re: Invoice question March [Case #${c.number}]`,
          "Message-ID": msgId("forged"),
        },
        "Please send me the invoice.",
      ),
      { from: stranger, to: [SUPPORT] },
    );
    const unchanged = await getCase(t, c.id);
    expect(unchanged.timeline.filter((e: any) => e.kind === "email_in")).toHaveLength(2);
    const own = await casesFrom(t, stranger);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ triage: true, accountId: null });
    expect(own[0].id).not.toBe(c.id);
  });

  it("never answers an auto-reply or a mailing-list mail, and records why", async () => {
    relay.received.length = 0;
    const ooo = "bob.ooo@partner.example";
    await deliver(
      t,
      rfc822(
        {
          From: ooo,
          To: SUPPORT,
          Subject: "Out of Office: back on Monday",
          "Message-ID": msgId(),
          "Auto-Submitted": "auto-replied",
        },
        "I am away.",
      ),
      { from: ooo, to: [SUPPORT] },
    );
    const list = "news@lists.example";
    await deliver(
      t,
      rfc822(
        {
          From: list,
          To: SUPPORT,
          Subject: "Weekly digest",
          "Message-ID": msgId(),
          "List-Id": "<digest.lists.example>",
          Precedence: "bulk",
        },
        "News.",
      ),
      { from: list, to: [SUPPORT] },
    );
    const human = "carol@new.example";
    await deliver(
      t,
      rfc822(
        { From: human, To: SUPPORT, Subject: "Need 50 SIMs", "Message-ID": msgId() },
        "Please quote.",
      ),
      { from: human, to: [SUPPORT] },
    );
    await flush();
    expect(sentTo(ooo)).toHaveLength(0);
    expect(sentTo(list)).toHaveLength(0);
    expect(sentTo(human)).toHaveLength(1);
    const [oooCase] = await casesFrom(t, ooo);
    const entry = (await getCase(t, oooCase.id)).timeline.find((e: any) => e.kind === "email_in");
    expect(entry.message.flags).toContain("auto_reply");
    const [listCase] = await casesFrom(t, list);
    expect(
      (await getCase(t, listCase.id)).timeline.find((e: any) => e.kind === "email_in").message
        .flags,
    ).toContain("bulk");
  });

  it("caps automatic answers per address", async () => {
    relay.received.length = 0;
    const chatty = "chatty@new.example";
    for (let i = 0; i < 5; i++) {
      await deliver(
        t,
        rfc822({ From: chatty, To: SUPPORT, Subject: `Question ${i}`, "Message-ID": msgId() }, "?"),
        { from: chatty, to: [SUPPORT] },
      );
    }
    await flush();
    expect(await casesFrom(t, chatty)).toHaveLength(5);
    expect(sentTo(chatty)).toHaveLength(3);
  });

  it("files a bounce on the case of the reply it returns, marks that reply failed, and answers nothing", async () => {
    const bob = "bob@zoo.example";
    await addContact(t, customer.account.id, { name: "Bob", email: bob });
    const { c } = await firstMail(bob, "SIM 8944 not registering");
    const reply = await t.api("POST", `/api/v1/cases/${c.id}/replies`, {
      body: { body: "Please power-cycle the device." },
    });
    await flush();
    relay.received.length = 0;
    const boundary = "bounce-boundary-1";
    const dsn = rfc822(
      {
        From: "Mail Delivery System <MAILER-DAEMON@mx.zoo.example>",
        To: SUPPORT,
        Subject: "Undelivered Mail Returned to Sender",
        "Message-ID": msgId("dsn"),
        "MIME-Version": "1.0",
        "Content-Type": `multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      },
      [
        `--${boundary}`,
        "Content-Type: text/plain",
        "",
        "Your message could not be delivered.",
        "",
        `--${boundary}`,
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.zoo.example",
        "",
        `Final-Recipient: rfc822; ${bob}`,
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
        "",
        `--${boundary}`,
        "Content-Type: text/rfc822-headers",
        "",
        `From: ${FROM}`,
        `To: ${bob}`,
        `Message-ID: ${reply.body.messageId}`,
        "",
        `--${boundary}--`,
        "",
      ].join("\n"),
    );
    await deliver(t, dsn, { from: "", to: [SUPPORT] });
    await flush();
    expect(relay.received).toHaveLength(0);
    const detail = await getCase(t, c.id);
    const bounce = detail.timeline.filter((e: any) => e.kind === "email_in").at(-1);
    expect(bounce.message.flags).toEqual(expect.arrayContaining(["bounce", "delivery_failure"]));
    expect(bounce.data).toMatchObject({ deliveryFailure: true, threadedBy: "bounce" });
    const out = detail.timeline.find((e: any) => e.message?.messageId === reply.body.messageId);
    expect(out.message.sendStatus).toBe("failed");
    expect(out.message.sendError).toMatch(/5\.1\.1/);
    expect(await casesFrom(t, "MAILER-DAEMON@mx.zoo.example")).toHaveLength(0);
  });

  it("reads an Italian mail in ISO-8859-1 with an attachment and a Swedish one, and keeps an HTML-only mail's text", async () => {
    const boundary = "it-boundary";
    const italian = Buffer.concat([
      Buffer.from(
        rfc822(
          {
            From: "Giulia <giulia@zoo.example>",
            To: SUPPORT,
            Subject: "=?ISO-8859-1?Q?Perch=E9_la_SIM_non_si_connette=3F?=",
            "Message-ID": msgId("it"),
            "MIME-Version": "1.0",
            "Content-Type": `multipart/mixed; boundary="${boundary}"`,
          },
          "",
        ),
        "latin1",
      ),
      Buffer.from(
        [
          `--${boundary}`,
          "Content-Type: text/plain; charset=ISO-8859-1",
          "Content-Transfer-Encoding: 8bit",
          "",
          "Buongiorno, perché la SIM è ancora inattiva? Città: Forlì. Grazie!",
          "",
          `--${boundary}`,
          'Content-Type: application/pdf; name="fattura.pdf"',
          'Content-Disposition: attachment; filename="fattura.pdf"',
          "Content-Transfer-Encoding: base64",
          "",
          Buffer.from("%PDF-1.4 fattura di prova").toString("base64"),
          "",
          `--${boundary}--`,
          "",
        ].join("\r\n"),
        "latin1",
      ),
    ]);
    await deliver(t, italian, { from: "giulia@zoo.example", to: [SUPPORT] });
    const [it] = await casesFrom(t, "giulia@zoo.example");
    expect(it.subject).toBe("Perché la SIM non si connette?");
    const entry = (await getCase(t, it.id)).timeline.find((e: any) => e.kind === "email_in");
    expect(entry.body.trim()).toBe(
      "Buongiorno, perché la SIM è ancora inattiva? Città: Forlì. Grazie!",
    );
    expect(entry.message.attachments).toEqual([
      expect.objectContaining({
        filename: "fattura.pdf",
        contentType: "application/pdf",
        stored: true,
      }),
    ]);
    const file = await fetch(
      `${t.url}/api/v1/cases/${it.id}/attachments/${entry.message.attachments[0].id}`,
      { headers: { authorization: `Bearer ${t.adminKey}` } },
    );
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe("%PDF-1.4 fattura di prova");

    // Swedish in Windows-1252, quoted-printable, with an encoded-word subject and sender name.
    await deliver(
      t,
      rfc822(
        {
          From: "=?windows-1252?Q?=C5sa_=D6berg?= <asa@zoo.example>",
          To: SUPPORT,
          Subject: "=?windows-1252?Q?V=E5r_router_=E4r_trasig_=96_hj=E4lp!?=",
          "Message-ID": msgId("sv"),
          "MIME-Version": "1.0",
          "Content-Type": "text/plain; charset=windows-1252",
          "Content-Transfer-Encoding": "quoted-printable",
        },
        "Hej! Modemet i V=E4xj=F6 svarar inte sedan i g=E5r. H=E4lsningar, =C5sa",
      ),
      { from: "asa@zoo.example", to: [SUPPORT] },
    );
    const [sv] = await casesFrom(t, "asa@zoo.example");
    expect(sv.subject).toBe("Vår router är trasig – hjälp!");
    const svEntry = (await getCase(t, sv.id)).timeline.find((e: any) => e.kind === "email_in");
    expect(svEntry.body.trim()).toBe(
      "Hej! Modemet i Växjö svarar inte sedan i går. Hälsningar, Åsa",
    );
    expect(svEntry.actor.name).toBe("Åsa Öberg");

    await deliverMail(t, {
      from: "html@zoo.example",
      to: SUPPORT,
      subject: "HTML only",
      messageId: msgId("html"),
      html: '<html><body><p>Line <b>one</b></p><p>Line two</p><img src="cid:logo"></body></html>',
      attachments: [{ filename: "logo.png", content: Buffer.from("89504e47", "hex"), cid: "logo" }],
    });
    const [html] = await casesFrom(t, "html@zoo.example");
    const htmlEntry = (await getCase(t, html.id)).timeline.find((e: any) => e.kind === "email_in");
    expect(htmlEntry.body).toMatch(/Line one\s+Line two/);
    expect(htmlEntry.message.attachments).toEqual([
      expect.objectContaining({ filename: "logo.png", inline: true }),
    ]);
  });

  it("stores a message delivered twice once", async () => {
    const id = msgId("dup");
    const raw = rfc822(
      { From: "dan@zoo.example", To: SUPPORT, Subject: "Twice", "Message-ID": id },
      "Same mail, two deliveries.",
    );
    await deliver(t, raw, { from: "dan@zoo.example", to: [SUPPORT] });
    await deliver(t, raw, { from: "dan@zoo.example", to: [SUPPORT] });
    const cases = await casesFrom(t, "dan@zoo.example");
    expect(cases).toHaveLength(1);
    expect(
      (await getCase(t, cases[0].id)).timeline.filter((e: any) => e.kind === "email_in"),
    ).toHaveLength(1);
  });

  // Receiving, refusing and keeping raw large mail over real SMTP: test/desk/mail-stall.test.ts.
  it("announces the accepted size with SIZE and refuses a larger declared size at MAIL FROM with 552", async () => {
    const dialogue = await smtpDialogue(t.otter.smtpPort!, [
      "EHLO client.example",
      `MAIL FROM:<huge@zoo.example> SIZE=${60 * 1024 * 1024}`,
      "QUIT",
    ]);
    expect(dialogue).toMatch(/250[- ]SIZE 26214400/);
    expect(dialogue).toMatch(/^552 /m);
  });

  it("reopens a resolved case on a reply within the reopen window, and opens a new linked case after it", async () => {
    const erin = "erin@zoo.example";
    await addContact(t, customer.account.id, { name: "Erin", email: erin });
    const { c } = await firstMail(erin, "APN settings");
    await t.api("PATCH", `/api/v1/cases/${c.id}`, { body: { state: "resolved" } });
    t.clock.advance(13 * DAY);
    await deliver(
      t,
      rfc822(
        {
          From: erin,
          To: SUPPORT,
          Subject: `Re: APN settings [Case #${c.number}]`,
          "Message-ID": msgId(),
        },
        "Still not working.",
      ),
      { from: erin, to: [SUPPORT] },
    );
    expect((await getCase(t, c.id)).state).toBe("open");

    await t.api("PATCH", `/api/v1/cases/${c.id}`, { body: { state: "resolved" } });
    t.clock.advance(15 * DAY);
    await deliver(
      t,
      rfc822(
        {
          From: erin,
          To: SUPPORT,
          Subject: `Re: APN settings [Case #${c.number}]`,
          "Message-ID": msgId(),
        },
        "It broke again.",
      ),
      { from: erin, to: [SUPPORT] },
    );
    const old = await getCase(t, c.id);
    expect(old.state).toBe("resolved");
    const cases = await casesFrom(t, erin);
    const fresh = cases.find((x) => x.id !== c.id);
    expect(fresh).toMatchObject({
      reopenedFromCaseId: c.id,
      accountId: customer.account.id,
      state: "new",
    });
    expect(
      (await getCase(t, fresh.id)).timeline.find((e: any) => e.kind === "email_in").body.trim(),
    ).toBe("It broke again.");
  });

  it("keeps a failed reply on the case, visible, and sends it again on retry", async () => {
    const { c } = await firstMail(alice, "Retry me");
    await flush();
    relay.refuseRecipients(550, [alice]);
    const reply = await t.api("POST", `/api/v1/cases/${c.id}/replies`, {
      body: { body: "Here is the answer." },
    });
    await flush();
    let out = (await getCase(t, c.id)).timeline.find(
      (e: any) => e.message?.messageId === reply.body.messageId,
    );
    expect(out.message).toMatchObject({ sendStatus: "failed", sendAttempts: 1 });
    expect(out.message.sendError).toMatch(/550/);
    relay.refuseRecipients(null);
    const retry = await t.api("POST", `/api/v1/cases/${c.id}/replies/${out.message.id}/retry`);
    expect(retry.status).toBe(202);
    await flush();
    out = (await getCase(t, c.id)).timeline.find(
      (e: any) => e.message?.messageId === reply.body.messageId,
    );
    expect(out.message.sendStatus).toBe("sent");
    expect(sentTo(alice).some((m) => m.parsed.messageId === reply.body.messageId)).toBe(true);
  });

  it("threads an outside party's answer into the consultation, shows it on the case and leaves the owner alone", async () => {
    const { c } = await firstMail(alice, "Roaming in Kenya");
    const me = (await t.api("GET", `/api/v1/cases/${c.id}`)).body;
    const agent = await t.api("PATCH", `/api/v1/cases/${c.id}`, {
      body: { ownerUserId: (await t.api("GET", "/api/v1/users")).body.items[0].id },
    });
    expect(agent.status).toBe(200);
    const owner = agent.body.ownerUserId;
    expect(owner).toBeTruthy();
    void me;
    const cons = await t.api("POST", `/api/v1/cases/${c.id}/consultations`, {
      body: {
        address: "roaming@carrier.example",
        subject: "Kenya roaming for IMSI 23415",
        body: "Is 63902 open for our IMSI range?",
      },
    });
    expect(cons.status).toBe(201);
    expect((await getCase(t, c.id)).state).toBe("waiting_on_consultation");
    await flush();
    const asked = sentTo("roaming@carrier.example").at(-1)!;
    expect(asked.parsed.messageId).toMatch(new RegExp(`^<cons\\.${cons.body.id}\\.`));
    await deliver(
      t,
      rfc822(
        {
          From: "roaming@carrier.example",
          To: SUPPORT,
          Subject: `Re: ${asked.parsed.subject}`,
          "Message-ID": msgId("carrier"),
          "In-Reply-To": asked.parsed.messageId!,
        },
        "Yes, 63902 is open since Monday.",
      ),
      { from: "roaming@carrier.example", to: [SUPPORT] },
    );
    const detail = await getCase(t, c.id);
    expect(detail.state).toBe("open");
    expect(detail.ownerUserId).toBe(owner);
    expect(detail.consultations[0]).toMatchObject({ id: cons.body.id, state: "answered" });
    const answer = detail.timeline.filter((e: any) => e.kind === "consultation").at(-1);
    expect(answer).toMatchObject({ consultationId: cons.body.id, data: { type: "answer" } });
    expect(answer.body.trim()).toBe("Yes, 63902 is open since Monday.");
    expect(detail.timeline.filter((e: any) => e.kind === "email_in")).toHaveLength(1);
    // A customer never sees the consultation.
    const theirs = await getCase(t, c.id, customer.adminKey);
    expect(theirs.timeline.some((e: any) => e.kind === "consultation")).toBe(false);

    // A follow-up from Outlook without References threads by the consultation tag — from that party only.
    await deliver(
      t,
      rfc822(
        {
          From: "roaming@carrier.example",
          To: SUPPORT,
          Subject: `AW: ${asked.parsed.subject}`,
          "Message-ID": msgId("carrier2"),
        },
        "PS: also 63903.",
      ),
      { from: "roaming@carrier.example", to: [SUPPORT] },
    );
    await deliver(
      t,
      rfc822(
        {
          From: "nosy@elsewhere.example",
          To: SUPPORT,
          Subject: `Re: ${asked.parsed.subject}`,
          "Message-ID": msgId("nosy"),
        },
        "Me too.",
      ),
      { from: "nosy@elsewhere.example", to: [SUPPORT] },
    );
    const later = await getCase(t, c.id);
    expect(later.timeline.filter((e: any) => e.kind === "consultation").at(-1)).toMatchObject({
      consultationId: cons.body.id,
      body: expect.stringContaining("PS: also 63903."),
    });
    expect(later.timeline.some((e: any) => (e.body ?? "").includes("Me too."))).toBe(false);
    expect(await casesFrom(t, "nosy@elsewhere.example")).toHaveLength(1);
  });

  it("gives a mail from an unknown sender no account (triage) until an agent assigns one, audited", async () => {
    const { c } = await firstMail("stranger@nowhere.example", "Who do I talk to?");
    expect(c).toMatchObject({ triage: true, accountId: null });
    const triage = await t.api("GET", "/api/v1/cases?triage=true");
    expect(triage.body.items.map((x: any) => x.id)).toContain(c.id);
    expect((await t.api("GET", `/api/v1/cases/${c.id}`, { key: customer.adminKey })).status).toBe(
      404,
    );
    const res = await t.api("PATCH", `/api/v1/cases/${c.id}`, {
      body: { accountId: customer.account.id, reason: "Sender is Zoo's new engineer" },
    });
    expect(res.body).toMatchObject({ accountId: customer.account.id, triage: false });
    expect(res.body.timeline.at(-1)).toMatchObject({
      kind: "event",
      data: { type: "account_changed", from: null, to: customer.account.id },
    });
    const audit = await t.api("GET", `/api/v1/audit-log?entityType=case&entityId=${c.id}`);
    expect(audit.body.items[0]).toMatchObject({
      action: "case.update",
      data: { reason: "Sender is Zoo's new engineer" },
    });
    expect((await t.api("GET", `/api/v1/cases/${c.id}`, { key: customer.adminKey })).status).toBe(
      200,
    );
  });

  it("links the SIMs a customer's mail names (ICCID, IMSI, MSISDN) on a new case and on a reply, never another tenant's, and puts the unowned case in the unassigned queue", async () => {
    // Zoo's fleet is split over a region below it; a stranger's SIM belongs to another customer.
    const region = await buildAccount(t, { name: "Zoo Kenya", parentId: customer.account.id });
    const collar = await buildSim(t, { accountId: region.id });
    const tag = await buildSim(t, { accountId: customer.account.id });
    const meter = await buildSim(t, { accountId: customer.account.id });
    const other = await buildCustomer(t, { name: "Other Tenant" });
    const theirs = await buildSim(t, { accountId: other.account.id });
    const wrongDigit = collar.iccid.slice(0, -1) + String((Number(collar.iccid.at(-1)) + 1) % 10);
    const grouped = collar.iccid.replace(/(\d{4})(?=\d)/g, "$1 ");

    const { c, id } = await firstMail(
      `Alice Keeper <${alice}>`,
      "Collars silent since Monday",
      `Hello,\nthe collar with SIM ${grouped} is silent, and so is ${theirs.iccid}.\n` +
        `(Order ref ${wrongDigit}.)\n`,
    );
    const opened = await getCase(t, c.id);
    expect(opened.links.map((l: any) => l.iccid)).toEqual([collar.iccid]);
    expect(opened.timeline.find((e: any) => e.data.type === "linked")).toMatchObject({
      kind: "event",
      actor: { name: "mail" },
      data: { sim: collar.iccid, foundAs: "iccid" },
    });

    // Mail opens a case nobody owns: it waits in the unassigned queue, not in an agent's.
    const unassigned = await t.api("GET", "/api/v1/desk/queue?owner=none&limit=1000");
    expect(unassigned.status).toBe(200);
    expect(unassigned.body.items.map((i: any) => i.id)).toContain(c.id);
    expect(unassigned.body.items.find((i: any) => i.id === c.id).ownerUserId).toBeNull();
    const mine = await t.api("GET", "/api/v1/desk/queue?owner=me&limit=1000");
    expect(mine.body.items.map((i: any) => i.id)).not.toContain(c.id);

    // Her reply names two more by IMSI and MSISDN (the quoted line names the stranger's again).
    await deliver(
      t,
      rfc822(
        {
          From: alice,
          To: SUPPORT,
          Subject: `Re: Collars silent since Monday [Case #${c.number}]`,
          "Message-ID": msgId(),
          "In-Reply-To": id,
        },
        `The tag (IMSI ${tag.imsi}) and the meter on +${meter.msisdn} too.\n> ${theirs.iccid}\n`,
      ),
      { from: alice, to: [SUPPORT] },
    );
    const replied = await getCase(t, c.id);
    expect(replied.links.map((l: any) => l.iccid).sort()).toEqual(
      [collar.iccid, tag.iccid, meter.iccid].sort(),
    );
    expect(
      replied.timeline.filter((e: any) => e.data.type === "linked").map((e: any) => e.data.foundAs),
    ).toEqual(["iccid", "imsi", "msisdn"]);
    const audit = await t.api(
      "GET",
      `/api/v1/audit-log?entityType=case&entityId=${c.id}&action=case.link`,
    );
    expect(audit.body.items).toHaveLength(3);
    expect(audit.body.items[0]).toMatchObject({
      actor: { name: "mail" },
      data: { source: "mail" },
    });

    // A stranger naming Zoo's SIM opens a triage case with nothing linked.
    const stranger = await firstMail(
      "someone@nowhere.example",
      "Is this yours?",
      `Found a collar, SIM ${tag.iccid}.`,
    );
    expect((await getCase(t, stranger.c.id)).links).toEqual([]);
  });
});
