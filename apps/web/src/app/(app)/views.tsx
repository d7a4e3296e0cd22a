"use client";
// Signed-in views that read or write through the API or the auth server, each loaded
// with its data layer after the page's first load (see deferredView). A page imports
// its views from its area's views module (this one, admin/, organization/, profile/),
// never from the view's own file, so the view stays out of the first load. (The
// dashboard has none: it renders on the server, data included.)
import { deferredView } from "~/trpc/deferred";

export const AcceptInvitation = deferredView(
  () => import("./accept-invitation/[id]/accept-invitation").then((m) => m.AcceptInvitation),
  { api: false },
);
export const ApiKeysView = deferredView(() => import("./api-keys/api-keys-view").then((m) => m.ApiKeysView));
export const FilesView = deferredView(() => import("./files/files-view").then((m) => m.FilesView));
export const TasksView = deferredView(() => import("./tasks/tasks-view").then((m) => m.TasksView));
