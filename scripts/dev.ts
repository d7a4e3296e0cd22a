// `pnpm dev` / `make dev`: start the services (embedded unless configured), then
// every app's `dev` task through Turborepo with the services' variables set.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { runMain } from "@acme/config/cli";
import { startDevServices } from "./dev-services";

function appsWithDev(): string[] {
  if (!existsSync("apps")) return [];
  return readdirSync("apps").filter((name) => existsSync(`apps/${name}/package.json`));
}

async function main(): Promise<void> {
  const services = await startDevServices();
  const apps = appsWithDev();
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await services.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (apps.length === 0) {
    console.log("dev:     services ready; no apps yet. Ctrl-C stops them.");
    return;
  }
  console.log(`dev:     starting ${apps.join(", ")}`);
  const child = spawn("pnpm", ["exec", "turbo", "run", "dev", "--filter=./apps/*"], {
    stdio: "inherit",
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
