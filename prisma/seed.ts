// `pnpm db:seed`: applies migrations, then creates the demo user if it is missing.
import { createAuthFromEnv, DevOutbox, seedDemoUser, seedEnv } from "@acme/auth";
import { runMain } from "@acme/config/cli";
import { createDb } from "@acme/db";
import { deployMigrations } from "@acme/db/migrate";
import { withDatabase } from "@acme/db/target";

async function main(): Promise<void> {
  const env = seedEnv();
  await withDatabase(async (url) => {
    await deployMigrations({ connectionString: url });
    const db = createDb({ url, poolSize: 2 });
    try {
      const quiet = { debug() {}, info() {}, warn: console.warn, error: console.error };
      const auth = createAuthFromEnv({ db, logger: quiet, mailer: new DevOutbox(quiet) });
      const result = await seedDemoUser(auth, { email: env.SEED_DEMO_EMAIL, password: env.SEED_DEMO_PASSWORD });
      if (!result.created) {
        console.log(`seed: ${result.email} already exists; nothing changed`);
      } else if (result.generatedPassword) {
        console.log(`seed: created ${result.email} with password ${result.generatedPassword}`);
        console.log("seed: this password is shown once; set SEED_DEMO_PASSWORD to choose your own");
      } else {
        console.log(`seed: created ${result.email} with the password from SEED_DEMO_PASSWORD`);
      }
    } finally {
      await db.$disconnect();
    }
  });
}

await runMain("seed", main);
