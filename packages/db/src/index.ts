export { closeDb, createDb, type Db, type DbOptions, dbOptionsFromEnv, getDb, poolOf } from "./client";
export { type DbEnv, dbEnv, requireDatabaseUrl } from "./env";
export { DbError, type DbErrorKind, mapDbErrors, toDbError } from "./errors";
export type { DataEntry, StoredFile, Task } from "./generated/prisma/client";
export { Prisma } from "./generated/prisma/client";
export * from "./select";
export { sqlRows } from "./sql";
