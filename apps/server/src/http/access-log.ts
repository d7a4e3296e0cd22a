// One JSON line per request, written when its answer goes out: who, what, how
// it ended and how long it took. Never a credential, a body or a query string.
// The line is pino's (same level numbers, time, msg, same destination) but
// written directly: its fields are known and none can hold a secret, so pino's
// generic serializer and redaction (~4 us of every request, measured) are skipped.
import pino, { type Logger } from "pino";
import type { Call } from "./call";

const INFO = 30;
const ERROR = 50;

interface LineSink {
  write(line: string): unknown;
}

const text = (value: string | undefined) => (value === undefined ? "" : JSON.stringify(value));

/** The request line as pino writes it: `{"level":30,"time":...,...,"msg":"request"}`. */
export function requestLine(call: Call, status: number, level: number, time: number): string {
  const principal = call.principal;
  let line = `{"level":${level},"time":${time},"requestId":${JSON.stringify(call.requestId)},"method":${JSON.stringify(call.method)},"path":${JSON.stringify(call.path)},"status":${status},"durationMs":${Math.round((performance.now() - call.startedAt) * 100) / 100}`;
  if (principal !== undefined) {
    line += `,"principal":${text(principal.keyId ?? principal.userId)},"auth":${text(principal.method)}`;
  }
  if (call.authFailure !== undefined) line += `,"authFailure":${text(call.authFailure)}`;
  return `${line},"msg":"request"}\n`;
}

export interface AccessLog {
  /** Adds the line of an answered call. */
  line(call: Call, status: number): void;
  /** Writes the lines added since the last flush, in one write. */
  flush(): void;
}

/**
 * Lines are handed to the destination in one write per batch of answers (the
 * responder flushes once per event-loop turn): the destination's buffer then grows
 * by one string per batch, not one per request.
 */
export function accessLog(logger: Logger): AccessLog {
  const sink = (logger as unknown as Record<symbol, LineSink>)[pino.symbols.streamSym] as LineSink;
  let pending = "";
  return {
    line(call, status) {
      const error = status >= 500;
      if (!logger.isLevelEnabled(error ? "error" : "info")) return;
      pending += requestLine(call, status, error ? ERROR : INFO, Date.now());
    },
    flush() {
      if (pending === "") return;
      const lines = pending;
      pending = "";
      sink.write(lines);
    },
  };
}
