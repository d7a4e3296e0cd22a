export { closeDb, createDb, type Db, type DbOptions, dbOptionsFromEnv, disconnectDb, getDb, poolOf } from "./client";
export { type DbEnv, dbEnv, requireDatabaseUrl } from "./env";
export { DbError, type DbErrorKind, mapDbErrors, toDbError } from "./errors";
export type { DataEntry, StoredFile, Task } from "./generated/prisma/client";
export { FileStatus, Prisma, TaskStatus } from "./generated/prisma/client";
export * from "./select";
export { sqlRows } from "./sql";
