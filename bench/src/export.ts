// `make bench-export`: the admin console's CSV export streams, so the API server's memory
// does not grow with the export. Against the production bundle: 10,000 users exported,
// then 100,000 (ten times the rows and bytes), sampling the server's RSS every 20 ms while
// each download is read. Flat means the second export's peak growth is about the first's.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signUpVerified, startTestAuthServer } from "@acme/auth/testing";
import { createTestDatabase } from "@acme/db/testing";
import { startEmbeddedS3 } from "@acme/storage/embedded";
import pg from "pg";
import { AUDIENCE, rssMb, startApi } from "./common";

const PORT = 4821;
const TARGET_GROWTH_RATIO = 1.5;

async function addUsers(client: pg.Client, from: number, to: number): Promise<void> {
  await client.query(
    `INSERT INTO auth.users (id, name, email, email_verified, created_at, updated_at)
     SELECT 'bench-' || i, 'Bench User ' || i, 'bench-' || i || '@example.test', i % 3 = 0,
            now() - i * interval '1 second', now()
     FROM generate_series($1::int, $2::int) AS i`,
    [from, to],
  );
  await client.query("ANALYZE auth.users");
}

/** Downloads the export, reading as it streams; the server's peak RSS meanwhile. */
async function exportOnce(token: string, pid: number) {
  const before = rssMb(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/admin/exports/users?q=bench-`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok || !response.body) throw new Error(`bench-export: the export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.length;
    for (const byte of next.value) if (byte === 10) lines += 1;
  }
  clearInterval(timer);
  peak = Math.max(peak, rssMb(pid));
  return { rows: lines - 1, bytes, seconds: (performance.now() - started) / 1000, before, growth: peak - before };
}

async function main(): Promise<void> {
  const database = await createTestDatabase({ migrate: true });
  const s3Dir = mkdtempSync(join(tmpdir(), "bench-export-"));
  const s3 = await startEmbeddedS3({ directory: s3Dir, port: 0 });
  const auth = await startTestAuthServer({ audience: AUDIENCE }, { databaseUrl: database.url });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let api: ChildProcess | undefined;
  try {
    const admin = await signUpVerified(auth);
    await client.query("UPDATE auth.users SET role = 'admin' WHERE id = $1", [admin.userId]);
    const token = (await admin.client.get<{ token: string }>("/api/auth/token")).body.token;
    api = await startApi({ port: PORT, databaseUrl: database.url, s3, authUrl: auth.url });
    const pid = api.pid ?? 0;
    console.log("bench-export: GET /api/v1/admin/exports/users, production bundle, RSS sampled every 20 ms");
    const results = [];
    for (const [from, to] of [
      [1, 10_000],
      [10_001, 100_000],
    ] as const) {
      await addUsers(client, from, to);
      await exportOnce(token, pid); // warm-up: JIT, pool, plans
      const result = await exportOnce(token, pid);
      results.push(result);
      console.log(
        `  ${String(result.rows).padStart(7)} rows  ${(result.bytes / 1e6).toFixed(1).padStart(5)} MB  ` +
          `${result.seconds.toFixed(2)} s  ${Math.round(result.rows / result.seconds)} rows/s  ` +
          `RSS ${result.before.toFixed(0)} MB, peak growth ${result.growth.toFixed(1)} MB`,
      );
    }
    const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
    // A floor of 1 MB: growth under a megabyte is sampling noise, not a ratio.
    const ratio = Math.max(large.growth, 1) / Math.max(small.growth, 1);
    console.log("\nratios (target)");
    console.log(
      `  peak RSS growth, 100k rows / 10k rows       ${ratio.toFixed(2)}  (<= ${TARGET_GROWTH_RATIO}; 10x the bytes)  ${ratio <= TARGET_GROWTH_RATIO ? "ok" : "OFF TARGET"}`,
    );
  } finally {
    api?.kill("SIGTERM");
    await client.end();
    await auth.stop();
    await s3.stop();
    rmSync(s3Dir, { recursive: true, force: true });
    await database.drop();
  }
}

await main();
