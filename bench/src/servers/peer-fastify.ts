// The peer the API is measured against: a plain Fastify 5 route serving the same
// `me` behind a JWT, written as a competent team would, with the API's production
// features on: a request id (incoming X-Request-ID when well-formed), the same
// security and CORS headers, the same limiters (memory store: the client IP
// before auth, then the principal and its organization, RateLimit-* headers), one
// pino JSON line per request on stdout (which the bench sends to a file), and jose
// with a verified-token cache (valid until the token's `exp`).
import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import { createRemoteJWKSet, jwtVerify } from "jose";
import pino from "pino";
import { RateLimiterMemory } from "rate-limiter-flexible";

const env = {
  port: Number(process.env.PORT),
  jwks: String(process.env.JWKS_URL),
  issuer: String(process.env.AUTH_ISSUER),
  audience: String(process.env.AUTH_AUDIENCE),
  origins: new Set(String(process.env.CORS_ORIGINS ?? "").split(",")),
};
const WELL_FORMED = /^[A-Za-z0-9._-]{1,128}$/;
const LIMIT = 1_000_000_000;
const SECURITY = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-site",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "cache-control": "no-store",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  vary: "Origin",
};
const EXPOSED = "x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after";

const log = pino({ base: undefined });
const preAuth = new RateLimiterMemory({ points: LIMIT, duration: 60 });
const perPrincipal = new RateLimiterMemory({ points: LIMIT, duration: 60, keyPrefix: "p" });
const perOrganization = new RateLimiterMemory({ points: LIMIT, duration: 60, keyPrefix: "o" });
const jwks = createRemoteJWKSet(new URL(env.jwks));
type Claims = { sub: string; org?: string; email?: string; name?: string; exp: number };
const verified = new Map<string, Claims>();

async function claimsOf(token: string): Promise<Claims | null> {
  const known = verified.get(token);
  if (known && known.exp * 1000 > Date.now()) return known;
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: env.issuer, audience: env.audience });
    const claims = payload as unknown as Claims;
    verified.set(token, claims);
    return claims;
  } catch {
    return null;
  }
}

const app = Fastify({
  logger: false,
  genReqId: (req) => {
    const incoming = req.headers["x-request-id"];
    return typeof incoming === "string" && WELL_FORMED.test(incoming) ? incoming : randomUUID();
  },
});

app.addHook("onRequest", async (req, reply) => {
  reply.headers(SECURITY);
  reply.header("x-request-id", req.id);
  const origin = req.headers.origin;
  if (origin && env.origins.has(origin)) {
    reply.header("access-control-allow-origin", origin);
    reply.header("access-control-allow-credentials", "true");
    reply.header("access-control-expose-headers", EXPOSED);
  }
  await preAuth.consume(req.ip);
});

app.addHook("onResponse", async (req, reply) => {
  log.info(
    {
      requestId: req.id,
      method: req.method,
      path: req.url,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      principal: (req as { principal?: string }).principal,
      auth: "jwt",
    },
    "request",
  );
});

app.get("/me", async (req, reply) => {
  const match = /^Bearer\s+(.*)$/i.exec(req.headers.authorization ?? "");
  const claims = match?.[1] ? await claimsOf(match[1]) : null;
  if (!claims) {
    return reply.code(401).send({ error: { code: "UNAUTHORIZED", message: "Invalid credentials", requestId: req.id } });
  }
  (req as { principal?: string }).principal = claims.sub;
  const limit = await perPrincipal.consume(`user:${claims.sub}`);
  reply.header("ratelimit-limit", String(LIMIT));
  reply.header("ratelimit-remaining", String(limit.remainingPoints));
  reply.header("ratelimit-reset", String(Math.ceil(limit.msBeforeNext / 1000)));
  await perOrganization.consume(`org:${claims.org}`);
  return {
    userId: claims.sub,
    organizationId: claims.org ?? null,
    role: "owner",
    method: "jwt",
    scopes: [],
    keyId: null,
    email: claims.email ?? null,
    name: claims.name ?? null,
    requestId: req.id,
  };
});

app.get("/health", async () => ({ status: "ok" }));

await app.listen({ port: env.port, host: "127.0.0.1" });
