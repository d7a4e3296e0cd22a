// What both load benchmarks share: starting servers as deployed, measuring a URL
// with wrk (warm-up first) while sampling the API server's memory.
import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type WrkOptions, type WrkResult, wrk } from "./wrk";

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const AUDIENCE = "http://api.bench";
export const here = new URL(".", import.meta.url).pathname;

export function requireWrk(): void {
  if (spawnSync("wrk", ["--version"]).error) {
    console.error("bench: wrk is missing; install it with `apt-get install -y wrk`");
    process.exit(1);
  }
}

/**
 * The API server's `start` script, read so the bench runs it as deployed: the
 * environment it sets before `node` (NAME=value) and node's flags.
 */
function deployed(): { env: Record<string, string>; flags: string[] } {
  const manifest = JSON.parse(readFileSync(join(here, "../../apps/server/package.json"), "utf8"));
  const parts = String(manifest.scripts.start).split(/\s+/);
  const node = parts.indexOf("node");
  const env = Object.fromEntries(
    parts.slice(0, Math.max(node, 0)).flatMap((part) => {
      const at = part.indexOf("=");
      return at > 0 ? [[part.slice(0, at), part.slice(at + 1)]] : [];
    }),
  );
  return { env, flags: parts.slice(node + 1).filter((part) => part.startsWith("--")) };
}

