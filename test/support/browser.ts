import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildUser } from "./factories.js";
import { giveUserPassword } from "./signin.js";
import type { TestOtter } from "./otter.js";

/** Debian's chromium package (`.ci/run` installs it); OTTER_CHROMIUM names another binary. */
const CHROMIUM = process.env.OTTER_CHROMIUM ?? "/usr/bin/chromium";

/** Headless Chromium as the machine has it: no browser download, no reach outside loopback. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The console's browser tests need Chromium at ${CHROMIUM}: apt-get install chromium (or set OTTER_CHROMIUM).`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export const PASSWORD = "giraffe-collar-kenya-42";

/** A person with a password: a user of the account, invited and with the password set by its link. */
export async function person(
  t: TestOtter,
  accountId: string,
  role: Parameters<typeof buildUser>[2],
) {
  const { user, key } = await buildUser(t, accountId, role);
  await giveUserPassword(t, user.id, PASSWORD);
  return { ...user, key, password: PASSWORD };
}

/** A new browser context signed in through the console's own sign-in page. */
export async function signedIn(
  browser: Browser,
  t: TestOtter,
  who: { email: string; password: string },
  opts: { locale?: string; timezoneId?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: t.url,
    // axe is injected as an inline script, which Otter's Content-Security-Policy rightly refuses.
    bypassCSP: true,
    locale: opts.locale ?? "en-GB",
    timezoneId: opts.timezoneId ?? "Europe/Stockholm",
    viewport: { width: 1280, height: 860 },
  });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel(/e-mail|e-post/i).fill(who.email);
  await page.getByLabel(/^(password|lösenord)$/i).fill(who.password);
  await page.getByRole("button", { name: /sign in|accedi|logga in/i }).click();
  await page.getByRole("navigation").waitFor();
  return page;
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it stands: the serious and critical violations (WCAG 2.x A and AA rules). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const SHOTS = new URL("../../.ci/out/screenshots/", import.meta.url).pathname;

/** A screenshot of the page for the README and for review: .ci/out/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}
