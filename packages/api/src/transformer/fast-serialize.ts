// superjson's output, without superjson's walk, for the values API responses are
// made of: plain objects and arrays of strings, finite numbers, booleans, null and
// Dates. `JSON.stringify` already writes a Date as the ISO string superjson
// writes, so the value itself is the `json` part; only the paths of the Dates are
// collected for `meta`, depth first, in superjson's order. Anything else (Map,
// Set, bigint, undefined, NaN, -0, class instances, a value seen twice, a key
// superjson escapes or refuses, a Date under an index-like key below the root,
// which superjson would list first) returns undefined and the caller falls back
// to superjson. Tests compare both outputs byte for byte.
import type { SuperJSONResult } from "superjson";

type Annotations = Record<string, ["Date"]>;

const DATE: ["Date"] = ["Date"];
/** Keys superjson refuses (prototype pollution) or escapes in its paths. */
const SPECIAL_KEY = /^(?:__proto__|constructor|prototype)$|[.\\]/;
const INDEX_LIKE = /^\d+$/;
/** Verdicts on keys already seen: responses repeat the same few keys, and the regex cost adds up. */
const plainKeys = new Map<string, boolean>();

function isPlainKey(key: string): boolean {
  let plain = plainKeys.get(key);
  if (plain === undefined) {
    plain = !SPECIAL_KEY.test(key);
    if (plainKeys.size < 10_000) plainKeys.set(key, plain);
  }
  return plain;
}

function isValidDate(value: object): value is Date {
  return Object.getPrototypeOf(value) === Date.prototype && !Number.isNaN((value as Date).getTime());
}

/**
 * One child at `key` under `prefix` ("" at the root, "items.0." below): records a
 * Date's path in `out`, walks an object or array; false when superjson must decide.
 */
function visit(value: unknown, key: string, prefix: string, out: Annotations, seen: Set<object>): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      // superjson records a value met twice (referential equality): leave that to it.
      if (seen.has(value)) return false;
      seen.add(value);
      if (!(value instanceof Date)) return walk(value, `${prefix}${key}.`, out, seen);
      if (!isValidDate(value)) return false;
      // superjson lists a level's index-like leaves before its other paths.
      if (prefix !== "" && INDEX_LIKE.test(key)) return false;
      out[prefix + key] = DATE;
      return true;
    }
    default:
      return false; // undefined, bigint, symbol, function
  }
}

function walk(value: object, prefix: string, out: Annotations, seen: Set<object>): boolean {
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return false; // a hole
      if (!visit(value[i], String(i), prefix, out, seen)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || !isPlainKey(key)) return false;
    if (!visit(record[key], key, prefix, out, seen)) return false;
  }
  return true;
}

/** superjson's `serialize` result for plain data, or undefined when only superjson can say it. */
export function fastSerialize(value: unknown): SuperJSONResult | undefined {
  if (value instanceof Date) {
    return isValidDate(value) ? { json: value as never, meta: { values: DATE, v: 1 } } : undefined;
  }
  const out: Annotations = {};
  if (typeof value === "object" && value !== null) {
    const seen = new Set<object>([value]);
    if (!walk(value, "", out, seen)) return undefined;
  } else if (!visit(value, "", "", out, new Set())) return undefined;
  for (const _ in out) return { json: value as never, meta: { values: out, v: 1 } };
  return { json: value as never };
}
