// API tokens kept per key (a session and its organization) until shortly before they
// expire, at most `size` of them (the oldest go first). The expiry is read from the
// token we were just given; nothing here verifies a token.
import { SERVER_TOKEN_MARGIN_MS } from "../config";

function expiresAt(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
      exp?: unknown;
    };
    return typeof payload.exp === "number" ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
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
