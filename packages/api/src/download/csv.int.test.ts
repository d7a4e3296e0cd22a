// The CSV pages of a list are read as the download proceeds, never all up front: a row
// added after the first page went out still appears further down. And cells are written
// so that spreadsheets read them as text.
import { closeDb, createDb, type Db } from "@acme/db";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLATFORM_TENANT } from "../pagination/keyset";
import { USER_LISTS, type UserRow } from "../router/admin/user-list";
import { csvLine, csvPages } from "./csv";

describe("CSV downloads", () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    db = createDb({ url: database.url, poolSize: 2 });
    await db.$executeRawUnsafe(
      `INSERT INTO auth.users (id, name, email, created_at, updated_at)
       SELECT 'u' || lpad(i::text, 5, '0'), 'User ' || i, 'u' || lpad(i::text, 5, '0') || '@example.test', now(), now()
       FROM generate_series(1, 1200) AS i`,
    );
  });
  afterAll(async () => {
    if (db) await closeDb(db);
    await database?.drop();
  });

  it("reads one page at a time, as the consumer asks for more", async () => {
    const pages = csvPages(db, USER_LISTS.email, PLATFORM_TENANT, {}, ["id"], (row: UserRow) => [row.id], 500);
    expect((await pages.next()).value).toBe("id\r\n");
    const first = (await pages.next()).value as string;
    expect(first.split("\r\n").filter(Boolean)).toHaveLength(500);
    // Added after the first page was read: sorts last by email, so a later page holds it.
    await db.user.create({ data: { id: "zz-late", name: "Late", email: "zz-late@example.test" } });
    const rest: string[] = [];
    for await (const chunk of pages) rest.push(chunk);
    expect(rest).toHaveLength(2);
    expect(rest.join("").trimEnd().split("\r\n").at(-1)).toBe("zz-late");
  });

  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvLine(["plain", 'a "quote"', "a,comma", "line\nbreak", null, 3, true])).toBe(
      'plain,"a ""quote""","a,comma","line\nbreak",,3,true\r\n',
    );
    expect(csvLine(["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])).toBe("'=1+1,'+1,'-1,'@SUM(A1),'\tx\r\n");
    expect(csvLine([new Date("2026-01-02T03:04:05.000Z")])).toBe("2026-01-02T03:04:05.000Z\r\n");
  });
});
