// `pnpm dev` / `make dev`: start the services (embedded unless configured), then
// every app's `dev` task through Turborepo with the services' variables set.
// Ctrl-C, SIGTERM, SIGHUP (a closed terminal) or the death of `make` stops everything:
// the apps run in their own process group, which is signalled as a whole.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { runMain } from "@acme/config/cli";
import { isAlive } from "@acme/config/process";
import { devEnv } from "./dev-env";
import { startDevServices } from "./dev-services";

const STOP_GRACE_MS = 5_000;

function appsWithDev(only: string[]): string[] {
  if (!existsSync("apps")) return [];
  return readdirSync("apps").filter(
    (name) => existsSync(`apps/${name}/package.json`) && (only.length === 0 || only.includes(name)),
  );
}

/** Signals the child's whole process group, then waits for its leader to exit (SIGKILL after a grace period). */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {}
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
  signalGroup("SIGKILL"); // whatever the leader left behind in its group
}

async function main(): Promise<void> {
  const env = devEnv();
  const services = await startDevServices();
  const apps = appsWithDev(env.DEV_APPS);
  let child: ChildProcess | undefined;
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log("dev:     stopping");
    if (child) await stopGroup(child);
    await services.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
  // make does not forward a SIGTERM it receives: notice its death.
  const parent = env.DEV_SUPERVISOR_PID ?? process.ppid;
  setInterval(() => {
    if (!isAlive(parent)) void shutdown(0);
  }, 500).unref();

  if (apps.length === 0) {
    console.log("dev:     services ready; no apps to start. Ctrl-C stops them.");
    setInterval(() => {}, 1 << 30);
    return;
  }
  console.log(`dev:     starting ${apps.join(", ")} (Ctrl-C stops everything)`);
  child = spawn("pnpm", ["exec", "turbo", "run", "dev", ...apps.map((app) => `--filter=./apps/${app}`)], {
    stdio: "inherit",
    detached: true,
    env: {
      ...process.env,
      ...services.env,
      TURBO_TELEMETRY_DISABLED: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      DO_NOT_TRACK: "1",
    },
  });
  child.on("exit", (code) => void shutdown(code ?? 0));
}

await runMain("dev", main);
