// admin.*: the platform admin console's procedures (tRPC for the console, REST for
// automation with admin:read / admin:write keys). Every one is built on adminRead or
// adminWrite, so the shared check refuses non-admins; admin.int.test.ts proves it for
// every procedure under admin.
import { adminApiKeys, adminSessions } from "./access";
import { adminAudit, adminUsersExport } from "./audit";
import { adminJobs } from "./jobs";
import { adminOrganizations } from "./organizations";
import { adminUserActions } from "./user-actions";
import { adminUsersRead } from "./users";

export const adminRouter = {
  users: { ...adminUsersRead, ...adminUsersExport, ...adminUserActions },
  sessions: adminSessions,
  apiKeys: adminApiKeys,
  organizations: adminOrganizations,
  audit: adminAudit,
  jobs: adminJobs,
};
