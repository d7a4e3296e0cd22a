// The tRPC adapter: context from the HTTP request, errors reported only when unexpected.
import type { IncomingMessage } from "node:http";
import {
  type ApiDeps,
  type AppRouter,
  createContextInner,
  isUnexpected,
  type RequestRecord,
  readCredentials,
} from "@acme/api";
import type { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";

export interface RequestState extends RequestRecord {
  ip: string;
  startedAt: bigint;
}

/** What the context needs of a response: node's and the REST adapter's both fit. */
interface HeaderSink {
  headersSent: boolean;
  setHeader(name: string, value: string): unknown;
}

export const requestState = new WeakMap<IncomingMessage, RequestState>();

export function createTrpcOptions(deps: ApiDeps) {
  return {
    createContext({ req, res }: { req: IncomingMessage; res: HeaderSink }) {
      const state = requestState.get(req);
      if (!state) throw new Error("request state missing");
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      return createContextInner({
        deps,
        requestId: state.requestId,
        ip: state.ip,
        credentials: readCredentials(header),
        setHeader: (name, value) => {
          if (!res.headersSent) res.setHeader(name, value);
        },
        record: state,
      });
    },
    onError({ error, path, req }: { error: TRPCError; path?: string; req: IncomingMessage }) {
      if (!isUnexpected(error)) return;
      const requestId = requestState.get(req)?.requestId;
      deps.logger.error({ requestId, procedure: path, err: error.cause ?? error }, "unexpected error");
    },
  };
}

export type TrpcHandlerOptions = ReturnType<typeof createTrpcOptions>;

export function createTrpcHandler(router: AppRouter, options: TrpcHandlerOptions) {
  return createHTTPHandler({ router, basePath: "/trpc/", ...options });
}
