// API-key scopes, in one place. A scope is `<resource>:<action>`; Better Auth keeps
// them as permissions `{ resource: [action, ...] }`. Add a scope here and every
// part (key creation, verification, procedure meta, the UI) knows it.
import { z } from "zod";

export const SCOPES = ["tasks:read", "tasks:write", "files:read", "files:write", "data:write"] as const;

export type Scope = (typeof SCOPES)[number];

export const scopeSchema = z.enum(SCOPES);

export type Permissions = Record<string, string[]>;

export function scopesToPermissions(scopes: readonly Scope[]): Permissions {
  const permissions: Permissions = {};
  for (const scope of new Set(scopes)) {
    const [resource, action] = scope.split(":") as [string, string];
    permissions[resource] = [...(permissions[resource] ?? []), action];
  }
  return permissions;
}

/** Known scopes only: a permission this build does not know grants nothing. */
export function permissionsToScopes(permissions: Permissions | null | undefined): Scope[] {
  if (!permissions) return [];
  const known = new Set<string>(SCOPES);
  const scopes: Scope[] = [];
  for (const [resource, actions] of Object.entries(permissions)) {
    for (const action of actions) {
      const scope = `${resource}:${action}`;
      if (known.has(scope)) scopes.push(scope as Scope);
    }
  }
  return scopes.sort();
}
