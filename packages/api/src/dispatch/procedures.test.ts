// The HTTP layer's runner against tRPC's own caller, on the same procedures: the
// same data, the same errors (code, message, cause), the same context and input
// reaching middlewares and resolvers.
import { initTRPC, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileProcedures } from "./procedures";

const t = initTRPC.context<{ user?: string; seen: string[] }>().create();
const chain = t.middleware(async ({ ctx, next, type, path, meta }) => {
  ctx.seen.push(`chain:${type}:${path}:${JSON.stringify(meta ?? null)}`);
  if (path === "refused") throw new TRPCError({ code: "FORBIDDEN", message: "no" });
  const result = await next({ ctx: { user: "ada" } });
  if (!result.ok) throw new TRPCError({ code: result.error.code, message: `wrapped: ${result.error.message}` });
  return result;
});
const base = t.procedure.use(chain);
const router = t.router({
  echo: base
    .meta({ tag: "x" } as never)
    .input(z.object({ a: z.number() }))
    .input(z.object({ b: z.string().default("b") }))
    .output(z.object({ a: z.number(), b: z.string(), user: z.string() }))
    .query(({ ctx, input }) => ({ ...input, user: ctx.user ?? "" })),
  none: base.input(z.void()).query(({ ctx }) => ctx.user),
  badOutput: base.output(z.object({ n: z.number() })).query(() => ({ n: "1" }) as never),
  throws: base.mutation(() => {
    throw new Error("boom");
  }),
  refused: base.query(() => "unreachable"),
  asyncCheck: base.input(z.string().refine(async (s) => s.length > 2)).mutation(({ input }) => input.toUpperCase()),
  lateMiddleware: t.procedure
    .input(z.object({ n: z.number() }))
    .use(async ({ input, next }) => next({ ctx: { user: `late${(input as { n: number }).n}` } }))
    .query(({ ctx, input }) => `${ctx.user}:${input.n}`),
  plain: t.procedure.query(() => "plain"),
  rawSwap: t.procedure
    .use(async ({ next }) => next({ getRawInput: async () => ({ n: 41 }) }))
    .input(z.object({ n: z.number() }))
    .query(({ input }) => input.n + 1),
});

const caller = t.createCallerFactory(router);
const procedures = compileProcedures(router);

async function both(path: string, input: unknown) {
  const ours = { seen: [] as string[] };
  const theirs = { seen: [] as string[] };
  const procedure = procedures.get(path);
  if (!procedure) throw new Error(path);
  const run = (promise: Promise<unknown>) =>
    promise.then(
      (data) => ({ data }),
      (error: TRPCError) => ({ code: error.code, message: error.message, cause: error.cause?.constructor.name }),
    );
  const call = caller(theirs) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const theirCall = call[path];
  if (!theirCall) throw new Error(path);
  const [a, b] = await Promise.all([run(procedure.call(ours, input)), run(theirCall(input))]);
  return { ours: { ...a, seen: ours.seen }, theirs: { ...b, seen: theirs.seen } };
}

describe("compileProcedures", () => {
  const cases: [string, unknown][] = [
    ["echo", { a: 1 }],
    ["echo", { a: 1, b: "z", extra: true }],
    ["echo", { a: "not a number" }],
    ["none", undefined],
    ["none", { unexpected: 1 }],
    ["badOutput", undefined],
    ["throws", undefined],
    ["refused", undefined],
    ["asyncCheck", "abc"],
    ["asyncCheck", "a"],
    ["lateMiddleware", { n: 3 }],
    ["lateMiddleware", { n: "x" }],
    ["plain", undefined],
    ["rawSwap", { n: "ignored" }],
  ];
  for (const [path, input] of cases) {
    it(`${path}(${JSON.stringify(input)}) answers as tRPC's caller does`, async () => {
      const { ours, theirs } = await both(path, input);
      expect(ours).toEqual(theirs);
    });
  }

  it("says what each procedure is", () => {
    expect(procedures.get("throws")?.type).toBe("mutation");
    expect(procedures.get("echo")?.meta).toEqual({ tag: "x" });
    expect([...procedures.keys()].sort()).toEqual(Object.keys(router._def.procedures).sort());
  });
});
