// A real Better Auth server for tests: its own migrated database, the Node HTTP
// handler on a loopback port, an in-memory outbox and a logger that records lines.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closeDb, createDb, type Db } from "@acme/db";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { toNodeHandler } from "better-auth/node";
import { type AuthConfig, initAuth } from "../auth";
import type { AuthLogger } from "../logger";
import { DevOutbox } from "../mail/mailer";

export interface TestAuthServer {
  url: string;
  auth: ReturnType<typeof initAuth>;
  db: Db;
  outbox: DevOutbox;
  /** Every line the auth server logged, with its details serialised. */
  logs: string[];
  stop(): Promise<void>;
}

function recordingLogger(lines: string[]): AuthLogger {
  const record = (level: string) => (message: string, details?: unknown) => {
    lines.push(`${level} ${message}${details === undefined ? "" : ` ${JSON.stringify(details)}`}`);
  };
  return { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
}

export async function startTestAuthServer(
  overrides: Partial<AuthConfig> = {},
  options: { databaseUrl?: string } = {},
): Promise<TestAuthServer> {
  // A shared database (the API server's tests) is the caller's to drop.
  const database: TestDatabase | null = options.databaseUrl ? null : await createTestDatabase({ migrate: true });
  const db = createDb({ url: options.databaseUrl ?? database?.url ?? "", poolSize: 4 });
  const logs: string[] = [];
  const logger = recordingLogger(logs);
  const outbox = new DevOutbox(logger);

  let handler: ReturnType<typeof toNodeHandler> | undefined;
  const server: Server = createServer((req, res) => {
    if (!handler) {
      res.statusCode = 503;
      res.end();
      return;
    }
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const auth = initAuth({
    db,
    secret: "test-secret-that-is-long-enough-0123456789",
    baseURL: url,
    issuer: url,
    audience: "http://api.test",
    jwtExpiresIn: "15m",
    jwksGraceDays: 30,
    trustedOrigins: [url],
    requireEmailVerification: true,
    rateLimit: { enabled: true, windowSeconds: 60, max: 1_000, sensitiveMax: 1_000 },
    apiKeyPrefix: "sk_",
    passkey: { rpId: "localhost", origins: [url] },
    mailer: outbox,
    logger,
    ...overrides,
  });
  handler = toNodeHandler(auth);

  return {
    url,
    auth,
    db,
    outbox,
    logs,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await closeDb(db);
      await database?.drop();
    },
  };
}
