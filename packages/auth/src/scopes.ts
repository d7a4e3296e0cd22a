// Scopes (declared in @acme/validators) as Better Auth keeps them: permissions
// `{ resource: [action, ...] }`.
import { API_KEY_SCOPES } from "@acme/validators";

export const SCOPES = API_KEY_SCOPES;

export type Scope = (typeof SCOPES)[number];

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
