import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { DbError, mapDbErrors } from "./errors";
import { taskSelect } from "./select";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

describe("Prisma client on real Postgres (schema api)", () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    db = createDb({ url: database.url, poolSize: 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("creates, reads, updates and deletes a task", async () => {
    const created = await db.task.create({
      data: {
        organizationId: "user-a",
        createdById: "user-a",
        title: "Write the README",
        description: "two commands first",
      },
      select: taskSelect,
    });
    expect(created).toMatchObject({ title: "Write the README", status: "pending" });
    expect(created).not.toHaveProperty("organizationId");
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    const updated = await db.task.update({
      where: { id: created.id },
      data: { status: "completed" },
      select: taskSelect,
    });
    expect(updated.status).toBe("completed");
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());

    const mine = await db.task.findMany({ where: { organizationId: "user-a" }, select: taskSelect });
    expect(mine.map((task) => task.id)).toEqual([created.id]);
    expect(await db.task.count({ where: { organizationId: "user-b" } })).toBe(0);

    await db.task.delete({ where: { id: created.id } });
    expect(await db.task.findUnique({ where: { id: created.id } })).toBeNull();

    const [row] = await db.$queryRaw<{ n: bigint }[]>`select count(*) as n from api.tasks`;
    expect(Number(row?.n)).toBe(0);
  });

  it("maps a unique violation to a conflict, with the Prisma error as cause", async () => {
    const file = {
      organizationId: "user-a",
      createdById: "user-a",
      objectKey: "k/1",
      filename: "a.txt",
      contentType: "text/plain",
      size: 3n,
    };
    await db.storedFile.create({ data: file });
    const error = await mapDbErrors(() => db.storedFile.create({ data: file })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).kind).toBe("conflict");
    expect((error as DbError).target).toBe("stored_files_object_key_key");
    expect((error as DbError).cause).toBeDefined();
  });

  it("maps a missing record and an over-long value", async () => {
    const missing = await mapDbErrors(() =>
      db.task.update({ where: { id: "01900000-0000-7000-8000-000000000000" }, data: { title: "x" } }),
    ).catch((e: unknown) => e);
    expect((missing as DbError).kind).toBe("not_found");

    const tooLong = await mapDbErrors(() =>
      db.task.create({ data: { organizationId: "u", createdById: "u", title: "x".repeat(256) } }),
    ).catch((e: unknown) => e);
    expect((tooLong as DbError).kind).toBe("invalid");
    expect(await db.task.count()).toBe(0);
  });

  it("maps a NUL character, which Postgres text cannot hold (SQLSTATE 22021), to invalid", async () => {
    const nul = await mapDbErrors(() =>
      db.task.create({ data: { organizationId: "u", createdById: "u", title: "a\u0000b" } }),
    ).catch((e: unknown) => e);
    expect(nul).toBeInstanceOf(DbError);
    expect((nul as DbError).kind).toBe("invalid");
    expect(await db.task.count({ where: { organizationId: "u" } })).toBe(0);
  });

  it("maps an unreachable server to unavailable", async () => {
    const url = new URL(database.url);
    url.port = "1";
    const down = createDb({ url: url.toString(), connectTimeoutMs: 1_000 });
    try {
      const error = await mapDbErrors(() => down.task.count()).catch((e: unknown) => e);
      expect((error as DbError).kind).toBe("unavailable");
    } finally {
      await down.$disconnect();
    }
  });
});
