// Keeps credentials out of logs: values under sensitive keys are replaced, and
// strings are scrubbed of JWTs, bearer tokens, API keys and cookie values.

const SENSITIVE_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|^key$|signature|credential/i;

const PATTERNS: [RegExp, string][] = [
  [/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, "[jwt]"],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, "$1 [redacted]"],
  [/\b[a-z][a-z0-9]{0,8}_[A-Za-z0-9]{24,}\b/g, "[api-key]"],
  [/((?:token|password|secret|key)=)[^&\s"]+/gi, "$1[redacted]"],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object" || depth > 6) return value;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) ? "[redacted]" : redactValue(item, depth + 1);
  }
  return out;
}
