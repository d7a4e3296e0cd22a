// Plain constants with no zod, for UI code that needs the values but not the schemas
// (keeps zod out of pages that only display these).
export const TASK_STATUSES = ["pending", "in_progress", "completed"] as const;
export type TaskStatusValue = (typeof TASK_STATUSES)[number];

/**
 * API-key scopes, in one place: `<resource>:<action>`. Add one here and key
 * creation, verification, procedure meta and the UI all know it.
 */
export const API_KEY_SCOPES = [
  "tasks:read",
  "tasks:write",
  "files:read",
  "files:write",
  "data:write",
  "members:read",
  "audit:read",
  // Platform administration: only a platform admin may grant these (and only while they are one).
  "admin:read",
  "admin:write",
] as const;
export const ADMIN_SCOPES = ["admin:read", "admin:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The admin console's user list orders. */
export const USER_SORTS = ["newest", "oldest", "name", "email"] as const;
export type UserSort = (typeof USER_SORTS)[number];

/**
 * Types a browser shows in place (an image, or a PDF in its viewer): only these can
 * be fetched with `disposition: "inline"`, and only once their bytes matched the type.
 */
export const PREVIEWABLE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"] as const;
