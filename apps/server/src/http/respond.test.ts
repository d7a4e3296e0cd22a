// The response writer against a recording stand-in for node's ServerResponse (the
// timing of a client that leaves between the answer and its write cannot be
// staged reliably on a real socket; the real path runs in every integration test).
import { describe, expect, it } from "vitest";
import type { AccessLog } from "./access-log";
import { Call } from "./call";
import { CLIENT_GONE, Responder } from "./respond";

function recorder() {
  const writes: { status: number; headers: string[]; body: unknown }[] = [];
  const res = {
    destroyed: false,
    writeHead(status: number, headers: string[]) {
      writes.push({ status, headers, body: undefined });
    },
    end(body: unknown) {
      const last = writes.at(-1);
      if (last) last.body = body;
    },
    destroy() {
      res.destroyed = true;
    },
  };
  return { res, writes };
}

function setup() {
  const lines: [string, number][] = [];
  const log: AccessLog = { line: (call, status) => lines.push([call.requestId, status]), flush() {} };
  const errors: unknown[] = [];
  const answered: string[] = [];
  const responder = new Responder(
    true,
    log,
    (_call, error) => errors.push(error),
    (call) => answered.push(call.requestId),
  );
  const call = (id: string, res: object) =>
    new Call({ headers: {} } as never, res as never, id, "127.0.0.1", "GET", "/x", "", undefined);
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  return { lines, errors, answered, responder, call, turn };
}

describe("Responder", () => {
  it("writes one answer per call, together at the end of the turn, and logs each once", async () => {
    const { lines, answered, responder, call, turn } = setup();
    const a = recorder();
    const b = recorder();
    const first = call("a", a.res);
    responder.json(first, 200, { ok: true });
    responder.error(first, 500, "INTERNAL_SERVER_ERROR", "a second answer is dropped");
    responder.json(call("b", b.res), 404, { nope: true });
    expect(a.writes).toEqual([]);
    // The work is over when the answer is handed over (the gate's turn goes back), once per call.
    expect(answered).toEqual(["a", "b"]);
    await turn();
    expect(a.writes.map((write) => [write.status, write.body])).toEqual([[200, '{"ok":true}']]);
    expect(b.writes.map((write) => write.status)).toEqual([404]);
    expect(lines).toEqual([
      ["a", 200],
      ["b", 404],
    ]);
    const headers = a.writes[0]?.headers ?? [];
    expect(headers[headers.indexOf("X-Request-ID") + 1]).toBe("a");
    expect(headers[headers.indexOf("Content-Length") + 1]).toBe("11");
  });

  it("sends a long answer as bytes with their length, text unchanged", async () => {
    const { responder, call, turn } = setup();
    const a = recorder();
    const text = JSON.stringify({ note: "é".repeat(2000) });
    responder.rawJson(call("a", a.res), 200, text);
    await turn();
    const write = a.writes[0];
    expect(Buffer.isBuffer(write?.body)).toBe(true);
    expect(String(write?.body)).toBe(text);
    const headers = write?.headers ?? [];
    expect(headers[headers.indexOf("Content-Length") + 1]).toBe(String(Buffer.byteLength(text)));
  });

  it("logs 499 for a client that left, keeps writing the others when one write throws, and sends no length on 204", async () => {
    const { lines, errors, responder, call, turn } = setup();
    const gone = recorder();
    gone.res.destroyed = true;
    responder.json(call("gone", gone.res), 200, {});
    const leaving = recorder();
    responder.json(call("leaving", leaving.res), 200, {});
    const broken = recorder();
    broken.res.writeHead = () => {
      throw new Error("socket error");
    };
    responder.json(call("broken", broken.res), 200, {});
    const empty = recorder();
    responder.empty(call("empty", empty.res), 204, ["Access-Control-Max-Age", "600"]);
    leaving.res.destroyed = true;
    await turn();
    expect(lines).toEqual([
      ["gone", CLIENT_GONE],
      ["leaving", CLIENT_GONE],
      ["broken", CLIENT_GONE],
      ["empty", 204],
    ]);
    expect(errors).toHaveLength(1);
    expect(broken.res.destroyed).toBe(true);
    expect(empty.writes[0]?.headers).not.toContain("Content-Length");
    expect(empty.writes[0]?.headers).toContain("Access-Control-Max-Age");
  });
});
