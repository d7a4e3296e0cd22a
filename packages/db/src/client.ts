// One Prisma client per process, on the pg driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { type DbEnv, dbEnv, requireDatabaseUrl } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export interface DbOptions {
  url: string;
  poolSize?: number;
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
}

export type Db = PrismaClient;

export function createDb(options: DbOptions): Db {
  const adapter = new PrismaPg({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
  });
  return new PrismaClient({ adapter });
}

export function dbOptionsFromEnv(env: DbEnv = dbEnv()): DbOptions {
  return {
    url: requireDatabaseUrl(env),
    poolSize: env.DB_POOL_SIZE,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: env.DB_IDLE_TIMEOUT_MS,
  };
}

// Kept on globalThis so that hot reloads in development reuse the pool.
const holder = globalThis as typeof globalThis & { __acmeDb?: Db };

/** The process-wide client, built from the environment on first use. */
export function getDb(): Db {
  holder.__acmeDb ??= createDb(dbOptionsFromEnv());
  return holder.__acmeDb;
}

export async function disconnectDb(): Promise<void> {
  const db = holder.__acmeDb;
  holder.__acmeDb = undefined;
  await db?.$disconnect();
}
