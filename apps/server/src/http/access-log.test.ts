// The request line is written without pino's serializer: it must still be the
// JSON line pino would write, escape whatever the path holds, and omit unknowns.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { accessLog, requestLine } from "./access-log";
import { Call } from "./call";

const call = (path: string) => new Call({} as never, {} as never, "req-1", "127.0.0.1", "GET", path, "", undefined);

describe("request line", () => {
  it("is one JSON line in pino's shape, with the path escaped", () => {
    const c = call('/api/v1/"quoted"\n\u2028');
    c.principal = { userId: "u1", organizationId: "o1", role: "owner", method: "jwt", scopes: [] };
    const line = requestLine(c, 200, 30, 1_700_000_000_000);
    expect(line.endsWith("}\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      level: 30,
      time: 1_700_000_000_000,
      requestId: "req-1",
      method: "GET",
      path: '/api/v1/"quoted"\n\u2028',
      status: 200,
      durationMs: expect.any(Number),
      principal: "u1",
      auth: "jwt",
      msg: "request",
    });
  });

  it("names the key for API-key calls and the failure for refused ones, and leaves out the rest", () => {
    const keyed = call("/api/v1/me");
    keyed.principal = { userId: "u1", organizationId: "o1", role: null, method: "apiKey", scopes: [], keyId: "k1" };
    expect(JSON.parse(requestLine(keyed, 200, 30, 1))).toMatchObject({ principal: "k1", auth: "apiKey" });
    const refused = call("/api/v1/me");
    refused.authFailure = "jwt_expired";
    const line = JSON.parse(requestLine(refused, 401, 30, 1));
    expect(line.authFailure).toBe("jwt_expired");
    expect(line).not.toHaveProperty("principal");
  });

  it("goes to the logger's destination in one write per flush, at error for 5xx, honouring the level", async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const log = accessLog(createLogger({ level: "error", format: "json", production: true, destination }));
    log.line(call("/ok"), 200);
    log.line(call("/broken"), 503);
    log.line(call("/gone"), 500);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([]);
    log.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, path: "/broken", status: 503 }),
      expect.objectContaining({ level: 50, path: "/gone", status: 500 }),
    ]);
  });
});
