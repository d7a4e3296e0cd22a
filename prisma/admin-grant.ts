// `pnpm admin:grant <email>`: makes an existing account a platform admin (the first
// admin, or one more). On DATABASE_URL, or the embedded Postgres when it is unset.
import { GRANT_REFUSALS, grantAdmin } from "@acme/auth";
import { ConfigError } from "@acme/config";
import { runMain } from "@acme/config/cli";
import { createDb } from "@acme/db";
import { withDatabase } from "@acme/db/target";

async function main(): Promise<void> {
  const email = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  if (!email?.includes("@")) throw new ConfigError("usage: pnpm admin:grant <email>");
  await withDatabase(async (url) => {
    const db = createDb({ url, poolSize: 1 });
    try {
      const result = await grantAdmin(db, email);
      if (result !== "granted" && result !== "already-admin")
        throw new ConfigError(`${email}: ${GRANT_REFUSALS[result]}`);
      console.log(`admin:grant: ${email} ${result === "granted" ? "is now a platform admin" : "was already an admin"}`);
    } finally {
      await db.$disconnect();
    }
  });
}

await runMain("admin:grant", main);
