// A per-client-IP budget of points per window, in this process's memory: cheap
// enough to run before anything that costs (a credential check, a body, a query).
// Used twice: every request before credentials are looked at (generous), and
// failed authentications (tight). Per instance by design: each instance protects
// its own database connections and CPU. Zero points turns a budget off.
import { RateLimiterMemory } from "rate-limiter-flexible";
import { consumeOne, type RateLimitDecision } from "./limiter";

const ALLOWED: RateLimitDecision = { allowed: true, limit: 0, remaining: 0, resetSeconds: 0 };

export class IpBudget {
  private readonly limiter: RateLimiterMemory | null;

  constructor(
    readonly points: number,
    windowSeconds: number,
  ) {
    this.limiter = points > 0 ? new RateLimiterMemory({ points, duration: windowSeconds }) : null;
  }

  get enabled(): boolean {
    return this.limiter !== null;
  }

  /** Takes one point; `allowed: false` when the IP has none left (a refused attempt spends nothing). */
  async take(ip: string): Promise<RateLimitDecision> {
    if (!this.limiter) return ALLOWED;
    const decision = await consumeOne(this.limiter, ip, this.points);
    if (!decision.allowed) await this.limiter.reward(ip, 1);
    return decision;
  }

  /** Gives back a point taken before a check that turned out fine. */
  async refund(ip: string): Promise<void> {
    await this.limiter?.reward(ip, 1);
  }
}
