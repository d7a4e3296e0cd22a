// The database commands on the embedded default, through the real package scripts:
// one data directory (relative paths are taken from the repository root, whatever the
// working directory), with `make dev`'s server running or not.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { searchableTempDir } from "@acme/config";
import { freePort } from "@acme/config/net";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../embedded/postgres-server";

const root = fileURLToPath(new URL("../../../..", import.meta.url));
// A path relative to the repository root that lands in a temporary folder: as root the
// server runs as `postgres`, which may not reach a checkout under a private home folder.
const scratch = searchableTempDir("embedded-cli-");
const dataDir = relative(root, join(scratch, "postgres"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pnpmRun(script: string, cwd: string, port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(port) };
  delete env.DATABASE_URL;
  const result = spawnSync("pnpm", ["--silent", "run", script], { cwd, env, encoding: "utf8", timeout: 90_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("database commands on the embedded PostgreSQL", () => {
  it("start it for their duration, from any directory, on the root data directory", async () => {
    const port = await freePort();
    const fromPackage = join(root, "packages/db");

    const migrate = pnpmRun("db:migrate", fromPackage, port);
    expect(migrate.out).toContain("starting the embedded PostgreSQL");
    expect(migrate.out).toMatch(/db: applied \d{14}_init/);
    expect(migrate.code).toBe(0);
    expect(existsSync(resolve(root, dataDir, "PG_VERSION"))).toBe(true);
    expect(existsSync(resolve(fromPackage, dataDir))).toBe(false);

    const status = pnpmRun("db:status", root, port);
    expect(status.out).toContain('"upToDate": true');
    expect(status.code).toBe(0);

    const drift = pnpmRun("db:drift", fromPackage, port);
    expect(drift.out).toContain("db: no drift");
    expect(drift.code).toBe(0);
  });

  it("use the running server while `make dev` has it", async () => {
    const port = await freePort();
    const running = await startEmbeddedPostgres({ dataDir: resolve(root, dataDir), port });
    try {
      for (const script of ["db:status", "db:drift"]) {
        const result = pnpmRun(script, join(root, "packages/db"), port);
        expect(result.out).toContain(`using the running embedded PostgreSQL on port ${port}`);
        expect(result.code, result.out).toBe(0);
      }
    } finally {
      await running.stop();
    }
  });
});
