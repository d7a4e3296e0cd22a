// The API server's entry point: validate config, check the services, listen, and
// drain on SIGTERM/SIGINT.
import { runMain } from "@acme/config/cli";
import { probeDatabase } from "@acme/db/health";
import { ObjectStore } from "@acme/storage";
import { configFromEnv } from "./config";
import { createServer } from "./server";

async function main(): Promise<void> {
  const config = configFromEnv();
  await probeDatabase(config.db.url);
  await new ObjectStore(config.storage).ensureBucket();
  // Nothing else in this process uses Better Auth: its async contexts can rest between key checks.
  const server = createServer(config, { soleBetterAuthUser: true });
  const url = await server.start();
  const { logger } = server.built.deps;
  logger.info(
    { url, redis: Boolean(config.server.REDIS_URL), bucket: config.storage.bucket },
    `API server listening on ${url} (rate limits in ${config.server.REDIS_URL ? "Redis" : "memory"})`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "draining and shutting down");
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

await runMain("server", main);
