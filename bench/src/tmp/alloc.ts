// Throwaway: allocation sampling of the API server in-process under wrk.
import { mkdtempSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signUpVerified, startTestAuthServer } from "@acme/auth/testing";
import { createTestDatabase } from "@acme/db/testing";
import { configFromEnv } from "@acme/server/config";
import { createServer } from "@acme/server";
import { startEmbeddedS3 } from "@acme/storage/embedded";
import { AUDIENCE } from "../common";
import { wrk } from "../wrk";

const database = await createTestDatabase({ migrate: true });
const s3 = await startEmbeddedS3({ directory: mkdtempSync(join(tmpdir(), "a-")), port: 0 });
const auth = await startTestAuthServer({ audience: AUDIENCE }, { databaseUrl: database.url });
const user = await signUpVerified(auth);
const { token } = (await user.client.get<{ token: string }>("/api/auth/token")).body;
const config = configFromEnv({
  NODE_ENV: "production", PORT: "4891", HOST: "127.0.0.1", LOG_LEVEL: "info", LOG_FORMAT: "json",
  DATABASE_URL: database.url, S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey,
  BETTER_AUTH_URL: auth.url, AUTH_AUDIENCE: AUDIENCE, CURSOR_SECRET: "x".repeat(40), RATE_LIMIT_READ_POINTS: "1000000000",
  ORG_RATE_LIMIT_READ_POINTS: "1000000000", PREAUTH_RATE_LIMIT_POINTS: "1000000000", CORS_ORIGINS: "http://localhost:3000",
});
const pino = (await import("pino")).default;
const logger = pino({ base: undefined }, pino.destination({ dest: "/tmp/alloc-log.txt", sync: false, minLength: 4096 }));
const server = createServer(config, { logger });
const url = await server.start();
const headers = { origin: "http://localhost:3000", authorization: `Bearer ${token}` };
const target = `${url}${process.env.TARGET ?? "/trpc/me"}`;
await wrk(target, headers, 3);
const session = new Session();
session.connect();
await session.post("HeapProfiler.startSampling", { samplingInterval: 512, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
const result = await wrk(target, headers, 4);
const { profile } = await session.post("HeapProfiler.stopSampling");
console.log("rps", result.rps.toFixed(0), "errors", result.errors);
const requests = result.rps * 4;
const self = new Map<string, number>(); let total = 0;
const walk = (n: any) => { const f = n.callFrame; const k = `${f.functionName || "(anon)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber}`; self.set(k, (self.get(k) ?? 0) + n.selfSize); total += n.selfSize; for (const c of n.children) walk(c); };
walk(profile.head);
console.log("bytes/request", (total / requests).toFixed(0));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(((v / requests)).toFixed(0).padStart(6), "B/req", k);
writeFileSync("/tmp/alloc.heapprofile", JSON.stringify(profile));
await server.stop(); await auth.stop(); await s3.stop(); await database.drop(); process.exit(0);
