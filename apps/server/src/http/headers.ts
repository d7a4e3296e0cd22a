// The headers every answer carries: security headers, CORS for allowed origins
// (explicit origins with credentials, never `*`), as ready-made name/value lists.
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
export const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/** Security headers, then Vary: Origin (answers differ by origin). */
export function baseHeaders(production: boolean): string[] {
  return [
    "X-Content-Type-Options",
    "nosniff",
    "X-Frame-Options",
    "DENY",
    "Referrer-Policy",
    "no-referrer",
    "Cross-Origin-Resource-Policy",
    "same-site",
    "Content-Security-Policy",
    API_CSP,
    // Answers carry a caller's data: no shared or browser cache keeps them (the docs' assets opt back in).
    "Cache-Control",
    "no-store",
    ...(production ? ["Strict-Transport-Security", "max-age=63072000; includeSubDomains"] : []),
    "Vary",
    "Origin",
  ];
}

const ALLOWED_HEADERS = "authorization, content-type, x-api-key, x-request-id, trpc-accept";
const EXPOSED_HEADERS = "x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after";

export const CORS_CREDENTIALS = [
  "Access-Control-Allow-Credentials",
  "true",
  "Access-Control-Expose-Headers",
  EXPOSED_HEADERS,
];

/** The extra headers of a preflight answer (204). */
export const PREFLIGHT = [
  "Access-Control-Allow-Methods",
  "GET, POST, PATCH, PUT, DELETE, OPTIONS",
  "Access-Control-Allow-Headers",
  ALLOWED_HEADERS,
  "Access-Control-Max-Age",
  "600",
];
