// What every signed-in page stands on, settled once per request before any part of
// the page uses it: the session (or a redirect to sign-in), the user's organizations,
// and the active one, repaired when it is gone. The layout and the page render at the
// same time: anything that acts as the user (a JWT for the API) waits for this first.
import "server-only";
import { impersonationEnded } from "@acme/auth";
import { authEnv } from "@acme/auth/env";
import { personalOrganizationId } from "@acme/auth/personal";
import { getDb } from "@acme/db";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./server";
import { requireSession } from "./session";

export const getAppSession = cache(async () => {
  const requestHeaders = await headers();
  const session = await requireSession(requestHeaders.get("x-pathname") ?? "/dashboard");
  // An impersonation past its limit ends here, on the server, whatever the browser kept.
  if (impersonationEnded(session.session, authEnv().AUTH_IMPERSONATION_MINUTES)) {
    await getDb().session.deleteMany({ where: { id: session.session.id } });
    redirect("/sign-in");
  }
  const organizations = await getAuth().api.listOrganizations({ headers: requestHeaders });
  let activeOrganizationId = (session.session as { activeOrganizationId?: string | null }).activeOrganizationId;
  // Left, removed or deleted: back to the personal organization, so the next API token works.
  if (!organizations.some((org) => org.id === activeOrganizationId)) {
    activeOrganizationId = personalOrganizationId(session.user.id);
    await getDb().session.update({ where: { id: session.session.id }, data: { activeOrganizationId } });
  }
  return { ...session, organizations, activeOrganizationId: activeOrganizationId ?? null };
});
