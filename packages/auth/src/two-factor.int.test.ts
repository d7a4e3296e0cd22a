// Two-factor over real HTTP and Postgres: enrolment, sign-in with a code or a
// backup code, trusted devices, and the abuse cases (wrong, expired, replayed
// and used codes; brute force).
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpVerified, startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

const STEP_MS = 30_000;

function authenticator(totpURI: string) {
  const totp = OTPAuth.URI.parse(totpURI) as OTPAuth.TOTP;
  return (offsetSteps = 0) => totp.generate({ timestamp: Date.now() + offsetSteps * STEP_MS });
}

describe("two-factor authentication", () => {
  let server: TestAuthServer;
  beforeAll(async () => {
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function enrolled(ip?: string) {
    const user = await signUpVerified(server, { ip });
    const enable = await user.client.post<{ totpURI: string; backupCodes: string[] }>("/api/auth/two-factor/enable", {
      password: user.password,
    });
    expect(enable.status).toBe(200);
    const code = authenticator(enable.body.totpURI);
    const enrolmentCode = code();
    expect((await user.client.post("/api/auth/two-factor/verify-totp", { code: enrolmentCode })).status).toBe(200);
    return { ...user, code, enrolmentCode, backupCodes: enable.body.backupCodes };
  }

  async function passwordStep(email: string, password: string, ip?: string) {
    const client = new TestClient(server.url, ip);
    const res = await client.post<{ twoFactorRedirect?: boolean }>("/api/auth/sign-in/email", { email, password });
    return { client, res };
  }

  it("enrols with a QR secret and a confirmation code, and is on only after it", async () => {
    const user = await signUpVerified(server);
    const wrongPassword = await user.client.post("/api/auth/two-factor/enable", { password: "not-it-at-all" });
    expect(wrongPassword.status).toBe(400);
    const enable = await user.client.post<{ totpURI: string; backupCodes: string[] }>("/api/auth/two-factor/enable", {
      password: user.password,
    });
    expect(enable.body.totpURI).toMatch(/^otpauth:\/\/totp\/Platform:.+secret=/);
    expect(enable.body.backupCodes).toHaveLength(10);
    expect(new Set(enable.body.backupCodes).size).toBe(10);
    // Not on until confirmed: the password alone still signs in.
    expect((await passwordStep(user.email, user.password)).res.body.twoFactorRedirect).toBeUndefined();

    const code = authenticator(enable.body.totpURI);
    const wrong = await user.client.post<{ code: string }>("/api/auth/two-factor/verify-totp", { code: "000000" });
    expect(wrong.status).toBe(401);
    expect((await user.client.post("/api/auth/two-factor/verify-totp", { code: code() })).status).toBe(200);
    expect(await server.db.user.findUnique({ where: { id: user.userId }, select: { twoFactorEnabled: true } })).toEqual(
      {
        twoFactorEnabled: true,
      },
    );
    // Only encrypted secrets at rest.
    const row = await server.db.twoFactor.findFirstOrThrow({ where: { userId: user.userId } });
    expect(enable.body.totpURI).not.toContain(row.secret);
    for (const backup of enable.body.backupCodes) expect(row.backupCodes).not.toContain(backup);
    await expect.poll(() => server.outbox.latest(user.email, "Two-factor authentication is on")).toBeDefined();
  });

  it("asks for the code after the password; a code works once, an expired one never", async () => {
    const user = await enrolled();
    const first = await passwordStep(user.email, user.password);
    expect(first.res.status).toBe(200);
    expect(first.res.body.twoFactorRedirect).toBe(true);
    expect(first.client.sessionToken).toBeUndefined();

    // The enrolment code is spent.
    const replayed = await first.client.post<{ code: string }>("/api/auth/two-factor/verify-totp", {
      code: user.enrolmentCode,
    });
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe("TOTP_CODE_ALREADY_USED");
    const expired = await first.client.post<{ code: string }>("/api/auth/two-factor/verify-totp", {
      code: user.code(-10),
    });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe("INVALID_CODE");
    // The next step's code (within the one-step window) works, once.
    const next = user.code(1);
    expect((await first.client.post("/api/auth/two-factor/verify-totp", { code: next })).status).toBe(200);
    expect(first.client.sessionToken).toBeDefined();

    const second = await passwordStep(user.email, user.password);
    const again = await second.client.post<{ code: string }>("/api/auth/two-factor/verify-totp", { code: next });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe("TOTP_CODE_ALREADY_USED");
    expect(second.client.sessionToken).toBeUndefined();
  });

  it("a refused code is not recorded as used: the same typo is refused as wrong, not as replayed", async () => {
    const user = await enrolled();
    const attempt = await passwordStep(user.email, user.password);
    for (let i = 0; i < 2; i++) {
      const typo = await attempt.client.post<{ code: string }>("/api/auth/two-factor/verify-totp", { code: "123456" });
      expect(typo.status).toBe(401);
      expect(typo.body.code).toBe("INVALID_CODE");
    }
    expect(await server.db.usedTotpCode.count({ where: { userId: user.userId } })).toBe(1); // the enrolment code
    expect((await attempt.client.post("/api/auth/two-factor/verify-totp", { code: user.code(1) })).status).toBe(200);
  });

  it("signs in with a backup code once; regenerating needs the password and voids the old ones", async () => {
    const user = await enrolled();
    const [backup, other] = user.backupCodes;
    const first = await passwordStep(user.email, user.password);
    expect((await first.client.post("/api/auth/two-factor/verify-backup-code", { code: backup })).status).toBe(200);
    expect(first.client.sessionToken).toBeDefined();

    const second = await passwordStep(user.email, user.password);
    const reused = await second.client.post("/api/auth/two-factor/verify-backup-code", { code: backup });
    expect(reused.status).toBe(401);
    expect(second.client.sessionToken).toBeUndefined();

    const refused = await first.client.post("/api/auth/two-factor/generate-backup-codes", {
      password: "wrong-password",
    });
    expect(refused.status).toBe(400);
    const fresh = await first.client.post<{ backupCodes: string[] }>("/api/auth/two-factor/generate-backup-codes", {
      password: user.password,
    });
    expect(fresh.body.backupCodes).toHaveLength(10);
    const third = await passwordStep(user.email, user.password);
    expect((await third.client.post("/api/auth/two-factor/verify-backup-code", { code: other })).status).toBe(401);
    expect(
      (await third.client.post("/api/auth/two-factor/verify-backup-code", { code: fresh.body.backupCodes[0] })).status,
    ).toBe(200);
  });

  it("trusts a device for 30 days when asked, and only that device", async () => {
    const user = await enrolled();
    const attempt = await passwordStep(user.email, user.password);
    const verify = await attempt.client.post("/api/auth/two-factor/verify-totp", {
      code: user.code(1),
      trustDevice: true,
    });
    expect(verify.status).toBe(200);
    const trustCookie = verify.headers.getSetCookie().find((line) => line.includes("trust_device="));
    expect(trustCookie).toMatch(/Max-Age=2592000/i);
    await attempt.client.post("/api/auth/sign-out");
    const again = await attempt.client.post<{ twoFactorRedirect?: boolean }>("/api/auth/sign-in/email", {
      email: user.email,
      password: user.password,
    });
    expect(again.body.twoFactorRedirect).toBeUndefined();
    expect(attempt.client.sessionToken).toBeDefined();
    expect((await passwordStep(user.email, user.password)).res.body.twoFactorRedirect).toBe(true);
  });

  it("turning it off needs the password, and the owner is told", async () => {
    const user = await enrolled();
    expect((await user.client.post("/api/auth/two-factor/disable", { password: "wrong-password" })).status).toBe(400);
    expect((await user.client.post("/api/auth/two-factor/disable", { password: user.password })).status).toBe(200);
    expect((await passwordStep(user.email, user.password)).res.body.twoFactorRedirect).toBeUndefined();
    await expect.poll(() => server.outbox.latest(user.email, "Two-factor authentication is off")).toBeDefined();
  });

  it("ends the pending sign-in after five wrong codes: even the right code is refused then", async () => {
    const user = await enrolled();
    const { client } = await passwordStep(user.email, user.password);
    for (const guess of ["111111", "222222", "333333", "444444", "555555"]) {
      expect((await client.post("/api/auth/two-factor/verify-totp", { code: guess })).status).toBe(401);
    }
    const right = await client.post<{ code?: string }>("/api/auth/two-factor/verify-totp", { code: user.code(1) });
    expect(right.status).toBe(400);
    expect(right.body.code).toBe("TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE");
    expect(client.sessionToken).toBeUndefined();
    // A new password step starts a new budget, and the right code refused above was not
    // spent by the refusal.
    const again = await passwordStep(user.email, user.password);
    expect((await again.client.post("/api/auth/two-factor/verify-totp", { code: user.code(1) })).status).toBe(200);
  });

  it("throttles code guessing like sign-in: 429 once the budget is spent", async () => {
    const throttled = await startTestAuthServer({
      rateLimit: { enabled: true, windowSeconds: 60, max: 1_000, sensitiveMax: 4 },
    });
    try {
      const ip = "198.51.100.23";
      const user = await signUpVerified(throttled, { ip });
      const enable = await user.client.post<{ totpURI: string }>("/api/auth/two-factor/enable", {
        password: user.password,
      });
      const code = authenticator(enable.body.totpURI);
      expect((await user.client.post("/api/auth/two-factor/verify-totp", { code: code() })).status).toBe(200);
      const attacker = new TestClient(throttled.url, ip);
      const step = await attacker.post<{ twoFactorRedirect?: boolean }>("/api/auth/sign-in/email", {
        email: user.email,
        password: user.password,
      });
      expect(step.body.twoFactorRedirect).toBe(true);
      const statuses: number[] = [];
      for (const guess of ["111111", "222222", "333333", "444444", "555555"]) {
        statuses.push((await attacker.post("/api/auth/two-factor/verify-totp", { code: guess })).status);
      }
      expect(statuses.slice(0, 2)).toEqual([401, 401]);
      expect(statuses.at(-1)).toBe(429);
      expect(attacker.sessionToken).toBeUndefined();

      // Backup codes have their own budget, spent the same way: the same address, whose
      // code budget is spent, still gets its backup-code guesses (a new pending sign-in).
      const other = new TestClient(throttled.url, ip);
      const again = await other.post<{ twoFactorRedirect?: boolean }>("/api/auth/sign-in/email", {
        email: user.email,
        password: user.password,
      });
      expect(again.body.twoFactorRedirect).toBe(true);
      const backup: number[] = [];
      for (let guess = 0; guess < 5; guess++) {
        backup.push((await other.post("/api/auth/two-factor/verify-backup-code", { code: `guess-${guess}` })).status);
      }
      expect(backup[0]).toBe(401);
      expect(backup.at(-1)).toBe(429);
      expect(other.sessionToken).toBeUndefined();
    } finally {
      await throttled.stop();
    }
  });
});
