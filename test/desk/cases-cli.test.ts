import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { buildCustomer } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
});
afterAll(async () => {
  await t?.close();
});

const otter = (args: string[], key: string = t.adminKey) =>
  runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: key });

describe("otter cases and otter desk", () => {
  it("adds and lists support mailboxes", async () => {
    const add = await otter(["desk", "mailboxes", "add", "help@otter.example"]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain("Mail for help@otter.example is accepted");
    const again = await otter(["desk", "mailboxes", "add", "HELP@otter.example"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error DESK_MAILBOX_EXISTS: /m);
    const list = await otter(["desk", "mailboxes", "list"]);
    expect(list.stdout).toMatch(/^help@otter\.example\s+operator-wide\s+/m);
  });

  it("lists, shows, replies to, notes and logs a call on a case by its number", async () => {
    const zoo = await buildCustomer(t, { name: "Zoo Telemetry" });
    const c = (
      await t.api("POST", "/api/v1/cases", {
        key: zoo.adminKey,
        body: { subject: "Gateway silent since 06:00", description: "No data from gateway 12." },
      })
    ).body;
    const list = await otter(["cases", "list", "--state", "new", "--account", zoo.account.id]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(
        `^#${c.number}\\s+new\\s+normal\\s+other\\s+Zoo Telemetry\\s+-\\s+Gateway silent since 06:00$`,
        "m",
      ),
    );

    const reply = await otter([
      "cases",
      "reply",
      String(c.number),
      "--body",
      "We are on it.",
      "--to",
      "noc@zoo.example",
      "--state",
      "waiting_on_customer",
    ]);
    expect(reply.code, reply.stderr).toBe(0);
    expect(reply.stdout).toMatch(
      /^Reply stored \(queued, no relay yet\) as <case\..+>; the case is waiting_on_customer\.$/m,
    );
    expect(
      (await otter(["cases", "note", `#${c.number}`, "--body", "Customer is a VIP."])).code,
    ).toBe(0);
    const call = await otter([
      "cases",
      "call",
      c.id,
      "--number",
      "+39 02 1234 5678",
      "--duration",
      "5m12s",
      "--summary",
      "Walked them through a restart.",
    ]);
    expect(call.code, call.stderr).toBe(0);

    const show = await otter(["cases", "show", String(c.number)]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(new RegExp(`^Case\\s+#${c.number}$`, "m"));
    expect(show.stdout).toMatch(/^State\s+waiting_on_customer \(TMF621 pending\)$/m);
    expect(show.stdout).toMatch(
      new RegExp(`^Customer\\s+Zoo Telemetry \\(${zoo.account.id}\\)$`, "m"),
    );
    expect(show.stdout).toMatch(
      /email_out\s+Operator admin: mail to noc@zoo\.example \(queued, no relay yet\)/,
    );
    expect(show.stdout).toMatch(/note\s+Operator admin: internal note\n\s+Customer is a VIP\./);
    expect(show.stdout).toMatch(/phone\s+Operator admin: call inbound \+39 02 1234 5678 312s/);

    const json = JSON.parse((await otter(["cases", "show", c.id, "--json"])).stdout);
    expect(json.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "event",
      "email_out",
      "event",
      "note",
      "phone",
    ]);
  });

  it("prints the API's code when a customer tries agent work", async () => {
    const zoo = await buildCustomer(t);
    const c = (await t.api("POST", "/api/v1/cases", { key: zoo.adminKey, body: { subject: "x" } }))
      .body;
    const r = await otter(["cases", "note", c.id, "--body", "hi"], zoo.adminKey);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error FORBIDDEN: Role customer_admin does not have the permission cases:work/m,
    );
  });
});
