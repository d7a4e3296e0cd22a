import { createHash, randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { CursorCodec, first16Bytes } from "./cursor";

const scope = { list: "tasks", tenantId: "org_a", filters: { status: "pending", teamId: undefined } };
const position = ["1767225600000000", "0190aaaa-0000-7000-8000-000000000001"] as const;

function refusal(run: () => unknown): TRPCError {
  try {
    run();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("CursorCodec", () => {
  const secret = "s".repeat(32);

  it("round-trips a position, across instances sharing the secret", () => {
    const cursor = new CursorCodec(secret).encode(scope, position);
    expect(cursor).toMatch(/^[\w-]+\.[\w-]{22}$/);
    expect(new CursorCodec(secret).decode(scope, cursor)).toEqual(position);
    // Undefined filters are no filters: the same query.
    expect(new CursorCodec(secret).decode({ ...scope, filters: { status: "pending" } }, cursor)).toEqual(position);
  });

  it("refuses another secret, tenant, list or filter, and any edit, as a 400 on `cursor`", () => {
    const codec = new CursorCodec(secret);
    const cursor = codec.encode(scope, position);
    const [body = "", mac = ""] = cursor.split(".");
    const edited = Buffer.from(JSON.stringify(["1", position[1]])).toString("base64url");
    const attempts = [
      () => new CursorCodec("t".repeat(32)).decode(scope, cursor),
      () => codec.decode({ ...scope, tenantId: "org_b" }, cursor),
      () => codec.decode({ ...scope, list: "files" }, cursor),
      () => codec.decode({ ...scope, filters: { status: "completed" } }, cursor),
      () => codec.decode(scope, `${edited}.${mac}`),
      () => codec.decode(scope, `${body}.${mac.slice(1)}`),
      () => codec.decode(scope, body),
      () => codec.decode(scope, `${cursor}.x`),
    ];
    for (const attempt of attempts) {
      const error = refusal(attempt);
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.cause as { issues?: { path: string[] }[] }).issues?.[0]?.path).toEqual(["cursor"]);
    }
  });

  it("keeps the cursors issued before: the same text for the same secret, scope and position", () => {
    // Issued by the first version (three HMAC updates, digest().subarray(0, 16)): a client
    // paging across a deploy keeps its place.
    const codec = new CursorCodec(secret);
    const issued =
      "WyIxNzY3MjI1NjAwMDAwMDAwIiwiMDE5MGFhYWEtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAxIl0.lH4QDUPPcv8UdXUBG_OsUA";
    expect(codec.encode(scope, position)).toBe(issued);
    expect(codec.decode(scope, issued)).toEqual(position);
    const other = { list: "members", tenantId: "org_b", filters: {} };
    expect(codec.encode(other, ["b@example.test", "user_2"])).toBe(
      "WyJiQGV4YW1wbGUudGVzdCIsInVzZXJfMiJd.BR0f3bzsbQPt-hVwabL8Pw",
    );
  });

  it("first16Bytes is the base64url of a digest's first 16 bytes", () => {
    for (let i = 0; i < 2000; i++) {
      const digest = createHash("sha256").update(randomBytes(8)).digest();
      expect(first16Bytes(digest.toString("base64url"))).toBe(digest.subarray(0, 16).toString("base64url"));
    }
    // Too short, or not base64url where the 22nd character should be: refused, never padded.
    expect(() => first16Bytes("abc")).toThrow(/base64url/);
    expect(() => first16Bytes(`${"A".repeat(21)}=${"A".repeat(21)}`)).toThrow(/base64url/);
  });
});
