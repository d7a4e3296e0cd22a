// Account security in a real browser: passkeys through Chromium's virtual
// authenticator, two-factor with codes computed from the secret the page shows,
// sign-in through the local OpenID Connect provider, email change through the
// outbox, the full data archive built by the worker, and deleting the account.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { WEB_PORT } from "../playwright.config";
import { followMailLink, newUser, shot, signIn, signUpAndVerify } from "./helpers";

// Independent journeys: one failing does not skip the others.
const BY_NAME = `http://localhost:${WEB_PORT}`;

async function openSecurity(page: Page, base = ""): Promise<void> {
  // Right after sign-in the app may still be finishing its own move to /dashboard, which
  // interrupts this navigation: go again until the page is the security page.
  await expect(async () => {
    await page.goto(`${base}/profile/security`);
    await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

test("registers a passkey, renames it, and signs in with it (virtual authenticator)", async ({ page, context }) => {
  const user = newUser("Pia");
  await signUpAndVerify(page, user);
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  // On the site's domain name: passkeys belong to a domain, never to an IP address.
  await page.goto(`${BY_NAME}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/dashboard");
  await openSecurity(page, BY_NAME);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Laptop");
  await page.getByRole("button", { name: "Continue" }).click();
  const row = page.getByTestId("passkey-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Laptop");
  await row.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Work laptop");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("Work laptop");
  await shot(page, "security-passkeys");
  // The authenticator holds one discoverable credential for this site.
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials.map((c) => [c.rpId, c.isResidentCredential])).toEqual([["localhost", true]]);

  // Autofill (conditional UI): Chromium's virtual authenticator answers the pending
  // request by itself, as a person picking the passkey from the email field would.
  await context.clearCookies();
  await page.goto(`${BY_NAME}/sign-in`);
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("heading", { name: /Hello, Pia/ })).toBeVisible();

  // The button, with autofill off (a browser without conditional UI).
  await context.clearCookies();
  await page.addInitScript(() => {
    Object.defineProperty(PublicKeyCredential, "isConditionalMediationAvailable", { value: async () => false });
  });
  await page.goto(`${BY_NAME}/sign-in`);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.waitForURL("**/dashboard");

  await page.goto("/dev/outbox");
  await expect(
    page.getByTestId("mail").filter({ hasText: user.email }).filter({ hasText: "A passkey was added" }),
  ).toHaveCount(1);
});

test("turns on two-factor, signs in with a code and then with a backup code", async ({ page, context }) => {
  const user = newUser("Tom");
  await signUpAndVerify(page, user);
  await signIn(page, user.email, user.password);
  await openSecurity(page);
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByLabel("Your password").fill(user.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  const code = (steps = 0) => totp.generate({ timestamp: Date.now() + steps * 30_000 });
  await page.getByLabel("Code from the app").fill(code());
  await page.getByRole("button", { name: "Turn on" }).last().click();
  await expect(page.getByTestId("backup-codes").locator("li")).toHaveCount(10);
  const codes = await page.getByTestId("backup-codes").locator("li").allTextContents();
  await shot(page, "security-backup-codes");
  await page.getByRole("button", { name: "I saved them" }).click();
  await expect(page.getByText("On", { exact: true })).toBeVisible();

  await context.clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/sign-in/two-factor**");
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  // The next step's code: the one used to turn it on was spent.
  await page.getByLabel("Authentication code").fill(code(1));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL("**/dashboard");

  await context.clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/sign-in/two-factor**");
  await page.getByRole("button", { name: "Use a backup code instead" }).click();
  await page.getByLabel("Backup code").fill(codes[0] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL("**/dashboard");

  // The person sees their own security activity.
  await page.goto("/profile/activity");
  const rows = page.getByTestId("activity-row");
  await expect(rows.filter({ hasText: "Signed in with password and backup code" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Signed in with password and code" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Turned on two-factor authentication" })).toHaveCount(1);
  await shot(page, "profile-activity");
});

test("signs in through the OpenID Connect provider", async ({ page }) => {
  await page.goto("/sign-in");
  // Only the configured provider is offered: the journey's servers set OIDC, not GitHub or Google.
  await expect(page.getByRole("button", { name: /^Continue with / })).toHaveText(["Continue with Acme SSO"]);
  await page.getByRole("button", { name: "Continue with Acme SSO" }).click();
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("heading", { name: /Hello, Sam/ })).toBeVisible();
  await openSecurity(page);
  await page.goto("/profile");
  await expect(page.getByText(process.env.E2E_OIDC_EMAIL ?? "no-oidc-email")).toBeVisible();
});

test("changes the email address through the outbox, then deletes the account", async ({ page, context }) => {
  const user = newUser("Eve");
  await signUpAndVerify(page, user);
  await signIn(page, user.email, user.password);
  await page.goto("/profile");
  const newEmail = `moved.${user.email}`;
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByLabel("Your password").fill(user.password);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "confirmation link is on its way" })).toBeVisible();
  // The HTML part, as a mail client shows it: the branded layout, sandboxed.
  await page.goto("/dev/outbox");
  const confirmation = page
    .getByTestId("mail")
    .filter({ hasText: newEmail })
    .filter({ hasText: "Confirm your new email" });
  const htmlView = await confirmation.getByRole("link", { name: "View as HTML" }).getAttribute("href");
  const html = await page.request.get(htmlView ?? "");
  expect(html.headers()["content-security-policy"]).toContain("sandbox");
  expect(await html.text()).toMatch(/<!DOCTYPE html[\s\S]*Confirm new address/);
  await followMailLink(page, newEmail, "Confirm your new email address", "Confirm new address");
  await page.waitForURL("**/profile**");
  await expect(page.getByText(`You sign in with ${newEmail}`)).toBeVisible();
  await page.goto("/dev/outbox");
  await expect(
    page.getByTestId("mail").filter({ hasText: user.email }).filter({ hasText: "Your email address was changed" }),
  ).toHaveCount(1);

  // The in-page archive: this account's data as JSON, at once.
  await openSecurity(page);
  const json = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  const saved = await json;
  expect(saved.suggestedFilename()).toMatch(/^platform-account-\d{4}-\d\d-\d\d\.json$/);
  const document = JSON.parse(readFileSync((await saved.path()) ?? "", "utf8")) as { profile: { email: string } };
  expect(document.profile.email).toBe(newEmail);

  // The full archive: asked for, built by the worker, downloaded as a zip.
  await page.getByRole("button", { name: "Prepare full archive" }).click();
  const archive = page.getByTestId("archive").first();
  await expect(archive.getByText("Ready")).toBeVisible({ timeout: 30_000 });
  const download = page.waitForEvent("download");
  await archive.getByRole("button", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toMatch(/^platform-account-\d{4}-\d\d-\d\d\.zip$/);
  await shot(page, "data-archive");

  await openSecurity(page);
  await page.getByRole("button", { name: "Delete account" }).click();
  await page.getByLabel(`Type ${newEmail} to confirm`).fill(newEmail);
  await page.getByLabel("Your password").fill("not-my-password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your password is not right" })).toBeVisible();
  await page.getByLabel("Your password").fill(user.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL("**/?account=deleted");

  await context.clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(newEmail);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
});
