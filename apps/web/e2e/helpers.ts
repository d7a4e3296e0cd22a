import { expect, type Page } from "@playwright/test";

export const SHOTS = "test-results/screenshots";

/** A full-page screenshot once the page has finished loading its data. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[data-skeleton]")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

let counter = 0;
export function newUser(prefix: string) {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${counter}`;
  return {
    name: `${prefix} Tester`,
    email: `${prefix.toLowerCase()}.${stamp}@example.test`,
    password: `Sturdy-${stamp}-pass`,
  };
}

/** Signs up through the form and opens the verification link from the outbox page. */
export async function signUpAndVerify(
  page: Page,
  user: ReturnType<typeof newUser>,
  screenshots = false,
): Promise<void> {
  await page.goto("/sign-up");
  if (screenshots) await shot(page, "sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  if (screenshots) await shot(page, "sign-up-sent");

  await page.goto("/dev/outbox");
  const mail = page
    .getByTestId("mail")
    .filter({ hasText: user.email })
    .filter({ hasText: "Verify your email address" });
  await expect(mail).toHaveCount(1);
  if (screenshots) await shot(page, "outbox");
  await mail.getByRole("link", { name: "Verify email" }).click();
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
  if (screenshots) await shot(page, "verify-email");
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  // A fresh sign-in: /sign-in sends a signed-in visitor on to the app.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/dashboard");
}

/** Collects Content-Security-Policy violations on a page (events and console reports). */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  return async () => {
    const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    return [...reported, ...events];
  };
}

/** Opens the outbox and follows `link` in the newest mail to `to` whose text has `subject`. */
export async function followMailLink(page: Page, to: string, subject: string, link: string): Promise<void> {
  await page.goto("/dev/outbox");
  const mail = page.getByTestId("mail").filter({ hasText: to }).filter({ hasText: subject }).first();
  await mail.getByRole("link", { name: link }).click();
}
