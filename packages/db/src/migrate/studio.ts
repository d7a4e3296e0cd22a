// `pnpm db:studio [prisma studio options]`: Prisma Studio on DATABASE_URL, or on the
// embedded PostgreSQL (the running one, or one kept up while Studio runs).
// Studio listens on STUDIO_PORT (5555) unless `--port` is given.
import { spawn } from "node:child_process";
import { runMain } from "@acme/config/cli";
import { dbEnv } from "../env";
import { withDatabase } from "../target";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const env = dbEnv();
  const port = args.includes("--port") || args.includes("-p") ? [] : ["--port", String(env.STUDIO_PORT)];
  // Studio opens a browser and crashes where none can be opened (a server, a container).
  const headless = process.platform === "linux" && !env.DISPLAY && !env.WAYLAND_DISPLAY;
  const browser = headless && !args.includes("--browser") && !args.includes("-b") ? ["--browser", "none"] : [];
  const code = await withDatabase(
    (url) =>
      new Promise<number>((resolve) => {
        const studio = spawn("prisma", ["studio", "--url", url, ...port, ...browser, ...args], {
          // The package script sets PRISMA_SCHEMA_ENGINE_BINARY: Studio never runs the native
          // engine, and pointing at any file stops its download.
          stdio: "inherit",
        });
        for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
          process.on(signal, () => studio.kill(signal));
        }
        studio.on("exit", (exitCode) => resolve(exitCode ?? 0));
      }),
  );
  process.exitCode = code;
}

await runMain("db:studio", main);
