// Runs before every page: it sets the page's Content-Security-Policy with a fresh
// nonce (Next reads it from the request to mark its scripts), and without a session
// cookie, app pages redirect to sign-in at once (the (app) layout still checks the
// session itself on the server).
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { IS_PRODUCTION } from "./config";
import { connectSources, frameSources } from "./security/connect-sources";
import { contentSecurityPolicy, newNonce } from "./security/headers";

const PROTECTED = [
  "/dashboard",
  "/tasks",
  "/files",
  "/api-keys",
  "/organization",
  "/accept-invitation",
  "/profile",
  "/developers",
];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PROTECTED.some((path) => pathname === path || pathname.startsWith(`${path}/`)) && !getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  // A development mail's HTML part brings its own, stricter policy (sandboxed, no scripts).
  if (pathname.startsWith("/dev/outbox/")) return NextResponse.next();
  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    connect: connectSources(),
    frames: frameSources(),
    development: !IS_PRODUCTION,
  });
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${pathname}${search}`);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Skip only the auth API (`/api/...`), Next's own files and the icon: `/api-keys` is an app page.
export const config = { matcher: ["/((?!api/|_next/|favicon\\.ico$).*)"] };
