// Which database a command-line tool works on: DATABASE_URL when set; otherwise the
// embedded Postgres, the running one from `pnpm dev` when it answers, or one
// started for the command's duration.
import { startEmbeddedPostgres } from "./embedded/pglite-server";
import { dbEnv } from "./env";
import { probeDatabase } from "./health";

export async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const env = dbEnv();
  if (env.DATABASE_URL) {
    await probeDatabase(env.DATABASE_URL);
    return run(env.DATABASE_URL);
  }
  const devUrl = `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
  const running = await probeDatabase(devUrl, 1_000).then(
    () => true,
    () => false,
  );
  if (running) {
    console.log(`db: using the running embedded Postgres on port ${env.EMBEDDED_DB_PORT}`);
    return run(devUrl);
  }
  console.log(`db: DATABASE_URL unset, starting the embedded Postgres (${env.EMBEDDED_DB_DIR})`);
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT });
  try {
    return await run(embedded.url);
  } finally {
    await embedded.stop();
  }
}
