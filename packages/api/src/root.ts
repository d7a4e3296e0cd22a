import { accountRouter } from "./router/account";
import { activityRouter } from "./router/activity";
import { adminRouter } from "./router/admin";
import { apiKeysRouter } from "./router/api-keys";
import { auditLogRouter } from "./router/audit-log";
import { dataRouter } from "./router/data";
import { filesRouter } from "./router/files";
import { health } from "./router/health";
import { me } from "./router/me";
import { organizationRouter } from "./router/organization";
import { invitationsRouter, membersRouter, teamsRouter } from "./router/organization-lists";
import { tasksRouter } from "./router/tasks";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  health,
  me,
  account: accountRouter,
  activity: activityRouter,
  auditLog: auditLogRouter,
  data: dataRouter,
  tasks: tasksRouter,
  files: filesRouter,
  apiKeys: apiKeysRouter,
  organization: organizationRouter,
  members: membersRouter,
  teams: teamsRouter,
  invitations: invitationsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
