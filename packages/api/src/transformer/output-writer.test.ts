// The schema-driven writer against superjson, byte for byte: on hand-picked shapes,
// and on a value generated for every output schema of the app router, so a new
// procedure's output is checked without a line added here.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileProcedures } from "../dispatch/procedures";
import { appRouter } from "../root";
import { pageOutput, taskOutput } from "../router/schemas";
import { outputWriter } from "./output-writer";

const superjsonText = (value: unknown) => JSON.stringify(superjson.serialize(value));

/** What the writer writes for `input` once it passed `schema`; superjson's text for the same. */
function written(schema: z.ZodType, input: unknown) {
  const write = outputWriter(schema);
  if (!write) throw new Error("no writer for this schema");
  const parsed = schema.parse(input);
  return { ours: write(parsed), theirs: superjsonText(parsed) };
}

const task = (i: number, at: Date) => ({
  id: `t${i}`,
  title: `Task "${i}" \u2028 ünï`,
  description: i % 2 ? null : "d",
  status: "pending",
  assigneeId: null,
  teamId: null,
  createdById: "u",
  createdAt: at,
  updatedAt: new Date(at.getTime() + i),
});

describe("outputWriter", () => {
  it("writes a page of tasks as superjson does: Dates as ISO strings, their paths in meta", () => {
    const page = { items: [0, 1, 2].map((i) => task(i, new Date(Date.UTC(2026, 0, 1, 0, 0, i)))), nextCursor: null };
    const { ours, theirs } = written(pageOutput(taskOutput), { ...page, total: { count: 3, exact: true } });
    expect(ours).toBe(theirs);
    expect(ours).toContain('"items.2.updatedAt":["Date"]');
  });

  it("writes a value with no Date nor number with JSON.stringify alone, and an empty page with no meta", () => {
    const me = z.object({ id: z.string(), role: z.enum(["owner", "member"]).nullable(), tags: z.array(z.string()) });
    const both = written(me, { tags: ["a"], role: null, id: "x", extra: "stripped" });
    expect(both.ours).toBe(both.theirs);
    const empty = written(pageOutput(taskOutput), { items: [], nextCursor: null, total: null });
    expect(empty.ours).toBe(empty.theirs);
  });

  it("follows the schema's key order, nullable Dates, nested arrays and a root array", () => {
    const schema = z.array(
      z.object({ b: z.date().nullable(), a: z.array(z.array(z.date())), n: z.number(), l: z.literal("x") }),
    );
    const value = [
      { a: [[new Date(1)], []], n: 1.5, b: null, l: "x" },
      { l: "x", n: -3, b: new Date(2), a: [[new Date(3), new Date(4)]] },
    ];
    const { ours, theirs } = written(schema, value);
    expect(ours).toBe(theirs);
    const dates = written(z.array(z.date().nullable()), [new Date(5), null, new Date(6)]);
    expect(dates.ours).toBe(dates.theirs);
  });

  it("hands back what superjson must write: -0, and one Date met twice", () => {
    expect(written(z.object({ n: z.number() }), { n: -0 }).ours).toBeUndefined();
    const at = new Date(7);
    expect(written(z.object({ a: z.date(), b: z.date() }), { a: at, b: at }).ours).toBeUndefined();
    expect(written(z.object({ a: z.date(), b: z.date() }), { a: at, b: new Date(7) }).ours).toBeDefined();
  });

  it("has no writer for schema parts it does not know, nor for awkward keys", () => {
    for (const schema of [
      z.object({ a: z.string().optional() }),
      z.object({ a: z.union([z.string(), z.number()]) }),
      z.looseObject({ a: z.string() }),
      z.object({ "a.b": z.string() }),
      z.object({ 'q"': z.string() }),
      z.object({ "0": z.string() }),
      z.record(z.string(), z.string()),
      z.unknown(),
      z.date(),
      z.string().transform((s) => s.length),
      z.date().nullable().nullable(), // a Date at the root, however wrapped
      z.literal(undefined),
      z.object({ "": z.object({ at: z.date() }) }), // its path would read as the root's
    ]) {
      expect(outputWriter(schema)).toBeNull();
    }
    expect(outputWriter(z.strictObject({ a: z.string() }))).not.toBeNull();
    const Node = z.object({
      name: z.string(),
      get children() {
        return z.array(Node);
      },
    });
    expect(outputWriter(Node)).toBeNull(); // recursive: no writer, and no endless walk
  });

  it("leaves a result parsed asynchronously to the generic writer (its keys are not in the schema's order)", async () => {
    const t = initTRPC.create();
    const router = t.router({
      dates: t.procedure
        .output(z.object({ a: z.date().refine(async () => true), b: z.date() }))
        .query(() => ({ a: new Date(0), b: new Date(1) })),
    });
    const procedure = compileProcedures(router).get("dates");
    if (!procedure) throw new Error("dates");
    const data = await procedure.call({}, undefined);
    expect(Object.keys(data as object)).toEqual(["b", "a"]);
    expect(procedure.write(data)).toBe(superjsonText(data));
  });
});

/** A value `schema` accepts, with the awkward parts JSON and superjson must agree on. */
function sample(schema: z.ZodType, seed: number): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "string":
      return `s${seed} "q" \\ \u2028 ünï`;
    case "boolean":
      return seed % 2 === 0;
    case "null":
      return null;
    case "number":
      return seed * 7; // a positive integer: outputs count things
    case "date":
      return new Date(Date.UTC(2026, 0, 1) + seed * 1001);
    case "enum":
      return Object.values(def.entries as object)[seed % Object.keys(def.entries as object).length];
    case "literal":
      return (def.values as unknown[])[0];
    case "nullable":
      return seed % 4 === 3 ? null : sample(def.innerType as z.ZodType, seed);
    case "array":
      return [0, 1, 2].map((i) => sample(def.element as z.ZodType, seed * 3 + i + 1));
    case "object":
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>).map(([key, child], i) => [key, sample(child, seed + i)]),
      );
    default:
      throw new Error(`no sample for ${def.type}`);
  }
}

describe("every procedure's output writer", () => {
  const withWriters = Object.entries(
    appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>,
  )
    .map(([path, procedure]) => [path, procedure._def.output as z.ZodType | undefined] as const)
    .filter((entry): entry is readonly [string, z.ZodType] => entry[1] !== undefined && !!outputWriter(entry[1]));

  it("covers most of the router's outputs (the rest go to the generic writer)", () => {
    expect(withWriters.length).toBeGreaterThan(20);
  });

  it.each(withWriters)("%s: superjson's bytes for a value its schema accepts", (_path, schema) => {
    for (const seed of [1, 2, 3, 4]) {
      const { ours, theirs } = written(schema, sample(schema, seed));
      expect(ours).toBe(theirs);
    }
  });

  it("writes a result only when it is the output schema's own parse (a middleware's replacement goes to superjson)", async () => {
    const procedures = compileProcedures(appRouter);
    const health = procedures.get("health");
    if (!health) throw new Error("health");
    const replaced = { status: new Date(0) }; // not what any schema returned
    expect(health.write(replaced)).toBe(superjsonText(replaced));
  });
});
