/**
 * Where to go after signing in: a path on this site only. `//host` and `/\host`
 * are protocol-relative URLs that browsers send to another site.
 */
export function safeNextPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value?.startsWith("/")) return fallback;
  // As a browser reads it (tabs and newlines dropped, backslashes as slashes): still on this site?
  const base = "http://this.site";
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
