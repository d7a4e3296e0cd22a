// The real entry point: it refuses bad configuration with one line, and on SIGTERM
// finishes in-flight requests, closes its pools and exits 0.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { freePort } from "@acme/config/net";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { type EmbeddedS3, startEmbeddedS3 } from "@acme/storage/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKeyServer } from "./testing/key-server";

const entry = fileURLToPath(new URL("./index.ts", import.meta.url));

/** Resolves when `text` has appeared on the stream (an event, not a sleep). */
function waitFor(stream: Readable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk;
      if (!seen.includes(text)) return;
      stream.off("data", onData).off("end", onEnd);
      resolve();
    };
    const onEnd = () => reject(new Error(`stream ended before "${text}":\n${seen}`));
    stream.on("data", onData).on("end", onEnd);
  });
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_LEVEL: "info", LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe("server entry point", () => {
  let database: TestDatabase;
  let s3: EmbeddedS3;
  const dir = mkdtempSync(join(tmpdir(), "shutdown-s3-"));
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: true });
    s3 = await startEmbeddedS3({ directory: dir, port: 0 });
  });
  afterAll(async () => {
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it("stops with one line when a required variable is malformed or a service is down", async () => {
    const bad = start({ DATABASE_URL: "nope", S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: "a", S3_SECRET_KEY: "b" });
    expect(await bad.exited).toBe(1);
    expect(bad.output().stderr.trim()).toBe(
      "server: Invalid configuration: DATABASE_URL: must be a URL starting with postgres:// or postgresql://",
    );
    const down = start({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x",
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    });
    expect(await down.exited).toBe(1);
    expect(down.output().stderr.trim()).toMatch(
      /^server: Postgres unavailable: .*\(DATABASE_URL\): connection refused$/,
    );
  });

  it("drains on SIGTERM: an in-flight request completes, then the process exits 0", async () => {
    const keys = await startKeyServer();
    const port = await freePort();
    const server = start({
      PORT: String(port),
      DATABASE_URL: database.url,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      BETTER_AUTH_URL: keys.url,
      AUTH_JWKS_URL: keys.jwksUrl,
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitFor(server.child.stdout, "API server listening");
      // /ready fetches the JWKS, which the key server holds: the request is in flight for certain.
      const held = keys.hold();
      const inFlight = fetch(`${url}/ready`).then((r) => r.status);
      await held.arrived;
      const stoppedAt = Date.now();
      server.child.kill("SIGTERM");
      await waitFor(server.child.stdout, "draining and shutting down");
      held.release();
      expect(await inFlight).toBe(200);
      expect(await server.exited).toBe(0);
      // Idle keep-alive connections do not hold the exit for SHUTDOWN_TIMEOUT_MS.
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      server.child.kill("SIGKILL");
      await keys.stop();
    }
  });
});
