// Every page, at 1280 x 800 and 375 x 812, light and dark: axe finds no serious or
// critical violation, nothing scrolls sideways on a phone, and each combination is kept
// as a screenshot (test-results/screenshots/pages/<page>-<width>-<theme>.png).
// Signed out: the landing, sign-in, sign-up, password pages and the 404; signed in as
// an admin: every page of the app and the console.
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { newUser, SHOTS, signIn, signUpAndVerify } from "./helpers";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SIZES = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
] as const;
const THEMES = ["light", "dark"] as const;

interface Finding {
  page: string;
  size: number;
  theme: string;
  rule: string;
  impact: string;
  nodes: string[];
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[data-skeleton]")).toHaveCount(0, { timeout: 15_000 });
}

/** Checks one page in every size and theme; returns what axe found, and asserts no sideways scroll on a phone. */
async function check(page: Page, name: string, path: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(path);
      await settle(page);
      await page.screenshot({ path: `${SHOTS}/pages/${name}-${size.width}-${theme}.png`, fullPage: true });
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
      for (const violation of violations) {
        if (violation.impact !== "serious" && violation.impact !== "critical") continue;
        findings.push({
          page: name,
          size: size.width,
          theme,
          rule: violation.id,
          impact: violation.impact,
          nodes: violation.nodes.slice(0, 3).map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
        });
      }
      if (size.width === 375) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} scrolls sideways at 375 px (${theme})`).toBeLessThanOrEqual(1);
      }
    }
  }
  return findings;
}

test("signed-out pages: no serious accessibility violation, nothing sideways on a phone", async ({ page }) => {
  test.setTimeout(240_000);
  const pages: [string, string][] = [
    ["landing", "/"],
    ["sign-in", "/sign-in"],
    ["sign-up", "/sign-up"],
    ["forgot-password", "/forgot-password"],
    ["reset-password", "/reset-password"],
    ["not-found", "/no-such-page"],
  ];
  const findings: Finding[] = [];
  for (const [name, path] of pages) findings.push(...(await check(page, name, path)));
  expect(findings).toEqual([]);
});

test("signed-in pages and the admin console: no serious accessibility violation", async ({ page }) => {
  test.setTimeout(600_000);
  const admin = newUser("Axe");
  await signUpAndVerify(page, admin);
  execFileSync("pnpm", ["--silent", "admin:grant", admin.email], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "" },
    stdio: "pipe",
  });
  await signIn(page, admin.email, admin.password);
  // Something in a list: a task.
  await page.goto("/tasks");
  await page.getByRole("button", { name: "New task" }).click();
  await page.getByLabel("Title").fill("Check every page");
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByText("Check every page").first()).toBeVisible();

  await page.goto("/admin/users");
  await page.getByTestId("admin-user-row").first().click();
  await expect(page.getByTestId("admin-user-name")).toBeVisible();
  const userPath = new URL(page.url()).pathname;

  const pages: [string, string][] = [
    ["dashboard", "/dashboard"],
    ["tasks", "/tasks"],
    ["files", "/files"],
    ["api-keys", "/api-keys"],
    ["developers", "/developers"],
    ["organization", "/organization"],
    ["organization-audit", "/organization/audit"],
    ["profile", "/profile"],
    ["profile-security", "/profile/security"],
    ["profile-activity", "/profile/activity"],
    ["admin-users", "/admin/users"],
    ["admin-user", userPath],
    ["admin-organizations", "/admin/organizations"],
    ["admin-audit", "/admin/audit"],
    ["admin-jobs", "/admin/jobs"],
    ["outbox", "/dev/outbox"],
  ];
  const findings: Finding[] = [];
  for (const [name, path] of pages) findings.push(...(await check(page, name, path)));
  expect(findings).toEqual([]);

  // On a phone, every item of the main navigation is on screen, none hidden behind a scroll.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/dashboard");
  const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  expect(await links.count()).toBe(8);
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box, (await link.textContent()) ?? "a nav link").not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  }
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
});
