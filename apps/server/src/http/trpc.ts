// tRPC's HTTP wire format (what httpLink and httpBatchLink speak), served by the
// shared pipeline: single calls and batches (`/trpc/a,b?batch=1`), queries by GET
// with `?input=`, mutations by POST with a JSON body, superjson both ways, results
// as { result: { data } } and errors as { error: shape }, a batch answering 207
// when its calls end differently. Streaming (httpBatchStreamLink) and
// subscriptions are not served: no procedure needs them.
import {
  type AppRouter,
  type Context,
  isDownload,
  type Procedure,
  serializedOutput,
  transformer as sharedTransformer,
} from "@acme/api";
import { MAX_BATCH_CALLS } from "@acme/api/wire";
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Call } from "./call";
import type { Invoker } from "./invoke";
import type { Responder } from "./respond";

type Outcome = { data: unknown; error?: undefined } | { error: TRPCError; data?: undefined };

export function createTrpcRoute(router: AppRouter, invoker: Invoker, responder: Responder) {
  const config = router._def._config;
  const { transformer } = config;
  // Errors are written by `serializedOutput`, the shared transformer's text form; results by their procedure's `write` (the same text).
  if (transformer !== sharedTransformer) throw new Error("the router must use @acme/api's transformer");

  function shape(
    call: Call,
    error: TRPCError,
    procedure: Procedure | undefined,
    path: string | undefined,
    ctx?: Context,
  ) {
    return serializedOutput(
      getTRPCErrorShape({
        config,
        error,
        type: procedure?.type ?? "unknown",
        path,
        input: undefined,
        // The request id reaches every error, including those before a context exists.
        ctx: ctx ?? ({ requestId: call.requestId } as Context),
      }),
    );
  }

  /** An error's status and `{ error: shape }` body, for a call or for the whole request. */
  function failure(
    call: Call,
    error: TRPCError,
    procedure?: Procedure,
    path?: string,
    ctx?: Context,
  ): [number, string] {
    return [getHTTPStatusCodeFromError(error), `{"error":${shape(call, error, procedure, path, ctx)}}`];
  }

  function refuse(call: Call, error: TRPCError): void {
    const [status, payload] = failure(call, error);
    responder.rawJson(call, status, payload);
  }

  /** The raw (superjson) input of each call, deserialized; throws a TRPCError for malformed input. */
  function inputsOf(
    call: Call,
    params: URLSearchParams | null,
    body: string,
    batch: boolean,
    count: number,
  ): unknown[] {
    let raw: unknown;
    try {
      const text = call.method === "GET" ? params?.get("input") : body;
      raw = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      throw new TRPCError({ code: "PARSE_ERROR", message: "Input is not valid JSON", cause });
    }
    const inputs = new Array<unknown>(count);
    try {
      if (raw === undefined) return inputs;
      if (!batch) {
        inputs[0] = transformer.input.deserialize(raw);
        return inputs;
      }
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        throw new TRPCError({ code: "BAD_REQUEST", message: '"input" needs to be an object when doing a batch call' });
      }
      for (let i = 0; i < count; i++) {
        const value = (raw as Record<string, unknown>)[i];
        if (value !== undefined) inputs[i] = transformer.input.deserialize(value);
      }
      return inputs;
    } catch (cause) {
      if (cause instanceof TRPCError) throw cause;
      throw new TRPCError({ code: "BAD_REQUEST", message: "Input could not be deserialized", cause });
    }
  }

  async function outcome(
    call: Call,
    ctx: Context,
    path: string,
    procedure: Procedure | undefined,
    input: unknown,
    index: number,
  ): Promise<Outcome> {
    try {
      if (!procedure) throw new TRPCError({ code: "NOT_FOUND", message: `No procedure found on path "${path}"` });
      const wants = procedure.type === "mutation" ? "POST" : "GET";
      if (call.method !== wants) {
        throw new TRPCError({
          code: "METHOD_NOT_SUPPORTED",
          message: `Unsupported ${call.method}-request to ${procedure.type} procedure at path "${path}"`,
        });
      }
      const data = await invoker.run(call, ctx, procedure, input, index);
      if (isDownload(data)) {
        // Never started, so nothing was read (nor recorded as exported).
        await data.chunks[Symbol.asyncIterator]().return?.(undefined);
        const where = `GET /api/v1${procedure.meta?.openapi?.path ?? ""}`;
        throw new TRPCError({ code: "BAD_REQUEST", message: `This is a download, served over REST: ${where}` });
      }
      return { data };
    } catch (cause) {
      return { error: invoker.failed(call, cause, path) };
    }
  }

  function item(
    call: Call,
    ctx: Context,
    result: Outcome,
    path: string,
    procedure: Procedure | undefined,
  ): [number, string] {
    if (result.error === undefined) {
      // A result exists only for a procedure found: written as its output schema says.
      return [200, `{"result":{"data":${(procedure as Procedure).write(result.data)}}}`];
    }
    return failure(call, result.error, procedure, path, ctx);
  }

  return async function trpcRoute(call: Call, body: string): Promise<void> {
    if (call.method === "HEAD") return responder.empty(call, 204, []);
    const params = call.query === "" ? null : new URLSearchParams(call.query);
    const batch = params?.get("batch") === "1";
    let name: string;
    try {
      name = decodeURIComponent(call.path.slice("/trpc/".length));
    } catch {
      return refuse(call, new TRPCError({ code: "BAD_REQUEST", message: "Malformed procedure path" }));
    }
    const paths = batch ? name.split(",") : [name];
    if (paths.length > MAX_BATCH_CALLS) {
      return refuse(
        call,
        new TRPCError({ code: "BAD_REQUEST", message: `Batch calls are limited to ${MAX_BATCH_CALLS} procedures` }),
      );
    }
    if (call.header("trpc-accept") === "application/jsonl") {
      return refuse(
        call,
        new TRPCError({ code: "BAD_REQUEST", message: "Streaming responses are not served; use httpBatchLink" }),
      );
    }
    if (call.method === "POST" && !call.sendsJson()) {
      return refuse(
        call,
        new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send JSON with Content-Type: application/json" }),
      );
    }
    const procedures = paths.map((path) => invoker.procedures.get(path));
    const types = batch ? new Set(procedures.flatMap((procedure) => (procedure ? [procedure.type] : []))) : null;
    if (types !== null && types.size > 1) {
      return refuse(
        call,
        new TRPCError({ code: "BAD_REQUEST", message: `Cannot mix procedure types in call: ${[...types].join(", ")}` }),
      );
    }
    let inputs: unknown[];
    try {
      inputs = inputsOf(call, params, body, batch, paths.length);
    } catch (error) {
      return refuse(call, error as TRPCError);
    }
    const ctx = invoker.context(call);

    if (!batch) {
      const path = paths[0] as string;
      const [status, payload] = item(
        call,
        ctx,
        await outcome(call, ctx, path, procedures[0], inputs[0], 0),
        path,
        procedures[0],
      );
      return responder.rawJson(call, status, payload);
    }
    const results = await Promise.all(paths.map((path, i) => outcome(call, ctx, path, procedures[i], inputs[i], i)));
    let status = 0;
    const items = results.map((result, i) => {
      const [itemStatus, payload] = item(call, ctx, result, paths[i] as string, procedures[i]);
      status = status === 0 || status === itemStatus ? itemStatus : 207;
      return payload;
    });
    responder.rawJson(call, status, `[${items.join(",")}]`);
  };
}
