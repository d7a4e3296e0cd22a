// A typed client for other TypeScript services: the router's types, superjson,
// and either an API key or a function that returns a fresh JWT.
import type { AppRouter } from "@acme/api";
import { transformer } from "@acme/api/transformer";
import { MAX_BATCH_CALLS } from "@acme/api/wire";
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from "@trpc/client";

export type ApiClientOptions = {
  /** The API server's base URL, e.g. http://localhost:4000 */
  url: string;
  /** Batch concurrent calls into one request (default true). */
  batch?: boolean;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
} & ({ apiKey: string; getToken?: never } | { getToken: () => string | Promise<string>; apiKey?: never });

export function createApiClient(options: ApiClientOptions) {
  const link =
    options.batch === false
      ? httpLink
      : (linkOptions: Parameters<typeof httpBatchLink>[0]) =>
          httpBatchLink({ ...linkOptions, maxItems: MAX_BATCH_CALLS });
  return createTRPCClient<AppRouter>({
    links: [
      link({
        url: `${options.url.replace(/\/$/, "")}/trpc`,
        transformer,
        fetch: options.fetch,
        async headers() {
          const auth = options.apiKey
            ? { "x-api-key": options.apiKey }
            : { authorization: `Bearer ${await options.getToken?.()}` };
          return { ...options.headers, ...auth };
        },
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type { AppRouter, RouterInputs, RouterOutputs } from "@acme/api";
export { TRPCClientError };

/** The request id the server gave a failed call, for error reports. */
export function requestIdOf(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const data = error.data as { requestId?: string | null } | undefined;
    return data?.requestId ?? null;
  }
  return null;
}
