// Starts what development needs: the embedded Postgres and S3 server when no real
// ones are configured, applies migrations, and says which backend each service uses.

import { startEmbeddedPostgres } from "@acme/db/embedded";
import { dbEnv } from "@acme/db/env";
import { probeDatabase } from "@acme/db/health";
import { deployMigrations } from "@acme/db/migrate";
import { oldEmbeddedDataNotice, shownPath } from "@acme/db/target";
import { ObjectStore, objectStoreConfigFromEnv, storageEnv } from "@acme/storage";
import { startEmbeddedS3 } from "@acme/storage/embedded";
import { devEnv } from "./dev-env";

export interface DevServices {
  /** Variables the apps started by `pnpm dev` receive. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export async function startDevServices(): Promise<DevServices> {
  const stops: (() => Promise<void>)[] = [];
  const env: Record<string, string> = {};
  const db = dbEnv();
  const storage = storageEnv();

  try {
    if (db.DATABASE_URL) {
      await probeDatabase(db.DATABASE_URL);
      env.DATABASE_URL = db.DATABASE_URL;
      console.log(`db:      Postgres at ${redacted(db.DATABASE_URL)}`);
    } else {
      const notice = oldEmbeddedDataNotice(db);
      if (notice) console.log(notice);
      const pg = await startEmbeddedPostgres({
        dataDir: db.EMBEDDED_DB_DIR,
        port: db.EMBEDDED_DB_PORT,
        onNotice: (line) => console.log(`db:      ${line}`),
      });
      stops.push(pg.stop);
      env.DATABASE_URL = pg.url;
      console.log(
        `db:      embedded PostgreSQL ${pg.version} on 127.0.0.1:${db.EMBEDDED_DB_PORT}, data in ${shownPath(db.EMBEDDED_DB_DIR)}`,
      );
    }
    const applied = await deployMigrations({ connectionString: env.DATABASE_URL });
    console.log(`db:      ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);

    if (storage.S3_ENDPOINT) {
      const store = new ObjectStore(objectStoreConfigFromEnv(storage));
      await store.ensureBucket();
      console.log(`storage: S3 at ${storage.S3_ENDPOINT}, bucket ${storage.S3_BUCKET}`);
    } else {
      const s3 = await startEmbeddedS3({
        directory: storage.EMBEDDED_S3_DIR,
        port: storage.EMBEDDED_S3_PORT,
        browserBuckets: [storage.S3_BUCKET],
      });
      stops.push(s3.stop);
      Object.assign(env, { S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey });
      await new ObjectStore({ ...s3, bucket: storage.S3_BUCKET, region: storage.S3_REGION }).ensureBucket();
      console.log(
        `storage: embedded S3 server (s3rver) at ${s3.endpoint}, data in ${shownPath(storage.EMBEDDED_S3_DIR)}`,
      );
    }

    console.log(
      devEnv().REDIS_URL
        ? "redis:   rate limits and caches in Redis (REDIS_URL)"
        : "redis:   REDIS_URL unset, rate limits and caches in memory",
    );
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }

  return {
    env,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
