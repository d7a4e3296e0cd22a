// Security headers and CORS: explicit origins with credentials, never `*`.
import type { IncomingMessage, ServerResponse } from "node:http";

const API_CSP = "default-src 'none'; frame-ancestors 'none'";
export const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

export function setSecurityHeaders(res: ServerResponse, production: boolean): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Resource-Policy", "same-site");
  res.setHeader("Content-Security-Policy", API_CSP);
  // Answers carry a caller's data: no shared or browser cache keeps them (the docs' assets opt back in).
  res.setHeader("Cache-Control", "no-store");
  if (production) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}

const ALLOWED_HEADERS = "authorization, content-type, x-api-key, x-request-id, trpc-accept";
const EXPOSED_HEADERS = "x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after";

/** Sets CORS headers for allowed origins; returns true when it answered a preflight. */
export function handleCors(req: IncomingMessage, res: ServerResponse, origins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  res.setHeader("Vary", "Origin");
  if (!origin || !origins.has(origin)) return false;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Allow-Credentials", "true");
  res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  if (req.method !== "OPTIONS") return false;
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
  res.setHeader("Access-Control-Max-Age", "600");
  res.statusCode = 204;
  res.end();
  return true;
}
