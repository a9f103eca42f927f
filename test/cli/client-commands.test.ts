import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildCustomer, buildSim, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";
import { freePort, runCli } from "./run-cli.js";

let t: TestOtter;
beforeAll(async () => {
  t = await startOtter();
});
afterAll(async () => {
  await t?.close();
});

/** The CLI pointed at the test server through its environment variables, as a user would set them. */
const otter = (args: string[], key: string | null = t.adminKey) =>
  runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: key ?? undefined });

describe("otter CLI as a client of a running server", () => {
  it("shows a SIM created through the API", async () => {
    const sim = await buildSim(t);
    const r = await otter(["sims", "get", sim.iccid]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^ICCID\\s+${sim.iccid}$`, "m"));
    expect(r.stdout).toMatch(/^State\s+INVENTORY$/m);
    expect(r.stdout).toMatch(new RegExp(`^IMSI\\s+${sim.imsi}$`, "m"));

    const json = await otter(["sims", "get", sim.iccid, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ iccid: sim.iccid, state: "INVENTORY" });
  });

  it("changes a SIM's state, and on an illegal transition prints the API's code and exits 1", async () => {
    const sim = await buildSim(t);
    const ok = await otter(["sims", "set-state", sim.iccid, "activated", "--reason", "go-live"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`SIM ${sim.iccid} is now ACTIVATED`);

    const refused = await otter(["sims", "set-state", sim.iccid, "INVENTORY"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error SIM_TRANSITION_NOT_ALLOWED: Cannot move a SIM from ACTIVATED to INVENTORY.*\(request [\w-]+\)$/m,
    );
    expect(refused.stdout).toBe("");
    expect((await t.api("GET", `/api/v1/sims/${sim.iccid}`)).body.state).toBe("ACTIVATED");

    const audit = await otter(["sims", "audit", sim.iccid]);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/state\s+INVENTORY\s+ACTIVATED\s+Operator admin.*go-live/);
  });

  it("refuses a state that does not exist before calling the API", async () => {
    const r = await otter(["sims", "set-state", "89440000000000000000", "SLEEPING"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Expected one of: TEST_READY, INVENTORY");
  });

  it("says so when the SIM does not exist", async () => {
    const r = await otter(["sims", "get", "89440000000000000000"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error SIM_NOT_FOUND: /m);
  });

  it("prints INVALID_API_KEY for a wrong key, and UNAUTHENTICATED with a hint for none", async () => {
    const wrong = await otter(["sims", "list"], "otk_not-a-real-key");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /^error INVALID_API_KEY: The API key is unknown or revoked\. \(request [\w-]+\)$/m,
    );

    const none = await otter(["accounts", "list"], null);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^error UNAUTHENTICATED: /m);
    expect(none.stderr).toContain("--api-key");
  });

  it("explains how to start or find Otter when nothing listens at the URL", async () => {
    const port = await freePort();
    const r = await runCli(["sims", "list"], {
      OTTER_URL: `http://127.0.0.1:${port}`,
      OTTER_API_KEY: t.adminKey,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error UNREACHABLE: Cannot reach Otter at http://127.0.0.1:${port} (connection refused).`,
    );
    expect(r.stderr).toContain("otter serve");
    expect(r.stderr).toContain("--url");
  });

  it("lets --url and --api-key flags win over the environment", async () => {
    const port = await freePort();
    const r = await runCli(["--url", t.url, "--api-key", t.adminKey, "accounts", "list"], {
      OTTER_URL: `http://127.0.0.1:${port}`,
      OTTER_API_KEY: "otk_wrong",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+NAME\s+KIND/m);
  });

  it("lists a customer's SIMs as a table, page by page with --all, and as JSON", async () => {
    const account = await buildAccount(t, { name: "Sea Otter Research" });
    const sims = [];
    for (let i = 0; i < 3; i++) sims.push(await buildSim(t, { accountId: account.id }));

    const firstPage = await otter(["sims", "list", "--account", account.id, "--limit", "2"]);
    expect(firstPage.code).toBe(0);
    expect(firstPage.stdout.trim().split("\n")).toHaveLength(3); // header + 2 rows
    expect(firstPage.stderr).toContain("--all");

    const all = await otter(["sims", "list", "--account", account.id, "--limit", "2", "--all"]);
    const lines = all.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ICCID\s+IMSI\s+MSISDN\s+STATE\s+CONNECTIVITY\s+ACCOUNT\s+PLANS$/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(/\s+/)[0])
        .sort(),
    ).toEqual(sims.map((s) => s.iccid).sort());
    expect(lines[1]).toContain("Sea Otter Research");

    const json = await otter([
      "sims",
      "list",
      "--account",
      account.id,
      "--limit",
      "2",
      "--all",
      "--json",
    ]);
    expect((JSON.parse(json.stdout) as { iccid: string }[]).map((s) => s.iccid).sort()).toEqual(
      sims.map((s) => s.iccid).sort(),
    );

    const activated = await otter([
      "sims",
      "list",
      "--account",
      account.id,
      "--state",
      "ACTIVATED",
    ]);
    expect(activated.code).toBe(0);
    expect(activated.stdout).toBe("");
    expect(activated.stderr).toContain("No SIMs.");
  });

  it("creates and shows accounts; a validation error names the field", async () => {
    const created = await otter([
      "accounts",
      "create",
      "--name",
      "Giraffe Trust",
      "--currency",
      "KES",
      "--time-zone",
      "Africa/Nairobi",
      "--json",
    ]);
    expect(created.code).toBe(0);
    const account = JSON.parse(created.stdout) as { id: string };
    const shown = await otter(["accounts", "get", account.id]);
    expect(shown.stdout).toMatch(/^Name\s+Giraffe Trust$/m);
    expect(shown.stdout).toMatch(/^Time zone\s+Africa\/Nairobi$/m);
    expect((await otter(["accounts", "list"])).stdout).toContain("Giraffe Trust");

    const bad = await otter(["accounts", "create", "--name", "X", "--currency", "EURO"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error VALIDATION_FAILED: currency: /m);
    expect(bad.stderr.match(/ISO 4217/g)).toHaveLength(1); // the error once, not again as a detail
  });

  it("moves a sub-account by name with its SIMs, and prints the API's code for a cycle", async () => {
    const u = Date.now().toString(36);
    const customer = await buildAccount(t, { name: `Okavango Trust ${u}` });
    const delta = await buildAccount(t, { name: `Delta ${u}`, parentId: customer.id });
    const panhandle = await buildAccount(t, { name: `Panhandle ${u}`, parentId: customer.id });
    const camp = await buildAccount(t, { name: `Camp ${u}`, parentId: delta.id });
    await buildSim(t, { accountId: camp.id });
    const moved = await otter(["accounts", "move", `camp ${u}`, "--parent", `Panhandle ${u}`]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain(
      `Moved Camp ${u} (${camp.id}) from ${delta.id} to ${panhandle.id}`,
    );
    expect(moved.stdout).toContain("1 account(s), 1 SIM(s)");
    expect((await t.api("GET", `/api/v1/accounts/${camp.id}`)).body.parentId).toBe(panhandle.id);

    const cycle = await otter(["accounts", "move", panhandle.id, "--parent", camp.id]);
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toMatch(/^error ACCOUNT_MOVE_CYCLE: /m);
  });

  it("takes an account by its name wherever it takes an id, and refuses a name that is ambiguous or unknown", async () => {
    const name = `Sea Otter Research ${Date.now().toString(36)}`;
    const account = await buildAccount(t, { name });
    await buildUser(t, account.id, "customer_user");
    // Any case, as people type it.
    const users = await otter(["users", "list", "--account", name.toLowerCase(), "--json"]);
    expect(users.code).toBe(0);
    const listed = JSON.parse(users.stdout) as { items: { accountId: string }[] };
    expect(listed.items.length).toBe(1);
    expect(listed.items[0]!.accountId).toBe(account.id);
    const shown = await otter(["accounts", "get", name]);
    expect(shown.stdout).toMatch(new RegExp(`^Account\\s+${account.id}$`, "m"));

    // Two customers with one name, under different parents: the CLI lists both and does nothing.
    const twin = `Twin Trackers ${Date.now().toString(36)}`;
    const a = await buildAccount(t, { name: twin });
    const parent = await buildAccount(t);
    const b = await buildAccount(t, { name: twin, parentId: parent.id });
    const ambiguous = await otter(["sims", "list", "--account", twin]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/^error ACCOUNT_AMBIGUOUS: 2 accounts are named/m);
    expect(ambiguous.stderr).toContain(a.id);
    expect(ambiguous.stderr).toContain(`(under ${parent.name}): ${b.id}`);

    const unknown = await otter(["sims", "count", "--account", "No Such Customer"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^error ACCOUNT_NOT_FOUND: No account you can see is named 'No Such Customer'\./m,
    );

    // A customer's own user cannot reach another customer by name either.
    const other = await buildCustomer(t);
    const hidden = await otter(["users", "list", "--account", name], other.adminKey);
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toMatch(/^error ACCOUNT_NOT_FOUND: /m);
  });

  it("creates a user and an API key that works, printed once on stdout", async () => {
    const account = await buildAccount(t);
    const user = await otter([
      "users",
      "create",
      "--account",
      account.id,
      "--email",
      `ops${Date.now()}@giraffe.example`,
      "--name",
      "Wanjiru",
      "--role",
      "customer_admin",
      "--json",
    ]);
    expect(user.code).toBe(0);
    const { id } = JSON.parse(user.stdout) as { id: string };
    const key = await otter(["users", "key", id]);
    expect(key.code).toBe(0);
    expect(key.stderr).toContain("not shown again");
    const apiKey = key.stdout.trim();
    expect(apiKey).toMatch(/^otk_\S+$/);
    const invited = await otter(["users", "invite", id]);
    expect(invited.code).toBe(0);
    expect(invited.stdout).toMatch(
      /^Invitation mailed to ops\d+@giraffe\.example; the link works once, until 2026-03-08T09:00:00\.000Z\.$/m,
    );
    const outbox = await t.api("GET", "/api/v1/outbox?limit=5");
    expect(outbox.body.items[0]).toMatchObject({ purpose: "user_invitation" });
    const seen = await otter(["accounts", "list", "--json"], apiKey);
    expect((JSON.parse(seen.stdout) as { items: { id: string }[] }).items.map((a) => a.id)).toEqual(
      [account.id],
    );
  });

  it("keeps one customer's SIMs out of another customer's CLI", async () => {
    const a = await buildCustomer(t);
    const b = await buildCustomer(t);
    const sim = await buildSim(t, { accountId: a.account.id });
    const r = await otter(["sims", "get", sim.iccid], b.adminKey);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error SIM_NOT_FOUND: /m);
  });

  it("lists plans of both kinds, finds one by name, and lists zones", async () => {
    const zone = await t.api("POST", "/api/v1/zones", {
      body: { name: `Nordics ${Date.now()}`, countries: ["SE", "NO"] },
    });
    const comm = await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: `Meters ${Date.now()}`,
        apns: [{ name: "meters.otter.example" }],
        rats: ["NB-IoT"],
        zones: [zone.body.name],
      },
    });
    const rate = await t.api("POST", "/api/v1/rate-plans", {
      body: {
        name: `Meter 1MB ${Date.now()}`,
        currency: "SEK",
        subscription: { monthlyFeePerSim: 9 },
        zones: [{ zone: zone.body.name, dataPerMB: 2 }],
      },
    });
    expect([zone.status, comm.status, rate.status]).toEqual([201, 201, 201]);

    const list = await otter(["plans", "list"]);
    expect(list.stdout).toMatch(new RegExp(`^communication\\s+${comm.body.name}\\s`, "m"));
    expect(list.stdout).toMatch(new RegExp(`^rate\\s+${rate.body.name}\\s.*SEK 9/SIM/month`, "m"));

    const one = await otter(["plans", "get", rate.body.name]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(new RegExp(`^Rate plan\\s+${rate.body.name}$`, "m"));
    const missing = await otter(["plans", "get", "No such plan"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error PLAN_NOT_FOUND: /m);

    expect((await otter(["zones", "list"])).stdout).toMatch(
      new RegExp(`^${zone.body.name}\\s+SE, NO`, "m"),
    );
  });

  it("lists the mail outbox", async () => {
    const sent = await t.api("POST", "/api/v1/outbox/test", { body: { to: "noc@otter.example" } });
    expect(sent.status).toBe(202);
    const r = await otter(["outbox", "list", "--status", "queued"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CREATED\s+STATUS\s+TO\s+SUBJECT/m);
    expect(r.stdout).toMatch(/\squeued \(no relay\)\s+noc@otter\.example/);
    expect(r.stderr).toContain("OTTER_SMTP_RELAY");
  });
});
