import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildCustomer, buildSim, buildUser, offer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { runCli } from "./run-cli.js";

let t: TestOtter;
let dir: string;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  dir = mkdtempSync(join(tmpdir(), "otter-desk-cli-"));
});
afterAll(async () => {
  await t?.close();
});

const otter = (args: string[], key: string = t.adminKey) =>
  runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: key });
const caseOf = async (id: string) => (await t.api("GET", `/api/v1/cases/${id}`)).body;

describe("otter cases: open, consult, link, macro", () => {
  it("opens a case for a customer, and refuses an unknown priority before calling the API", async () => {
    const zoo = await buildCustomer(t, { name: "Zoo Telemetry" });
    const r = await otter([
      "cases",
      "open",
      "--account",
      zoo.account.id,
      "--subject",
      "Five new SIM cards",
      "--category",
      "sim_order",
      "--priority",
      "high",
      "--description",
      "For the new barn.",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const m =
      /^Case #(\d+) opened \(new, high, sim_order\) for account ([0-9a-f-]{36}); id ([0-9a-f-]{36})\.$/m.exec(
        r.stdout,
      );
    expect(m?.[2]).toBe(zoo.account.id);
    const c = await caseOf(m![3]!);
    expect(c).toMatchObject({
      number: Number(m![1]),
      subject: "Five new SIM cards",
      category: "sim_order",
      priority: "high",
      accountId: zoo.account.id,
    });
    expect(
      c.timeline.some((e: { body: string | null }) => e.body?.includes("For the new barn.")),
    ).toBe(true);

    const json = await otter([
      "cases",
      "open",
      "--account",
      zoo.account.id,
      "--subject",
      "Invoice question",
      "--category",
      "billing",
      "--json",
    ]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      subject: "Invoice question",
      category: "billing",
      priority: "normal",
      state: "new",
      accountId: zoo.account.id,
    });

    const before = (await t.api("GET", `/api/v1/cases?account=${zoo.account.id}`)).body.items
      .length;
    const bad = await otter([
      "cases",
      "open",
      "--account",
      zoo.account.id,
      "--subject",
      "x",
      "--priority",
      "asap",
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Expected one of: low, normal, high, urgent");
    expect((await t.api("GET", `/api/v1/cases?account=${zoo.account.id}`)).body.items.length).toBe(
      before,
    );
  });

  it("consults a team, lists the consultation, records its answer and closes it; refuses two targets", async () => {
    const zoo = await buildCustomer(t);
    const c = (
      await t.api("POST", "/api/v1/cases", {
        body: { accountId: zoo.account.id, subject: "Gateway silent" },
      })
    ).body;

    const both = await otter([
      "cases",
      "consult",
      String(c.number),
      "--team",
      "network",
      "--address",
      "noc@carrier.example",
      "--subject",
      "s",
      "--body",
      "b",
    ]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/^error CONSULTATION_TARGET: /m);
    expect((await caseOf(c.id)).consultations).toEqual([]);

    const open = await otter([
      "cases",
      "consult",
      String(c.number),
      "--team",
      "network",
      "--subject",
      "Cell outage in Lodi?",
      "--body",
      "Do you see an outage near Lodi since 06:00?",
    ]);
    expect(open.code, open.stderr).toBe(0);
    const kid = /^Consultation ([0-9a-f-]{36}) opened with team network \(open\)\.$/m.exec(
      open.stdout,
    )?.[1];
    expect(kid).toBeDefined();
    expect((await caseOf(c.id)).state).toBe("waiting_on_consultation");

    const list = await otter(["cases", "consultations", `#${c.number}`]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(`^${kid}\\s+team network\\s+open\\s+\\S+\\s+-\\s+Cell outage in Lodi\\?$`, "m"),
    );

    const answer = await otter([
      "cases",
      "consultation",
      "reply",
      c.id,
      kid!,
      "--body",
      "Yes, a cell was down; fixed at 09:10.",
    ]);
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.stdout).toMatch(
      new RegExp(`^Answer recorded on consultation ${kid}; the case is \\w+\\.$`, "m"),
    );

    const close = await otter(["cases", "consultation", "close", c.id, kid!, "--json"]);
    expect(close.code, close.stderr).toBe(0);
    expect(JSON.parse(close.stdout)).toMatchObject({ id: kid, team: "network", state: "closed" });

    const listJson = JSON.parse((await otter(["cases", "consultations", c.id, "--json"])).stdout);
    expect(listJson.items).toEqual([
      expect.objectContaining({ id: kid, state: "closed", answeredAt: expect.any(String) }),
    ]);
    const show = await otter(["cases", "show", c.id]);
    expect(show.stdout).toMatch(/Yes, a cell was down; fixed at 09:10\./);
  });

  it("links a SIM and an account, unlinks by ICCID, and says so for a link that is not there", async () => {
    const zoo = await buildCustomer(t);
    const other = await buildCustomer(t, { name: "Barn Sensors" });
    const sim = await buildSim(t, { accountId: zoo.account.id });
    const c = (
      await t.api("POST", "/api/v1/cases", {
        body: { accountId: zoo.account.id, subject: "Collar silent" },
      })
    ).body;

    const link = await otter(["cases", "link", String(c.number), "--sim", sim.iccid]);
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(new RegExp(`^[0-9a-f-]{36}\\s+sim\\s+${sim.iccid}$`, "m"));
    const acc = await otter([
      "cases",
      "link",
      String(c.number),
      "--account",
      other.account.id,
      "--json",
    ]);
    expect(acc.code, acc.stderr).toBe(0);
    expect(
      JSON.parse(acc.stdout)
        .links.map((l: { kind: string }) => l.kind)
        .sort(),
    ).toEqual(["account", "sim"]);

    const unlink = await otter(["cases", "unlink", String(c.number), sim.iccid]);
    expect(unlink.code, unlink.stderr).toBe(0);
    expect(unlink.stdout).toContain(`Link removed from case #${c.number}.`);
    expect((await caseOf(c.id)).links).toEqual([
      expect.objectContaining({ kind: "account", accountId: other.account.id }),
    ]);

    const again = await otter(["cases", "unlink", String(c.number), sim.iccid]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error CASE_LINK_NOT_FOUND: /m);
  });

  it("renders a saved reply for a case, sends it with --send, and refuses to send one with an empty placeholder", async () => {
    const zoo = await buildCustomer(t, { name: "Orchard Metrics" });
    const c = (
      await t.api("POST", "/api/v1/cases", {
        body: { accountId: zoo.account.id, subject: "Plan question" },
      })
    ).body;
    await t.api("PATCH", `/api/v1/cases/${c.id}`, { body: { state: "open" } });
    const add = await otter([
      "desk",
      "macros",
      "add",
      "--name",
      "Plans explained",
      "--body",
      "About case {{case.number}} for {{account.name}}: see our plans page.",
      "--tag",
      "plans",
    ]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(
      /^Saved reply "Plans explained" added \([0-9a-f-]{36}\); placeholders: /m,
    );
    const withContact = (
      await t.api("POST", "/api/v1/desk/macros", {
        body: { name: "Hello contact", body: "Hello {{contact.firstName}}, thanks." },
      })
    ).body;

    const render = await otter(["cases", "macro", String(c.number), "Plans explained"]);
    expect(render.code, render.stderr).toBe(0);
    expect(render.stdout.trim()).toBe(
      `About case ${c.number} for Orchard Metrics: see our plans page.`,
    );

    const refused = await otter(["cases", "macro", String(c.number), withContact.id, "--send"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error MACRO_PLACEHOLDERS_MISSING: No value for \{\{contact\.firstName\}\} on this case; nothing was sent/m,
    );
    expect(
      (await caseOf(c.id)).timeline.filter((e: { kind: string }) => e.kind === "email_out"),
    ).toEqual([]);

    const sent = await otter([
      "cases",
      "macro",
      String(c.number),
      "Plans explained",
      "--send",
      "--to",
      "ops@orchard.example",
      "--state",
      "waiting_on_customer",
      "--json",
    ]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({
      state: "waiting_on_customer",
      body: `About case ${c.number} for Orchard Metrics: see our plans page.`,
    });
    const out = (await caseOf(c.id)).timeline.filter(
      (e: { kind: string }) => e.kind === "email_out",
    );
    expect(out).toHaveLength(1);
    expect(out[0].body).toContain(`About case ${c.number} for Orchard Metrics`);
  });
});

describe("otter desk queue and otter cases: the work as it is", () => {
  it("opens an unowned case into the unassigned queue, takes it with --owner me, shows its SIMs, SLA and customer, and names a missing case by number", async () => {
    const zoo = await buildCustomer(t, { name: "Serengeti Collars", timeZone: "Africa/Nairobi" });
    const cat = await buildCatalog(t);
    await offer(t, cat, zoo.account.id);
    const sim = await buildSim(t, {
      accountId: zoo.account.id,
      state: "ACTIVATED",
      communicationPlan: cat.comm.id,
      ratePlan: cat.rate.id,
    });
    const opened = await otter([
      "cases",
      "open",
      "--account",
      zoo.account.id,
      "--subject",
      "Collar 9 silent",
      "--owner",
      "none",
      "--priority",
      "high",
      "--json",
    ]);
    expect(opened.code, opened.stderr).toBe(0);
    const c = JSON.parse(opened.stdout);
    expect(c.ownerUserId).toBeNull();
    await t.api("POST", `/api/v1/cases/${c.id}/links`, { body: { iccid: sim.iccid } });

    const unassigned = await otter(["desk", "queue", "--owner", "none", "--limit", "1000"]);
    expect(unassigned.code, unassigned.stderr).toBe(0);
    expect(unassigned.stdout).toMatch(
      new RegExp(`^#${c.number}\\s+\\w+\\s.*Collar 9 silent$`, "m"),
    );

    // A new agent's own queue is empty: it says so and where the cases nobody owns are.
    const agent = await buildUser(t, t.rootAccountId, "operator_agent");
    const own = await otter(["desk", "queue"], agent.key);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stderr).toMatch(/^No open cases in this queue\.$/m);
    expect(own.stderr).toMatch(
      /^You own no open case; \d+ open cases? (has|have) no owner: otter desk queue --owner none$/m,
    );

    const take = await otter(["cases", "set", String(c.number), "--owner", "me"]);
    expect(take.code, take.stderr).toBe(0);
    const admin = (await caseOf(c.id)).owner;
    expect(admin).not.toBeNull();
    expect(take.stdout).toMatch(
      new RegExp(`^Case #${c.number}: new, high, other, owned by ${admin.name}\\.$`, "m"),
    );
    const mine = await otter(["cases", "list", "--owner", "me", "--search", `#${c.number}`]);
    expect(mine.stdout).toMatch(
      new RegExp(`^#${c.number}\\s+new\\s+high\\s+\\w+\\s+Serengeti Collars\\s`, "m"),
    );
    expect(mine.stdout).toMatch(/^NUMBER\s+STATE\s+PRIORITY\s+CATEGORY\s+CUSTOMER\s/m);

    const show = await otter(["cases", "show", `#${c.number}`]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`Serengeti Collars (${zoo.account.id})`);
    expect(show.stdout).toMatch(new RegExp(`^Owner\\s+${admin.name} <${admin.email}>$`, "m"));
    expect(show.stdout).toMatch(
      /^First response\s+(running|at_risk|breached), due \S+Z \(\S+\+03:00 customer time\), .*(left|overdue)$/m,
    );
    expect(show.stdout).toMatch(/^Resolution\s+(running|at_risk|breached), due /m);
    expect(show.stdout).toMatch(new RegExp(`^\\S+\\s+event\\s+.*: linked SIM ${sim.iccid}$`, "m"));
    expect(show.stdout).toMatch(
      new RegExp(
        `^  ${sim.iccid}  ACTIVATED  (ONLINE|ATTACHED|OFFLINE|BLOCKED)\\b.*  diagnosis (ok|warn|fail): \\S`,
        "m",
      ),
    );

    const missing = await otter(["cases", "note", "#99999999", "--body", "x"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error CASE_NOT_FOUND: Case #99999999 was not found\.$/m);
    await t.api("PATCH", `/api/v1/cases/${c.id}`, { body: { state: "closed" } });
    const closed = await otter(["cases", "note", String(c.number), "--body", "x"]);
    expect(closed.stderr).toMatch(
      new RegExp(`^error CASE_CLOSED: Case #${c.number} is closed;`, "m"),
    );
  });
});

describe("otter desk: caller, macros, articles, agreement", () => {
  it("looks up a caller by number: contact, customer and open cases", async () => {
    const zoo = await buildCustomer(t, { name: "Vineyard IoT" });
    const contact = await t.api("POST", `/api/v1/accounts/${zoo.account.id}/contacts`, {
      body: { name: "Giulia Rossi", email: "giulia@vineyard.example", phone: "+39 02 5550 1017" },
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    const c = (
      await t.api("POST", "/api/v1/cases", {
        body: { accountId: zoo.account.id, subject: "Roaming in Switzerland" },
      })
    ).body;

    const r = await otter(["desk", "caller", "0039 02 5550 1017"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Contact\s+Giulia Rossi <giulia@vineyard\.example>$/m);
    expect(r.stdout).toMatch(new RegExp(`^Customer\\s+Vineyard IoT \\(${zoo.account.id}\\)$`, "m"));
    expect(r.stdout).toMatch(
      new RegExp(`^#${c.number}\\s+new\\s+normal\\s+\\S+\\s+Roaming in Switzerland$`, "m"),
    );

    const json = JSON.parse((await otter(["desk", "caller", "+39 02 5550 1017", "--json"])).stdout);
    expect(json.matches).toEqual([
      expect.objectContaining({
        account: { id: zoo.account.id, name: "Vineyard IoT" },
        openCases: [expect.objectContaining({ id: c.id })],
      }),
    ]);

    const none = await otter(["desk", "caller", "+1 555 000 0000"]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("No contact has the number");
    const bad = await otter(["desk", "caller", "1-2-3"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error CALLER_NUMBER_INVALID: /m);
  });

  it("lists, shows and deletes saved replies; refuses an unknown placeholder", async () => {
    const bad = await otter([
      "desk",
      "macros",
      "add",
      "--name",
      "Broken",
      "--body",
      "Hi {{customer.nickname}}",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error MACRO_UNKNOWN_PLACEHOLDER: /m);

    const add = JSON.parse(
      (
        await otter([
          "desk",
          "macros",
          "add",
          "--name",
          "Restart steps",
          "--body",
          "Please restart the device, {{agent.name}}",
          "--tag",
          "howto",
          "--json",
        ])
      ).stdout,
    );
    expect(add).toMatchObject({
      name: "Restart steps",
      tags: ["howto"],
      placeholders: ["agent.name"],
    });
    const list = await otter(["desk", "macros", "list", "--tag", "howto"]);
    expect(list.stdout).toMatch(
      new RegExp(`^Restart steps\\s+howto\\s+${add.id}\\s+Please restart the device`, "m"),
    );
    const show = await otter(["desk", "macros", "show", add.id]);
    expect(show.stdout).toMatch(/^Placeholders\s+agent\.name$/m);
    expect(show.stdout).toContain("Please restart the device, {{agent.name}}");

    const del = await otter(["desk", "macros", "delete", add.id]);
    expect(del.code, del.stderr).toBe(0);
    const gone = await otter(["desk", "macros", "show", add.id]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^error MACRO_NOT_FOUND: /m);
  });

  it("adds, finds, shows and deletes knowledge-base articles", async () => {
    const file = join(dir, "apn.md");
    writeFileSync(file, "Set the APN to iot.otter.example and reboot the modem.\n");
    const add = await otter([
      "desk",
      "articles",
      "add",
      "--title",
      "Which APN to configure",
      "--body",
      `@${file}`,
      "--tag",
      "apn",
      "--tag",
      "howto",
    ]);
    expect(add.code, add.stderr).toBe(0);
    const id = /^Article "Which APN to configure" added \(([0-9a-f-]{36})\)\.$/m.exec(
      add.stdout,
    )?.[1];
    expect(id).toBeDefined();

    const search = await otter(["desk", "articles", "search", "modem reboot"]);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toMatch(
      new RegExp(`^Which APN to configure\\s+apn, howto\\s+${id}$`, "m"),
    );
    const json = JSON.parse((await otter(["desk", "articles", "search", "APN", "--json"])).stdout);
    expect(json.items.map((a: { id: string }) => a.id)).toContain(id);
    const show = await otter(["desk", "articles", "show", id!]);
    expect(show.stdout).toContain("Set the APN to iot.otter.example and reboot the modem.");

    expect((await otter(["desk", "articles", "delete", id!])).code).toBe(0);
    const gone = await otter(["desk", "articles", "show", id!]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^error ARTICLE_NOT_FOUND: /m);
    const missing = await otter([
      "desk",
      "articles",
      "add",
      "--title",
      "x",
      "--body",
      `@${join(dir, "nope.md")}`,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error FILE_NOT_FOUND: /m);
  });

  it("shows and sets the default agreement and a customer's agreement from a YAML file", async () => {
    const zoo = await buildCustomer(t);
    const def = join(dir, "default.yaml");
    writeFileSync(
      def,
      "firstResponse: { urgent: PT1H, high: PT4H, normal: PT8H, low: PT48H }\nresolution: { urgent: PT8H, high: PT16H, normal: PT40H, low: null }\n",
    );
    const setDefault = await otter([
      "desk",
      "agreement",
      "set",
      "default",
      "--file",
      def,
      "--reason",
      "contract 2027",
    ]);
    expect(setDefault.code, setDefault.stderr).toBe(0);
    expect(setDefault.stdout).toMatch(/^For\s+the operator's default$/m);
    expect(setDefault.stdout).toMatch(/^urgent\s+PT1H\s+PT8H$/m);
    expect(setDefault.stdout).toMatch(/^low\s+PT48H\s+no target$/m);

    const inherited = JSON.parse(
      (await otter(["desk", "agreement", "show", zoo.account.id, "--json"])).stdout,
    );
    expect(inherited).toMatchObject({
      accountId: zoo.account.id,
      inherited: true,
      firstResponse: { urgent: "PT1H" },
    });

    const own = join(dir, "zoo.json");
    writeFileSync(
      own,
      JSON.stringify({
        firstResponse: { urgent: "PT30M", high: "PT2H" },
        resolution: { urgent: "PT4H" },
      }),
    );
    const set = await otter(["desk", "agreement", "set", zoo.account.id, "--file", own]);
    expect(set.code, set.stderr).toBe(0);
    const show = await otter(["desk", "agreement", "show", zoo.account.id]);
    expect(show.stdout).toMatch(/^Targets from\s+this agreement$/m);
    expect(show.stdout).toMatch(/^urgent\s+PT30M\s+PT4H$/m);

    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "- just\n- a list\n");
    const bad = await otter(["desk", "agreement", "set", zoo.account.id, "--file", broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error CLI_BAD_FILE: /m);
    expect(
      (await t.api("GET", `/api/v1/accounts/${zoo.account.id}/support-agreement`)).body
        .firstResponse.urgent,
    ).toBe("PT30M");
  });
});
