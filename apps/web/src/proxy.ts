// Runs before every page: without a session cookie, app pages redirect to sign-in
// at once (the (app) layout still checks the session itself on the server).
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

const PROTECTED = ["/dashboard", "/tasks", "/files", "/api-keys", "/profile", "/developers"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${pathname}${search}`);
  if (PROTECTED.some((path) => pathname === path || pathname.startsWith(`${path}/`)) && !getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

// Skip only the auth API (`/api/...`), Next's own files and the icon: `/api-keys` is an app page.
export const config = { matcher: ["/((?!api/|_next/|favicon\\.ico$).*)"] };
