// Server-side session lookup for route protection.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./server";

/** This request's session, looked up once per request however many parts of the page ask. */
export const getSession = cache(async () => getAuth().api.getSession({ headers: await headers() }));

/** The signed-in user's session, or a redirect to sign-in that comes back here. */
export async function requireSession(returnTo: string) {
  const session = await getSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return session;
}