/** Starts a server script (TypeScript through tsx, or built JS) and waits until `readyUrl` answers. */
export async function start(
  script: string,
  env: Record<string, string>,
  readyUrl: string,
  logFile?: string,
): Promise<ChildProcess> {
  // Built JS is the API server's bundle: run with its start script's environment and flags
  // (which win over the shell's: `BENCH_API_NODE_FLAGS` adds flags); TypeScript through tsx.
  const api = script.endsWith(".ts") ? null : deployed();
  const profile = process.env.BENCH_PROFILE && api ? ["--cpu-prof", "--cpu-prof-dir=.cache/profiles"] : [];
  // Standard output (where the server's JSON log lines go) to a file, written as in production.
  const logFd = logFile ? openSync(logFile, "w") : undefined;
  const child = fork(script, {
    execArgv: api
      ? [...profile, ...api.flags, ...(process.env.BENCH_API_NODE_FLAGS?.split(" ").filter(Boolean) ?? [])]
      : ["--import", "tsx"],
    env: { ...process.env, ...api?.env, ...env },
    stdio: ["ignore", logFd ?? "ignore", "inherit", "ipc"],
  });
  if (logFd !== undefined) closeSync(logFd);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  for (let i = 0; i < 150 && !exited; i++) {
    const ok = await fetch(readyUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

export function rssMb(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

/**
 * The server's RSS once idle: V8 keeps the start-up's garbage and a grown young generation
 * until its memory reducer runs, some seconds after the last burst of allocation (8-20 s
 * here); read `IDLE_SECONDS` after `since` (the server answering its first request), with
 * no request meanwhile.
 */
export const IDLE_SECONDS = 30;

export async function idleRssMb(pid: number, since: number): Promise<number> {
  const wait = since + IDLE_SECONDS * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return rssMb(pid);
}

/** CPU time the process has used so far, in microseconds: [user, system]. */
export function cpuMicros(pid: number): [number, number] {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return [(Number(fields[11]) * 1e6) / 100, (Number(fields[12]) * 1e6) / 100]; // utime, stime: 100 Hz ticks
}

export const EMPTY: WrkResult & { peak: number; cpuPerRequest: number } = {
  rps: Number.NaN,
  p50ms: Number.NaN,
  p99ms: Number.NaN,
  errors: 0,
  peak: 0,
  cpuPerRequest: Number.NaN,
};

export async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  watch?: ChildProcess,
  options: WrkOptions = {},
) {
  return selected(name) ? measureNow(name, url, headers, watch, options) : EMPTY;
}

/** BENCH_ONLY=<part of a scenario name>[|<another>] runs just the matching ones (profiling). */
export function selected(name: string): boolean {
  const only = process.env.BENCH_ONLY?.split("|");
  return !only || only.some((part) => name.includes(part));
}

/** One scenario (2 s warm-up, then SECONDS measured): req/s, latencies, the watched process's peak RSS and CPU per request. */
export async function measureNow(
  name: string,
  url: string,
  headers: Record<string, string>,
  watch?: ChildProcess,
  options: WrkOptions = {},
) {
  await wrk(url, headers, 2, options); // warm-up: JIT, pools, caches
  let peak = 0;
  const pid = watch?.pid;
  const timer = pid ? setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200) : null;
  const [userBefore, systemBefore] = pid ? cpuMicros(pid) : [0, 0];
  const result = await wrk(url, headers, SECONDS, options);
  // The server's CPU per answered request (user + kernel): steadier than req/s on a machine that drifts.
  const [user, system] = pid ? cpuMicros(pid) : [0, 0];
  const requests = result.rps * SECONDS;
  const userPerRequest = (user - userBefore) / requests;
  const cpuPerRequest = pid ? userPerRequest + (system - systemBefore) / requests : Number.NaN;
  if (timer) clearInterval(timer);
  if (pid) peak = Math.max(peak, rssMb(pid));
  const cpu = pid
    ? `  cpu ${cpuPerRequest.toFixed(0)} us/req (user ${userPerRequest.toFixed(0)})  peak RSS ${peak.toFixed(0)} MB`
    : "";
  console.log(
    `  ${name.padEnd(34)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50ms.toFixed(2)} ms  p99 ${result.p99ms.toFixed(2)} ms${cpu}${result.errors ? `  (${result.errors} errors)` : ""}`,
  );
  return { ...result, peak, cpuPerRequest };
}

export interface ApiTarget {
  port: number;
  databaseUrl: string;
  s3: { endpoint: string; accessKey: string; secretKey: string };
  authUrl: string;
  env?: Record<string, string>;
}

export const LOG_DIR = join(here, "../.cache/logs");

/**
 * The API server as deployed: the production bundle (`pnpm --filter @acme/server build`)
 * with the environment and node flags of its `start` script and every production feature on: JSON
 * log lines at info written to a file (bench/.cache/logs/api-<port>.log), the rate limiters
 * (memory store) with limits the bench never reaches, CORS, security headers.
 */
export function startApi(target: ApiTarget): Promise<ChildProcess> {
  return start(
    join(here, "../../apps/server/dist/index.mjs"),
    {
      NODE_ENV: "production",
      PORT: String(target.port),
      HOST: "127.0.0.1",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
      LOG_FORMAT: "json",
      DATABASE_URL: target.databaseUrl,
      DB_POOL_SIZE: "10",
      S3_ENDPOINT: target.s3.endpoint,
      S3_ACCESS_KEY: target.s3.accessKey,
      S3_SECRET_KEY: target.s3.secretKey,
      BETTER_AUTH_URL: target.authUrl,
      AUTH_AUDIENCE: AUDIENCE,
      CURSOR_SECRET: randomBytes(32).toString("base64url"),
      // The limiters run (their cost is measured) with limits one address never reaches here.
      RATE_LIMIT_ENABLED: "true",
      RATE_LIMIT_READ_POINTS: "1000000000",
      RATE_LIMIT_WRITE_POINTS: "1000000000",
      ORG_RATE_LIMIT_READ_POINTS: "1000000000",
      ORG_RATE_LIMIT_WRITE_POINTS: "1000000000",
      PREAUTH_RATE_LIMIT_POINTS: "1000000000",
      CORS_ORIGINS: "http://localhost:3000",
      ...target.env,
    },
    `http://127.0.0.1:${target.port}/health`,
    logFileFor(target.port),
  );
}

function logFileFor(port: number): string {
  mkdirSync(LOG_DIR, { recursive: true });
  return join(LOG_DIR, `api-${port}.log`);
}
