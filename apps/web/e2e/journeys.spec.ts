// What a person does, in a real browser, against the real servers.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { newUser, shot, signIn, signUpAndVerify, watchCsp } from "./helpers";

const api = () => process.env.E2E_API_URL ?? "";
// A small real PNG: the API sniffs uploads and refuses content that is not what it claims.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082",
  "hex",
);
// A small real PDF (one blank page): sniffed like the PNG.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test.describe.configure({ mode: "serial" });

test("a person signs up, works with tasks, files and API keys, changes password, signs out", async ({
  page,
  context,
  request,
}) => {
  const user = newUser("Ada");
  const violations = await watchCsp(page);

  await page.goto("/");
  await shot(page, "landing");
  await signUpAndVerify(page, user, true);

  // Sign in through the form, from a clean browser.
  await context.clearCookies();
  await page.goto("/dashboard");
  await page.waitForURL("**/sign-in?next=%2Fdashboard");
  await shot(page, "sign-in");
  await page.getByLabel("Password", { exact: true }).fill("wrong-password");
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { name: /Hello, Ada/ })).toBeVisible();
  await shot(page, "dashboard");

  // Tasks: create, edit, complete, delete.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks", exact: true }).click();
  await expect(page.getByText("No tasks yet")).toBeVisible();
  await page.getByRole("button", { name: "New task" }).click();
  await page.getByLabel("Title").fill("Buy milk");
  await page.getByLabel("Description").fill("Two litres");
  await page.getByRole("button", { name: "Create task" }).click();
  const row = page.getByTestId("task-row").filter({ hasText: "Buy milk" });
  await expect(row).toBeVisible();
  // The dashboard (rendered on the server, data included) counts it and lists it up
  // next; its numbers lead to the filtered list.
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(page.getByRole("link", { name: /Buy milk/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Done\s*0$/ })).toBeVisible();
  await page.getByRole("link", { name: /^To do\s*1$/ }).click();
  await page.waitForURL("**/tasks?status=pending");
  await expect(row).toBeVisible();
  await nav.getByRole("link", { name: "Tasks", exact: true }).click();
  await page.waitForURL(/\/tasks$/);
  await row.getByRole("button", { name: /Edit/ }).click();
  await page.getByLabel("Title").fill("Buy oat milk");
  await page.getByRole("button", { name: "Save changes" }).click();
  const edited = page.getByTestId("task-row").filter({ hasText: "Buy oat milk" });
  await expect(edited).toBeVisible();
  await edited.getByRole("checkbox").click();
  await expect(edited.getByRole("checkbox")).toBeChecked();
  await expect(edited.getByTestId("task-status")).toHaveText("Done");
  await page.getByRole("button", { name: "Done", exact: true }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(1);
  await shot(page, "tasks");
  await page.getByRole("button", { name: "All", exact: true }).click();
  // A delete goes at once and can be taken back for a few seconds.
  await edited.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByText("No tasks yet")).toBeVisible();
  const undo = page.getByRole("status").filter({ hasText: "Deleted “Buy oat milk”" });
  // Its time stands still while the pointer is on it (WCAG 2.2.1): past the six seconds, Undo still works.
  await undo.hover();
  await page.waitForTimeout(7_000);
  await expect(undo).toBeVisible();
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(edited).toBeVisible();
  await page.reload();
  await expect(edited).toBeVisible();
  // Deleted again, and the page left at once: the delete is sent as it goes.
  await edited.getByRole("button", { name: /Delete/ }).click();
  await expect(edited).toBeHidden();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard", exact: true }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks", exact: true }).click();
  await expect(page.getByText("No tasks yet")).toBeVisible();
  await page.reload();
  await expect(page.getByText("No tasks yet")).toBeVisible();

  // Files: upload straight to storage, download back byte for byte, delete.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Files", exact: true }).click();
  await page.getByTestId("file-input").setInputFiles({ name: "pixel.png", mimeType: "image/png", buffer: PNG });
  const file = page.getByTestId("file-row").filter({ hasText: "pixel.png" });
  await expect(file).toBeVisible();
  await expect(file).not.toContainText("incomplete");
  await shot(page, "files");
  // Shown in place; chosen again, it is uploaded twice only if asked to.
  await file.getByRole("button", { name: "Preview pixel.png" }).click();
  await expect(page.getByRole("dialog").getByRole("img", { name: "pixel.png" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByTestId("file-input").setInputFiles({ name: "pixel.png", mimeType: "image/png", buffer: PNG });
  const again = page.getByRole("dialog", { name: "Upload pixel.png again?" });
  await again.getByRole("button", { name: "Cancel" }).click();
  await expect(again).toBeHidden();
  await expect(page.getByTestId("file-row")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await file.getByRole("button", { name: /Download/ }).click();
  const saved = await (await download).path();
  expect(readFileSync(saved).equals(PNG)).toBe(true);
  await file.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByText("No files yet")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Deleted pixel.png" })).toBeVisible();
  // A PDF previews in the browser's viewer, framed from the object store (allowed by the CSP).
  await page.getByTestId("file-input").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: PDF });
  const pdf = page.getByTestId("file-row").filter({ hasText: "brief.pdf" });
  await expect(pdf).not.toContainText("incomplete");
  const framed = page.waitForResponse((response) => response.request().frame() !== page.mainFrame());
  await pdf.getByRole("button", { name: "Preview brief.pdf" }).click();
  await expect(page.getByRole("dialog").getByTitle("Preview of brief.pdf")).toBeVisible();
  const document = await framed;
  expect(document.status()).toBe(200);
  expect(document.headers()["content-type"]).toBe("application/pdf");
  expect(document.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(await violations()).toEqual([]);
  await page.keyboard.press("Escape");

  // API keys: create, call the REST API with it, revoke, and see 401.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys", exact: true }).click();
  await page.getByRole("button", { name: "New key" }).click();
  await page.getByLabel("Name").fill("Laptop script");
  await page.getByRole("checkbox", { name: "tasks:read" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("new-api-key").inputValue();
  expect(key).toMatch(/^sk_/);
  await shot(page, "api-key-created");
  await page.keyboard.press("Escape");
  const ok = await request.get(`${api()}/api/v1/tasks`, { headers: { "x-api-key": key } });
  expect(ok.status()).toBe(200);
  await expect(page.getByTestId("api-key-row")).toHaveCount(1);
  await shot(page, "api-keys");
  await page.getByRole("button", { name: "Revoke Laptop script" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  // The revoked key stays listed, marked and dated, with nothing left to revoke.
  const revokedRow = page.locator("[data-testid=api-key-row][data-revoked]");
  await expect(revokedRow).toHaveCount(1);
  await expect(revokedRow).toContainText("Revoked");
  await expect(page.getByRole("button", { name: "Revoke Laptop script" })).toHaveCount(0);
  const refused = await request.get(`${api()}/api/v1/tasks`, { headers: { "x-api-key": key } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.requestId).toBeTruthy();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API", exact: true }).click();
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", `${api()}/docs`);
  await shot(page, "developers");

  // Change password, signing out the other sessions; then sign out and back in.
  const other = await context.browser()?.newContext();
  const otherPage = await other?.newPage();
  if (otherPage) await signIn(otherPage, user.email, user.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile", exact: true }).click();
  // The verification link signed in one session (its cookie cleared above), then two sign-ins.
  await expect(page.getByTestId("session-row")).toHaveCount(3);
  await shot(page, "profile");
  const newPassword = `${user.password}-2`;
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("Password changed");
  if (otherPage) {
    await otherPage.goto("/dashboard");
    await otherPage.waitForURL("**/sign-in**");
  }
  await other?.close();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL("**/sign-in");
  await signIn(page, user.email, newPassword);
  // The whole journey (uploads to the object store included) ran under the pages' CSP.
  expect(await violations()).toEqual([]);
});

test("a second user never sees the first user's data", async ({ browser }) => {
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  const alice = newUser("Alice");
  await signUpAndVerify(firstPage, alice);
  await firstPage.goto("/tasks");
  await firstPage.getByRole("button", { name: "New task" }).click();
  await firstPage.getByLabel("Title").fill("Alice's secret plan");
  await firstPage.getByRole("button", { name: "Create task" }).click();
  await expect(firstPage.getByTestId("task-row")).toHaveCount(1);

  const second = await browser.newContext();
  const page = await second.newPage();
  const bob = newUser("Bob");
  await signUpAndVerify(page, bob);
  await page.goto("/tasks");
  await expect(page.getByText("No tasks yet")).toBeVisible();
  await expect(page.getByText("Alice's secret plan")).toHaveCount(0);
  // Nor does the server-rendered dashboard, which calls the API as its viewer.
  await page.goto("/dashboard");
  await expect(page.getByText("Nothing to do. Enjoy it.")).toBeVisible();
  await expect(page.getByRole("link", { name: /^To do\s*0$/ })).toBeVisible();
  await expect(page.getByText("Alice's secret plan")).toHaveCount(0);
  await page.goto("/files");
  await expect(page.getByText("No files yet")).toBeVisible();
  await page.goto("/api-keys");
  await expect(page.getByText("No API keys")).toBeVisible();
  await first.close();
  await second.close();
});

test("pages hold up on a 375 px phone and in dark mode", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, colorScheme: "dark" });
  const page = await context.newPage();
  const user = newUser("Mobile");
  await signUpAndVerify(page, user);
  for (const path of ["/dashboard", "/tasks", "/files", "/api-keys", "/organization", "/profile"]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(1);
    await shot(page, `mobile-dark${path.replace("/", "-")}`);
  }
  await context.close();
});

test("every page runs under its CSP, with the security headers, and no violation", async ({ page }) => {
  const violations = await watchCsp(page);
  const visit = async (path: string) => {
    const response = await page.goto(path);
    await page.waitForLoadState("networkidle");
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(await violations(), path).toEqual([]);
  };
  for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=x", "/no-such-page"]) {
    await visit(path);
  }
  await signUpAndVerify(page, newUser("Csp"));
  for (const path of [
    "/dashboard",
    "/tasks",
    "/files",
    "/api-keys",
    "/organization",
    "/profile",
    "/profile/security",
    "/profile/activity",
    "/organization/audit",
    "/developers",
    "/dev/outbox",
  ]) {
    await visit(path);
  }
});

test("a sign-in in a tab someone else used starts clean: nothing runs as the earlier account", async ({ page }) => {
  const fay = newUser("Fay");
  const gus = newUser("Gus");
  await signUpAndVerify(page, gus);
  await signUpAndVerify(page, fay);
  await page.goto("/tasks");
  await page.getByRole("button", { name: "New task" }).click();
  await page.getByLabel("Title").fill("Fay's private task");
  await page.getByRole("button", { name: "Create task" }).click();
  await expect(page.getByText("Fay's private task")).toBeVisible();

  // Fay's session ends elsewhere; this tab keeps its page, and with it whatever it held in memory.
  await page.context().clearCookies();
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  await page.waitForURL("**/sign-in**");
  await page.getByLabel("Email").fill(gus.email);
  await page.getByLabel("Password", { exact: true }).fill(gus.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Hello, Gus/ })).toBeVisible();
  await page.getByRole("link", { name: "Tasks", exact: true }).click();
  await expect(page.getByText("No tasks yet")).toBeVisible();
  await expect(page.getByText("Fay's private task")).toHaveCount(0);
});
