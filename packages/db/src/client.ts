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
  /** An idle connection the server closed (see createDb); the pool has dropped it already. */
  onIdleError?: (error: Error) => void;
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
  // The server may close a connection resting in the pool (a restart, a failover, an
  // administrator, a dropped database): the pool drops it and opens another when needed,
  // but it says so with an `error` event, which Node turns into an uncaught exception
  // (the process exits) unless someone listens.
  pool.on("error", (error) => options.onIdleError?.(error));
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
