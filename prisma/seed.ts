// `pnpm db:seed`: applies migrations, then creates the demo user if it is missing.
// `pnpm db:seed --scale`: also fills the database with scale data (1,000 organizations,
// 1,000,000 tasks, one organization with 200,000) for measuring lists at volume.
import {
  createAuthFromEnv,
  DevOutbox,
  GRANT_REFUSALS,
  grantAdmin,
  type SeedResult,
  seedDemoUser,
  seedEnv,
} from "@acme/auth";
import { runMain } from "@acme/config/cli";
import { createDb } from "@acme/db";
import { deployMigrations } from "@acme/db/migrate";
import { generateScaleData } from "@acme/db/scale";
import { withDatabase } from "@acme/db/target";

async function main(): Promise<void> {
  const env = seedEnv();
  await withDatabase(async (url) => {
    await deployMigrations({ connectionString: url });
    const db = createDb({ url, poolSize: 2 });
    try {
      const quiet = { debug() {}, info() {}, warn: console.warn, error: console.error };
      const auth = createAuthFromEnv({ db, logger: quiet, mailer: new DevOutbox(quiet) });
      report(await seedDemoUser(auth, { email: env.SEED_DEMO_EMAIL, password: env.SEED_DEMO_PASSWORD }), "DEMO");
      if (env.SEED_ADMIN_EMAIL) {
        const email = env.SEED_ADMIN_EMAIL;
        report(await seedDemoUser(auth, { email, password: env.SEED_ADMIN_PASSWORD, name: "Admin" }), "ADMIN");
        const granted = await grantAdmin(db, email);
        if (granted === "granted" || granted === "already-admin") {
          console.log(`seed: ${email} ${granted === "granted" ? "is now a platform admin" : "was already an admin"}`);
        } else {
          console.log(`seed: ${email} was not made an admin: ${GRANT_REFUSALS[granted]}`);
        }
      }
    } finally {
      await db.$disconnect();
    }
    if (process.argv.includes("--scale")) {
      const scale = await generateScaleData(url);
      console.log(
        `seed: scale data: ${scale.organizations} organizations, ${scale.tasks} tasks (${scale.largestOrganizationId} ` +
          `holds the largest share), ${scale.teams} teams, ${scale.files} file rows, ${scale.apiKeys} API keys in ${scale.seconds.toFixed(1)} s`,
      );
    }
  });
}

function report(result: SeedResult, variable: "DEMO" | "ADMIN"): void {
  if (!result.created) {
    console.log(`seed: ${result.email} already exists; nothing changed`);
  } else if (result.generatedPassword) {
    console.log(`seed: created ${result.email} with password ${result.generatedPassword}`);
    console.log(`seed: this password is shown once; set SEED_${variable}_PASSWORD to choose your own`);
  } else {
    console.log(`seed: created ${result.email} with the password from SEED_${variable}_PASSWORD`);
  }
}

await runMain("seed", main);
