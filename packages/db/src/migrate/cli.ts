// `pnpm db:migrate | db:migrate:create <name> | db:status | db:drift`.
// With no DATABASE_URL it uses the embedded Postgres: the running one from
// `pnpm dev` when it answers, otherwise it starts one for the command's duration.
import { runMain } from "@acme/config";
import { startEmbeddedPostgres } from "../embedded/pglite-server";
import { dbEnv } from "../env";
import { probeDatabase } from "../health";
import { createMigration, deployMigrations, migrationStatus, schemaDrift } from "./commands";

type Command = "deploy" | "create" | "status" | "drift";

async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const env = dbEnv();
  if (env.DATABASE_URL) {
    await probeDatabase(env.DATABASE_URL);
    return run(env.DATABASE_URL);
  }
  const devUrl = `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
  const running = await probeDatabase(devUrl, 1_000).then(
    () => true,
    () => false,
  );
  if (running) {
    console.log(`db: using the running embedded Postgres on port ${env.EMBEDDED_DB_PORT}`);
    return run(devUrl);
  }
  console.log(`db: DATABASE_URL unset, starting the embedded Postgres (${env.EMBEDDED_DB_DIR})`);
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT });
  try {
    return await run(embedded.url);
  } finally {
    await embedded.stop();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2) as [Command | undefined, ...string[]];
  switch (command) {
    case "deploy": {
      const applied = await withDatabase((url) => deployMigrations({ connectionString: url }));
      console.log(applied.length ? `db: applied ${applied.join(", ")}` : "db: already up to date");
      return;
    }
    case "status": {
      const status = await withDatabase((url) => migrationStatus({ connectionString: url }));
      console.log(JSON.stringify(status, null, 2));
      if (!status.upToDate) process.exitCode = 1;
      return;
    }
    case "drift": {
      const script = await withDatabase((url) => schemaDrift({ connectionString: url }));
      console.log(script ? `db: schema.prisma differs from the migrations:\n${script}` : "db: no drift");
      if (script) process.exitCode = 1;
      return;
    }
    case "create": {
      const name = args[0];
      if (!name) throw new Error("usage: pnpm db:migrate:create <name>");
      const file = await withDatabase((url) => createMigration({ connectionString: url, name }));
      console.log(file ? `db: wrote ${file}` : "db: schema.prisma matches the migrations; nothing to create");
      return;
    }
    default:
      throw new Error("usage: cli.ts deploy | status | drift | create <name>");
  }
}

await runMain("db", main);
