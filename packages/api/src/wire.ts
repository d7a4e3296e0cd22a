// What the server's tRPC route and every client agree on, importable without the router.

/** Calls in one batched request at most (the server refuses more; clients split at this size). */
export const MAX_BATCH_CALLS = 25;
