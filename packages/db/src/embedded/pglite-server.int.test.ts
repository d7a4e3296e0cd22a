import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@acme/config/net";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../client";
import { deployMigrations, migrationStatus } from "../migrate/commands";
import { startEmbeddedPostgres } from "./pglite-server";

describe("embedded Postgres (PGlite over the wire protocol)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "pglite-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("serves migrations and Prisma, and keeps data across restarts", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    const db = createDb({ url: first.url, poolSize: 4 });
    try {
      expect(await deployMigrations({ connectionString: first.url })).not.toEqual([]);
      await db.task.create({ data: { ownerId: "u1", title: "kept" } });
      // Several connections at once are multiplexed onto PGlite's single backend.
      const counts = await Promise.all([1, 2, 3, 4].map(() => db.task.count()));
      expect(counts).toEqual([1, 1, 1, 1]);
    } finally {
      await db.$disconnect();
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, port });
    const again = createDb({ url: second.url, poolSize: 2 });
    try {
      expect((await migrationStatus({ connectionString: second.url })).upToDate).toBe(true);
      expect(await deployMigrations({ connectionString: second.url })).toEqual([]);
      expect((await again.task.findMany()).map((task) => task.title)).toEqual(["kept"]);
    } finally {
      await again.$disconnect();
      await second.stop();
    }
  });
});
