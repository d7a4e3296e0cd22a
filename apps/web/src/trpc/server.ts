// The API as a server-rendered page calls it: the same typed router client and wire
// format as the browser's hooks, through the API server's one request pipeline (its
// limits, checks and logs), acting as the signed-in user with a JWT minted for this
// request's session. For read-only views whose data belongs in the first HTML.
import "server-only";
import type { AppRouter } from "@acme/api";
import { transformer } from "@acme/api/transformer";
import { MAX_BATCH_CALLS } from "@acme/api/wire";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { headers } from "next/headers";
import { getAppSession } from "~/auth/app-session";
import { getAuth } from "~/auth/server";
import { webEnv } from "~/env";

export async function serverApi() {
  // The session and its active organization settled first (the layout may be repairing it).
  await getAppSession();
  const { token } = await getAuth().api.getToken({ headers: await headers() });
  const env = webEnv();
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${env.API_INTERNAL_URL ?? env.API_PUBLIC_URL}/trpc`,
        maxItems: MAX_BATCH_CALLS,
        transformer,
        headers: { authorization: `Bearer ${token}` },
      }),
    ],
  });
}
