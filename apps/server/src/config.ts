// Everything createServer needs, gathered from the environment in one place.
import { type DbOptions, dbEnv, dbOptionsFromEnv } from "@acme/db";
import { type ObjectStoreConfig, objectStoreConfigFromEnv, storageEnv } from "@acme/storage";
import { type ServerEnv, serverEnv } from "./env";

export interface ServerConfig {
  server: ServerEnv;
  db: DbOptions;
  storage: ObjectStoreConfig;
}

export function configFromEnv(source?: Record<string, string | undefined>): ServerConfig {
  return {
    server: serverEnv(source),
    db: dbOptionsFromEnv(dbEnv(source)),
    storage: objectStoreConfigFromEnv(storageEnv(source)),
  };
}
