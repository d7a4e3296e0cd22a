// A stand-in auth server for JWT tests: our own Ed25519 key pair, its JWKS on a
// loopback port (which tests can stop and restart), and a signer for any claims.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

export interface KeyServer {
  url: string;
  jwksUrl: string;
  kid: string;
  requests: number;
  sign(
    claims: Record<string, unknown>,
    options?: { kid?: string; expiresIn?: string | number; header?: object },
  ): Promise<string>;
  /** A fresh key pair the server does not publish. */
  rogueSigner(): Promise<(claims: Record<string, unknown>) => Promise<string>>;
  publicJwk: JWK;
  setDown(down: boolean): void;
  /** Holds the next requests unanswered: `arrived` resolves when one comes in, `release` answers them. */
  hold(): { arrived: Promise<void>; release(): void };
  stop(): Promise<void>;
}

export async function startKeyServer(options: { issuer?: string; audience?: string } = {}): Promise<KeyServer> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const kid = `test-${Math.random().toString(36).slice(2, 10)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" };
  let down = false;
  const state = { requests: 0 };
  let held: { arrive(): void; released: Promise<void> } | null = null;
  const server: Server = createServer(async (_req, res) => {
    state.requests += 1;
    if (held) {
      held.arrive();
      await held.released;
    }
    if (down) {
      res.statusCode = 503;
      res.end();
      return;
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.issuer ?? url;
  const audience = options.audience ?? "http://api.test";

  const signWith = async (
    key: CryptoKey,
    keyId: string,
    claims: Record<string, unknown>,
    opts: { expiresIn?: string | number; header?: object } = {},
  ) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: "EdDSA", kid: keyId, ...opts.header })
      .setIssuedAt()
      .setIssuer((claims.iss as string) ?? issuer)
      .setAudience((claims.aud as string) ?? audience);
    if (claims.exp === undefined) jwt.setExpirationTime(opts.expiresIn ?? "15m");
    return jwt.sign(key);
  };

  return {
    url,
    jwksUrl: `${url}/api/auth/jwks`,
    kid,
    get requests() {
      return state.requests;
    },
    publicJwk,
    sign: (claims, opts = {}) => signWith(privateKey, opts.kid ?? kid, claims, opts),
    async rogueSigner() {
      const rogue = await generateKeyPair("EdDSA", { crv: "Ed25519" });
      return (claims) => signWith(rogue.privateKey, kid, claims);
    },
    setDown(value) {
      down = value;
    },
    hold() {
      let arrive = () => {};
      let release = () => {};
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      held = { arrive, released };
      return {
        arrived,
        release() {
          held = null;
          release();
        },
      };
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
