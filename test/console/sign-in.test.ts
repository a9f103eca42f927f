import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildCustomer } from "../support/factories.js";
import { launchBrowser, person, seriousA11yViolations, signedIn } from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

describe("console: signing in", () => {
  let t: TestOtter;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("serves the console at / and at every deep link, and the API's 404 stays JSON", async () => {
    const page = await fetch(`${t.url}/sims/8944000000000000001`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain('<div id="root">');
    const api = await t.api("GET", "/api/v1/no-such-route");
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe("ROUTE_NOT_FOUND");
  });

  it("refuses a wrong password with Otter's message, then signs in and out", async () => {
    const { account } = await buildCustomer(t);
    const agent = await person(t, account.id, "customer_admin");
    const context = await browser.newContext({ baseURL: t.url, bypassCSP: true });
    const page = await context.newPage();
    await page.goto("/");
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel("E-mail").fill(agent.email);
    await page.getByLabel("Password").fill("not-the-password-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/request id/i);
    await context.close();

    const signed = await signedIn(browser, t, agent);
    await expect.poll(() => signed.getByText(/Signed in as/).textContent()).toContain("User");
    await signed.getByRole("button", { name: "Sign out" }).click();
    await signed.getByRole("button", { name: "Sign in" }).waitFor();
    const me = await signed.request.get("/api/v1/users/me");
    expect(me.status()).toBe(401);
    await signed.context().close();
  });
});
