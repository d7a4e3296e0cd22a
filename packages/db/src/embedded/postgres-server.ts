// Embedded PostgreSQL for development and for tests on machines without one: the real
// server, from binaries shipped in an npm package, in a data directory of ours, on
// loopback. It is tied to the process that starts it: stop() or that process's death
// (even SIGKILL) shuts it down.
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { listenProblem } from "@acme/config/net";
import pg from "pg";
import { findPostgresBinaries } from "./binaries";
import {
  explainFailure,
  fail,
  lastLine,
  postgresUser,
  prepareDataDir,
  readPassword,
  readPostmasterPid,
  recoverStaleServer,
  SUPERUSER,
  WRAPPER_MARK,
} from "./data-dir";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  host?: string;
  /** Created if missing; the URL points at it. Default `platform`. */
  database?: string;
  /** A line about what start-up did (recovered a stale server, created the cluster). */
  onNotice?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** URL of `database`. */
  url: string;
  /** URL of the `postgres` maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** The postmaster's process id. */
  pid: number;
  /** PostgreSQL's major version. */
  version: string;
  stop(): Promise<void>;
}

const DEFAULT_DATABASE = "platform";

/**
 * The shell between us and the postmaster. When the supervisor dies its end of the
 * stdin pipe closes, `read` sees EOF and the postmaster gets a fast shutdown (SIGINT);
 * SIGTERM/SIGINT/SIGHUP to the shell do the same. Background jobs of a non-interactive
 * shell read /dev/null, hence the copy of stdin on fd 3.
 */
const WRAPPER = `# ${WRAPPER_MARK}
exec 3<&0
"$0" "$@" </dev/null &
pg=$!
trap 'kill -INT "$pg" 2>/dev/null' INT TERM HUP
( while read -r _; do :; done <&3; kill -INT "$pg" 2>/dev/null ) &
watcher=$!
code=0
while kill -0 "$pg" 2>/dev/null; do wait "$pg"; code=$?; done
kill "$watcher" 2>/dev/null
exit "$code"`;

export function embeddedUrl(options: { dataDir: string; port: number; host?: string; database?: string }): string {
  const password = readPassword(resolve(options.dataDir)) ?? "";
  const host = options.host ?? "127.0.0.1";
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@${host}:${options.port}/${options.database ?? DEFAULT_DATABASE}`;
}

async function assertPortFree(host: string, port: number): Promise<void> {
  const problem = await listenProblem(port, host);
  if (problem === "EADDRINUSE") {
    throw fail(`port ${port} on ${host} is in use by another program: stop it or set EMBEDDED_DB_PORT to a free port`);
  }
  if (problem) throw fail(`cannot listen on ${host}:${port}: ${problem}`);
}

async function connectWhenReady(url: string, child: ChildProcess, log: () => string): Promise<pg.Client> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once("exit", () => (exited = true));
  for (;;) {
    if (exited) throw fail(`the server exited at start: ${explainFailure(log())}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline)
        throw fail(`the server did not accept connections within 60 s: ${lastLine(log())}`, error);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? DEFAULT_DATABASE;
  const bin = await findPostgresBinaries();
  const user = postgresUser();
  const recovered = await recoverStaleServer(dataDir);
  if (recovered) options.onNotice?.(recovered);
  await assertPortFree(host, options.port);
  await prepareDataDir(dataDir, bin, user);

  const args = [
    ["-D", dataDir],
    ["-p", String(options.port)],
    ["-c", `listen_addresses=${host}`],
    // No Unix socket: nothing to collide with a system PostgreSQL's /var/run/postgresql.
    ["-c", "unix_socket_directories="],
  ].flat();
  const child = spawn("/bin/sh", ["-c", WRAPPER, bin.postgres, ...args], {
    uid: user.uid,
    gid: user.gid,
    env: { ...process.env, LC_ALL: "C" },
    stdio: ["pipe", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    child.stdin?.end();
    const timeout = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timeout);
  };

  const adminUrl = embeddedUrl({ dataDir, port: options.port, host, database: "postgres" });
  let client: pg.Client;
  try {
    client = await connectWhenReady(adminUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    return {
      url: embeddedUrl({ dataDir, port: options.port, host, database }),
      adminUrl,
      version: bin.major,
      pid: readPostmasterPid(dataDir) ?? -1,
      stop,
    };
  } catch (error) {
    await stop();
    throw fail(`cannot create the database ${database}: ${(error as Error).message}`, error);
  } finally {
    await client.end().catch(() => {});
  }
}
