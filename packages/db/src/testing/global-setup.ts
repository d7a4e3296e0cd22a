// Vitest global setup of the integration project: tests use TEST_DATABASE_URL when a
// Postgres answers there (CI's, fast); otherwise an embedded PostgreSQL is started in a
// temporary folder for the run, so a fresh machine needs neither root nor apt.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { searchableTempDir } from "@acme/config";
import { freePort } from "@acme/config/net";
import { startEmbeddedPostgres } from "../embedded/postgres-server";
import { probeDatabase } from "../health";
import { testEnv, useTestDatabaseUrl } from "./env";

/** Makes TEST_DATABASE_URL answer (starting an embedded server if needed); returns the teardown. */
export async function ensureTestPostgres(): Promise<() => Promise<void>> {
  const { TEST_DATABASE_URL: url, configured } = testEnv();
  const answers = await probeDatabase(url, 2_000).then(
    () => true,
    () => false,
  );
  if (answers) return async () => {};
  if (configured) throw new Error(`TEST_DATABASE_URL is set but no Postgres answers there: ${new URL(url).host}`);

  const parent = searchableTempDir("platform-test-pg-");
  const dataDir = join(parent, "data");
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "postgres" });
  // Workers are forked after global setup and inherit the environment.
  useTestDatabaseUrl(pg.adminUrl);
  console.log(`test: no Postgres at ${new URL(url).host}; using an embedded PostgreSQL ${pg.version} for this run`);
  return async () => {
    await pg.stop();
    rmSync(parent, { recursive: true, force: true });
  };
}

export default ensureTestPostgres;
