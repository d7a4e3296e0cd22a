// Build-time facts, safe for client and server code (Next inlines these).
export const IS_PRODUCTION = process.env.NODE_ENV === "production";

/** True in the Node.js server runtime (not the edge runtime, not the browser). */
export function isNodeRuntime(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}
