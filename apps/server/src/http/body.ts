import type { IncomingMessage } from "node:http";
import { TRPCError } from "@trpc/server";

/** The request body as text, refused with PAYLOAD_TOO_LARGE past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "Request body too large" }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
