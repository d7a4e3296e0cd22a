// A typed REST client for callers that prefer plain HTTP to tRPC: openapi-fetch
// over the types openapi-typescript generated from /openapi.json. Errors come back
// typed as the API's envelope: `{ error: { code, message, requestId, fields? } }`.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema";

export type RestPaths = paths;
export type RestError = components["schemas"]["Error400"]["error"];

export interface RestClientOptions {
  /** The API server's base URL, e.g. http://localhost:4000 */
  url: string;
  apiKey?: string;
  token?: string;
  fetch?: typeof fetch;
}

export function createRestClient(options: RestClientOptions) {
  const headers: Record<string, string> = {};
  if (options.apiKey) headers["x-api-key"] = options.apiKey;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return createClient<paths>({ baseUrl: `${options.url.replace(/\/$/, "")}/api/v1`, headers, fetch: options.fetch });
}
