// The secret Better Auth signs and encrypts with. Production must provide one; in
// development a random one is generated once and kept in a git-ignored file, so
// sessions and the encrypted JWT keys survive restarts and no secret is hard-coded.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AuthEnv } from "./env";

export function resolveAuthSecret(env: AuthEnv): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  const file = env.AUTH_DEV_SECRET_FILE;
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
