// One Prisma client per process, on the pg driver adapter (no native engine).
// The client owns its pg pool (`closeDb` ends both); `poolOf` lends it to the
// few hot reads that run plain SQL (`sql.ts`).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type DbEnv, dbEnv, requireDatabaseUrl } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export interface DbOptions {
  url: string;
  poolSize?: number;
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
  /**
   * A connection the server closed outside a query (see createDb): resting in the pool,
   * which has dropped it already, or checked out between two queries, whose next query
   * fails and which the pool drops when it comes back.
   */
  onConnectionError?: (error: Error) => void;
}

export type Db = PrismaClient;

const pools = new WeakMap<Db, pg.Pool>();

export function createDb(options: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
  });
  // The server may close a connection (a restart, a failover, an administrator, a dropped
  // database). Its client says so with an `error` event, which Node turns into an uncaught
  // exception (the process exits) unless someone listens. The pool listens only while the
  // connection rests there (then drops it and re-emits the error on itself); a connection
  // checked out between two queries (a transaction) has no listener. So every client gets
  // one for its whole life, reporting its first error only (the closed socket follows with
  // a second), and the pool's re-emission is only heard, not reported twice.
  pool.on("connect", (client) => {
    let reported = false;
    client.on("error", (error) => {
      if (reported) return;
      reported = true;
      options.onConnectionError?.(error);
    });
  });
  pool.on("error", () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool under a client made by `createDb`. */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: this client was not made by createDb");
  return pool;
}

export function dbOptionsFromEnv(env: DbEnv = dbEnv()): DbOptions {
  return {
    url: requireDatabaseUrl(env),
    poolSize: env.DB_POOL_SIZE,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: env.DB_IDLE_TIMEOUT_MS,
  };
}

/** Disconnects Prisma and ends the pool, also when Prisma never connected to it. */
export async function closeDb(db: Db): Promise<void> {
  await db.$disconnect();
  const pool = pools.get(db);
  if (pool && !pool.ended) await pool.end();
}

// Kept on globalThis so that hot reloads in development reuse the pool.
const holder = globalThis as typeof globalThis & { __acmeDb?: Db };

/** The process-wide client, built from the environment on first use. */
export function getDb(): Db {
  holder.__acmeDb ??= createDb(dbOptionsFromEnv());
  return holder.__acmeDb;
}
