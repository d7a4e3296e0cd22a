// `make bench`: in one run, the ceiling (bare node:http), `me` over tRPC with a JWT,
// `me` over REST with a warm API key, and tasks.list (20 rows) against the same
// queries through raw pg. Prints req/s, p50, p99, the ratios and the server's peak RSS.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiKeyService, personalOrganizationId } from "@acme/auth";
import { signUpVerified, startTestAuthServer } from "@acme/auth/testing";
import { createTestDatabase } from "@acme/db/testing";
import { startEmbeddedS3 } from "@acme/storage/embedded";
import { AUDIENCE, here, measure, requireWrk, rssMb, SECONDS, start, startApi } from "./common";
import type { WrkResult } from "./wrk";

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
    const api = await startApi({ port: ports.api, databaseUrl: database.url, s3, authUrl: auth.url });
    children.push(api);
    const idleRss = api.pid ? rssMb(api.pid) : 0;
    children.push(
      await start(
        server("raw-pg.ts"),
        { PORT: String(ports.raw), DATABASE_URL: database.url },
        `http://127.0.0.1:${ports.raw}/`,
      ),
    );

    // Browser-like calls: an allowed Origin, so CORS runs on every request.
    const origin = { origin: "http://localhost:3000" };
    const jwt = { ...origin, authorization: `Bearer ${token}` };
    const listInput = encodeURIComponent(JSON.stringify({ json: { limit: 20 } }));
    console.log(`bench: wrk -t1 -c64 -d${SECONDS}s per scenario, servers on loopback\n`);
    const bare = await measure("bare node:http (ceiling)", `http://127.0.0.1:${ports.bare}/`, {});
    // Not a target: tRPC's own floor on this machine, a public procedure with no
    // credential and no database (it shows what any procedure costs before its work).
    await measure("health over tRPC (floor)", `http://127.0.0.1:${ports.api}/trpc/health`, origin, api);
    const meJwt = await measure("me over tRPC, JWT", `http://127.0.0.1:${ports.api}/trpc/me`, jwt, api);
    const meKey = await measure(
      "me over REST, API key (warm)",
      `http://127.0.0.1:${ports.api}/api/v1/me`,
      { ...origin, "x-api-key": key },
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
