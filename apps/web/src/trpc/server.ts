// The API as a server-rendered page calls it: the same typed router client and wire
// format as the browser's hooks, through the API server's one request pipeline (its
// limits, checks and logs), acting as the signed-in user with a JWT minted for the
// request's session. For read-only views whose data belongs in the first HTML.
import "server-only";
import type { AppRouter } from "@acme/api";
import { transformer } from "@acme/api/transformer";
import { MAX_BATCH_CALLS } from "@acme/api/wire";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { headers } from "next/headers";
import { getAppSession } from "~/auth/app-session";
import { getAuth } from "~/auth/server";
import { SERVER_API_TIMEOUT_MS, SERVER_TOKEN_CACHE_SIZE } from "~/config";
import { webEnv } from "~/env";
import { TokenCache, tokenClaims } from "./token-cache";

// One token per session and organization while it has a minute left, as a browser
// keeps its own: the API knows it already (no fresh verification, none of the failed
// sign-in budget it would take from this server's address), and nothing is signed
// per render.
const tokens = new TokenCache(SERVER_TOKEN_CACHE_SIZE);

/** Thrown when the auth server will not mint a token: the session ended as the page rendered. */
export class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

async function mint(requestHeaders: Headers): Promise<string> {
  try {
    return (await getAuth().api.getToken({ headers: requestHeaders })).token;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 401) throw new SessionEndedError("The session has ended");
    throw error;
  }
}

/**
 * A client acting as the signed-in user. `fresh` mints a new token instead of the
 * kept one (the API refused it: a rotated signing key, say).
 */
export async function serverApi({ fresh = false }: { fresh?: boolean } = {}) {
  // The session and its active organization settled first (the layout may be repairing it).
  const { session, activeOrganizationId } = await getAppSession();
  const requestHeaders = await headers();
  const key = `${session.id}:${activeOrganizationId ?? ""}`;
  if (fresh) tokens.delete(key);
  let token = tokens.get(key);
  if (!token) {
    token = await mint(requestHeaders);
    // Kept only if made for the organization it is kept under (a switch in another tab
    // between the two reads of the session would otherwise file it wrongly).
    if (tokenClaims(token).org === activeOrganizationId) tokens.set(key, token);
  }
  const env = webEnv();
  // The browser's address, as this server received it: the API counts it instead of
  // this server's own when its TRUST_PROXY lists this server.
  const forwardedFor = requestHeaders.get("x-forwarded-for");
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${env.API_INTERNAL_URL ?? env.API_PUBLIC_URL}/trpc`,
        maxItems: MAX_BATCH_CALLS,
        transformer,
        headers: { authorization: `Bearer ${token}`, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
        fetch: (url, init) => {
          const timeout = AbortSignal.timeout(SERVER_API_TIMEOUT_MS);
          return fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
        },
      }),
    ],
  });
}
