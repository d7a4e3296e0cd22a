import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", format: "json", production: true, destination }) };
}

describe("createLogger", () => {
  it("redacts credentials at the top of a line and inside a logged error", async () => {
    const { lines, logger } = capture();
    const err = Object.assign(new Error("upstream failed"), {
      headers: { authorization: "Bearer secret-1" },
      token: "secret-2",
      response: { apiKey: "secret-3", password: "secret-4" },
    });
    logger.info({ authorization: "Bearer secret-5", cookie: "sid=secret-6", requestId: "r1" }, "line");
    logger.error({ requestId: "r2", err }, "failure");
    await new Promise((resolve) => setImmediate(resolve));

    const text = JSON.stringify(lines);
    for (let i = 1; i <= 6; i++) expect(text).not.toContain(`secret-${i}`);
    expect(lines[0]).toMatchObject({ requestId: "r1", authorization: "[redacted]", cookie: "[redacted]" });
    expect(lines[1]).toMatchObject({ requestId: "r2", err: { message: "upstream failed", token: "[redacted]" } });
  });

  it("leaves the request line's own fields alone", async () => {
    const { lines, logger } = capture();
    logger.info({ requestId: "r3", method: "GET", path: "/api/v1/me", status: 200, principal: "u1" }, "request");
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({
      requestId: "r3",
      method: "GET",
      path: "/api/v1/me",
      status: 200,
      principal: "u1",
    });
  });
});
