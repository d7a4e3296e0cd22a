// The text a procedure's result goes out as, written with what its output schema
// says. zod's synchronous output for an object or array schema is a fresh plain object
// or array (each value read once, by zod) holding exactly the schema's keys, in its
// order (an async check sets its field last: the caller writes those generically);
// so where the schema allows no Date and no number, the value is already JSON and
// superjson would add no meta: JSON.stringify writes it as is. Otherwise only the
// branches that can hold a Date or a number are visited (a page of tasks: its 40
// Dates and its count, not its 160 strings), their objects copied with each Date as
// its ISO string. Any schema part not listed below (optional, union, record, any,
// transform, ...) leaves the whole schema to `serializedOutput`, as does any value a
// branch cannot write (-0, a Date met twice, which superjson records as one).
// Tests compare the bytes with superjson's.
import { isoString, isValidDate, withDates } from "./fast-serialize";

/** Where Dates and numbers may be, in the schema's key order; null: no such place below. */
type Plan =
  | { kind: "date" }
  | { kind: "number" }
  | { kind: "nullable"; inner: Plan }
  | { kind: "array"; item: Plan }
  | { kind: "object"; fields: [key: string, plan: Plan][] };

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}

const UNSUPPORTED = Symbol("unsupported");
/**
 * Keys superjson escapes or refuses in a path, index-like keys (JavaScript orders them
 * first) and the empty key (its path would read as the root's).
 */
const AWKWARD_KEY = /^(?:__proto__|constructor|prototype|\d+|)$|[.\\]/;

const isZod = (value: unknown): value is ZodLike => typeof value === "object" && value !== null && "_zod" in value;

const isJsonLiteral = (value: unknown) => value === null || typeof value === "string" || typeof value === "boolean";

/** The schema's plan; null when no Date nor number can appear; UNSUPPORTED when it cannot say. */
function planOf(schema: unknown, open = new Set<unknown>()): Plan | null | typeof UNSUPPORTED {
  // A recursive schema (a getter returning an ancestor) is left to the generic writer.
  if (!isZod(schema) || open.has(schema)) return UNSUPPORTED;
  open.add(schema);
  const plan = planOfDef(schema._zod.def, open);
  open.delete(schema);
  return plan;
}

function planOfDef(def: ZodLike["_zod"]["def"], open: Set<unknown>): Plan | null | typeof UNSUPPORTED {
  switch (def.type) {
    case "string":
    case "boolean":
    case "null":
      return null;
    case "enum":
      return Object.values(def.entries as object).every((v) => typeof v === "string") ? null : UNSUPPORTED;
    case "literal":
      return (def.values as unknown[]).every(isJsonLiteral) ? null : UNSUPPORTED;
    case "number":
      return { kind: "number" };
    case "date":
      return { kind: "date" };
    case "nullable": {
      const inner = planOf(def.innerType, open);
      return inner === null || inner === UNSUPPORTED ? inner : { kind: "nullable", inner };
    }
    case "array": {
      const item = planOf(def.element, open);
      return item === null || item === UNSUPPORTED ? item : { kind: "array", item };
    }
    case "object": {
      // A catchall (z.looseObject, z.object().catchall()) lets keys through that the schema does not name.
      const catchall = def.catchall as ZodLike | undefined;
      if (catchall !== undefined && catchall._zod.def.type !== "never") return UNSUPPORTED;
      const fields: [string, Plan][] = [];
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        // The key goes into a path as it is: it must need no escaping as JSON.
        if (AWKWARD_KEY.test(key) || JSON.stringify(key) !== `"${key}"`) return UNSUPPORTED;
        const plan = planOf(child, open);
        if (plan === UNSUPPORTED) return UNSUPPORTED;
        if (plan !== null) fields.push([key, plan]);
      }
      return fields.length === 0 ? null : { kind: "object", fields };
    }
    default:
      return UNSUPPORTED;
  }
}

const FAIL = Symbol("fail");

/** `value` as JSON.stringify should write it (a copy where a Date became a string); FAIL when it cannot. */
function copy(value: unknown, plan: Plan, path: string, paths: string[], seen: Set<Date>): unknown {
  switch (plan.kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) && !Object.is(value, -0) ? value : FAIL;
    case "date": {
      if (typeof value !== "object" || value === null || !isValidDate(value) || seen.has(value)) return FAIL;
      seen.add(value);
      paths.push(path);
      return isoString(value);
    }
    case "nullable":
      return value === null ? null : copy(value, plan.inner, path, paths, seen);
    case "array": {
      if (!Array.isArray(value)) return FAIL;
      const items = value.slice();
      const prefix = path === "" ? "" : `${path}.`;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const written = copy(item, plan.item, prefix + i, paths, seen);
        if (written === FAIL) return FAIL;
        if (written !== item) items[i] = written;
      }
      return items;
    }
    case "object": {
      if (typeof value !== "object" || value === null) return FAIL;
      const record: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const prefix = path === "" ? "" : `${path}.`;
      for (const [key, fieldPlan] of plan.fields) {
        const field = record[key];
        const written = copy(field, fieldPlan, prefix + key, paths, seen);
        if (written === FAIL) return FAIL;
        if (written !== field) record[key] = written;
      }
      return record;
    }
  }
}

export type OutputWriter = (value: unknown) => string | undefined;

/**
 * The writer for values that passed `schema` (its output, not its input): superjson's
 * text, or undefined when the caller must use `serializedOutput`. Null when the schema
 * has a part this writer does not know.
 */
export function outputWriter(schema: unknown): OutputWriter | null {
  const plan = planOf(schema);
  if (plan === UNSUPPORTED) return null;
  if (plan === null) return (value) => `{"json":${JSON.stringify(value)}}`;
  // A Date at the root has no path: superjson writes its meta differently.
  let root: Plan = plan;
  while (root.kind === "nullable") root = root.inner;
  if (root.kind === "date") return null;
  return (value) => {
    const paths: string[] = [];
    const json = copy(value, plan, "", paths, new Set());
    if (json === FAIL) return undefined;
    return withDates(JSON.stringify(json), paths);
  };
}
