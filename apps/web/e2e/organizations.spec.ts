// Organizations, as people use them: create one, invite by mail, the invitee signs
// up and accepts, both see the shared tasks, a viewer cannot edit, and a removed
// member loses access (the app takes them back to their personal organization).
import { expect, test } from "@playwright/test";
import { newUser, shot, signUpAndVerify, watchCsp } from "./helpers";

test("an owner invites a viewer, who sees the shared tasks read-only until removed", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const violations = await watchCsp(owner);
  const olga = newUser("Olga");
  await signUpAndVerify(owner, olga);

  // A new organization from the switcher; it becomes the active one.
  await owner.goto("/dashboard");
  await owner.getByLabel("Organization", { exact: true }).selectOption({ label: "+ New organization…" });
  await owner.getByRole("dialog").getByLabel("Name").fill("Acme Co");
  await owner.getByRole("button", { name: "Create organization" }).click();
  await owner.waitForURL("**/organization");
  await expect(owner.getByRole("heading", { name: "Acme Co", level: 1 })).toBeVisible();
  const switcher = owner.getByLabel("Organization", { exact: true });
  await expect(switcher.locator("option:checked")).toHaveText("Acme Co");

  // A shared task, then an invitation for a viewer.
  await owner.goto("/tasks");
  await owner.getByRole("button", { name: "New task" }).click();
  await owner.getByRole("dialog").getByLabel("Title").fill("Shared plan");
  await owner.getByRole("button", { name: "Create task" }).click();
  await expect(owner.getByTestId("task-row").filter({ hasText: "Shared plan" })).toBeVisible();

  const vik = newUser("Vik");
  await owner.goto("/organization");
  await owner.getByLabel("Email").fill(vik.email);
  await owner.getByLabel("Role").selectOption("viewer");
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(owner.getByTestId("invitation-row").filter({ hasText: vik.email })).toBeVisible();
  await shot(owner, "organization");

  // The invitee signs up, opens the mail and accepts.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signUpAndVerify(viewer, vik);
  await viewer.goto("/dev/outbox");
  const mail = viewer.getByTestId("mail").filter({ hasText: vik.email }).filter({ hasText: "invited you to Acme Co" });
  await mail.getByRole("link", { name: "Accept the invitation" }).click();
  await expect(viewer.getByRole("heading", { name: "Join Acme Co" })).toBeVisible();
  await shot(viewer, "accept-invitation");
  await viewer.getByRole("button", { name: "Accept and join" }).click();
  await viewer.waitForURL("**/dashboard");

  // Both see the shared task; the viewer cannot change it.
  await viewer.goto("/tasks");
  const row = viewer.getByTestId("task-row").filter({ hasText: "Shared plan" });
  await expect(row).toBeVisible();
  await expect(viewer.getByRole("button", { name: "New task" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: /Edit/ })).toHaveCount(0);
  await expect(row.getByRole("checkbox")).toBeDisabled();
  // The dashboard, rendered on the server as the viewer, shows the organization's work.
  await viewer.goto("/dashboard");
  await expect(viewer.getByRole("link", { name: /Shared plan/ })).toBeVisible();
  // What a viewer may not see is said in its place; the rest of the page stands.
  await expect(viewer.getByText("Your role in this organization cannot see its API keys.")).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Manage" })).toHaveCount(0);

  // The owner removes the viewer, who loses access.
  await owner.goto("/organization");
  await owner.getByRole("button", { name: `Remove ${vik.name}` }).click();
  await owner.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(owner.getByTestId("member-row").filter({ hasText: vik.email })).toHaveCount(0);
  // The next page they open takes them back to their personal organization, the
  // dashboard's server-side API call included (its token waits for that repair).
  await viewer.goto("/dashboard");
  await expect(viewer.getByText("Nothing to do. Enjoy it.")).toBeVisible();
  await expect(viewer.getByText(/could not be loaded/)).toHaveCount(0);
  // Acme's tasks are gone for them.
  await expect(async () => {
    await viewer.goto("/tasks");
    await expect(viewer.getByText("No tasks yet")).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
  await expect(viewer.getByTestId("task-row").filter({ hasText: "Shared plan" })).toHaveCount(0);
  await expect(viewer.getByLabel("Organization", { exact: true }).locator("option:checked")).toHaveText(vik.name);

  expect(await violations()).toEqual([]);
  await viewerContext.close();
  await ownerContext.close();
});
