// The first admin (and any later one, from a shell): `pnpm admin:grant <email>`, or
// SEED_ADMIN_EMAIL at `pnpm db:seed`. Admins then appoint others in the console.
import type { Db } from "@acme/db";
import { recordAudit } from "@acme/db/audit";

export type GrantResult = "granted" | "already-admin" | "no-such-user";

/** Makes an existing account a platform admin; recorded in the audit log as done from the shell. */
export async function grantAdmin(db: Db, email: string): Promise<GrantResult> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, role: true },
  });
  if (!user) return "no-such-user";
  if (user.role === "admin") return "already-admin";
  await db.user.update({ where: { id: user.id }, data: { role: "admin" } });
  await recordAudit(db, {
    action: "user.role_set",
    targetType: "user",
    targetId: user.id,
    metadata: { role: "admin", previous: user.role, via: "command line" },
  });
  return "granted";
}
