// A lean path for single (unbatched) tRPC calls: the same procedures, context,
// error shape and wire format, without tRPC's Fetch Request/Response round trip
// per call, which costs more than the procedures themselves. Batched calls,
// subscriptions and anything unusual return false and go to tRPC's own adapter.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppRouter } from "@acme/api";
import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { sendJson } from "./respond";
import type { TrpcHandlerOptions } from "./trpc";

type Procedures = Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;

export function createSingleCallHandler(router: AppRouter, options: TrpcHandlerOptions) {
  const procedures = router._def.procedures as unknown as Procedures;
  const config = router._def._config;
  const transformer = config.transformer;

  return async (req: IncomingMessage, res: ServerResponse, path: string, query: string, body: string) => {
    const name = decodeURIComponent(path.slice("/trpc/".length));
    const type = procedures[name]?._def.type;
    const method = req.method;
    const params = new URLSearchParams(query);
    const single = !params.has("batch") && req.headers["trpc-accept"] === undefined;
    const fits = (type === "query" && method === "GET") || (type === "mutation" && method === "POST");
    if (!single || !fits) return false;

    let ctx: ReturnType<TrpcHandlerOptions["createContext"]> | undefined;
    let input: unknown;
    try {
      const raw = method === "GET" ? params.get("input") : body;
      input = raw ? transformer.input.deserialize(JSON.parse(raw)) : undefined;
      ctx = options.createContext({ req, res });
      const data = await callTRPCProcedure({
        router,
        path: name,
        getRawInput: async () => input,
        ctx,
        type,
        signal: undefined,
        batchIndex: 0,
      });
      sendJson(res, 200, { result: { data: transformer.output.serialize(data) } });
    } catch (cause) {
      const error: TRPCError =
        cause instanceof SyntaxError
          ? new TRPCError({ code: "PARSE_ERROR", message: "Input is not valid JSON", cause })
          : getTRPCErrorFromUnknown(cause);
      options.onError({ error, path: name, req });
      const shape = getTRPCErrorShape({ config, error, type, path: name, input, ctx });
      sendJson(res, getHTTPStatusCodeFromError(error), { error: transformer.output.serialize(shape) });
    }
    return true;
  };
}
