// `make bench`: in one run, the ceiling (bare node:http), `me` over tRPC with a JWT,
// `me` over REST with a warm API key, and tasks.list (20 rows) against the same
// queries through raw pg. Prints req/s, p50, p99, the ratios and the server's peak RSS.
import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiKeyService, personalOrganizationId } from "@acme/auth";
import { signUpVerified, startTestAuthServer } from "@acme/auth/testing";
import { createTestDatabase } from "@acme/db/testing";
import { startEmbeddedS3 } from "@acme/storage/embedded";
import { type WrkResult, wrk } from "./wrk";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const AUDIENCE = "http://api.bench";
const here = new URL(".", import.meta.url).pathname;

function requireWrk(): void {
  if (spawnSync("wrk", ["--version"]).error) {
    console.error("bench: wrk is missing; install it with `apt-get install -y wrk`");
    process.exit(1);
  }
}

/** The API server's node flags, read from its `start` script: the bench runs it as deployed. */
function deployedNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(here, "../../apps/server/package.json"), "utf8"));
  return String(manifest.scripts.start)
    .split(/\s+/)
    .filter((part) => part.startsWith("--"));
}

/** Starts a server script (TypeScript through tsx, or built JS) and waits until `readyUrl` answers. */
async function start(script: string, env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const profile =
    process.env.BENCH_PROFILE && script.endsWith(".mjs") ? ["--cpu-prof", "--cpu-prof-dir=.cache/profiles"] : [];
  const child = fork(script, {
    execArgv: script.endsWith(".ts")
      ? ["--import", "tsx"]
      : [...profile, ...deployedNodeFlags(), ...(process.env.BENCH_API_NODE_FLAGS?.split(" ").filter(Boolean) ?? [])],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  for (let i = 0; i < 150 && !exited; i++) {
    const ok = await fetch(readyUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const EMPTY: WrkResult & { peak: number } = {
  rps: Number.NaN,
  p50ms: Number.NaN,
  p99ms: Number.NaN,
  errors: 0,
  peak: 0,
};

async function measure(name: string, url: string, headers: Record<string, string>, watch?: ChildProcess) {
  // BENCH_ONLY=<part of a scenario name> runs just the matching ones (profiling).
  if (process.env.BENCH_ONLY && !name.includes(process.env.BENCH_ONLY)) return EMPTY;
  await wrk(url, headers, 2); // warm-up: JIT, pools, caches
  let peak = 0;
  const timer = watch?.pid ? setInterval(() => (peak = Math.max(peak, rssMb(watch.pid as number))), 200) : null;
  const result = await wrk(url, headers, SECONDS);
  if (timer) clearInterval(timer);
  if (watch?.pid) peak = Math.max(peak, rssMb(watch.pid));
  console.log(
    `  ${name.padEnd(34)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50ms.toFixed(2)} ms  p99 ${result.p99ms.toFixed(2)} ms${result.errors ? `  (${result.errors} errors)` : ""}`,
  );
  return { ...result, peak };
}

async function main(): Promise<void> {
  requireWrk();
  const database = await createTestDatabase({ migrate: true });
  const s3Dir = mkdtempSync(join(tmpdir(), "bench-s3-"));
  const s3 = await startEmbeddedS3({ directory: s3Dir, port: 0 });
  const auth = await startTestAuthServer({ audience: AUDIENCE }, { databaseUrl: database.url });
  const children: ChildProcess[] = [];
  try {
    const user = await signUpVerified(auth);
    const { token } = (await user.client.get<{ token: string }>("/api/auth/token")).body;
    const { key } = await createApiKeyService(auth.auth).create(user.userId, { name: "bench", scopes: ["tasks:read"] });
    await auth.db.task.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        organizationId: personalOrganizationId(user.userId),
        createdById: user.userId,
        title: `Task ${i + 1}`,
        description: "bench",
      })),
    });

    const ports = { bare: 4801, api: 4802, raw: 4803 };
    const server = (name: string) => join(here, "servers", name);
    children.push(await start(server("bare.ts"), { PORT: String(ports.bare) }, `http://127.0.0.1:${ports.bare}/`));
    // The API server as deployed: the production bundle (`pnpm --filter @acme/server build`)
    // with the node flags of its `start` script.
    const api = await start(
      join(here, "../../apps/server/dist/index.mjs"),
      {
        NODE_ENV: "production",
        PORT: String(ports.api),
        HOST: "127.0.0.1",
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
        LOG_FORMAT: "json",
        DATABASE_URL: database.url,
        DB_POOL_SIZE: "10",
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY: s3.accessKey,
        S3_SECRET_KEY: s3.secretKey,
        BETTER_AUTH_URL: auth.url,
        AUTH_AUDIENCE: AUDIENCE,
        RATE_LIMIT_ENABLED: "false",
        // All load comes from one address: the pre-auth limiter still runs (its cost is measured), never refuses.
        PREAUTH_RATE_LIMIT_POINTS: "1000000000",
        CORS_ORIGINS: "http://localhost:3000",
      },
      `http://127.0.0.1:${ports.api}/health`,
    );
    children.push(api);
    const idleRss = api.pid ? rssMb(api.pid) : 0;
    children.push(
      await start(
        server("raw-pg.ts"),
        { PORT: String(ports.raw), DATABASE_URL: database.url },
        `http://127.0.0.1:${ports.raw}/`,
      ),
    );

    const jwt = { authorization: `Bearer ${token}` };
    const listInput = encodeURIComponent(JSON.stringify({ json: { limit: 20 } }));
    console.log(`bench: wrk -t1 -c64 -d${SECONDS}s per scenario, servers on loopback\n`);
    const bare = await measure("bare node:http (ceiling)", `http://127.0.0.1:${ports.bare}/`, {});
    // Not a target: tRPC's own floor on this machine, a public procedure with no
    // credential and no database (it shows what any procedure costs before its work).
    await measure("health over tRPC (floor)", `http://127.0.0.1:${ports.api}/trpc/health`, {}, api);
    const meJwt = await measure("me over tRPC, JWT", `http://127.0.0.1:${ports.api}/trpc/me`, jwt, api);
    const meKey = await measure(
      "me over REST, API key (warm)",
      `http://127.0.0.1:${ports.api}/api/v1/me`,
      { "x-api-key": key },
      api,
    );
    const list = await measure(
      "tasks.list over tRPC, 20 rows",
      `http://127.0.0.1:${ports.api}/trpc/tasks.list?input=${listInput}`,
      jwt,
      api,
    );
    const raw = await measure("same queries, raw pg", `http://127.0.0.1:${ports.raw}/`, {
      "x-owner": personalOrganizationId(user.userId),
    });

    const peak = Math.max(meJwt.peak, meKey.peak, list.peak);
    const rows: [string, number, number][] = [
      ["JWT me / bare", meJwt.rps / bare.rps, 0.5],
      ["API-key REST me / bare", meKey.rps / bare.rps, 0.45],
      ["tasks.list / raw pg", list.rps / raw.rps, 0.6],
    ];
    console.log("\nratios (target)");
    for (const [name, ratio, target] of rows) {
      console.log(
        `  ${name.padEnd(28)} ${ratio.toFixed(2)}  (>= ${target})  ${ratio >= target ? "ok" : "BELOW TARGET"}`,
      );
    }
    console.log(
      `  ${"API server peak RSS".padEnd(28)} ${peak.toFixed(0)} MB  (<= 200 MB)  ${peak <= 200 ? "ok" : "ABOVE TARGET"}; idle ${idleRss.toFixed(0)} MB`,
    );
    const errors = [bare, meJwt, meKey, list, raw].reduce((sum: number, r: WrkResult) => sum + r.errors, 0);
    if (errors) console.log(`\nbench: ${errors} non-2xx or socket errors: the numbers above are not trustworthy`);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await auth.stop();
    await s3.stop();
    rmSync(s3Dir, { recursive: true, force: true });
    await database.drop();
  }
}

await main();
