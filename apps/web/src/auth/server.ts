// The auth server of this app: one Better Auth instance per process, built from
// the environment (packages/auth validates it) on first use.
import "server-only";
import { type Auth, createAuthFromEnv } from "@acme/auth";

const holder = globalThis as typeof globalThis & { __acmeAuth?: Auth };

export function getAuth(): Auth {
  holder.__acmeAuth ??= createAuthFromEnv();
  return holder.__acmeAuth;
}
