// Loads Prisma's WebAssembly schema engine. The package's ESM entry imports a .wasm
// file, which Node 20 cannot import, so the JS glue is wired to the module by hand.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { PoolConfig } from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { splitSqlStatements } from "./split-sql";

export type SchemaEngine = glue.SchemaEngine;

let wasmReady = false;

/** The engine reports a Rust panic's message here before it traps; Prisma's CLI defines the same global. */
const panics = { last: "" };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    panics.last = message;
  },
};

/** The panic message behind a trap of the engine ("unreachable"), if there was one. */
export function lastEnginePanic(): string {
  return panics.last;
}

function initWasm(): void {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const module = new WebAssembly.Module(readFileSync(join(pkgDir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  wasmReady = true;
}

/**
 * PrismaPg, but remembering every connection the engine opens so they can be
 * closed, and configured from parsed fields: with a raw connection string the
 * adapter's shadow database would silently be the main database.
 */
class TrackedPgFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private readonly config: PoolConfig;
  private readonly inner: PrismaPg;
  private readonly opened: SqlDriverAdapter[] = [];

  constructor(connectionString: string) {
    this.config = { ...parseIntoClientConfig(connectionString), max: 2 };
    this.inner = new PrismaPg(this.config);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await this.inner.connect());
  }

  /** A throwaway database, dropped after its pool is closed (the adapter's own drops it first, and fails). */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.config, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return this.track(shadow);
  }

  async close(): Promise<void> {
    // Newest first: a shadow database is dropped through a connection opened before it.
    const adapters = this.opened.splice(0).reverse();
    for (const adapter of adapters) await adapter.dispose().catch(() => {});
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    this.opened.push(adapter);
    // The adapter's own executeScript splits on every ";", function bodies included.
    adapter.executeScript = async (script) => {
      for (const sql of splitSqlStatements(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] });
    };
    return adapter;
  }
}

export interface EngineOptions {
  connectionString: string;
  /** Prisma schema files as [path, content] pairs. */
  datamodels: [string, string][];
  /** Receives the engine's JSON log lines; silent by default. */
  onLog?: (line: string) => void;
}

export interface EngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export async function openSchemaEngine(options: EngineOptions): Promise<EngineHandle> {
  initWasm();
  const factory = new TrackedPgFactory(options.connectionString);
  const onLog = options.onLog ?? (() => {});
  try {
    const engine = await glue.SchemaEngine.new(
      { datamodels: options.datamodels },
      onLog,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return {
      engine,
      async close() {
        engine.free();
        await factory.close();
      },
    };
  } catch (error) {
    await factory.close();
    throw error;
  }
}
