// The permission matrix: for every procedure, the organization roles that may call
// it (the others get 403). A procedure missing here fails the suite, like one
// missing from SAMPLE_INPUTS; the matrix test checks every cell against the server.
import type { OrganizationRole } from "@acme/auth/permissions";
import { SAMPLE_INPUTS } from "./procedures";

const ALL: readonly OrganizationRole[] = ["owner", "admin", "member", "viewer"];
const WRITERS: readonly OrganizationRole[] = ["owner", "admin", "member"];
const ADMINS: readonly OrganizationRole[] = ["owner", "admin"];
const NONE: readonly OrganizationRole[] = [];

export const ALLOWED_ROLES: Record<string, readonly OrganizationRole[] | "public"> = {
  health: "public",
  me: ALL,
  "account.export": ALL,
  "account.archives": ALL,
  "account.requestArchive": ALL,
  "account.archiveDownload": ALL,
  "activity.list": ALL,
  "account.delete": ALL,
  "data.submit": WRITERS,
  "tasks.list": ALL,
  "tasks.byId": ALL,
  "tasks.create": WRITERS,
  "tasks.update": WRITERS,
  "tasks.delete": WRITERS,
  "files.createUpload": WRITERS,
  "files.completeUpload": WRITERS,
  "files.list": ALL,
  "files.downloadUrl": ALL,
  "files.delete": WRITERS,
  "apiKeys.list": ADMINS,
  "apiKeys.create": ADMINS,
  "apiKeys.revoke": ADMINS,
  "organization.current": ALL,
  "organization.delete": ["owner"],
  "organization.createLogoUpload": ADMINS,
  "organization.completeLogoUpload": ADMINS,
  "members.list": ALL,
  "teams.list": ALL,
  "invitations.list": ALL,
  "auditLog.list": ADMINS,
  "auditLog.export": ADMINS,
  // Platform admins only (a platform role, not an organization one): see admin.int.test.ts.
  ...Object.fromEntries(
    Object.keys(SAMPLE_INPUTS).flatMap((path) => (path.startsWith("admin.") ? [[path, NONE]] : [])),
  ),
};
