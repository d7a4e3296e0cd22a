// One check for every list the API serves (found by their output: a page with
// `nextCursor`), over tRPC and REST: pages follow each other without gaps or
// duplicates, the first page carries the total, and a forged cursor, another
// organization's cursor or garbage is a 400 on the `cursor` field. A list without
// a seed in testing/lists.ts fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { bearer, call } from "./testing/http";
import { isPlatformList, LIST_SEEDS, paginatedProcedures } from "./testing/lists";
import { allProcedures, callTrpc } from "./testing/procedures";

interface PageBody {
  items: { id: string }[];
  nextCursor: string | null;
  total: { count: number; exact: boolean } | null;
}

const list = (url: string, path: string, input: unknown, token: string) =>
  callTrpc<PageBody>(url, path, "query", input, bearer(token));

const forge = (cursor: string) => `${cursor.slice(0, -1)}${cursor.endsWith("A") ? "B" : "A"}`;

describe("every list pages by cursor", () => {
  let h: Harness;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    alice = await h.userIn("org-pages-a", "owner");
    bob = await h.userIn("org-pages-b", "owner");
    // Alice also runs the platform (admin.* lists); Bob does not.
    await h.auth.db.user.update({ where: { id: alice.userId }, data: { role: "admin" } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const lists = paginatedProcedures();

  it("covers every list: each is paginated, has a seed, and every *.list is one of them", () => {
    const paths = lists.map((list) => list.path).sort();
    expect(paths).toEqual(Object.keys(LIST_SEEDS).sort());
    const named = allProcedures()
      .map((procedure) => procedure.path)
      .filter((path) => path.endsWith(".list"))
      .sort();
    expect(paths).toEqual(named);
  });

  for (const { path, rest } of lists) {
    it(`${path}: walks every page once, totals the first, refuses cursors not its own`, async () => {
      const seed = LIST_SEEDS[path];
      if (!seed) throw new Error(`no seed for ${path}`);
      await seed(h.auth.db, "org-pages-a", alice.userId, 7);
      await seed(h.auth.db, "org-pages-b", bob.userId, 3);

      const whole = await list(h.url, path, { limit: 100 }, alice.token);
      expect(whole.status).toBe(200);
      const all = whole.data?.items.map((item) => item.id) ?? [];
      expect(all.length).toBeGreaterThanOrEqual(7);
      expect(whole.data?.total).toEqual({ count: all.length, exact: true });
      expect(whole.data?.nextCursor).toBeNull();

      const walked: string[] = [];
      let cursor: string | undefined;
      const cursors: string[] = [];
      do {
        const { status, data: page } = await list(h.url, path, { limit: 2, cursor }, alice.token);
        expect(status).toBe(200);
        expect(page?.items.length).toBeLessThanOrEqual(2);
        if (cursor) expect(page?.total).toBeNull();
        walked.push(...(page?.items.map((item) => item.id) ?? []));
        cursor = page?.nextCursor ?? undefined;
        if (cursor) cursors.push(cursor);
      } while (cursor && walked.length <= all.length);
      expect(walked).toEqual(all);

      const first = cursors[0] ?? "";
      const platform = isPlatformList(path);
      for (const [who, bad] of [
        [alice, forge(first)],
        [alice, "garbage"],
        [alice, `${first}.extra`],
        // Another tenant's cursor; a platform list has one tenant, and is closed to non-admins.
        ...(platform ? [] : [[bob, first] as const]),
      ] as const) {
        const refused = await list(h.url, path, { limit: 2, cursor: bad }, who.token);
        expect(refused.status, bad).toBe(400);
        expect(refused.error?.data?.zodError?.fieldErrors).toHaveProperty("cursor");
      }
      if (platform) expect((await list(h.url, path, { limit: 2, cursor: first }, bob.token)).status).toBe(403);
      if (rest && platform) {
        const own = await call(`${h.url}/api/v1${rest}?limit=2&cursor=${encodeURIComponent(first)}`, {
          headers: bearer(alice.token),
        });
        expect(own.status).toBe(200);
        expect(own.body.items.map((item: { id: string }) => item.id)).toEqual(all.slice(2, 4));
      } else if (rest) {
        const reply = await call(`${h.url}/api/v1${rest}?limit=2&cursor=${encodeURIComponent(first)}`, {
          headers: bearer(bob.token),
        });
        expect(reply.status).toBe(400);
        expect(reply.body.error.fields).toHaveProperty("cursor");
        const own = await call(`${h.url}/api/v1${rest}?limit=2&cursor=${encodeURIComponent(first)}`, {
          headers: bearer(alice.token),
        });
        expect(own.status).toBe(200);
        expect(own.body.items.map((item: { id: string }) => item.id)).toEqual(all.slice(2, 4));
      }
    });
  }
});
