// Better Auth's in-process calls (`auth.api.*`) run inside its AsyncLocalStorage
// instances (endpoint context, request state, adapter transaction). On Node 20 an
// AsyncLocalStorage in use turns on promise hooks for the whole process, and they
// stay on until every instance is disabled: after the first API key was verified,
// every promise of every request paid for them (a `me` call: ~30 us more CPU,
// measured in bench/). In a process whose only Better Auth use is these calls (the
// API server), the instances are disabled whenever none is in flight; the next
// call's `run()` enables them again. Not for a process that also serves Better
// Auth's HTTP endpoints: disabling would drop their context mid-request. Better
// Auth must leave no work running after a call returns (the API-key plugin's
// background cleanup runs without a transaction store, which its adapter allows).
// Node 24 builds AsyncLocalStorage on async context frames, without promise hooks
// and without the `enabled` flag: there the calls below are harmless no-ops.

const GLOBAL = Symbol.for("better-auth:global");
const STORAGES = ["endpointContextAsyncStorage", "requestStateAsyncStorage", "adapterAsyncStorage"] as const;

interface Storage {
  disable?: () => void;
  enabled?: boolean;
}

function storages(): Storage[] {
  const context = (globalThis as Record<symbol, { context?: Record<string, Storage | undefined> } | undefined>)[GLOBAL]
    ?.context;
  return STORAGES.flatMap((name) => (context?.[name] ? [context[name] as Storage] : []));
}

/** Wraps Better Auth calls so its async contexts are off while none runs. */
export function idleContexts() {
  let inFlight = 0;
  return {
    async run<T>(call: () => Promise<T>): Promise<T> {
      inFlight += 1;
      try {
        return await call();
      } finally {
        inFlight -= 1;
        if (inFlight === 0) for (const storage of storages()) storage.disable?.();
      }
    },
    /** Whether any of Better Auth's async contexts is on (Node 20 reports it). */
    anyEnabled: () => storages().some((storage) => storage.enabled === true),
  };
}
