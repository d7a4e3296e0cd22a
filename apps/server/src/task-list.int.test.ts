// tasks.list at the edges of keyset pagination: rows written between pages, equal
// timestamps, one-microsecond differences, cursors bound to their filters, date
// ranges, and totals (exact from the counters, capped at 10,000 otherwise).
import { createApiClient, TRPCClientError } from "@acme/client";
import { sqlRows } from "@acme/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";

type Api = ReturnType<typeof createApiClient>;

describe("tasks.list by cursor", () => {
  let h: Harness;
  const as = (user: TestUser): Api => createApiClient({ url: h.url, getToken: () => user.token });

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** n tasks of `org`, created `at` (SQL expression of i) by `user`. */
  const insert = (org: string, user: string, n: number, at: string, extra = "") =>
    sqlRows(
      h.auth.db,
      `INSERT INTO api.tasks (id, organization_id, created_by_id, title, created_at, updated_at ${extra ? ", assignee_id" : ""})
       SELECT gen_random_uuid(), $1, $2, 'task ' || i, ${at}, now() ${extra ? `, '${extra}'` : ""}
       FROM generate_series(1, $3::int) AS i`,
      [org, user, n],
    );

  const walk = async (api: Api, input: { limit: number; status?: "pending" }) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.tasks.list.query({ ...input, cursor });
      ids.push(...page.items.map((task) => task.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  };

  const ordered = async (org: string) =>
    (
      await sqlRows<{ id: string }>(
        h.auth.db,
        "SELECT id::text FROM api.tasks WHERE organization_id = $1 ORDER BY created_at DESC, id DESC",
        [org],
      )
    ).map((row) => row.id);

  it("neither repeats nor skips a row while others are inserted and deleted between pages", async () => {
    const user = await h.userIn("org-list-churn", "owner");
    const api = as(user);
    await insert("org-list-churn", user.userId, 30, "now() - i * interval '1 minute'");
    const before = await ordered("org-list-churn");

    const first = await api.tasks.list.query({ limit: 10 });
    expect(first.items.map((task) => task.id)).toEqual(before.slice(0, 10));
    // Between pages: newer tasks arrive, a seen one and two unseen ones go.
    for (let i = 0; i < 5; i++) await api.tasks.create.mutate({ title: `new ${i}` });
    const gone = [before[3], before[14], before[25]] as string[];
    for (const id of gone) await api.tasks.delete.mutate({ id });

    const rest: string[] = [];
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const page = await api.tasks.list.query({ limit: 10, cursor });
      rest.push(...page.items.map((task) => task.id));
      cursor = page.nextCursor ?? undefined;
    }
    expect(rest).toEqual(before.slice(10).filter((id) => !gone.includes(id)));
  });

  it("orders equal timestamps by id and keeps one-microsecond differences apart", async () => {
    const user = await h.userIn("org-list-ties", "owner");
    await insert("org-list-ties", user.userId, 25, "timestamptz '2026-01-01 12:00:00.123456+00'");
    await insert(
      "org-list-ties",
      user.userId,
      12,
      "timestamptz '2026-01-01 12:00:00.123456+00' + i * interval '1 microsecond'",
    );
    const expected = await ordered("org-list-ties");
    expect(await walk(as(user), { limit: 4 })).toEqual(expected);
    expect(await walk(as(user), { limit: 1 })).toEqual(expected);
  });

  it("binds a cursor to its filters, and filters by creation date", async () => {
    const user = await h.userIn("org-list-filters", "owner");
    const api = as(user);
    await insert("org-list-filters", user.userId, 6, "timestamptz '2026-03-01T00:00:00Z' + i * interval '1 day'");
    const pending = await api.tasks.list.query({ status: "pending", limit: 2 });
    const other = await api.tasks.list.query({ limit: 2, cursor: pending.nextCursor ?? "" }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(TRPCClientError);
    expect((other as TRPCClientError<never>).data).toMatchObject({ httpStatus: 400 });
    expect(
      (await api.tasks.list.query({ status: "pending", limit: 2, cursor: pending.nextCursor ?? "" })).items,
    ).toHaveLength(2);

    // From is inclusive, to exclusive: March 3, 4 and 5 (00:00 UTC).
    const range = await api.tasks.list.query({
      createdFrom: "2026-03-03T00:00:00Z",
      createdTo: "2026-03-06T00:00:00Z",
    });
    expect(range.items.map((task) => task.createdAt.toISOString())).toEqual([
      "2026-03-05T00:00:00.000Z",
      "2026-03-04T00:00:00.000Z",
      "2026-03-03T00:00:00.000Z",
    ]);
    expect(range.total).toEqual({ count: 3, exact: true });
    const bad = await api.tasks.list.query({ createdFrom: "yesterday" }).catch((e: unknown) => e);
    expect((bad as TRPCClientError<never>).data).toMatchObject({ httpStatus: 400 });
  });

  it("totals exactly from the counters, and caps other totals at 10,000", async () => {
    const user = await h.userIn("org-list-big", "owner");
    const api = as(user);
    await insert("org-list-big", user.userId, 10_050, "now() - i * interval '1 second'", user.userId);
    expect((await api.tasks.list.query({ limit: 1 })).total).toEqual({ count: 10_050, exact: true });
    expect((await api.tasks.list.query({ limit: 1, status: "pending" })).total).toEqual({ count: 10_050, exact: true });
    expect((await api.tasks.list.query({ limit: 1, status: "completed" })).total).toEqual({ count: 0, exact: true });
    expect((await api.tasks.list.query({ limit: 1, assigneeId: user.userId })).total).toEqual({
      count: 10_000,
      exact: false,
    });
    expect((await api.tasks.list.query({ limit: 1, assigneeId: "nobody" })).total).toEqual({ count: 0, exact: true });
  });
});
