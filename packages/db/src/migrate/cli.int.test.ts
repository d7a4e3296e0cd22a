// Runs the real command in a child process: bad configuration must stop it with
// one line naming the variable or the service, and exit code 1.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testEnv } from "../testing/env";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));

function run(command: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", cli, command], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("db command startup errors", () => {
  it("names a malformed DATABASE_URL", () => {
    const { code, stderr } = run("status", { DATABASE_URL: "postgres//missing-colon" });
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toContain("DATABASE_URL: must be a URL starting with postgres://");
  });

  it("names an unreachable Postgres and the variable", () => {
    const { code, stderr } = run("status", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" });
    expect(code).toBe(1);
    expect(stderr).toBe(
      "db: Postgres unavailable: cannot connect to 127.0.0.1:1/nowhere (DATABASE_URL): connection refused",
    );
  });

  it("names a bad port", () => {
    const { code, stderr } = run("status", { EMBEDDED_DB_PORT: "99999" });
    expect(code).toBe(1);
    expect(stderr).toContain("EMBEDDED_DB_PORT: must be a port number");
    expect(stderr.split("\n")).toHaveLength(1);
  });

  it("reports status against a reachable database", () => {
    const url = new URL(testEnv().TEST_DATABASE_URL);
    const { code, stdout } = run("status", { DATABASE_URL: url.toString() });
    // The admin database has no migrations applied: status says so and exits 1.
    expect(JSON.parse(stdout)).toMatchObject({ upToDate: false });
    expect(code).toBe(1);
  });
});
