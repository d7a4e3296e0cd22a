// superjson's output, without superjson's walk, for the values API responses are
// made of: plain objects and arrays of strings, finite numbers, booleans, null and
// Dates. `JSON.stringify` already writes a Date as the ISO string superjson
// writes, so the value itself is the `json` part; only the paths of the Dates are
// collected for `meta`, level by level as superjson does (so even the key order
// matches). Anything else (Map, Set, bigint, undefined, NaN, -0, class instances,
// a value seen twice, a key superjson escapes or refuses) returns undefined and
// the caller falls back to superjson. Tests compare both outputs byte for byte.
import type { SuperJSONResult } from "superjson";

type Annotations = Record<string, ["Date"]>;

const FALLBACK = Symbol("fallback");
const DATE: ["Date"] = ["Date"];
/** Keys superjson refuses (prototype pollution) or escapes in its paths. */
const SPECIAL_KEY = /^(?:__proto__|constructor|prototype)$|[.\\]/;

function isValidDate(value: object): value is Date {
  return Object.getPrototypeOf(value) === Date.prototype && !Number.isNaN((value as Date).getTime());
}

type Child = Annotations | typeof FALLBACK | undefined;

/** One child: a Date is a leaf annotation; anything else is walked. */
function child(value: unknown, seen: Set<object>): ["Date"] | Child {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? undefined : FALLBACK;
    case "object":
      if (value === null) return undefined;
      // superjson records a value met twice (referential equality): leave that to it.
      if (seen.has(value)) return FALLBACK;
      seen.add(value);
      if (value instanceof Date) return isValidDate(value) ? DATE : FALLBACK;
      return walk(value, seen);
    default:
      return FALLBACK; // undefined, bigint, symbol, function
  }
}

/** The Date annotations below `value`, keyed by path, or FALLBACK. */
function walk(value: object, seen: Set<object>): Child {
  let inner: Annotations | undefined;
  const add = (key: string, result: ["Date"] | Annotations) => {
    inner ??= {};
    if (result === DATE) inner[key] = DATE;
    else for (const path in result) inner[`${key}.${path}`] = DATE;
  };
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return FALLBACK;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return FALLBACK; // a hole
      const result = child(value[i], seen);
      if (result === FALLBACK) return FALLBACK;
      if (result) add(String(i), result);
    }
    return inner;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return FALLBACK;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || SPECIAL_KEY.test(key)) return FALLBACK;
    const result = child(record[key], seen);
    if (result === FALLBACK) return FALLBACK;
    if (result) add(key, result);
  }
  return inner;
}

/** superjson's `serialize` result for plain data, or undefined when only superjson can say it. */
export function fastSerialize(value: unknown): SuperJSONResult | undefined {
  const result = child(value, new Set());
  if (result === FALLBACK) return undefined;
  if (result === undefined) return { json: value as never };
  return { json: value as never, meta: { values: result, v: 1 } };
}
