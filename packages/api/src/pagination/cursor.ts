// Opaque, tamper-checked cursors for keyset pagination. A cursor carries the last
// item's sort key and id, signed (HMAC-SHA256, 128 bits kept) together with its
// scope: the list, the tenant and the filters it was issued for. A forged cursor,
// one of another organization or of another query is refused with a 400 on the
// `cursor` field, before any SQL runs.
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";

/** The position after which the next page starts: [sort key, id]. */
export type CursorKey = readonly [key: string, id: string];

export interface CursorScope {
  list: string;
  tenantId: string;
  /** The query's filters; a cursor only continues the query it came from. */
  filters: Record<string, unknown>;
}

function scopeText({ list, tenantId, filters }: CursorScope): string {
  const defined = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([list, tenantId, defined]);
}

export function invalidCursor(): TRPCError {
  const message = "Not a cursor of this list: start again from the first page";
  return new TRPCError({
    code: "BAD_REQUEST",
    message,
    cause: new ZodRealError([{ code: "custom", path: ["cursor"], message, input: undefined }]),
  });
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** By character code: a base64url character with its 4 low bits cleared (a table, not a search: no timing by value). */
const HIGH_TWO_BITS: (string | undefined)[] = [];
for (let i = 0; i < BASE64URL.length; i++) HIGH_TWO_BITS[BASE64URL.charCodeAt(i)] = BASE64URL[i & 0b110000];

/**
 * The first 16 bytes of a digest, in base64url, from the whole digest's base64url:
 * its first 21 characters carry bits 0-125; the 22nd carries bits 126-127 and then
 * 4 zero bits. Same text as `digest().subarray(0, 16).toString("base64url")`,
 * without the two Buffers (a page's signature is on the hot path).
 */
export function first16Bytes(digest: string): string {
  const last = HIGH_TWO_BITS[digest.charCodeAt(21)];
  if (last === undefined) throw new Error("first16Bytes: not the base64url text of 16 bytes or more");
  return digest.slice(0, 21) + last;
}

export class CursorCodec {
  /** A KeyObject: each HMAC starts from it without preparing the key again. */
  private readonly key: KeyObject;

  /** `secret`: shared by every API instance, so a cursor from one works on all. */
  constructor(secret: string) {
    this.key = createSecretKey(createHmac("sha256", secret).update("acme/cursor/v1").digest());
  }

  encode(scope: CursorScope, position: CursorKey): string {
    const body = Buffer.from(JSON.stringify(position)).toString("base64url");
    return `${body}.${this.sign(scope, body)}`;
  }

  /** The position a cursor points at; throws a 400 for anything not issued for this scope. */
  decode(scope: CursorScope, cursor: string): CursorKey {
    const [body, mac, extra] = cursor.split(".");
    if (!body || !mac || extra !== undefined) throw invalidCursor();
    const expected = Buffer.from(this.sign(scope, body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
    const position: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (!Array.isArray(position) || position.length !== 2) throw invalidCursor();
    const [key, id] = position as unknown[];
    if (typeof key !== "string" || typeof id !== "string") throw invalidCursor();
    return [key, id];
  }

  private sign(scope: CursorScope, body: string): string {
    return first16Bytes(
      createHmac("sha256", this.key)
        .update(`${scopeText(scope)}\n${body}`)
        .digest("base64url"),
    );
  }
}
