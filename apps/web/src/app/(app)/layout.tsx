// Everything in here needs a session, checked on the server for every request.

import { impersonationEnded } from "@acme/auth";
import { authEnv } from "@acme/auth/env";
import { personalOrganizationId } from "@acme/auth/personal";
import { getDb } from "@acme/db";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getAuth } from "~/auth/server";
import { requireSession } from "~/auth/session";
import { Shell } from "~/components/shell";
import { webEnv } from "~/env";
import { ApiUrlProvider } from "~/trpc/api-url";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const path = (await headers()).get("x-pathname") ?? "/dashboard";
  const session = await requireSession(path);
  // An impersonation past its limit ends here, on the server, whatever the browser kept.
  if (impersonationEnded(session.session, authEnv().AUTH_IMPERSONATION_MINUTES)) {
    await getDb().session.deleteMany({ where: { id: session.session.id } });
    redirect("/sign-in");
  }
  const organizations = await getAuth().api.listOrganizations({ headers: await headers() });
  let activeOrganizationId = (session.session as { activeOrganizationId?: string | null }).activeOrganizationId;
  // Left, removed or deleted: back to the personal organization, so the next API token works.
  if (!organizations.some((org) => org.id === activeOrganizationId)) {
    activeOrganizationId = personalOrganizationId(session.user.id);
    await getDb().session.update({ where: { id: session.session.id }, data: { activeOrganizationId } });
  }
  return (
    <ApiUrlProvider value={webEnv().API_PUBLIC_URL}>
      <Shell
        user={{
          id: session.user.id,
          name: session.user.name,
          email: session.user.email,
          image: session.user.image,
          role: (session.user as { role?: string | null }).role ?? "user",
          impersonatedBy: (session.session as { impersonatedBy?: string | null }).impersonatedBy ?? null,
        }}
        organizations={organizations.map(({ id, name }) => ({ id, name }))}
        activeOrganizationId={activeOrganizationId ?? null}
      >
        {children}
      </Shell>
    </ApiUrlProvider>
  );
}
