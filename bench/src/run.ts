// `make bench`: in one run, `me` over tRPC and REST with a JWT, over REST with a warm
// API key, three `me` in one batched tRPC call, each right after a reading of the
// ceiling (bare node:http); the same `me` on a Fastify peer; tasks.list (20 rows)
// against the same query through raw pg. Prints req/s, p50, p99, the ratios against
// their targets and the API server's peak and idle RSS.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiKeyService, personalOrganizationId } from "@acme/auth";
import { signUpVerified, startTestAuthServer } from "@acme/auth/testing";
import { createTestDatabase } from "@acme/db/testing";
import { startEmbeddedS3 } from "@acme/storage/embedded";
import {
  AUDIENCE,
  EMPTY,
  here,
  IDLE_SECONDS,
  idleRssMb,
  LOG_DIR,
  measure,
  measureNow,
  requireWrk,
  rssMb,
  SECONDS,
  selected,
  start,
  startApi,
} from "./common";
import type { WrkResult } from "./wrk";

type Measured = Awaited<ReturnType<typeof measure>> & { bare: number };

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

    const ports = { bare: 4801, api: 4802, raw: 4803, peer: 4804 };
    const server = (name: string) => join(here, "servers", name);
    const bareServer = await start(server("bare.ts"), { PORT: String(ports.bare) }, `http://127.0.0.1:${ports.bare}/`);
    children.push(bareServer);
    const api = await startApi({ port: ports.api, databaseUrl: database.url, s3, authUrl: auth.url });
    const apiReadyAt = Date.now();
    children.push(api);
    const startRss = api.pid ? rssMb(api.pid) : 0;
    const rawServer = await start(
      server("raw-pg.ts"),
      { PORT: String(ports.raw), DATABASE_URL: database.url },
      `http://127.0.0.1:${ports.raw}/`,
    );
    children.push(rawServer);
    const peerServer = await start(
      server("peer-fastify.ts"),
      {
        PORT: String(ports.peer),
        NODE_ENV: "production",
        JWKS_URL: `${auth.url}/api/auth/jwks`,
        AUTH_ISSUER: auth.url,
        AUTH_AUDIENCE: AUDIENCE,
        CORS_ORIGINS: "http://localhost:3000",
      },
      `http://127.0.0.1:${ports.peer}/health`,
      join(LOG_DIR, "peer.log"),
    );
    children.push(peerServer);

    const idleRss = api.pid && selected("idle RSS") ? await idleRssMb(api.pid, apiReadyAt) : Number.NaN;

    // Browser-like calls: an allowed Origin, so CORS runs on every request.
    const origin = { origin: "http://localhost:3000" };
    const jwt = { ...origin, authorization: `Bearer ${token}` };
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const listInput = encodeURIComponent(JSON.stringify({ json: { limit: 20 } }));
    console.log(`bench: wrk -t1 -c64 -d${SECONDS}s per scenario, servers on loopback`);
    console.log(
      `API server RSS: ${startRss.toFixed(0)} MB when it answered first, ${idleRss.toFixed(0)} MB idle (${IDLE_SECONDS} s later, no request)\n`,
    );
    const bareUrl = `http://127.0.0.1:${ports.bare}/`;
    // This VM's speed drifts by tens of percent over minutes of load (bench/README.md), so each
    // row compared with bare is measured right after its own reading of the ceiling.
    const ceilings: WrkResult[] = [];
    const againstBare = async (name: string, url: string, headers: Record<string, string>) => {
      if (!selected(name)) return { ...EMPTY, bare: Number.NaN };
      const ceiling = await measureNow("bare node:http (the ceiling, now)", bareUrl, {}, bareServer);
      ceilings.push(ceiling);
      return { ...(await measureNow(`  ${name}`, url, headers, api)), bare: ceiling.rps };
    };
    // Not a target: a public procedure with no credential and no database (what any procedure costs before its work).
    await measure("health over tRPC (floor)", `${apiUrl}/trpc/health`, origin, api);
    const me = [
      await againstBare("me over tRPC, JWT", `${apiUrl}/trpc/me`, jwt),
      await againstBare("me over REST, JWT", `${apiUrl}/api/v1/me`, jwt),
      await againstBare("me over REST, API key (warm)", `${apiUrl}/api/v1/me`, { ...origin, "x-api-key": key }),
    ];
    const batch = await againstBare("3 x me, one batched tRPC call, JWT", `${apiUrl}/trpc/me,me,me?batch=1`, jwt);
    const peer = await measure(
      "peer: Fastify + jose + token cache",
      `http://127.0.0.1:${ports.peer}/me`,
      jwt,
      peerServer,
    );
    const list = await measure(
      "tasks.list over tRPC, 20 rows",
      `${apiUrl}/trpc/tasks.list?input=${listInput}`,
      jwt,
      api,
    );
    const raw = await measure(
      "same queries, raw pg",
      `http://127.0.0.1:${ports.raw}/`,
      {
        "x-owner": personalOrganizationId(user.userId),
      },
      rawServer,
    );

    const [meTrpc, meRest, meKey] = me as [Measured, Measured, Measured];
    // The kernel's high-water mark: every moment of the process, start-up, first uses and
    // warm-ups included (each row above prints the highest RSS sampled while it was measured).
    const peak = api.pid ? rssMb(api.pid, "VmHWM") : Number.NaN;
    const underLoad = Math.max(...[...me, batch, list].map((row) => row.peak));
    const rows: [string, number, string, boolean][] = [
      ["JWT me over tRPC / bare", meTrpc.rps / meTrpc.bare, ">= 0.5", meTrpc.rps / meTrpc.bare >= 0.5],
      ["JWT me over REST / bare", meRest.rps / meRest.bare, ">= 0.5", meRest.rps / meRest.bare >= 0.5],
      ["API-key me over REST / bare", meKey.rps / meKey.bare, ">= 0.5", meKey.rps / meKey.bare >= 0.5],
      ["batch of 3 me / bare", batch.rps / batch.bare, ">= 0.35", batch.rps / batch.bare >= 0.35],
      ["JWT me over tRPC / peer", meTrpc.rps / peer.rps, ">= 1.0", meTrpc.rps / peer.rps >= 1],
      ["JWT me over REST / peer", meRest.rps / peer.rps, ">= 1.0", meRest.rps / peer.rps >= 1],
      ["tasks.list / raw pg", list.rps / raw.rps, ">= 0.8", list.rps / raw.rps >= 0.8],
    ];
    for (const [name, row] of [
      ["tRPC JWT", meTrpc],
      ["REST JWT", meRest],
      ["REST key", meKey],
      ["batch", batch],
    ] as const) {
      const tail = row.p99ms / row.p50ms;
      rows.push([`p99 / p50, ${name} me`, tail, "<= 3", tail <= 3]);
    }
    rows.push(["API server peak RSS (MB)", peak, "<= 150", peak <= 150]);
    rows.push(["API server idle RSS (MB)", idleRss, "<= 100", idleRss <= 100]);
    console.log("\nratios (target)");
    for (const [name, value, target, ok] of rows) {
      const shown = name.endsWith("(MB)") ? value.toFixed(0) : value.toFixed(2);
      console.log(`  ${name.padEnd(30)} ${shown.padStart(6)}  (${target})  ${ok ? "ok" : "OFF TARGET"}`);
    }
    console.log(
      `  (peak RSS is the kernel's high-water mark; the highest sampled under load: ${underLoad.toFixed(0)} MB)`,
    );
    const errors = [...ceilings, ...me, batch, peer, list, raw].reduce(
      (sum: number, r: WrkResult) => sum + r.errors,
      0,
    );
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
