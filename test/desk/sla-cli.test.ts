import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { buildCustomer, buildUser } from "../support/factories.js";
import { startOtter, type TestOtter } from "../support/otter.js";

let t: TestOtter;
let agentKey: string;
const otter = (args: string[], key: string = t.adminKey) =>
  runCli(args, { OTTER_URL: t.url, OTTER_API_KEY: key });

beforeAll(async () => {
  t = await startOtter({}, { startWorkers: false });
  t.clock.set("2026-06-01T07:00:00Z"); // Monday 09:00 in Rome
  agentKey = (await buildUser(t, t.rootAccountId, "operator_agent")).key;
});
afterAll(async () => {
  await t?.close();
});

describe("otter desk calendar and queue", () => {
  it("sets the calendar from a YAML file and shows it; a bad file prints the API's code", async () => {
    const dir = mkdtempSync(join(tmpdir(), "otter-cal-"));
    const file = join(dir, "calendar.yaml");
    writeFileSync(
      file,
      `timeZone: Europe/Rome\nhours:\n  mon: [["08:00", "12:30"], ["13:30", "18:00"]]\n  tue: [["08:00", "18:00"]]\nholidays: ["2026-12-25"]\n`,
    );
    const set = await otter([
      "desk",
      "calendar",
      "set",
      "--file",
      file,
      "--reason",
      "new support hours",
    ]);
    expect(set.code, set.stderr).toBe(0);
    const show = await otter(["desk", "calendar", "show"], agentKey);
    expect(show.stdout).toContain("Europe/Rome");
    expect(show.stdout).toMatch(/mon\s+08:00-12:30, 13:30-18:00/);
    expect(show.stdout).toMatch(/sat\s+closed/);
    writeFileSync(file, "timeZone: Europe/Rome\nhours: {}\nholidays: []\n");
    const bad = await otter(["desk", "calendar", "set", "--file", file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("SLA_CALENDAR_NO_HOURS");
  });

  it("lists the agent's queue, most pressing first", async () => {
    const customer = await buildCustomer(t);
    for (const [subject, priority] of [
      ["Invoice question", "low"],
      ["Collar silent", "urgent"],
    ]) {
      const r = await t.api("POST", "/api/v1/cases", {
        key: agentKey,
        body: { accountId: customer.account.id, subject, priority },
      });
      expect(r.status).toBe(201);
    }
    t.clock.advance(30 * 60_000);
    const q = await otter(["desk", "queue"], agentKey);
    expect(q.code, q.stderr).toBe(0);
    const lines = q.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/CASE\s+SLA\s+DUE \(UTC\)\s+LEFT/);
    expect(lines[1]).toContain("Collar silent");
    expect(lines[1]).toContain("30 min");
    expect(lines[2]).toContain("Invoice question");
  });
});
