// Every error answer has one shape: { error: { code, message, requestId } }.
import type { ServerResponse } from "node:http";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(payload));
  res.end(payload);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  extra: Record<string, unknown> = {},
): void {
  sendJson(res, status, { error: { code, message, requestId, ...extra } });
}

/** A 429 with the budget's RateLimit-* headers and Retry-After. */
export function sendTooMany(
  res: ServerResponse,
  decision: { limit: number; resetSeconds: number },
  message: string,
  requestId: string,
): void {
  res.setHeader("RateLimit-Limit", String(decision.limit));
  res.setHeader("RateLimit-Remaining", "0");
  res.setHeader("RateLimit-Reset", String(decision.resetSeconds));
  res.setHeader("Retry-After", String(decision.resetSeconds));
  sendError(res, 429, "TOO_MANY_REQUESTS", message, requestId);
}
