// auth.purge-expired: what expired longer ago than the grace period: sessions,
// verification tokens (sign-up, reset, email change), invitations and API keys
// (expired, or revoked, that long ago).
import type { Db } from "@acme/db";

export async function purgeExpired(db: Db, before: Date) {
  const [sessions, verifications, invitations, apiKeys] = await db.$transaction([
    db.session.deleteMany({ where: { expiresAt: { lt: before } } }),
    db.verification.deleteMany({ where: { expiresAt: { lt: before } } }),
    db.invitation.deleteMany({ where: { expiresAt: { lt: before } } }),
    db.apikey.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] } }),
  ]);
  return {
    sessions: sessions.count,
    verifications: verifications.count,
    invitations: invitations.count,
    apiKeys: apiKeys.count,
  };
}
