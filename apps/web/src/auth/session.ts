// Server-side session lookup for route protection.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "./server";

export async function getSession() {
  return getAuth().api.getSession({ headers: await headers() });
}

/** The signed-in user's session, or a redirect to sign-in that comes back here. */
export async function requireSession(returnTo: string) {
  const session = await getSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return session;
}
