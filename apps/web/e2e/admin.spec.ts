// The admin console, as operators use it: the first admin comes from `pnpm admin:grant`;
// they find a user, ban them (the user is signed out, and sign-in tells them why), lift
// the ban, act as the user behind a banner that never leaves, and stop. Non-admins get
// the 404 page at /admin. The log shows all of it.
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { newUser, shot, signIn, signUpAndVerify, watchCsp } from "./helpers";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

function grantAdmin(email: string): void {
  execFileSync("pnpm", ["--silent", "admin:grant", email], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "" },
    stdio: "pipe",
  });
}

async function openUser(admin: Page, email: string): Promise<void> {
  await admin.goto("/admin");
  await admin.waitForURL("**/admin/users");
  await admin.getByLabel("Search").fill(email);
  await admin.getByRole("button", { name: "Search", exact: true }).click();
  const row = admin.getByTestId("admin-user-row").filter({ hasText: email });
  await expect(admin.getByTestId("admin-user-row")).toHaveCount(1);
  await row.click();
  await expect(admin.getByTestId("admin-user-name")).toBeVisible();
}

test("an admin bans a user, who is signed out; lifts it; impersonates them and stops", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const violations = await watchCsp(admin);
  const ada = newUser("Ada");
  await signUpAndVerify(admin, ada);
  grantAdmin(ada.email);

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  const uma = newUser("Uma");
  await signUpAndVerify(user, uma);
  // A person who is not an admin does not see the console.
  const notFound = await user.goto("/admin/users");
  expect(notFound?.status()).toBe(404);
  await user.goto("/tasks");
  await expect(user.getByRole("heading", { name: "Tasks" })).toBeVisible();

  // The admin's next sign-in carries the role: the console appears in the menu.
  await admin.goto("/dashboard");
  await admin.getByRole("button", { name: "Sign out" }).click();
  await admin.waitForURL("**/sign-in");
  await signIn(admin, ada.email, ada.password);
  await expect(admin.getByRole("link", { name: "Admin" })).toBeVisible();
  await openUser(admin, uma.email);
  await shot(admin, "admin-user");

  await admin.getByRole("button", { name: "Ban…" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Too many spam reports");
  await dialog.getByRole("button", { name: "Ban user" }).click();
  await expect(admin.getByText("Banned", { exact: true })).toBeVisible();

  // The user is signed out on their next step, and sign-in says why.
  await user.reload();
  await user.waitForURL("**/sign-in**");
  await user.getByLabel("Email").fill(uma.email);
  await user.getByLabel("Password", { exact: true }).fill(uma.password);
  await user.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(user.getByText(/This account is suspended\. Reason: Too many spam reports\./)).toBeVisible();

  await admin.getByRole("button", { name: "Lift ban" }).click();
  await expect(admin.getByText("Active", { exact: true })).toBeVisible();

  // Acting as the user: their pages, with the banner on each, and no admin console.
  await admin.getByRole("button", { name: "Impersonate" }).click();
  await admin.waitForURL("**/dashboard");
  const banner = admin.getByTestId("impersonation-banner");
  await expect(banner).toContainText(`You are acting as ${uma.name}`);
  await expect(admin.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await admin.goto("/tasks");
  await expect(banner).toBeVisible();
  await shot(admin, "impersonating");
  await banner.getByRole("button", { name: "Stop impersonating" }).click();
  await admin.waitForURL("**/admin/users/**");
  await expect(admin.getByTestId("impersonation-banner")).toHaveCount(0);
  await expect(admin.getByTestId("admin-user-name")).toHaveText(uma.name);

  // All of it is in the log.
  await admin.goto("/admin/audit");
  for (const action of ["user.banned", "user.unbanned", "user.impersonation_started", "user.impersonation_stopped"]) {
    await expect(admin.getByTestId("audit-row").filter({ hasText: action }).first()).toBeVisible();
  }
  await shot(admin, "admin-audit");

  // The jobs: run one now, and see it done in the history.
  await admin.goto("/admin/jobs");
  await expect(admin.getByTestId("job-card")).toHaveCount(5);
  await expect(admin.getByText("No worker has started")).toHaveCount(0);
  await expect(admin.getByTestId("job-run").filter({ hasText: "files.purge-incomplete" })).toHaveCount(0);
  await admin.getByRole("button", { name: "Run files.purge-incomplete now" }).click();
  await expect(admin.getByText("files.purge-incomplete queued")).toBeVisible();
  await expect(
    admin.getByTestId("job-run").filter({ hasText: "files.purge-incomplete" }).filter({ hasText: "completed" }).first(),
  ).toBeVisible({ timeout: 20_000 });
  await shot(admin, "admin-jobs");

  // On a phone, in dark mode: no page of the console scrolls sideways.
  const userUrl = await (async () => {
    await openUser(admin, uma.email);
    return new URL(admin.url()).pathname;
  })();
  await admin.setViewportSize({ width: 375, height: 812 });
  await admin.emulateMedia({ colorScheme: "dark" });
  for (const path of ["/admin/users", userUrl, "/admin/organizations", "/admin/audit", "/admin/jobs"]) {
    await admin.goto(path);
    await expect(admin.locator("main h1")).toBeVisible();
    await admin.waitForLoadState("networkidle");
    const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(1);
  }
  await shot(admin, "admin-audit-phone-dark");
  expect(await violations()).toEqual([]);
});
