// The one permission table: what each organization role may do, as Better Auth
// access-control statements (its organization endpoints check the same roles),
// and which API-key scope grants each permission to a key. The API server checks
// every procedure's `permission` meta against this; the web app hides what a role
// cannot do from the same table.
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";
import type { Scope } from "./scopes";

export const STATEMENTS = {
  ...defaultStatements,
  organization: ["read", "update", "delete", "transfer"],
  member: ["read", "create", "update", "delete"],
  invitation: ["read", "create", "cancel"],
  team: ["read", "create", "update", "delete"],
  // `delete` is one's own; `manage` is everyone's.
  task: ["read", "create", "update", "delete", "manage"],
  file: ["read", "create", "delete", "manage"],
  data: ["create"],
  apiKey: ["read", "create", "update", "delete"],
  // The organization's audit log.
  audit: ["read"],
} as const;

export const ac = createAccessControl(STATEMENTS);

const readOnly = {
  organization: ["read"],
  member: ["read"],
  invitation: ["read"],
  team: ["read"],
  task: ["read"],
  file: ["read"],
} as const;

export const ROLES = {
  owner: ac.newRole({
    ...STATEMENTS,
    organization: ["read", "update", "delete", "transfer"],
  }),
  admin: ac.newRole({
    ...STATEMENTS,
    organization: ["read", "update"],
  }),
  member: ac.newRole({
    ...readOnly,
    task: ["read", "create", "update", "delete"],
    file: ["read", "create", "delete"],
    data: ["create"],
  }),
  viewer: ac.newRole(readOnly),
};

export const ORGANIZATION_ROLES = ["owner", "admin", "member", "viewer"] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

type Statements = typeof STATEMENTS;
export type OrganizationPermission = {
  [R in keyof Statements]: `${R & string}:${Statements[R][number]}`;
}[keyof Statements];

/**
 * Platform permissions: held by platform admins (users.role "admin", checked in the
 * database on every call), never by an organization role; an API key also needs the
 * scope of the same name.
 */
export const PLATFORM_PERMISSIONS = ["admin:read", "admin:write"] as const;
export type PlatformPermission = (typeof PLATFORM_PERMISSIONS)[number];
export type Permission = OrganizationPermission | PlatformPermission;

export function isPlatformPermission(permission: string): permission is PlatformPermission {
  return (PLATFORM_PERMISSIONS as readonly string[]).includes(permission);
}

/** The scope an API key needs for each permission; absent: keys never hold it (sessions only). */
export const SCOPE_FOR_PERMISSION: Partial<Record<Permission, Scope>> = {
  "organization:read": "members:read",
  "member:read": "members:read",
  "invitation:read": "members:read",
  "team:read": "members:read",
  "task:read": "tasks:read",
  "task:create": "tasks:write",
  "task:update": "tasks:write",
  "task:delete": "tasks:write",
  "task:manage": "tasks:write",
  "file:read": "files:read",
  "file:create": "files:write",
  "file:delete": "files:write",
  "file:manage": "files:write",
  "data:create": "data:write",
  "audit:read": "audit:read",
  "admin:read": "admin:read",
  "admin:write": "admin:write",
};

const granted = new Map<string, ReadonlySet<string>>(
  Object.entries(ROLES).map(([role, definition]) => [
    role,
    new Set(
      Object.entries(definition.statements as Record<string, readonly string[]>).flatMap(([resource, actions]) =>
        actions.map((action) => `${resource}:${action}`),
      ),
    ),
  ]),
);

/** Whether an organization role holds a permission (unknown roles hold none; no role holds a platform one). */
export function roleAllows(role: string, permission: Permission): boolean {
  return granted.get(role)?.has(permission) ?? false;
}

/** What the membership lookup answers for a member whose account is banned: never an organization role. */
export const BANNED_MEMBER = "(banned)";

export function isOrganizationRole(value: unknown): value is OrganizationRole {
  return typeof value === "string" && (ORGANIZATION_ROLES as readonly string[]).includes(value);
}
