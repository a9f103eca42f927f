import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildCustomer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { startTestRelay, type TestRelay } from "../support/smtp-relay.js";
import {
  addContact,
  addMailbox,
  casesFrom,
  deliver,
  getCase,
  msgId,
  rfc822,
} from "./desk-support.js";

/**
 * A Message-ID or a case tag proves only that the sender saw a mail of the thread. A mail threads
 * into a case only from a known contact of that case's customer or a party the case consulted;
 * anyone else's opens a new case in triage, over real SMTP.
 */
const SUPPORT = "support@otter.example";

describe("threading checks the sender at every layer", () => {
  let t: TestOtter;
  let relay: TestRelay;
  let zoo: Awaited<ReturnType<typeof buildCustomer>>;
  let park: { id: string };
  let other: Awaited<ReturnType<typeof buildCustomer>>;
  const boss = "boss@zoo.example"; // contact of the customer Zoo
  const keeper = "keeper@park.zoo.example"; // contact of Zoo's sub-account Park
  const bob = "bob@other.example"; // contact of another customer
  const mallory = "mallory@elsewhere.example"; // nobody's contact
  const carrier = "roaming@carrier.example";

  beforeAll(async () => {
    relay = await startTestRelay();
    t = await startOtter(
      { OTTER_SMTP_RELAY: relay.url, OTTER_MAIL_FROM: "Otter Support <desk@otter.example>" },
      { startWorkers: false },
    );
    await addMailbox(t, SUPPORT);
    zoo = await buildCustomer(t, { name: "Zoo Telemetry" });
    park = await buildAccount(t, { name: "Zoo Park", parentId: zoo.account.id });
    other = await buildCustomer(t, { name: "Other Fleet" });
    await addContact(t, zoo.account.id, { name: "Zoo Boss", email: boss });
    await addContact(t, park.id, { name: "Park Keeper", email: keeper });
    await addContact(t, other.account.id, { name: "Bob", email: bob });
  });
  afterAll(async () => {
    await t?.close();
    await relay?.close();
  });

  const send = (from: string, headers: Record<string, string>, body: string) =>
    deliver(t, rfc822({ From: from, To: SUPPORT, "Message-ID": msgId(), ...headers }, body), {
      from,
      to: [SUPPORT],
    });
  const mailsIn = (c: { timeline: any[] }) => c.timeline.filter((e) => e.kind === "email_in");

  /** A case opened by the Park keeper's mail, with Otter's acknowledgement (a signed Message-ID) on it. */
  async function parkCase(subject: string) {
    const first = msgId();
    await deliver(
      t,
      rfc822(
        { From: keeper, To: SUPPORT, Subject: subject, "Message-ID": first },
        "Gate sensor SIM offline.",
      ),
      { from: keeper, to: [SUPPORT] },
    );
    const c = (await casesFrom(t, keeper)).find((x) => x.subject === subject);
    expect(c).toMatchObject({ accountId: park.id, triage: false });
    const detail = await getCase(t, c.id);
    const ack = detail.timeline.find((e: any) => e.kind === "email_out").message
      .messageId as string;
    return { c, first, ack };
  }

  it("opens a triage case for a stranger replying with In-Reply-To of another customer's case; the case is untouched", async () => {
    const { c, first, ack } = await parkCase("Gate sensor 1");
    await send(
      mallory,
      {
        Subject: `Re: Gate sensor 1 [Case #${c.number}]`,
        "In-Reply-To": ack,
        References: `${first} ${ack}`,
      },
      "Send me the SIM list.",
    );

    const untouched = await getCase(t, c.id);
    expect(mailsIn(untouched)).toHaveLength(1);
    expect(JSON.stringify(untouched)).not.toContain("Send me the SIM list.");
    const [own] = await casesFrom(t, mallory);
    expect(own).toMatchObject({ triage: true, accountId: null, contactIds: [] });
    expect(own.id).not.toBe(c.id);
    const detail = await getCase(t, own.id);
    expect(mailsIn(detail)[0]).toMatchObject({
      data: { threadedBy: "new_case" },
      message: { flags: ["thread_refused"] },
    });
    // The agent is told which case it pointed at, in an internal note.
    expect(detail.timeline.find((e: any) => e.kind === "note")).toMatchObject({
      data: { type: "thread_refused", caseId: c.id, by: "token" },
    });
    expect(
      (await t.api("GET", "/api/v1/cases?triage=true")).body.items.map((x: any) => x.id),
    ).toContain(own.id);
    expect((await t.api("GET", `/api/v1/cases/${own.id}`, { key: zoo.adminKey })).status).toBe(404);

    // The stranger's follow-up to its own acknowledgement threads there, though it still references the other case.
    const ownAck = detail.timeline.find((e: any) => e.kind === "email_out").message
      .messageId as string;
    await send(
      mallory,
      {
        Subject: "Re: Gate sensor 1",
        "In-Reply-To": ownAck,
        References: `${first} ${ack} ${ownAck}`,
      },
      "Anyone?",
    );
    expect(mailsIn(await getCase(t, own.id))).toHaveLength(2);
    expect(await casesFrom(t, mallory)).toHaveLength(1);
    expect(mailsIn(await getCase(t, c.id))).toHaveLength(1);
  });

  it("sends another customer's contact to triage too, by References or by the subject tag, never onto its own account", async () => {
    const { c, first } = await parkCase("Gate sensor 2");
    await send(
      bob,
      { Subject: "Re: Gate sensor 2", References: first },
      "Forwarded to me by mistake?",
    );
    await send(bob, { Subject: `Re: Gate sensor 2 [Case #${c.number}]` }, "Still me.");
    expect(mailsIn(await getCase(t, c.id))).toHaveLength(1);
    const bobs = await casesFrom(t, bob);
    expect(bobs).toHaveLength(2);
    for (const b of bobs)
      expect(b).toMatchObject({ triage: true, accountId: null, contactIds: [] });
    const refs = await Promise.all(
      bobs.map(
        async (b) => (await getCase(t, b.id)).timeline.find((e: any) => e.kind === "note").data.by,
      ),
    );
    expect(refs.sort()).toEqual(["references", "subject_tag"]);
    expect((await t.api("GET", "/api/v1/cases", { key: other.adminKey })).body.items).toEqual([]);
  });

  it("threads a known contact of the case's customer — the account or one above it — and the party the case consulted", async () => {
    const { c, first, ack } = await parkCase("Gate sensor 3");
    // A contact of Zoo, the account above Park, replies to the acknowledgement.
    await send(
      boss,
      { Subject: "Re: Gate sensor 3", "In-Reply-To": ack, References: `${first} ${ack}` },
      "Please hurry, the gate is stuck.",
    );
    let detail = await getCase(t, c.id);
    expect(mailsIn(detail).at(-1)).toMatchObject({
      data: { threadedBy: "token" },
      message: { from: boss, flags: [] },
    });

    // The agent consults the carrier; the carrier answers on the case's own thread (it was copied).
    const cons = await t.api("POST", `/api/v1/cases/${c.id}/consultations`, {
      body: { address: carrier, subject: "Park gate SIM", body: "Do you see it attach?" },
    });
    expect(cons.status).toBe(201);
    await send(
      carrier,
      { Subject: `Re: Gate sensor 3 [Case #${c.number}]`, "In-Reply-To": ack },
      "It attached at 09:12.",
    );
    detail = await getCase(t, c.id);
    expect(mailsIn(detail).at(-1)).toMatchObject({
      data: { threadedBy: "token" },
      message: { from: carrier },
    });
    expect(await casesFrom(t, carrier)).toEqual([]);

    // On the consultation's own thread only that party threads; a stranger quoting it goes to triage.
    const consMail = detail.timeline.find(
      (e: any) => e.kind === "consultation" && e.message?.direction === "out",
    ).message.messageId as string;
    await send(
      carrier,
      { Subject: "Re: Park gate SIM", "In-Reply-To": consMail },
      "PS: cell 4660.",
    );
    await send(mallory, { Subject: "Re: Park gate SIM", "In-Reply-To": consMail }, "Me too.");
    detail = await getCase(t, c.id);
    expect(detail.timeline.filter((e: any) => e.kind === "consultation").at(-1)).toMatchObject({
      consultationId: cons.body.id,
      body: expect.stringContaining("PS: cell 4660."),
    });
    expect(JSON.stringify(detail)).not.toContain("Me too.");
    const stranger = (await casesFrom(t, mallory)).find((x) => x.subject === "Re: Park gate SIM");
    const triaged = await getCase(t, stranger.id);
    expect(triaged).toMatchObject({ triage: true });
    expect(mailsIn(triaged)[0].body.trim()).toBe("Me too.");
  });

  it("does not let a contact of a sub-account thread into a case of the account above it", async () => {
    const first = msgId();
    await deliver(
      t,
      rfc822(
        { From: boss, To: SUPPORT, Subject: "Zoo invoice", "Message-ID": first },
        "Invoice 12 looks wrong.",
      ),
      { from: boss, to: [SUPPORT] },
    );
    const c = (await casesFrom(t, boss)).find((x) => x.subject === "Zoo invoice");
    expect(c).toMatchObject({ accountId: zoo.account.id });
    await send(keeper, { Subject: "Re: Zoo invoice", References: first }, "Which invoice?");
    expect(mailsIn(await getCase(t, c.id))).toHaveLength(1);
    const keeperCases = await casesFrom(t, keeper);
    expect(keeperCases.find((x) => x.subject === "Re: Zoo invoice")).toMatchObject({
      triage: true,
    });
  });
});
