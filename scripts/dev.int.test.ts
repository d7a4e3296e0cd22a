// `make dev` supervision: whichever way it is stopped, every service and app it
// started is gone and every port is free within 10 s; the servers bind loopback only.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { searchableTempDir } from "@acme/config";
import { freePort, isPortFree } from "@acme/config/net";
import { waitUntil } from "@acme/config/process";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Dev {
  child: ChildProcess;
  ports: Record<"db" | "s3" | "api" | "web", number>;
  data: string;
  output: () => string;
}

/** The addresses something listens on at this TCP port (read from the kernel's table; no traffic). */
function listeningAddresses(port: number): string[] {
  const table = execFileSync("ss", ["-Hltn", `sport = :${port}`], { encoding: "utf8" });
  return table
    .split("\n")
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/)[3] ?? "");
}

async function startDev(command: string[], apps: string): Promise<Dev> {
  const data = searchableTempDir("dev-supervision-");
  const [db, s3, api, web] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEV_APPS: apps,
    WEB_PORT: String(web),
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
    "WEB_HOST",
    "HOST",
  ])
    delete env[name];
  const child = spawn(command[0] as string, command.slice(1), { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const apiUp = () =>
    fetch(`http://127.0.0.1:${api}/health`).then(
      (r) => r.ok,
      () => false,
    );
  const webUp = async () => !apps.includes("web") || !(await isPortFree(web));
  const up = await waitUntil(async () => (await apiUp()) && (await webUp()), 90_000, 200);
  if (!up) {
    child.kill("SIGKILL");
    throw new Error(`dev did not come up:\n${output}`);
  }
  return { child, ports: { db, s3, api, web }, data, output: () => output };
}

async function expectAllStopped(dev: Dev): Promise<void> {
  const ports = Object.values(dev.ports);
  const free = await waitUntil(
    async () => (await Promise.all(ports.map((port) => isPortFree(port)))).every(Boolean),
    10_000,
  );
  expect(free, dev.output()).toBe(true);
  // Nothing left that was started on this run's data (the postmaster names its data directory).
  const processes = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  expect(processes.includes(dev.data), processes).toBe(false);
}

describe("make dev supervision", () => {
  it("binds loopback only, and SIGTERM to make stops every child and frees every port", async () => {
    const dev = await startDev(["make", "--no-print-directory", "dev"], "server,web");
    try {
      expect(dev.output()).toMatch(/db: {6}embedded PostgreSQL \d+ on 127\.0\.0\.1/);
      for (const name of ["db", "s3", "api", "web"] as const) {
        const port = dev.ports[name];
        expect(listeningAddresses(port), name).toEqual([`127.0.0.1:${port}`]);
      }
    } finally {
      dev.child.kill("SIGTERM");
    }
    await expectAllStopped(dev);
  });

  it("SIGHUP (a closed terminal) to the supervisor stops everything", async () => {
    const dev = await startDev([process.execPath, "--import", "tsx", "scripts/dev.ts"], "server");
    dev.child.kill("SIGHUP");
    await expectAllStopped(dev);
  });
});
