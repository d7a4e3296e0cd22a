// `pnpm db:migrate | db:migrate:create <name> | db:status | db:drift`.
import { runMain } from "@acme/config/cli";
import { withDatabase } from "../target";
import { createMigration, deployMigrations, migrationStatus, schemaDrift } from "./commands";

type Command = "deploy" | "create" | "status" | "drift";

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
