"use client";
// tRPC React Query hooks, typed by the API's router (a type-only import), calling
// the API server directly with the in-memory JWT.
import type { AppRouter } from "@acme/api";
import { transformer } from "@acme/api/transformer";
import { MAX_BATCH_CALLS } from "@acme/api/wire";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { createContext, type ReactNode, useContext, useState } from "react";
import { isTrpcError } from "~/lib/errors";
import { getApiToken, SignedOutError } from "./token";

export const api = createTRPCReact<AppRouter>();

/** Where the API server is (for downloads, which stream over its REST routes). */
const ApiUrl = createContext("");
export const useApiUrl = () => useContext(ApiUrl);

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

export function TRPCProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [client] = useState(() =>
    api.createClient({
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
  );
  return (
    <ApiUrl.Provider value={apiUrl}>
      <api.Provider client={client} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </api.Provider>
    </ApiUrl.Provider>
  );
}
