// Which database a command-line tool works on: DATABASE_URL when set; otherwise the
// embedded PostgreSQL, the running one from `pnpm dev` when it answers, or one
// started for the command's duration (same data directory either way).
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { repoRoot } from "@acme/config";
import { embeddedUrl, startEmbeddedPostgres } from "./embedded/postgres-server";
import { type DbEnv, dbEnv } from "./env";
import { probeDatabase } from "./health";

/** The folder as a newcomer reads it: relative to the repository root when inside it. */
export function shownPath(path: string): string {
  const rel = relative(repoRoot(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/** One line for someone whose data sits in the embedded database that PGlite kept before PostgreSQL. */
export function oldEmbeddedDataNotice(env: DbEnv): string | null {
  const old = join(dirname(env.EMBEDDED_DB_DIR), "pglite");
  if (!existsSync(old)) return null;
  return (
    `db:      ${shownPath(old)} holds development data of the former embedded database (PGlite), which ` +
    `PostgreSQL cannot read; it is not used any more: delete it (rm -rf ${shownPath(old)}) to silence this line`
  );
}

export async function runningEmbeddedUrl(env: DbEnv): Promise<string | null> {
  const url = embeddedUrl({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT });
  if (!existsSync(join(env.EMBEDDED_DB_DIR, "postmaster.pid"))) return null;
  return probeDatabase(url, 1_000).then(
    () => url,
    () => null,
  );
}

export async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const env = dbEnv();
  if (env.DATABASE_URL) {
    await probeDatabase(env.DATABASE_URL);
    return run(env.DATABASE_URL);
  }
  const running = await runningEmbeddedUrl(env);
  if (running) {
    console.log(`db: using the running embedded PostgreSQL on port ${env.EMBEDDED_DB_PORT}`);
    return run(running);
  }
  console.log(`db: DATABASE_URL unset, starting the embedded PostgreSQL (${shownPath(env.EMBEDDED_DB_DIR)})`);
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT });
  try {
    return await run(embedded.url);
  } finally {
    await embedded.stop();
  }
}
