// Everything in here needs a session, checked on the server for every request.

import { headers } from "next/headers";
import type { ReactNode } from "react";
import { requireSession } from "~/auth/session";
import { Shell } from "~/components/shell";
import { webEnv } from "~/env";
import { TRPCProvider } from "~/trpc/react";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const path = (await headers()).get("x-pathname") ?? "/dashboard";
  const session = await requireSession(path);
  return (
    <TRPCProvider apiUrl={webEnv().API_PUBLIC_URL}>
      <Shell user={{ name: session.user.name, email: session.user.email, image: session.user.image }}>{children}</Shell>
    </TRPCProvider>
  );
}
