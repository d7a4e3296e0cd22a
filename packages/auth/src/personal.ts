// The personal organization's id scheme, in one place and free of dependencies, so
// the API, the web app's server and its browser code all derive it the same way.

/** The personal organization's id is derived from the user's: one per user, found without a query. */
export function personalOrganizationId(userId: string): string {
  return `personal_${userId}`;
}

/**
 * Whether an organization is someone's personal one: decided by its id, which only
 * this module gives out (Better Auth generates random ids for the others), never by
 * metadata a client could write.
 */
export function isPersonal(organization: { id: string }): boolean {
  return organization.id.startsWith("personal_");
}
