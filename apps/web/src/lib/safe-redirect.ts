/**
 * Where to go after signing in: a path on this site only. `//host` and `/\host`
 * are protocol-relative URLs that browsers send to another site.
 */
export function safeNextPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
