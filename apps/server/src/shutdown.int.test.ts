// The real entry point: it refuses bad configuration with one line, and on SIGTERM
// finishes in-flight requests, closes its pools and exits 0.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@acme/config/net";
import { createTestDatabase, type TestDatabase } from "@acme/db/testing";
import { type EmbeddedS3, startEmbeddedS3 } from "@acme/storage/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("./index.ts", import.meta.url));

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
    const port = await freePort();
    const server = start({
      PORT: String(port),
      DATABASE_URL: database.url,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
    });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // /ready waits on Postgres, S3 and the (unreachable) JWKS: still in flight when SIGTERM lands.
    const inFlight = fetch(`${url}/ready`).then((r) => r.status);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stoppedAt = Date.now();
    server.child.kill("SIGTERM");
    expect(await inFlight).toBe(503);
    expect(await server.exited).toBe(0);
    // Idle keep-alive connections do not hold the exit for SHUTDOWN_TIMEOUT_MS.
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(server.output().stdout).toContain("draining and shutting down");
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
