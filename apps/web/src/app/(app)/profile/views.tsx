"use client";
// This area's deferred views: see ../views.tsx.
import { deferredView } from "~/trpc/deferred";

export const ActivityList = deferredView(() => import("./activity/activity-list").then((m) => m.ActivityList));
export const ChangeEmail = deferredView(() => import("./change-email").then((m) => m.ChangeEmail), { api: false });
export const ChangePassword = deferredView(() => import("./change-password").then((m) => m.ChangePassword), {
  api: false,
});
export const DangerZone = deferredView(() => import("./security/danger-zone").then((m) => m.DangerZone));
export const Passkeys = deferredView(() => import("./security/passkeys").then((m) => m.Passkeys), { api: false });
export const ProfileForm = deferredView(() => import("./profile-form").then((m) => m.ProfileForm), { api: false });
export const Sessions = deferredView(() => import("./sessions").then((m) => m.Sessions), { api: false });
export const TwoFactor = deferredView(() => import("./security/two-factor").then((m) => m.TwoFactor), { api: false });
