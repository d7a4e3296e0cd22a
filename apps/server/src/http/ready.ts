// GET /ready: each dependency with its status; 503 when a required one fails.
import type { ApiDeps, JwksCache } from "@acme/api";
import type { Redis } from "ioredis";

type Check = { status: "ok" | "down"; required: boolean; error?: string };

async function timed(run: () => Promise<unknown>, timeoutMs: number): Promise<Omit<Check, "required">> {
  try {
    const result = await Promise.race([
      run(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs).unref()),
    ]);
    return result === false ? { status: "down", error: "unreachable" } : { status: "ok" };
  } catch (error) {
    return { status: "down", error: (error as Error).message.split("\n")[0] };
  }
}

export async function readiness(deps: ApiDeps, jwks: JwksCache, redis: Redis | null, timeoutMs = 2_000) {
  const [postgres, s3, jwksCheck, redisCheck] = await Promise.all([
    timed(() => deps.db.$queryRaw`SELECT 1`, timeoutMs),
    timed(() => deps.store.ping(), timeoutMs),
    timed(async () => {
      if (!jwks.isUsable()) await jwks.warm();
    }, timeoutMs),
    redis ? timed(() => redis.ping(), timeoutMs) : Promise.resolve(null),
  ]);
  const checks: Record<string, Check> = {
    postgres: { ...postgres, required: true },
    s3: { ...s3, required: true },
    jwks: { ...jwksCheck, required: true },
  };
  // Redis only shares the rate limits; without it each instance limits alone.
  if (redisCheck) checks.redis = { ...redisCheck, required: false };
  const ready = Object.values(checks).every((check) => check.status === "ok" || !check.required);
  return { status: ready ? ("ready" as const) : ("unavailable" as const), checks };
}
