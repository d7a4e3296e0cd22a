// superjson's output, without superjson's walk, for the values API responses are
// made of: plain objects and arrays of strings, finite numbers, booleans, null and
// Dates. One pass copies the value with each Date as the ISO string superjson
// writes (JSON.stringify is five times faster on strings than on Dates, measured)
// and collects the Dates' paths for `meta`, depth first, in superjson's order.
// Anything else (Map, Set, bigint, undefined, NaN, -0, class instances, a value
// seen twice, a key superjson escapes or refuses, a Date under an index-like key
// below the root, which superjson would list first) returns undefined and the
// caller falls back to superjson. Tests compare both outputs byte for byte.
// `fastSerializeText` writes the JSON text itself: the Dates' paths go straight into
// the text instead of becoming the keys of a `meta.values` object (fresh strings V8
// would intern, one by one, as it added each key).
import type { SuperJSONResult } from "superjson";

/**
 * The Dates' paths, depth first, each as JSON string content (escaped, unquoted).
 * superjson's `values` is an object, so the index-like keys among them (only a Date
 * directly under the root has one, e.g. [{ at }, date] -> "1") come out first when it
 * is stringified: those are kept apart, in `first`.
 */
interface Paths {
  first: string[];
  rest: string[];
}

/** Keys superjson refuses (prototype pollution) or escapes in its paths. */
const SPECIAL_KEY = /^(?:__proto__|constructor|prototype)$|[.\\]/;
const INDEX_LIKE = /^\d+$/;
/**
 * Each key seen, as JSON string content, or null when superjson must handle it:
 * responses repeat the same few keys, and the regex cost adds up.
 */
const escapedKeys = new Map<string, string | null>();

function escapedKey(key: string): string | null {
  let escaped = escapedKeys.get(key);
  if (escaped === undefined) {
    const json = SPECIAL_KEY.test(key) ? null : JSON.stringify(key);
    // The key itself when nothing needed escaping: no second copy kept.
    escaped = json === null ? null : json.length === key.length + 2 ? key : json.slice(1, -1);
    if (escapedKeys.size < 10_000 && key.length <= 256) escapedKeys.set(key, escaped);
  }
  return escaped;
}

/** A canonical array index ("0", "17", not "01"): JavaScript lists such keys of an object first, in numeric order. */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const isArrayIndex = (path: string) => ARRAY_INDEX.test(path) && Number(path) < 4_294_967_295;

export function isValidDate(value: object): value is Date {
  return Object.getPrototypeOf(value) === Date.prototype && !Number.isNaN((value as Date).getTime());
}

const DAY_MS = 86_400_000;
/** The character codes of the last day formatted ("YYYY-MM-DDT"): a page's timestamps mostly share a few days. */
let lastDay = Number.NaN;
let dayCodes: number[] = [];
const DIGIT = 48;

/**
 * `date.toISOString()`, five times faster (measured): the day's "YYYY-MM-DDT" from
 * toISOString, cached, and the time of day by arithmetic, written as one string at
 * once (a template of its parts left seven intermediate strings per Date for the
 * young generation: ~270 bytes). Tests compare both.
 */
export function isoString(date: Date): string {
  const ms = date.getTime();
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay) {
    const text = new Date(day * DAY_MS).toISOString();
    lastDay = day;
    dayCodes = Array.from(text.slice(0, text.indexOf("T") + 1), (char) => char.charCodeAt(0));
  }
  const c = dayCodes;
  if (c.length !== 11) return date.toISOString(); // a year past 9999 or before 0
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  const h1 = Math.floor(h / 10);
  const m1 = Math.floor(m / 10);
  const s1 = Math.floor(s / 10);
  const ms1 = Math.floor(milli / 100);
  const ms2 = Math.floor(milli / 10) - ms1 * 10;
  // biome-ignore format: one line per part of "HH:MM:SS.mmmZ"
  return String.fromCharCode(
    c[0] as number, c[1] as number, c[2] as number, c[3] as number, c[4] as number, c[5] as number,
    c[6] as number, c[7] as number, c[8] as number, c[9] as number, c[10] as number,
    DIGIT + h1, DIGIT + h - h1 * 10, 58,
    DIGIT + m1, DIGIT + m - m1 * 10, 58,
    DIGIT + s1, DIGIT + s - s1 * 10, 46,
    DIGIT + ms1, DIGIT + ms2, DIGIT + (milli % 10), 90,
  );
}

