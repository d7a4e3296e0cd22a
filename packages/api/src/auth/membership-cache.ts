// Who is a member of which organization, with what role: the API never trusts a
// token's role claim for its lifetime. Answers are cached in process for `ttlMs`
// (so a warm request costs no query), and dropped at once when the auth server
// announces a change (Redis pub/sub, see apps/server/src/revocations.ts).
import { type BoundedCache, boundedCache } from "./bounded-cache";

export interface MembershipCacheOptions {
  /** The member's role, or null when not a member. */
  lookup: (organizationId: string, userId: string) => Promise<string | null>;
  ttlMs: number;
  max?: number;
}

interface Entry {
  role: string | null;
  until: number;
}

const keyOf = (organizationId: string, userId: string) => `${organizationId}\u0000${userId}`;

export class MembershipCache {
  private readonly entries: BoundedCache<string, Entry>;
  private readonly inFlight = new Map<string, Promise<string | null>>();
  /** Bumped by every forget: a lookup that started before one must not write its (maybe stale) answer. */
  private generation = 0;
  /** Lookups that reached the database, for tests and metrics. */
  misses = 0;

  constructor(private readonly options: MembershipCacheOptions) {
    this.entries = boundedCache(options.max ?? 100_000);
  }

  /** The role if cached and fresh (null: not a member); undefined when it must be looked up. */
  peek(organizationId: string, userId: string): string | null | undefined {
    const hit = this.entries.get(keyOf(organizationId, userId));
    return hit && hit.until > Date.now() ? hit.role : undefined;
  }

  async role(organizationId: string, userId: string): Promise<string | null> {
    const key = keyOf(organizationId, userId);
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.role;
    let pending = this.inFlight.get(key);
    const generation = this.generation;
    if (!pending) {
      this.misses += 1;
      pending = this.options.lookup(organizationId, userId).finally(() => {
        if (this.inFlight.get(key) === pending) this.inFlight.delete(key);
      });
      this.inFlight.set(key, pending);
    }
    const role = await pending;
    if (this.generation === generation) this.entries.set(key, { role, until: Date.now() + this.options.ttlMs });
    return role;
  }

  forget(organizationId: string, userId: string): void {
    this.generation += 1;
    this.entries.delete(keyOf(organizationId, userId));
    this.inFlight.delete(keyOf(organizationId, userId));
  }

  forgetOrganization(organizationId: string): void {
    this.generation += 1;
    const prefix = `${organizationId}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
    for (const key of this.inFlight.keys()) if (key.startsWith(prefix)) this.inFlight.delete(key);
  }

  /** Every membership of one user (banned, or deleted). */
  forgetUser(userId: string): void {
    this.generation += 1;
    const suffix = `\u0000${userId}`;
    for (const key of this.entries.keys()) if (key.endsWith(suffix)) this.entries.delete(key);
    for (const key of this.inFlight.keys()) if (key.endsWith(suffix)) this.inFlight.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.inFlight.clear();
  }
}
