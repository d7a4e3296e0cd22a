// Request bodies, read once with a limit. Past the limit the rest is read and
// dropped (up to DRAIN_BYTES more), so a client still sending its body gets to read
// the 413 instead of a connection reset; a bigger body is cut off at once.
import type { IncomingMessage } from "node:http";

export const DRAIN_BYTES = 8 * 1_048_576;

export type Body = { ok: true; text: string } | { ok: false; reason: "too_large" | "aborted" };

const TOO_LARGE: Body = { ok: false, reason: "too_large" };

export function hasBody(method: string | undefined): boolean {
  return method === "POST" || method === "PUT" || method === "PATCH" || method === "DELETE";
}

export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit + DRAIN_BYTES) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const done = (body: Body) => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit + DRAIN_BYTES) done(TOO_LARGE);
    };
    const onEnd = () => done(size > limit ? TOO_LARGE : { ok: true, text: Buffer.concat(chunks).toString("utf8") });
    const onError = () => done({ ok: false, reason: "aborted" });
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}
