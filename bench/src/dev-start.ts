// `make bench-start`: how long `make dev` takes to be usable, from an empty data
// folder (cold: initdb, migrations, first compile of the sign-in page) and again on
// the same data (warm), and what the embedded PostgreSQL costs in memory.
// Runs the supervisor (`scripts/dev.ts`) on free ports and temporary folders, so it
// never touches `.data/` or a running `make dev`.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { searchableTempDir } from "@acme/config";
import { freePort } from "@acme/config/net";
import { waitUntil } from "@acme/config/process";

const root = new URL("../..", import.meta.url).pathname;
// The issue that replaced PGlite measured these before the change (API answering, web sign-in page).
const BEFORE = { api: 21, web: 45 };

const ok = (url: string) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

/**
 * Resident memory (MB) of the postmaster and its children (background workers and the
 * apps' pooled connections), summed: shared buffers touched by several count in each.
 */
function postgresRssMb(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/).map(Number));
  const kb = rows
    .filter(([pid, ppid]) => pid === postmaster || ppid === postmaster)
    .reduce((sum, row) => sum + (row[2] ?? 0), 0);
  return Math.round(kb / 1024);
}

async function startOnce(data: string): Promise<{ api: number; web: number; rss: number }> {
  const [db, s3, api, web] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_DB_PORT: String(db),
    EMBEDDED_DB_DIR: join(data, "postgres"),
    EMBEDDED_S3_PORT: String(s3),
    EMBEDDED_S3_DIR: join(data, "s3"),
    AUTH_DEV_SECRET_FILE: join(data, "auth-secret"),
    PORT: String(api),
    WEB_PORT: String(web),
    BETTER_AUTH_URL: `http://localhost:${web}`,
    LOG_LEVEL: "warn",
  };
  for (const name of ["DATABASE_URL", "S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "DEV_APPS"]) delete env[name];
  const started = Date.now();
  const dev: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], {
    cwd: root,
    env,
    stdio: "ignore",
  });
  try {
    const apiUp = await waitUntil(() => ok(`http://127.0.0.1:${api}/health`), 180_000, 100);
    const apiSeconds = (Date.now() - started) / 1000;
    const webUp = await waitUntil(() => ok(`http://127.0.0.1:${web}/sign-in`), 180_000, 100);
    const webSeconds = (Date.now() - started) / 1000;
    if (!apiUp || !webUp) throw new Error("bench: make dev did not come up within 180 s");
    return { api: apiSeconds, web: webSeconds, rss: postgresRssMb(join(data, "postgres")) };
  } finally {
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    dev.kill("SIGTERM");
    await exited;
  }
}

const data = searchableTempDir("bench-dev-start-");
try {
  console.log("bench: make dev start-up (API /health, web /sign-in), embedded PostgreSQL RSS");
  for (const run of ["cold", "warm"]) {
    const r = await startOnce(data);
    console.log(
      `  ${run}: API ${r.api.toFixed(1)} s (${(r.api / BEFORE.api).toFixed(2)} x the ${BEFORE.api} s before), ` +
        `web ${r.web.toFixed(1)} s (${(r.web / BEFORE.web).toFixed(2)} x ${BEFORE.web} s), PostgreSQL RSS ${r.rss} MB`,
    );
  }
} finally {
  rmSync(data, { recursive: true, force: true });
}
