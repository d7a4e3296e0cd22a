// The tRPC context. `createContextInner` needs no HTTP request, so tests call
// procedures directly; the server's adapter fills in headers, IP and a header setter.
import { type AuthOutcome, authenticate, type Credentials } from "./auth/authenticate";
import type { ApiDeps } from "./deps";
import type { Principal } from "./principal";

/** Facts about the request that the HTTP layer logs once it is done. */
export interface RequestRecord {
  requestId: string;
  procedure?: string;
  principal?: Principal;
  authFailure?: string;
}

export interface ContextOptions {
  deps: ApiDeps;
  requestId: string;
  ip: string;
  credentials: Credentials;
  setHeader?: (name: string, value: string) => void;
  record?: RequestRecord;
}

export function createContextInner(options: ContextOptions) {
  let outcome: Promise<AuthOutcome> | undefined;
  return {
    ...options.deps,
    requestId: options.requestId,
    ip: options.ip,
    setHeader: options.setHeader ?? (() => {}),
    record: options.record ?? { requestId: options.requestId },
    /** Verifies the credentials once per request, on first use. */
    resolveAuth(): Promise<AuthOutcome> {
      outcome ??= authenticate(options.credentials, options.deps, {
        failures: options.deps.authFailures,
        ip: options.ip,
      });
      return outcome;
    },
  };
}

export type Context = ReturnType<typeof createContextInner>;
