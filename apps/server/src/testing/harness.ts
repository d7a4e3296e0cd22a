// Real parts for API tests: a migrated Postgres database, the embedded S3 server,
// a real Better Auth server on the same database, and the API server on loopback.
// Logs are captured as JSON lines.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { AuthConfig } from "@acme/auth";
import { signUpVerified, startTestAuthServer, type TestAuthServer, type TestClient } from "@acme/auth/testing";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { type EmbeddedS3, startEmbeddedS3 } from "@acme/storage/embedded";
import pino from "pino";
import type { ServerConfig } from "../config";
import { serverEnv } from "../env";
import { type ApiServer, createServer } from "../server";
import type { KeyServer } from "./key-server";

export const AUDIENCE = "http://api.test";

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  token: string;
  client: TestClient;
}

export interface Harness {
  url: string;
  api: ApiServer;
  auth: TestAuthServer;
  s3: EmbeddedS3;
  database: TestDatabase;
  logs: string[];
  config: ServerConfig;
  /**
   * Rows for a user who is `role` in organization `organizationId` (both created if
   * missing), for tests that sign their own tokens.
   */
  membership(userId: string, organizationId: string, role?: string): Promise<void>;
  /** A verified user with a session and a JWT for the API (acting in their personal organization). */
  user(): Promise<TestUser>;
  /** A verified user who is a platform admin (users.role "admin"). */
  admin(): Promise<TestUser>;
  /** A verified user who is `role` in `organizationId` and has it active: the JWT acts there. */
  userIn(organizationId: string, role: string): Promise<TestUser>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Who issues the tokens this API trusts (a stand-in key server, or another harness's auth server). */
  keyServer?: Pick<KeyServer, "url" | "jwksUrl">;
  database?: TestDatabase;
  s3?: EmbeddedS3;
  /** Settings of the test auth server (e.g. where it announces access changes). */
  auth?: Partial<AuthConfig>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const database = options.database ?? (await createTestDatabase({ migrate: true }));
  const s3Dir = mkdtempSync(join(tmpdir(), "api-s3-"));
  const s3 = options.s3 ?? (await startEmbeddedS3({ directory: s3Dir, port: 0 }));
  const auth = await startTestAuthServer({ audience: AUDIENCE, ...options.auth }, { databaseUrl: database.url });

  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = pino({ level: "debug", base: undefined }, sink);

  const issuerUrl = options.keyServer?.url ?? auth.url;
  const config: ServerConfig = {
    server: serverEnv({
      NODE_ENV: "test",
      PORT: "0",
      BETTER_AUTH_URL: issuerUrl,
      AUTH_JWKS_URL: options.keyServer?.jwksUrl ?? `${auth.url}/api/auth/jwks`,
      AUTH_AUDIENCE: AUDIENCE,
      CORS_ORIGINS: "http://app.test",
      // Suites send many bad credentials on purpose from one address; the budget's own test sets it low.
      AUTH_FAILURE_LIMIT_POINTS: "1000",
      ...options.env,
    }),
    db: { url: database.url, poolSize: 5 },
    storage: {
      endpoint: s3.endpoint,
      accessKey: s3.accessKey,
      secretKey: s3.secretKey,
      bucket: `files-${Math.random().toString(36).slice(2, 8)}`,
      region: "us-east-1",
    },
  };
  const api = createServer(config, { logger });
  await api.built.deps.store.ensureBucket();
  const url = await api.start();
  await api.built.listening;

  const harness: Harness = {
    url,
    api,
    auth,
    s3,
    database,
    logs,
    config,
    async membership(userId, organizationId, role = "owner") {
      const db = auth.db;
      await db.user.upsert({
        where: { id: userId },
        create: { id: userId, name: userId, email: `${userId}@example.test`, emailVerified: true },
        update: {},
      });
      await db.organization.upsert({
        where: { id: organizationId },
        create: { id: organizationId, name: organizationId, slug: organizationId.toLowerCase() },
        update: {},
      });
      await db.member.upsert({
        where: { organizationId_userId: { organizationId, userId } },
        create: { id: `${organizationId}-${userId}`, organizationId, userId, role },
        update: { role },
      });
    },
    async user() {
      const { client, email, password, userId } = await signUpVerified(auth);
      const { token } = (await client.get<{ token: string }>("/api/auth/token")).body;
      return { userId, email, password, token, client };
    },
    async admin() {
      const user = await harness.user();
      await auth.db.user.update({ where: { id: user.userId }, data: { role: "admin" } });
      return user;
    },
    async userIn(organizationId, role) {
      const user = await harness.user();
      await harness.membership(user.userId, organizationId, role);
      const active = await user.client.post("/api/auth/organization/set-active", { organizationId });
      if (active.status !== 200) throw new Error(`set-active answered ${active.status}`);
      const { token } = (await user.client.get<{ token: string }>("/api/auth/token")).body;
      return { ...user, token };
    },
    async stop() {
      await api.stop();
      await auth.stop();
      if (!options.s3) {
        await s3.stop();
        rmSync(s3Dir, { recursive: true, force: true });
      }
      if (!options.database) await database.drop();
    },
  };
  return harness;
}
