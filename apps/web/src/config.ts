// Build-time facts, safe for client and server code (Next inlines these).
export const IS_PRODUCTION = process.env.NODE_ENV === "production";

/** How long a server-rendered page waits for the API before it shows the error state. */
export const SERVER_API_TIMEOUT_MS = 5_000;
/** Sessions whose API token the web server keeps for its server-rendered pages. */
export const SERVER_TOKEN_CACHE_SIZE = 10_000;
/** A kept token is used while it has at least this long left. */
export const SERVER_TOKEN_MARGIN_MS = 60_000;
