// Parsing of environment variables with zod. Every package declares its own schema
// and reads `process.env` only through `parseEnv`, so bad configuration fails at
// startup with one line naming the variable.
import { z } from "zod";
import { proxyListField } from "./client-ip";
import { fromRoot } from "./paths";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

type Source = Record<string, string | undefined>;

/** Empty strings count as unset, as they do in most .env files. */
function withoutEmpty(source: Source): Source {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
}

export function parseEnv<S extends z.ZodObject>(schema: S, source: Source = process.env): z.infer<S> {
  const result = schema.safeParse(withoutEmpty(source));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join(".") || "environment";
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
}

/** Zod helpers for the shapes environment variables take. */
export const envField = {
  port: () => z.coerce.number().int().min(1, "must be a port number").max(65535, "must be a port number"),
  positiveInt: () => z.coerce.number().int().positive(),
  boolean: () =>
    z
      .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
      .transform((value) => value === "true" || value === "1" || value === "yes"),
  url: (protocols: string[]) =>
    z.string().refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ""));
        } catch {
          return false;
        }
      },
      { message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}` },
    ),
  nodeEnv: () => z.enum(["development", "test", "production"]).default("development"),
  /** A file or folder path; relative ones are taken from the repository root, whatever the working directory. */
  path: (fallback: string) => z.string().default(fallback).transform(fromRoot),
  /** Trusted reverse proxies: addresses or CIDRs, comma-separated ("false" or unset: none). */
  proxies: proxyListField,
  /** A comma-separated list, trimmed, empty items dropped. */
  csv: () =>
    z.string().transform((value) =>
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
};
