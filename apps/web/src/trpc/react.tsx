"use client";
// tRPC React Query hooks, typed by the API's router (a type-only import), calling
// the API server directly with the in-memory JWT.
import type { AppRouter } from "@acme/api";
import { transformer } from "@acme/api/transformer";
import { MAX_BATCH_CALLS } from "@acme/api/wire";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { type ReactNode, useState } from "react";
import { isTrpcError } from "~/lib/errors";
import { useApiUrl } from "./api-url";
import { getApiToken, SignedOutError } from "./token";

export const api = createTRPCReact<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) => {
          if (error instanceof SignedOutError) return false;
          const status = isTrpcError(error) ? (error.data as { httpStatus?: number })?.httpStatus : 0;
          // Twice, soon: a failed page says so (with Try again) within about two seconds.
          return count < 2 && (!status || status >= 500);
        },
        retryDelay: 500,
      },
    },
  });
}

function makeClients(apiUrl: string) {
  return {
    queryClient: makeQueryClient(),
    trpcClient: api.createClient({
      links: [
        httpBatchLink({
          url: `${apiUrl}/trpc`,
          maxItems: MAX_BATCH_CALLS,
          transformer,
          async headers() {
            return { authorization: `Bearer ${await getApiToken()}` };
          },
        }),
      ],
    }),
  };
}

// One cache per tab, shared by every view and kept across client-side navigations
// (a sign-in, sign-out or organization switch reloads the page, and with it this).
// A server render gets its own: it fetches nothing, but must not share.
let browserClients: ReturnType<typeof makeClients> | undefined;

/** The tRPC and React Query context for a view; the views load it with themselves. */
export function DataProvider({ children }: { children: ReactNode }) {
  const apiUrl = useApiUrl();
  const [{ queryClient, trpcClient }] = useState(() => {
    if (typeof window === "undefined") return makeClients(apiUrl);
    browserClients ??= makeClients(apiUrl);
    return browserClients;
  });
  return (
    <api.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  );
}
