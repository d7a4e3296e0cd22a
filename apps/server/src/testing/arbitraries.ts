// fast-check arbitraries from the OpenAPI document's JSON Schemas: valid values
// for the schema subset zod emits (objects, strings with enum/format/length,
// integers, booleans, arrays, unions, null, const), and junk beside them.
import fc from "fast-check";

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
};

/** Values that satisfy the schema (most of the time: patterns are not generated, only kept short). */
export function valid(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map(valid));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "object"];
  if (types.length > 1) return fc.oneof(...types.map((type) => valid({ ...schema, type })));
  switch (types[0]) {
    case "string":
      if (schema.format === "uuid") return fc.uuid();
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1e6 : schema.exclusiveMinimum + 1);
      return fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? 1e6, 1e9)) });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valid(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: schema.maxItems ?? 4 });
    default: {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, valid(field)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
    }
  }
}

/** Anything a caller might send instead: wrong types, hostile strings, deep JSON. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("\u0000", "' OR 1=1 --", "../../etc/passwd", "%00", "NaN", "-1", "1e309", "", " "),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Sometimes valid, sometimes junk, field by field. */
export function mixed(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.type === "object" || schema.properties) {
    const properties = schema.properties ?? {};
    const model = Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, mixed(field)]));
    return fc.oneof(fc.record(model, { requiredKeys: [] }), junk);
  }
  return fc.oneof({ weight: 3, arbitrary: valid(schema) }, { weight: 1, arbitrary: junk });
}
