// The embedded PostgreSQL's data directory: who owns it, creating it with initdb,
// and the checks that turn the usual failures into one line.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { dirname, join } from "node:path";
import { ServiceUnavailableError } from "@acme/config";
import { isAlive, waitUntil } from "@acme/config/process";
import type { PostgresBinaries } from "./binaries";

export const SUPERUSER = "postgres";
const PASSWORD_FILE = "embedded-password";

export interface RunAs {
  uid?: number;
  gid?: number;
  name: string;
}

export function fail(message: string, cause?: unknown): ServiceUnavailableError {
  return new ServiceUnavailableError("embedded Postgres", message, { cause });
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user (created if missing). */
export function postgresUser(): RunAs {
  const me = userInfo();
  if (me.uid !== 0) return { name: me.username };
  const id = (flag: string) => Number(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g"), name: SUPERUSER };
  } catch {
    try {
      execFileSync("useradd", [
        "--system",
        "--user-group",
        "--no-create-home",
        "--shell",
        "/usr/sbin/nologin",
        SUPERUSER,
      ]);
    } catch (error) {
      throw fail("running as root, and the system user `postgres` to run PostgreSQL as could not be created", error);
    }
    return { uid: id("-u"), gid: id("-g"), name: SUPERUSER };
  }
}

/** The password initdb set, kept beside the cluster's files (readable by its owner only). */
export function readPassword(dataDir: string): string | undefined {
  const file = join(dataDir, PASSWORD_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** What initdb's or the server's output says went wrong, in a few words. */
export function explainFailure(output: string): string {
  if (/No space left on device/i.test(output)) return "the disk is full";
  if (/could not bind|Address already in use/i.test(output)) return "its port is in use (EMBEDDED_DB_PORT)";
  if (/Permission denied/i.test(output)) return `permission denied (${lastLine(output)})`;
  return lastLine(output) || "no output";
}

export function lastLine(output: string): string {
  const lines = output.split("\n").map((line) => line.trim());
  const important = lines.filter((line) => /^(FATAL|ERROR|PANIC|initdb: error)/.test(line) || /error/i.test(line));
  return (important.at(-1) ?? lines.filter(Boolean).at(-1) ?? "").slice(0, 300);
}

/** A data directory of this major version, initialised if empty; refuses one from another version. */
export async function prepareDataDir(dataDir: string, bin: PostgresBinaries, user: RunAs): Promise<void> {
  const versionFile = join(dataDir, "PG_VERSION");
  if (existsSync(versionFile)) {
    const found = readFileSync(versionFile, "utf8").trim();
    if (found !== bin.major) {
      throw fail(
        `${dataDir} holds PostgreSQL ${found} data and the embedded server is PostgreSQL ${bin.major}: ` +
          `it is development data, so remove it (\`make clean\`) or point DATABASE_URL at a PostgreSQL ${found} server`,
      );
    }
    if (!readPassword(dataDir)) throw fail(`${dataDir} has no ${PASSWORD_FILE}: remove the folder to start afresh`);
    return;
  }
  rmSync(dataDir, { recursive: true, force: true });
  // Parents with the default mode (a recursive mkdir would give them 0700 too, shutting
  // out the `postgres` user when running as root); the cluster's own folder 0700.
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { mode: 0o700 });
  if (user.uid !== undefined) {
    chownSync(dataDir, user.uid, user.gid ?? user.uid);
    const reach = spawnSync("test", ["-w", dataDir], { uid: user.uid, gid: user.gid });
    if (reach.status !== 0) {
      throw fail(
        `PostgreSQL runs as the user ${user.name}, who cannot reach ${dataDir}: make its parent folders searchable (chmod o+x) or set EMBEDDED_DB_DIR elsewhere`,
      );
    }
  }
  const password = randomBytes(18).toString("base64url");
  // initdb reads the password from a file; the data directory is the one place only its owner reads.
  const pwFile = join(dataDir, "..", `.initdb-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (user.uid !== undefined) chownSync(pwFile, user.uid, user.gid ?? user.uid);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--no-locale",
      "--no-instructions",
    ];
    const output = await run(bin.initdb, args, user);
    if (output.code !== 0) {
      rmSync(dataDir, { recursive: true, force: true });
      throw fail(`initdb failed: ${explainFailure(output.text)}`);
    }
  } finally {
    rmSync(pwFile, { force: true });
  }
  writeFileSync(join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  if (user.uid !== undefined) chownSync(join(dataDir, PASSWORD_FILE), user.uid, user.gid ?? user.uid);
}

function run(command: string, args: string[], user: RunAs): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      uid: user.uid,
      gid: user.gid,
      env: { ...process.env, LC_ALL: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk));
    child.on("error", (error) => resolve({ code: -1, text: error.message }));
    child.on("close", (code) => resolve({ code, text }));
  });
}

/**
 * A postmaster.pid left by a server whose supervisor was killed: stop that server if it
 * is still running with nobody to stop it, or drop the file if its pid now belongs to
 * another program (PostgreSQL itself handles a pid that is gone).
 */
export async function recoverStaleServer(dataDir: string): Promise<string | null> {
  const pid = readPostmasterPid(dataDir);
  if (pid === null || !isAlive(pid)) return null;
  if (!isPostgres(pid)) {
    rmSync(join(dataDir, "postmaster.pid"), { force: true });
    return null;
  }
  if (isSupervised(pid)) {
    throw fail(`${dataDir} is in use by another running embedded Postgres (pid ${pid}); stop that \`make dev\` first`);
  }
  process.kill(pid, "SIGINT");
  if (!(await waitUntil(() => !isAlive(pid), 10_000, 100)))
    throw fail(`a PostgreSQL server (pid ${pid}) still runs on ${dataDir} and did not stop`);
  return `stopped PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`;
}

/** The postmaster's pid from the data directory's lock file, if there is one. */
export function readPostmasterPid(dataDir: string): number | null {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Marks the shell that keeps a server tied to its supervisor (see postgres-server.ts). */
export const WRAPPER_MARK = "embedded-postgres-wrapper";

function isSupervised(pid: number): boolean {
  try {
    const ppid = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1];
    return readFileSync(`/proc/${ppid}/cmdline`, "utf8").includes(WRAPPER_MARK);
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file, as PostgreSQL does.
    return true;
  }
}
