// pnpm audit:verify: walks every audit chain; exits 1 naming the first bad event of each.
import { closeDb, getDb } from "../client";
import { verifyAuditChains } from "./verify";

const db = getDb();
try {
  const { events, problems } = await verifyAuditChains(db);
  for (const p of problems) {
    console.error(`audit: chain ${p.chain}: event ${p.seq} (${p.id ?? "?"}) is ${p.problem}`);
  }
  console.log(
    `audit: ${events} events checked, ${problems.length === 0 ? "every chain intact" : `${problems.length} chain(s) broken`}`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await closeDb(db);
}
