// The web app's security headers. Static ones go on every answer (next.config.ts);
// the Content-Security-Policy carries a fresh nonce per page (proxy.ts), which
// Next puts on its own scripts and the layout on the theme script.

/** On every answer, pages, assets and the auth API alike. */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (production) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

export interface CspOptions {
  nonce: string;
  /** Origins the browser calls besides this one: the API server and the object store. */
  connect: readonly string[];
  /** Origins whose pages may be framed: the object store, for PDF previews. */
  frames?: readonly string[];
  /** `next dev` evaluates code for its overlay and fast refresh. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, connect, frames = [], development }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (e.g. progress widths) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    // Organization logos come from the object store through presigned URLs.
    ["img-src 'self' data: blob:", ...connect].join(" "),
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(" "),
    "object-src 'none'",
    ["frame-src", ...(frames.length ? frames : ["'none'"])].join(" "),
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce from Web Crypto, as base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
