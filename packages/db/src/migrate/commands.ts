// The migrate command set: deploy, status, create (from the schema diff) and drift.
// Bookkeeping is Prisma's own `_prisma_migrations` table, so the native CLI agrees.
import type { HistoryDiagnostic } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { lastEnginePanic, openSchemaEngine, type SchemaEngine } from "./engine";
import { defaultPaths, type PrismaPaths, readMigrations, readSchema, writeMigration } from "./files";

const NO_FILTER = { externalTables: [], externalEnums: [] };

export interface MigrateOptions extends Partial<PrismaPaths> {
  connectionString: string;
}

async function withEngine<T>(
  options: MigrateOptions,
  run: (engine: SchemaEngine, paths: PrismaPaths) => Promise<T>,
): Promise<T> {
  const paths = { ...defaultPaths, ...options };
  const handle = await openSchemaEngine({
    connectionString: options.connectionString,
    datamodels: readSchema(paths.schemaPath),
  });
  try {
    return await run(handle.engine, paths);
  } catch (error) {
    // A Rust panic surfaces as "RuntimeError: unreachable"; its message says what went wrong.
    const panic = lastEnginePanic();
    throw panic ? new Error(`schema engine: ${panic.split("\n")[0]}`, { cause: error }) : error;
  } finally {
    await handle.close();
  }
}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export function deployMigrations(options: MigrateOptions): Promise<string[]> {
  return withEngine(options, async (engine, paths) => {
    const out = await engine.applyMigrations({
      migrationsList: readMigrations(paths.migrationsDir),
      filters: NO_FILTER,
    });
    return out.appliedMigrationNames;
  });
}

export interface MigrationStatus {
  upToDate: boolean;
  hasMigrationsTable: boolean;
  pending: string[];
  /** Applied to the database but absent from the folder. */
  unknown: string[];
  failed: string[];
  edited: string[];
}

function pendingOf(history: HistoryDiagnostic | null): { pending: string[]; unknown: string[] } {
  if (!history) return { pending: [], unknown: [] };
  switch (history.diagnostic) {
    case "databaseIsBehind":
      return { pending: history.unappliedMigrationNames, unknown: [] };
    case "migrationsDirectoryIsBehind":
      return { pending: [], unknown: history.unpersistedMigrationNames };
    case "historiesDiverge":
      return { pending: history.unappliedMigrationNames, unknown: history.unpersistedMigrationNames };
  }
}

export function migrationStatus(options: MigrateOptions): Promise<MigrationStatus> {
  return withEngine(options, async (engine, paths) => {
    const out = await engine.diagnoseMigrationHistory({
      migrationsList: readMigrations(paths.migrationsDir),
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const { pending, unknown } = pendingOf(out.history);
    return {
      upToDate: out.history === null && out.failedMigrationNames.length === 0 && out.editedMigrationNames.length === 0,
      hasMigrationsTable: out.hasMigrationsTable,
      pending,
      unknown,
      failed: out.failedMigrationNames,
      edited: out.editedMigrationNames,
    };
  });
}

/**
 * The SQL that would take a database built from every migration to the schema.
 * Empty when migrations and schema agree. Replays the migrations in a throwaway
 * shadow database (CREATE DATABASE), so it needs a real Postgres server.
 */
export function schemaDrift(options: MigrateOptions): Promise<string> {
  return withEngine(options, async (engine, paths) => {
    const [schemaPath, content] = readSchema(paths.schemaPath)[0] ?? [];
    const out = await engine.diff({
      from: { tag: "migrations", ...readMigrations(paths.migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath ?? "", content: content ?? "" }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return normaliseScript(out.stdout);
  });
}

/**
 * Writes a new migration folder holding the drift script (what takes the migrations
 * to the schema); returns its path, or null when there is nothing to migrate. The
 * engine's own createMigration wants a shadow-database factory the Wasm build lacks.
 */
export async function createMigration(options: MigrateOptions & { name: string; now?: Date }): Promise<string | null> {
  const name = options.name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) throw new Error("Migration name must contain letters or digits.");
  const script = await schemaDrift(options);
  if (!script) return null;
  const paths = { ...defaultPaths, ...options };
  return writeMigration(paths.migrationsDir, `${timestamp(options.now ?? new Date())}_${name}`, `${script}\n`);
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function normaliseScript(stdout: string | null): string {
  const script = (stdout ?? "").trim();
  // The engine prints a comment line for an empty migration.
  return script === "" || /^-- This is an empty migration\.?$/.test(script) ? "" : script;
}
