// Build-time facts, safe for client and server code (Next inlines these).
export const IS_PRODUCTION = process.env.NODE_ENV === "production";
