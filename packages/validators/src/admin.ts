// Inputs of the admin console (admin.* procedures), shared by the API and the web app.

import { PASSWORD_MAX, PASSWORD_MIN } from "./auth";
import { USER_SORTS } from "./constants";
import { instant, listInput } from "./pagination";
import "./zod-setup";
import { z } from "zod";

export const PLATFORM_ROLE_VALUES = ["user", "admin"] as const;

const userId = z.string().trim().min(1, "Give a user id").max(100);

/** The users list's filters (also the CSV export's). */
export const userFilters = {
  q: z.string().trim().min(1).max(100).optional().describe("Part of the email address or the name"),
  role: z.enum(PLATFORM_ROLE_VALUES).optional(),
  state: z.enum(["active", "banned"]).optional().describe("banned: a ban in force"),
  verified: z.enum(["verified", "unverified"]).optional(),
  createdFrom: instant.optional().describe("Signed up at or after this instant"),
  createdTo: instant.optional().describe("Signed up before this instant"),
};

export const listUsersInput = listInput({ ...userFilters, sort: z.enum(USER_SORTS).default("newest") });
export const exportUsersInput = z.object({ ...userFilters, sort: z.enum(USER_SORTS).default("newest") });
export type ListUsersInput = z.input<typeof listUsersInput>;

export const userIdInput = z.object({ id: userId });

export const banUserInput = z.object({
  id: userId,
  reason: z.string().trim().min(3, "Say why, in a few words").max(500),
  /** Omitted: until an admin lifts it. */
  expiresAt: instant.optional(),
});

export const setRoleInput = z.object({ id: userId, role: z.enum(PLATFORM_ROLE_VALUES) });

export const createUserInput = z.object({
  email: z.email("Not an email address").max(254),
  name: z.string().trim().min(1, "Give a name").max(100),
  /** Omitted: the person sets one through "Forgot password". */
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX).optional(),
  emailVerified: z.boolean().default(false),
  role: z.enum(PLATFORM_ROLE_VALUES).default("user"),
});

export const auditFilters = {
  actorUserId: z.string().trim().min(1).max(100).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+\.[a-z_]+$/, "An action, e.g. user.signed_in")
    .optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  createdFrom: instant.optional(),
  createdTo: instant.optional(),
};
export const listAuditInput = listInput(auditFilters);
export const exportAuditInput = z.object(auditFilters);
const platformAuditFilters = { ...auditFilters, organizationId: z.string().trim().min(1).max(100).optional() };
export const listPlatformAuditInput = listInput(platformAuditFilters);
export const exportPlatformAuditInput = z.object(platformAuditFilters);
