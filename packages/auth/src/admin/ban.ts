// A ban in force: `banned` set and its expiry (if any) still ahead. The API refuses a
// banned user's tokens (no membership counts) and the keys they made, the auth server
// refuses their sign-in; an expired ban is lifted at their next sign-in.
import type { Db } from "@acme/db";
import { BANNED_MEMBER } from "../permissions";

export interface BanFields {
  banned: boolean | null;
  banExpires: Date | null;
}

export function banInForce(user: BanFields | null | undefined, now = new Date()): boolean {
  return Boolean(user?.banned) && (!user?.banExpires || user.banExpires > now);
}

/** Whether the user is banned now (false for an unknown user: other checks refuse them). */
export async function isBanned(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { banned: true, banExpires: true } });
  return banInForce(user);
}

/** The member's role in the organization; null when not a member; BANNED_MEMBER while their account is banned. */
export async function activeMemberRole(db: Db, organizationId: string, userId: string): Promise<string | null> {
  const member = await db.member.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: { role: true, user: { select: { banned: true, banExpires: true } } },
  });
  if (!member) return null;
  return banInForce(member.user) ? BANNED_MEMBER : member.role;
}
