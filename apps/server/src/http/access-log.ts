// One JSON line per request, written when its answer goes out: who, what, how
// it ended and how long it took. Never a credential, a body or a query string.
import type { Logger } from "pino";
import type { Call } from "./call";

export function accessLog(logger: Logger) {
  return (call: Call, status: number): void => {
    const principal = call.principal;
    const line = {
      requestId: call.requestId,
      method: call.method,
      path: call.path,
      status,
      durationMs: Math.round((performance.now() - call.startedAt) * 100) / 100,
      principal: principal === undefined ? undefined : (principal.keyId ?? principal.userId),
      auth: principal?.method,
      authFailure: call.authFailure,
    };
    if (status >= 500) logger.error(line, "request");
    else logger.info(line, "request");
  };
}
