// The embedded PostgreSQL: correct under concurrency, durable, tied to its supervisor,
// and clear about the usual start-up failures.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { freePort, isPortFree } from "@acme/config/net";
import { isAlive, waitUntil } from "@acme/config/process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPostgresBinaries } from "./binaries";
import { createProbeTable } from "./concurrency-probe";
import { postgresUser } from "./data-dir";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./postgres-server";
import { probeInChild, scratchDir, startInChild } from "./testing";

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL under concurrency", () => {
  let server: EmbeddedPostgres;
  beforeAll(async () => {
    server = await startEmbeddedPostgres({ dataDir: scratchDir(), port: await freePort() });
    await createProbeTable(server.url);
  });
  afterAll(() => server?.stop());

  it("answers every connection of two processes correctly: 0 errors, 0 wrong rows", async () => {
    // 2 processes x 5 connections; odd connections run interactive transactions.
    const results = await Promise.all([probeInChild(server.url, "a", 5, 4), probeInChild(server.url, "b", 5, 4)]);
    for (const result of results) {
      expect(result.firstProblem).toBeUndefined();
      expect(result).toMatchObject({ errors: 0, wrong: 0 });
      expect(result.operations).toBeGreaterThan(100);
    }
    const [count] = await query<{ n: number }>(server.url, "SELECT count(*)::int AS n FROM probe");
    expect(count?.n).toBe(results.reduce((sum, r) => sum + r.operations, 0));
  });
});

describe("embedded PostgreSQL lifecycle", () => {
  it("keeps data across a restart", async () => {
    const dataDir = scratchDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    await query(first.url, "CREATE TABLE kept (v text)");
    await query(first.url, "INSERT INTO kept VALUES ($1)", ["still here"]);
    await first.stop();
    expect(await isPortFree(port)).toBe(true);
    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("stops with its supervisor, even one killed with SIGKILL, and starts cleanly after", async () => {
    const dataDir = scratchDir();
    const port = await freePort();
    const held = await startInChild(dataDir, port);
    await query(held.url, "CREATE TABLE kept (v int)");
    held.child.kill("SIGKILL");
    expect(await waitUntil(() => !isAlive(held.postmaster), 10_000)).toBe(true);
    expect(await waitUntil(() => isPortFree(port), 10_000)).toBe(true);
    const again = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await query(again.url, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 0 }]);
    } finally {
      await again.stop();
    }
  });

  it("stops a server left running without its supervisor before starting", async () => {
    const dataDir = scratchDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    await first.stop();
    // An orphan: the postmaster started on its own, as after a crash that took its supervisor's shell too.
    const bin = await findPostgresBinaries();
    const user = postgresUser();
    const orphan = spawn(bin.postgres, ["-D", dataDir, "-p", String(port), "-c", "unix_socket_directories="], {
      uid: user.uid,
      gid: user.gid,
      detached: true,
      stdio: "ignore",
    });
    orphan.unref();
    expect(await waitUntil(async () => !(await isPortFree(port)), 10_000)).toBe(true);
    const notices: string[] = [];
    const second = await startEmbeddedPostgres({ dataDir, port, onNotice: (line) => notices.push(line) });
    try {
      expect(notices.join()).toContain(`stopped PostgreSQL (pid ${orphan.pid})`);
      expect(isAlive(orphan.pid ?? -1)).toBe(false);
    } finally {
      await second.stop();
    }
  });

  it("names a port in use in one line", async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      await expect(startEmbeddedPostgres({ dataDir: scratchDir(), port })).rejects.toThrow(
        `embedded Postgres unavailable: port ${port} on 127.0.0.1 is in use by another program: stop it or set EMBEDDED_DB_PORT to a free port`,
      );
    } finally {
      blocker.close();
    }
  });

  it("refuses a data directory from another major version and says what to do", async () => {
    const dataDir = scratchDir();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(`${dataDir}/PG_VERSION`, "15\n");
    await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
      /holds PostgreSQL 15 data and the embedded server is PostgreSQL \d+: .*remove it/,
    );
  });
});
