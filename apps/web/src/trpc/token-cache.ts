// API tokens kept per key (a session and its organization) until shortly before they
// expire, at most `size` of them (the oldest go first). The expiry is read from the
// token we were just given; nothing here verifies a token.
import { SERVER_TOKEN_MARGIN_MS } from "../config";

/** A token's claims, read without verifying it (it is one we were just given). */
export function tokenClaims(token: string): { exp?: unknown; org?: unknown } {
  try {
    return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as object;
  } catch {
    return {};
  }
}

function expiresAt(token: string): number {
  const { exp } = tokenClaims(token);
  return typeof exp === "number" ? exp * 1000 : 0;
}

export class TokenCache {
  private readonly entries = new Map<string, { token: string; usableUntil: number }>();

  constructor(
    private readonly size: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.usableUntil <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.token;
  }

  /** Forgets a token (the API refused it). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Keeps the token (unless it is too close to its expiry to be worth it) and returns it. */
  set(key: string, token: string): string {
    const usableUntil = expiresAt(token) - SERVER_TOKEN_MARGIN_MS;
    this.entries.delete(key);
    if (usableUntil > this.now()) {
      this.entries.set(key, { token, usableUntil });
      if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    }
    return token;
  }
}
