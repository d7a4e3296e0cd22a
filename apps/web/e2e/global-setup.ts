// Starts everything the journeys need, each for real: a fresh Postgres database
// (migrated), the S3-protocol server, the API server and this web app in
// development mode (the outbox page exists only there). Returns the teardown.
// E2E_WEB_MODE=production serves the production build instead (`next start`, after
// `next build`), with email verification off: what `make lighthouse` measures.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { listenProblem } from "@acme/config/net";
import { createTestDatabase } from "@acme/db/testing";
import { ensureTestPostgres } from "@acme/db/testing/postgres";
import { startEmbeddedS3 } from "@acme/storage/embedded";
import { OAuth2Server } from "oauth2-mock-server";
import { API_PORT, WEB_PORT } from "../playwright.config";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

async function waitFor(url: string, child: ChildProcess, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds}s`);
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>, name: string): ChildProcess {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const log = (chunk: Buffer) => {
    if (process.env.E2E_VERBOSE) process.stdout.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on("data", log);
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  return child;
}

/**
 * `next dev` compiles each route on its first request, which on a fresh clone takes up to
 * tens of seconds (the auth route most): compile the public ones before the journeys, so
 * their first steps' timeouts measure the app, not the compiler. (Pages behind sign-in
 * only redirect without a session.)
 */
async function warmUp(web: string): Promise<void> {
  const paths = [
    "/api/auth/get-session",
    "/",
    "/sign-up",
    "/forgot-password",
    "/reset-password",
    "/verify-email",
    "/sign-in/two-factor",
    "/dev/outbox",
  ];
  for (const path of paths) {
    await fetch(`${web}${path}`, { redirect: "manual", signal: AbortSignal.timeout(180_000) }).catch(() => {});
  }
}

/**
 * A local OpenID Connect provider (oauth2-mock-server; never a real one). It
 * authorizes at once, as one person whose verified address the journey knows.
 */
async function startOidcProvider() {
  const provider = new OAuth2Server();
  await provider.issuer.keys.generate("RS256");
  await provider.start(0, "127.0.0.1");
  const email = `sso.${Date.now().toString(36)}@example.test`;
  const person = { sub: `e2e-${email}`, email, email_verified: true, name: "Sam Sso" };
  provider.service.on("beforeTokenSigning", (token) => {
    Object.assign(token.payload, person, { aud: "e2e-web" });
  });
  provider.service.on("beforeUserinfo", (userinfo) => {
    userinfo.body = { ...person };
  });
  return { issuer: provider.issuer.url ?? "", email, stop: () => provider.stop() };
}

/** A server left on a journey port (a killed earlier run) would answer for ours: refuse to start. */
async function requireFreePorts(): Promise<void> {
  for (const port of [API_PORT, WEB_PORT]) {
    const problem = await listenProblem(port);
    if (problem) throw new Error(`e2e: port ${port} is taken (${problem}); stop what listens there and run again`);
  }
}

export default async function globalSetup() {
  await requireFreePorts();
  const stopPostgres = await ensureTestPostgres();
  const database = await createTestDatabase({ migrate: true });
  const s3Dir = mkdtempSync(join(tmpdir(), "e2e-s3-"));
  const bucket = "e2e-files";
  const s3 = await startEmbeddedS3({ directory: s3Dir, port: 0, browserBuckets: [bucket] });
  const web = `http://127.0.0.1:${WEB_PORT}`;
  // Passkeys need a domain name (browsers refuse an IP address as the relying party):
  // the passkey journey runs on localhost, the rest on 127.0.0.1.
  const webByName = `http://localhost:${WEB_PORT}`;
  const apiUrl = `http://127.0.0.1:${API_PORT}`;
  const oidc = await startOidcProvider();
  const shared = {
    DATABASE_URL: database.url,
    DB_POOL_SIZE: "5",
    BETTER_AUTH_URL: web,
    AUTH_AUDIENCE: apiUrl,
    AUTH_TRUSTED_ORIGINS: `${web},${webByName}`,
    TURBO_TELEMETRY_DISABLED: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const api = run(
    "node",
    ["--import", "tsx", "src/index.ts"],
    join(root, "apps/server"),
    {
      ...shared,
      NODE_ENV: "test",
      PORT: String(API_PORT),
      PUBLIC_URL: apiUrl,
      CORS_ORIGINS: `${web},${webByName}`,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: bucket,
      LOG_LEVEL: "warn",
      // A removed member is refused within a second (no Redis here to announce it).
      MEMBERSHIP_CACHE_TTL_SECONDS: "1",
    },
    "api",
  );
  // The jobs worker: pg-boss on the same database, polling every half second.
  const worker = run(
    "node",
    ["--import", "tsx", "src/index.ts"],
    join(root, "apps/worker"),
    {
      ...shared,
      NODE_ENV: "test",
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: bucket,
      LOG_LEVEL: "warn",
      WORKER_POLL_SECONDS: "0.5",
      WORKER_HEALTH_PORT: "0",
      // No scheduled runs: every run the journeys see is one they started.
      JOBS_DISABLED: "files.purge-incomplete,auth.purge-expired,audit.retention,account.purge",
    },
    "worker",
  );
  const production = process.env.E2E_WEB_MODE === "production";
  const next = run(
    "pnpm",
    ["exec", "next", production ? "start" : "dev", "--port", String(WEB_PORT), "--hostname", "127.0.0.1"],
    join(root, "apps/web"),
    {
      ...shared,
      NODE_ENV: production ? "production" : "development",
      ...(production ? { AUTH_REQUIRE_EMAIL_VERIFICATION: "false" } : {}),
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      API_PUBLIC_URL: apiUrl,
      // The page's CSP lets the browser reach the object store's presigned URLs.
      S3_ENDPOINT: s3.endpoint,
      // Journeys sign in many times from one address.
      AUTH_SENSITIVE_RATE_LIMIT_MAX: "100",
      AUTH_PASSKEY_RP_ID: "localhost",
      AUTH_PASSKEY_ORIGINS: webByName,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: "e2e-web",
      OIDC_CLIENT_SECRET: randomBytes(16).toString("base64url"),
      OIDC_NAME: "Acme SSO",
    },
    "web",
  );

  const stop = async () => {
    for (const child of [next, api, worker]) {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {}
      }
    }
    await s3.stop();
    await oidc.stop();
    rmSync(s3Dir, { recursive: true, force: true });
    await database.drop();
    await stopPostgres();
  };

  try {
    await waitFor(`${apiUrl}/health`, api, 60);
    await waitFor(`${web}/sign-in`, next, 120);
    await warmUp(web);
  } catch (error) {
    await stop();
    throw error;
  }
  process.env.E2E_API_URL = apiUrl;
  process.env.E2E_OIDC_EMAIL = oidc.email;
  process.env.E2E_DATABASE_URL = database.url;
  return stop;
}
