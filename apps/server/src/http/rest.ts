// The REST adapter for external API-key callers: trpc-to-openapi serves the
// procedures that declare an `openapi` path under /api/v1; error bodies are
// rewritten into the shared envelope { error: { code, message, requestId } }.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppRouter } from "@acme/api";
import { createOpenApiNodeHttpHandler } from "trpc-to-openapi";
import type { TrpcHandlerOptions } from "./trpc";

interface ErrorBody {
  code?: string;
  message?: string;
  issues?: unknown;
  data?: { requestId?: string | null; zodError?: { fieldErrors?: unknown; formErrors?: unknown } | null };
}

function envelope(raw: string, requestId: string): string {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(raw) as ErrorBody;
  } catch {}
  const zodError = body.data?.zodError;
  return JSON.stringify({
    error: {
      code: body.code ?? "INTERNAL_SERVER_ERROR",
      message: body.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : (body.message ?? "Error"),
      requestId,
      ...(zodError ? { fields: zodError.fieldErrors, formErrors: zodError.formErrors } : {}),
    },
  });
}

export function createRestHandler(options: TrpcHandlerOptions & { router: AppRouter }) {
  // The node-http core keeps the IncomingMessage (the standalone wrapper turns it
  // into a Fetch Request), so the context reads the same request state as tRPC.
  const handler = createOpenApiNodeHttpHandler({
    router: options.router,
    createContext: options.createContext,
    onError: options.onError,
    responseMeta: options.responseMeta,
    maxBodySize: options.maxBodySize,
  });
  return (req: IncomingMessage, res: ServerResponse, requestId: string, path: string) => {
    // trpc-to-openapi only parses exactly `application/json`.
    const type = req.headers["content-type"];
    if (type?.toLowerCase().startsWith("application/json")) req.headers["content-type"] = "application/json";
    req.url = `${path.slice("/api/v1".length) || "/"}${req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : ""}`;
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    res.end = ((chunk?: unknown) => {
      if (res.statusCode >= 400 && chunk !== undefined) {
        const body = envelope(String(chunk), requestId);
        res.setHeader("Content-Length", Buffer.byteLength(body));
        return end(body);
      }
      return end(chunk);
    }) as typeof res.end;
    return handler(req, res);
  };
}
