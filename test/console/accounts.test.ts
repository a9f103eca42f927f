import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  buildAccount,
  buildCatalog,
  buildSim,
  offer,
  simIdentifiers,
} from "../support/factories.js";
import {
  launchBrowser,
  person,
  screenshot,
  seriousA11yViolations,
  signedIn,
} from "../support/browser.js";
import { startOtter, type TestOtter } from "../support/otter.js";

describe("console: customers and catalog", () => {
  let t: TestOtter;
  let browser: Browser;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  async function buildWorld() {
    const cat = await buildCatalog(t);
    // A communication plan that lets SIMs attach in East Africa, which the rate plan does not price.
    const roaming = await t.api("POST", "/api/v1/communication-plans", {
      body: {
        name: `Savanna roaming ${cat.home.name}`,
        apns: [{ name: "iot.savanna.example" }],
        rats: ["LTE-M"],
        zones: [cat.home.name, cat.africa.name],
      },
    });
    if (roaming.status !== 201) throw new Error(JSON.stringify(roaming.body));
    const customerA = await buildAccount(t, {
      name: "Savanna Trackers",
      legalName: "Savanna Trackers Ltd",
      vatNumber: "KE P051 234 567X",
      currency: "KES",
      timeZone: "Africa/Nairobi",
      contacts: [{ name: "Wanjiru Kamau", email: "wanjiru@savanna.example", role: "operations" }],
    });
    const region = await buildAccount(t, { name: "Serengeti herds", parentId: customerA.id });
    const customerB = await buildAccount(t, { name: "Baltic Freight" });
    await offer(t, cat, customerA.id);
    for (const state of ["ACTIVATED", "ACTIVATED", "INVENTORY"])
      await buildSim(t, { accountId: state === "INVENTORY" ? region.id : customerA.id, state });
    const simB = await buildSim(t, { accountId: customerB.id, state: "ACTIVATED" });
    const check = await t.api(
      "GET",
      `/api/v1/catalog/check?communicationPlan=${roaming.body.id as string}&ratePlan=${cat.rate.id}`,
    );
    const warning = check.body.warnings[0].message as string;
    return { cat, customerA, region, customerB, simB, warning };
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startOtter(), launchBrowser()]);
    world = await buildWorld();
  });
  afterAll(async () => {
    await customerPage?.context().close();
    await browser?.close();
    await t?.close();
  });

  const main = (page: Page) => page.locator("main");
  /** Customer A's plain user, signed in once for both isolation tests. */
  let customerPage: Page;
  const notFoundText = async (path: string) => {
    await customerPage.goto(path);
    await customerPage.getByRole("heading", { level: 1, name: "Not found" }).waitFor();
    return main(customerPage).innerText();
  };

  it("shows the operator the tree, a customer's page and the catalog with its bill-shock warning", async () => {
    const operator = await person(t, t.rootAccountId, "operator_admin");
    const page = await signedIn(browser, t, operator);
    const { customerA } = world;

    await page.goto("/accounts");
    await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
    await page.getByRole("button", { name: `Show the sub-accounts of ${customerA.name}` }).click();
    await page.getByRole("link", { name: "Serengeti herds" }).waitFor();
    expect(
      await page
        .getByRole("button", { name: `Hide the sub-accounts of ${customerA.name}` })
        .getAttribute("aria-expanded"),
    ).toBe("true");
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "accounts-tree");

    await page.getByRole("link", { name: customerA.name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: customerA.name }).waitFor();
    const byState = page.getByRole("table", { name: "By state" });
    await byState.waitFor();
    // Three SIMs in the subtree: two activated in the customer, one in inventory in its region.
    await expect
      .poll(() => byState.getByRole("row").allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Activated\s+2/)]));
    expect(await byState.getByRole("link", { name: "In inventory" }).getAttribute("href")).toBe(
      `/sims?accountId=${customerA.id}&state=INVENTORY`,
    );
    await page.getByRole("table", { name: "By connectivity" }).waitFor();
    await page.getByRole("cell", { name: "Wanjiru Kamau", exact: true }).waitFor();
    await page.getByText("Savanna Trackers Ltd").waitFor();
    await page.getByRole("link", { name: world.cat.rate.name }).waitFor();
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "customer-page");

    // Contacts come and go (removing asks first); a user is invited by mail.
    const addContact = page.getByRole("group", { name: "Add a contact" });
    await addContact.getByLabel("Name").fill("Juma Otieno");
    await addContact.getByLabel("Phone").fill("+254 700 000 002");
    await addContact.getByRole("button", { name: "Add" }).click();
    await page.getByRole("cell", { name: "Juma Otieno", exact: true }).waitFor();
    await page.getByRole("button", { name: "Remove Juma Otieno" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove the contact Juma Otieno?" });
    await dialog.getByRole("button", { name: "Remove" }).click();
    await page
      .getByRole("cell", { name: "Juma Otieno", exact: true })
      .waitFor({ state: "detached" });
    const invite = page.getByRole("group", { name: "Invite a user" });
    await invite.getByLabel("Name").fill("Amani Njoroge");
    await invite.getByLabel("E-mail").fill("amani@savanna.example");
    await invite.getByRole("button", { name: "Send the invitation" }).click();
    await page.getByText(/Invitation mailed to amani@savanna\.example/).waitFor();
    await page.getByRole("cell", { name: "amani@savanna.example" }).waitFor();
    await page.getByLabel("New sub-account's name").fill("Masai Mara herds");
    await page.getByRole("button", { name: "Add the sub-account" }).click();
    await page.getByRole("link", { name: "Masai Mara herds", exact: true }).waitFor();

    // The new sub-account moves under the other one, after a confirmation that names both. First
    // someone else puts that one below it meanwhile: Otter's refusal shows with its code.
    await page.getByRole("link", { name: "Masai Mara herds", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Masai Mara herds" }).waitFor();
    const masaiMaraId = page.url().split("/").at(-1)!;
    const move = page.getByRole("region", { name: "Move this sub-account" });
    const serengeti = `${customerA.name} › Serengeti herds`;
    const moveRegion = (parentId: string) =>
      t.api("POST", `/api/v1/accounts/${world.region.id}/move`, { body: { parentId } });
    const confirmMove = page.getByRole("dialog", {
      name: `Move Masai Mara herds under ${serengeti}?`,
    });
    const moveUnderSerengeti = async () => {
      await move.getByLabel("New parent").selectOption({ label: serengeti });
      await move.getByRole("button", { name: "Move" }).click();
      await confirmMove.getByRole("button", { name: "Move" }).click();
    };
    await move.getByLabel("New parent").selectOption({ label: serengeti });
    expect((await moveRegion(masaiMaraId)).status).toBe(200);
    await moveUnderSerengeti();
    await expect
      .poll(() => confirmMove.getByRole("alert").innerText())
      .toMatch(/ACCOUNT_MOVE_CYCLE[\s\S]*Request id/);
    await confirmMove.getByRole("button", { name: "Cancel" }).click();
    expect((await moveRegion(customerA.id)).status).toBe(200);
    await moveUnderSerengeti();
    await move
      .getByRole("status")
      .getByText("Accounts moved (it and those below it): 1; SIMs moved: 0.", { exact: false })
      .waitFor();
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Sub-account of Serengeti herds" }).click();
    await page.getByRole("heading", { level: 1, name: "Serengeti herds" }).waitFor();
    await page.getByRole("link", { name: "Masai Mara herds", exact: true }).waitFor();

    await page.goto("/catalog");
    await page.getByRole("heading", { level: 1, name: "Catalog" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Bill-shock warnings" }).waitFor();
    await main(page).getByText(world.warning).first().waitFor();
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "catalog");

    // A zone from the console: Otter's refusal is shown with its words, then the zone is made.
    const zoneName = `Nordics ${world.cat.home.name}`;
    await page.getByLabel("Name", { exact: true }).fill(zoneName);
    await page.getByLabel(/^Countries/).fill("se, xx");
    await page.getByRole("button", { name: "Create the zone" }).click();
    await expect
      .poll(() => page.getByRole("alert").innerText())
      .toMatch(/ISO 3166[\s\S]*Request id/);
    await page.getByLabel(/^Countries/).fill("se, no");
    await page.getByRole("button", { name: "Create the zone" }).click();
    await page.getByRole("cell", { name: zoneName, exact: true }).waitFor();

    await page.getByRole("table").first().getByRole("link", { name: world.cat.rate.name }).click();
    await page.getByRole("heading", { level: 1, name: world.cat.rate.name }).waitFor();
    await main(page).getByText(world.warning).waitFor();
    await page.getByRole("heading", { name: /Version 1/ }).waitFor();
    await page.getByRole("link", { name: customerA.name }).waitFor();
    await expect.poll(() => seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "rate-plan");
    await page.context().close();
  });

  it("shows a customer user only their subtree, and another tenant's customer as not found", async () => {
    const { customerA, customerB } = world;
    const user = await person(t, customerA.id, "customer_user");
    customerPage = await signedIn(browser, t, user);
    const page = customerPage;

    await page.goto("/accounts");
    await page.getByRole("link", { name: "Serengeti herds" }).waitFor();
    const tree = page.getByRole("navigation", { name: "Account tree" });
    const names = await tree.getByRole("link").allInnerTexts();
    // Their own account at the top, its sub-accounts below (the operator test may have added one).
    expect(names[0]).toBe(customerA.name);
    expect(names).toContain("Serengeti herds");
    expect(names).not.toContain(customerB.name);
    expect(names).not.toContain("Operator");

    const other = await notFoundText(`/accounts/${customerB.id}`);
    const unknown = await notFoundText("/accounts/00000000-0000-7000-8000-000000000000");
    expect(other).toBe(unknown);
    expect(other).not.toContain(customerB.name);

    // Their own customer opens, without the operator's parts.
    await page.goto(`/accounts/${customerA.id}`);
    await page.getByRole("heading", { level: 1, name: customerA.name }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Offered plans" }).waitFor();
    expect(await page.getByRole("heading", { name: "Users" }).count()).toBe(0);
  });

  it("shows a customer user another tenant's SIM exactly as an unknown SIM", async () => {
    const other = await notFoundText(`/sims/${world.simB.iccid}`);
    const unknown = await notFoundText(`/sims/${simIdentifiers().iccid}`);
    expect(other).toBe(unknown);
    expect(other).not.toContain(world.simB.iccid.slice(-6));
  });
});
