// Everything in here needs a session, checked on the server for every request.

import type { ReactNode } from "react";
import { getAppSession } from "~/auth/app-session";
import { Shell } from "~/components/shell";
import { webEnv } from "~/env";
import { ApiUrlProvider } from "~/trpc/api-url";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { user, session, organizations, activeOrganizationId } = await getAppSession();
  return (
    <ApiUrlProvider value={webEnv().API_PUBLIC_URL}>
      <Shell
        user={{
          id: user.id,
          name: user.name,
          email: user.email,
          image: user.image,
          role: (user as { role?: string | null }).role ?? "user",
          impersonatedBy: (session as { impersonatedBy?: string | null }).impersonatedBy ?? null,
        }}
        organizations={organizations.map(({ id, name }) => ({ id, name }))}
        activeOrganizationId={activeOrganizationId}
      >
        {children}
      </Shell>
    </ApiUrlProvider>
  );
}
