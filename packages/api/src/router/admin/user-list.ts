// The platform's users, a page at a time in one of four orders, with the console's
// filters: one keyset list per order (each served by its own index on auth.users).

import { banInForce } from "@acme/auth";
import type { UserSort } from "@acme/validators";
import { z } from "zod";
import { defineList, fromMillis, type ListSpec, millis, PLATFORM_SCOPE } from "../../pagination/keyset";

const USER_COLUMNS = `id, name, email, email_verified AS "emailVerified", role, banned, ban_reason AS "banReason",
  ${millis("ban_expires", "banExpires")}, ${millis("created_at", "createdAt")}`;

/** The filters as SQL; the CSV export applies the same ones. */
export const USER_FILTER_SQL = {
  q: "strpos(lower(email) || ' ' || lower(name), lower($?::text)) > 0",
  role: "role = $?::text",
  // Banned: a ban in force (one past its expiry is lifted at the next sign-in).
  state: "(banned AND coalesce(ban_expires > now(), true)) = ($?::text = 'banned')",
  verified: "email_verified = ($?::text = 'verified')",
  createdFrom: "created_at >= $?::timestamptz",
  createdTo: "created_at < $?::timestamptz",
};

const usersBy = (name: string, order: ListSpec["order"]) =>
  defineList({
    name,
    table: "auth.users",
    tenantColumn: PLATFORM_SCOPE,
    columns: USER_COLUMNS,
    order,
    idType: "text",
    filters: USER_FILTER_SQL,
    scans: Object.keys(USER_FILTER_SQL),
  });

export const USER_LISTS: Record<UserSort, ListSpec> = {
  newest: usersBy("adminUsers", "newest"),
  oldest: usersBy("adminUsers.oldest", "oldest"),
  name: usersBy("adminUsers.name", "name"),
  email: usersBy("adminUsers.email", "email"),
};

export interface UserRow {
  _key: string;
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  role: string;
  banned: boolean;
  banReason: string | null;
  banExpires: string | null;
  createdAt: string;
}

export const userOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  role: z.string(),
  banned: z.boolean().describe("A ban in force (an expired one reads false)"),
  banReason: z.string().nullable(),
  banExpires: z.date().nullable(),
  createdAt: z.date(),
});

/** A user's ban as the console shows it: only one in force (an expired one reads as none). */
export function withBanInForce<User extends { banned: boolean; banReason: string | null; banExpires: Date | null }>(
  user: User,
): User {
  const inForce = banInForce(user);
  return {
    ...user,
    banned: inForce,
    banReason: inForce ? user.banReason : null,
    banExpires: inForce ? user.banExpires : null,
  };
}

export function userFromRow({ _key: _k, banExpires, createdAt, ...row }: UserRow) {
  return withBanInForce({ ...row, banExpires: fromMillis(banExpires), createdAt: new Date(Number(createdAt)) });
}
