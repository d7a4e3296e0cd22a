// `make dev` supervision: whichever way it is stopped, every service and app it
// started is gone and every port is free within 10 s. Runs the API server only
// (DEV_APPS=server) to keep the test short; the web app runs in the same process group.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { searchableTempDir } from "@acme/config";
import { freePort, isPortFree } from "@acme/config/net";
import { waitUntil } from "@acme/config/process";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

async function startDev(command: string[]): Promise<{ child: ChildProcess; ports: number[]; output: () => string }> {
  const data = searchableTempDir("dev-supervision-");
  const [db, s3, api] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEV_APPS: "server",
    EMBEDDED_DB_PORT: String(db),
    EMBEDDED_DB_DIR: join(data, "postgres"),
    EMBEDDED_S3_PORT: String(s3),
    EMBEDDED_S3_DIR: join(data, "s3"),
    AUTH_DEV_SECRET_FILE: join(data, "auth-secret"),
    PORT: String(api),
    LOG_LEVEL: "warn",
  };
  for (const name of [
    "DATABASE_URL",
    "S3_ENDPOINT",
    "S3_ACCESS_KEY",
    "S3_SECRET_KEY",
    "REDIS_URL",
    "DEV_SUPERVISOR_PID",
  ])
    delete env[name];
  const child = spawn(command[0] as string, command.slice(1), { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const up = await waitUntil(
    () =>
      fetch(`http://127.0.0.1:${api}/health`).then(
        (r) => r.ok,
        () => false,
      ),
    90_000,
  );
  if (!up) {
    child.kill("SIGKILL");
    throw new Error(`dev did not come up:\n${output}`);
  }
  return { child, ports: [db, s3, api], output: () => output };
}

async function expectAllFree(ports: number[], output: () => string): Promise<void> {
  const free = await waitUntil(
    async () => (await Promise.all(ports.map((port) => isPortFree(port)))).every(Boolean),
    10_000,
  );
  expect(free, output()).toBe(true);
}

describe("make dev supervision", () => {
  it("SIGTERM to make stops every child and frees every port", async () => {
    const dev = await startDev(["make", "--no-print-directory", "dev"]);
    expect(dev.output()).toMatch(/db: {6}embedded PostgreSQL \d+ on 127\.0\.0\.1/);
    dev.child.kill("SIGTERM");
    await expectAllFree(dev.ports, dev.output);
  });

  it("SIGHUP (a closed terminal) to the supervisor stops everything", async () => {
    const dev = await startDev([process.execPath, "--import", "tsx", "scripts/dev.ts"]);
    dev.child.kill("SIGHUP");
    await expectAllFree(dev.ports, dev.output);
  });
});
