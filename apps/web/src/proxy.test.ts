// The proxy's matcher: app pages whose names start like Next's or the API's own paths
// (`/api-keys`) still get the session redirect; the auth API and Next's files do not.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "./proxy";

const matches = (path: string) => unstable_doesMiddlewareMatch({ config, url: `http://localhost:3000${path}` });

describe("session proxy", () => {
  it("runs on every app page, including ones that start with api", () => {
    for (const path of ["/dashboard", "/api-keys", "/api-keys/new", "/tasks?page=2", "/developers", "/"]) {
      expect(matches(path), path).toBe(true);
    }
  });

  it("skips the auth API, Next's own files and the icon", () => {
    for (const path of ["/api/auth/get-session", "/_next/static/chunk.js", "/favicon.ico"]) {
      expect(matches(path), path).toBe(false);
    }
  });

  it("leaves a mail's HTML view its own sandboxing policy, and gives pages theirs", () => {
    expect(
      proxy(new NextRequest("http://localhost:3000/dev/outbox/3")).headers.get("content-security-policy"),
    ).toBeNull();
    expect(proxy(new NextRequest("http://localhost:3000/dev/outbox")).headers.get("content-security-policy")).toContain(
      "script-src",
    );
  });

  it("sends a signed-out visitor of /api-keys to sign-in with next=/api-keys", () => {
    const response = proxy(new NextRequest("http://localhost:3000/api-keys"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe("/api-keys");
  });

  it("gives every page its own CSP nonce, in the request (for Next) and in the answer", () => {
    const first = proxy(new NextRequest("http://localhost:3000/sign-in"));
    const second = proxy(new NextRequest("http://localhost:3000/sign-in"));
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/connect-src 'self' http:\/\/localhost:4000/);
    // Only the object store's previews may be framed, never the API or anything else.
    expect(csp).toMatch(/frame-src [^;]+/);
    expect(/frame-src ([^;]+)/.exec(csp)?.[1]).not.toContain("localhost:4000");
  });
});
