// Runs the router's procedures for the HTTP layer without tRPC's caller: tRPC
// copies its call options (and the whole context) at every middleware hop and
// validates with parseAsync, which cost more than a small procedure's own work.
// The semantics are tRPC's (`createProcedureCaller` in @trpc/server): middlewares
// in order with `next({ ctx, input })`, inputs parsed and merged as its input
// middleware does, the output checked, thrown errors turned into results and the
// failed result thrown at the end. A procedure this runner cannot reproduce (a
// middleware after an input or output parser, a parser that is not a zod schema)
// is called through tRPC's own caller. `procedures.test.ts` runs both on the same
// procedures and compares.
import { getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { $ZodAsyncError } from "zod/v4/core";
import type { Meta } from "../init";
import { serializedOutput } from "../transformer";
import { type OutputWriter, outputWriter } from "../transformer/output-writer";

export type ProcedureType = "query" | "mutation" | "subscription";

type Result =
  | { ok: true; data: unknown; ctx?: unknown; marker: string }
  | { ok: false; error: TRPCError; marker: string };

interface MiddlewareOptions {
  ctx: unknown;
  type: ProcedureType;
  path: string;
  input: unknown;
  getRawInput: () => Promise<unknown>;
  meta: Meta | undefined;
  signal: AbortSignal | undefined;
  batchIndex: number;
  next: (options?: { ctx?: object; input?: unknown; getRawInput?: () => Promise<unknown> }) => Promise<Result>;
}

type Middleware = ((options: MiddlewareOptions) => Promise<Result>) & { _type?: string };

interface Schema {
  parse(value: unknown): unknown;
  parseAsync(value: unknown): Promise<unknown>;
  _zod?: unknown;
}

export interface ProcedureDef {
  type: ProcedureType;
  meta?: Meta;
  inputs: unknown[];
  output?: unknown;
  middlewares: Middleware[];
  resolver?: (options: unknown) => unknown;
}

type TrpcCaller = ((options: {
  ctx: unknown;
  path: string;
  type: ProcedureType;
  getRawInput: () => Promise<unknown>;
  signal: AbortSignal | undefined;
  batchIndex: number;
}) => Promise<unknown>) & { _def: ProcedureDef };

export interface Procedure {
  readonly path: string;
  readonly type: ProcedureType;
  readonly meta: Meta | undefined;
  /** Runs the procedure; throws a TRPCError (or what a middleware threw) as tRPC's caller does. */
  call(ctx: unknown, rawInput: unknown, batchIndex?: number): Promise<unknown>;
  /**
   * A result of `call` as the text superjson would write for it (`serializedOutput`),
   * provided no middleware changed the validated result in place.
   */
  write(data: unknown): string;
}

const MARKER = "middlewareMarker";
const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && !Array.isArray(value) && typeof value === "object";

/**
 * zod's synchronous parse (no promise for the common case), or its async one when
 * the schema holds async checks; then the checks met before the async one run
 * twice, so refinements and transforms must not have side effects.
 */
function parseWith(schema: Schema, value: unknown): unknown {
  try {
    return schema.parse(value);
  } catch (error) {
    if (error instanceof $ZodAsyncError) return schema.parseAsync(value);
    throw error;
  }
}

function isZod(parser: unknown): parser is Schema {
  return typeof parser === "object" && parser !== null && "_zod" in parser && "parse" in parser;
}

function compile(path: string, caller: TrpcCaller): Procedure {
  const def = caller._def;
  const { type, meta } = def;
  const chain = def.middlewares.slice(0, -1); // the last one is tRPC's resolveMiddleware
  const firstParser = chain.findIndex((mw) => mw._type === "input" || mw._type === "output");
  const users = firstParser === -1 ? chain : chain.slice(0, firstParser);
  const parsersOnly = chain.slice(users.length).every((mw) => mw._type === "input" || mw._type === "output");
  const inputs = def.inputs;
  const output = def.output;
  const resolver = def.resolver;
  const native =
    !parsersOnly ||
    !resolver ||
    !inputs.every(isZod) ||
    (output !== undefined && !isZod(output)) ||
    type === "subscription";
  if (native) {
    return {
      path,
      type,
      meta,
      call: (ctx, rawInput, batchIndex = 0) =>
        caller({ ctx, path, type, getRawInput: async () => rawInput, signal: undefined, batchIndex }),
      write: serializedOutput,
    };
  }
  const inputSchemas = inputs as Schema[];
  const outputSchema = output as Schema | undefined;
  // The output schema's own writer, for the objects its synchronous parse returned (a
  // middleware may hand back something else as the data: that goes to `serializedOutput`;
  // one that changed the validated result in place is not supported, and none does).
  const writer = outputSchema ? outputWriter(outputSchema) : null;
  const validated = writer ? new WeakSet<object>() : null;

  /** Input parsers, the resolver, the output parser: tRPC's last middlewares, in one step. */
  async function tail(ctx: unknown, input: unknown, rawInput: unknown, batchIndex: number): Promise<unknown> {
    for (const schema of inputSchemas) {
      let parsed: unknown;
      try {
        parsed = parseWith(schema, rawInput);
        if (parsed instanceof Promise) parsed = await parsed;
      } catch (cause) {
        throw new TRPCError({ code: "BAD_REQUEST", cause });
      }
      input = isObject(input) && isObject(parsed) ? { ...input, ...parsed } : parsed;
    }
    const getRawInput = async () => rawInput;
    const data = await (resolver as (options: unknown) => unknown)({
      ctx,
      type,
      path,
      input,
      getRawInput,
      meta,
      signal: undefined,
      batchIndex,
    });
    if (!outputSchema) return data;
    try {
      const parsed = parseWith(outputSchema, data);
      // Only a synchronous parse keeps the schema's key order (an async check's field is set last).
      if (parsed instanceof Promise) return await parsed;
      if (validated !== null && typeof parsed === "object" && parsed !== null) validated.add(parsed);
      return parsed;
    } catch (cause) {
      throw new TRPCError({ message: "Output validation failed", code: "INTERNAL_SERVER_ERROR", cause });
    }
  }

  const failure = (cause: unknown): Result => ({ ok: false, error: getTRPCErrorFromUnknown(cause), marker: MARKER });

  /** Middleware `index` (or the tail after the last), as a result; what it throws becomes a failed result. */
  function step(index: number, ctx: unknown, input: unknown, rawInput: unknown, batchIndex: number): Promise<Result> {
    try {
      if (index === users.length) {
        return tail(ctx, input, rawInput, batchIndex).then(
          (data): Result => ({ ok: true, data, ctx, marker: MARKER }),
          failure,
        );
      }
      const result = (users[index] as Middleware)({
        ctx,
        type,
        path,
        input,
        getRawInput: async () => rawInput,
        meta,
        signal: undefined,
        batchIndex,
        next: (options) => {
          const nextCtx = options?.ctx ? { ...(ctx as object), ...options.ctx } : ctx;
          const nextInput = options && "input" in options ? options.input : input;
          // A middleware may replace the raw input the parsers read (tRPC's `getRawInput`).
          if (options?.getRawInput) {
            return options.getRawInput().then((raw) => step(index + 1, nextCtx, nextInput, raw, batchIndex));
          }
          return step(index + 1, nextCtx, nextInput, rawInput, batchIndex);
        },
      });
      return result instanceof Promise ? result.catch(failure) : Promise.resolve(result);
    } catch (cause) {
      return Promise.resolve(failure(cause));
    }
  }

  const unwrap = (result: Result): unknown => {
    if (!result) {
      throw new TRPCError({
        code: "INTERNAL_SERVER_ERROR",
        message: "No result from middlewares - did you forget to `return next()`?",
      });
    }
    if (!result.ok) throw result.error;
    return result.data;
  };

  return {
    path,
    type,
    meta,
    call: (ctx, rawInput, batchIndex = 0) => step(0, ctx, undefined, rawInput, batchIndex).then(unwrap),
    write: (data) =>
      (validated !== null && typeof data === "object" && data !== null && validated.has(data)
        ? (writer as OutputWriter)(data)
        : undefined) ?? serializedOutput(data),
  };
}

/** Every procedure of a router by its path ("tasks.list"). */
export function compileProcedures(router: { _def: { procedures: object } }): ReadonlyMap<string, Procedure> {
  const map = new Map<string, Procedure>();
  for (const [path, caller] of Object.entries(router._def.procedures as Record<string, TrpcCaller>)) {
    map.set(path, compile(path, caller));
  }
  return map;
}
