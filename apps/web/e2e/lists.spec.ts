// Long lists in the browser: the tasks page reads the API a page at a time by
// cursor; Next and Previous walk the pages, the first page's total is shown.
import { expect, test } from "@playwright/test";
import { newUser, signUpAndVerify, watchCsp } from "./helpers";

const api = () => process.env.E2E_API_URL ?? "";

test("the tasks list pages by cursor: Next, Previous, the total, and a filter starts over", async ({ page }) => {
  const violations = await watchCsp(page);
  await signUpAndVerify(page, newUser("Paz"));
  await page.goto("/tasks");
  await expect(page.getByText("No tasks yet")).toBeVisible();
  // Twelve tasks through the API with the browser's own token (pages hold ten).
  await page.evaluate(async (apiUrl) => {
    const { token } = await (await fetch("/api/auth/token")).json();
    for (let i = 1; i <= 12; i++) {
      const status = i % 4 === 0 ? "completed" : "pending";
      await fetch(`${apiUrl}/trpc/tasks.create`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ json: { title: `Task ${String(i).padStart(2, "0")}`, status } }),
      });
    }
  }, api());
  await page.reload();

  const rows = page.getByTestId("task-row");
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText("Task 12");
  await expect(pages.getByText("Page 1 · 12 tasks")).toBeVisible();
  await pages.getByRole("button", { name: "Next" }).click();
  await expect(pages.getByText("Page 2 · 12 tasks")).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Task 02");
  await expect(pages.getByRole("button", { name: "Next" })).toBeDisabled();
  await pages.getByRole("button", { name: "Previous" }).click();
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText("Task 12");

  // A filter starts from its own first page; three done tasks fit on one, so no pager.
  await page.getByRole("button", { name: "Done", exact: true }).click();
  await expect(rows).toHaveCount(3);
  await expect(pages).toHaveCount(0);
  expect(await violations()).toEqual([]);
});