const FALLBACK = Symbol("fallback");
type Copy = unknown;

/**
 * One child at `key` under `prefix` ("" at the root, "items.0." below; both escaped):
 * the value JSON.stringify writes for it (itself, or a copy with its Dates as ISO
 * strings), a Date's path added to `paths`; FALLBACK when superjson must decide.
 */
function visit(value: unknown, key: string, prefix: string, paths: Paths, seen: Set<object>): Copy {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? value : FALLBACK;
    case "object": {
      if (value === null) return value;
      // superjson records a value met twice (referential equality): leave that to it.
      if (seen.has(value)) return FALLBACK;
      seen.add(value);
      if (!(value instanceof Date)) return walk(value, `${prefix}${key}.`, paths, seen);
      if (!isValidDate(value)) return FALLBACK;
      // superjson lists a level's index-like leaves before its other paths.
      if (prefix !== "" && INDEX_LIKE.test(key)) return FALLBACK;
      if (prefix !== "") paths.rest.push(prefix + key);
      else (isArrayIndex(key) ? paths.first : paths.rest).push(key);
      return isoString(value);
    }
    default:
      return FALLBACK; // undefined, bigint, symbol, function
  }
}

/**
 * A shallow copy (one spread or slice: V8 clones the object's layout at once, where
 * adding the keys one by one cost a keyed store each) with each Date below replaced by
 * its ISO string. Each value is read once, by the copy (a getter runs once, as in
 * superjson); JSON.stringify then reads the copy's plain data.
 */
function walk(value: object, prefix: string, paths: Paths, seen: Set<object>): Copy {
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return FALLBACK;
    const copy: Copy[] = value.slice();
    for (let i = 0; i < copy.length; i++) {
      if (!(i in copy)) return FALLBACK; // a hole
      const child = copy[i];
      const item = visit(child, String(i), prefix, paths, seen);
      if (item === FALLBACK) return FALLBACK;
      if (item !== child) copy[i] = item;
    }
    return copy;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return FALLBACK;
  const record = value as Record<string, unknown>;
  const copy: Record<string, Copy> = { ...record };
  for (const key in record) {
    const escaped = Object.hasOwn(record, key) ? escapedKey(key) : null;
    if (escaped === null) return FALLBACK;
    const child = copy[key];
    const item = visit(child, escaped, prefix, paths, seen);
    if (item === FALLBACK) return FALLBACK;
    if (item !== child) copy[key] = item;
  }
  return copy;
}

/** The JSON copy and the Dates' paths, or undefined when only superjson can say it (a Date at the root: paths null). */
function copyOf(value: unknown): { json: Copy; paths: Paths | null } | undefined {
  if (value instanceof Date) return isValidDate(value) ? { json: value.toISOString(), paths: null } : undefined;
  const paths: Paths = { first: [], rest: [] };
  const json =
    typeof value === "object" && value !== null
      ? walk(value, "", paths, new Set<object>([value]))
      : visit(value, "", "", paths, new Set());
  return json === FALLBACK ? undefined : { json, paths };
}

/** superjson's `serialize` result for plain data, or undefined when only superjson can say it. */
export function fastSerializeText(value: unknown): string | undefined {
  const copy = copyOf(value);
  if (copy === undefined) return undefined;
  const json = JSON.stringify(copy.json);
  const { paths } = copy;
  if (paths === null) return `{"json":${json},"meta":{"values":["Date"],"v":1}}`;
  return withDates(json, paths.first.length === 0 ? paths.rest : paths.first.concat(paths.rest));
}

/**
 * superjson's text for a JSON text whose only annotations are Dates, at `paths` (in
 * superjson's order, each escaped as JSON string content; none at the root).
 */
export function withDates(json: string, paths: readonly string[]): string {
  if (paths.length === 0) return `{"json":${json}}`;
  return `{"json":${json},"meta":{"values":{"${paths.join('":["Date"],"')}":["Date"]},"v":1}}`;
}

/**
 * The same result as an object, for `transformer.output.serialize` (the server writes the
 * text; nothing on a request's path needs the object): parsed from the one writer above.
 */
export function fastSerialize(value: unknown): SuperJSONResult | undefined {
  const text = fastSerializeText(value);
  return text === undefined ? undefined : (JSON.parse(text) as SuperJSONResult);
}
