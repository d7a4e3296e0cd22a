// The caller's own account over real HTTP, Postgres and S3: exporting its data,
// and deleting it with everything it owns (rows and stored objects), after
// re-authentication, never while it owns an organization others use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { apiKey, bearer, call } from "./testing/http";
import { runJob } from "./testing/jobs";
import { callTrpc } from "./testing/procedures";

interface Archive {
  format: string;
  profile: unknown;
  tasks: { items: { id: string }[] };
  files: { items: unknown[] };
  apiKeys: unknown[];
  signInMethods: unknown[];
  sessions: unknown[];
}

describe("account export and deletion", () => {
  let h: Harness;
  beforeAll(async () => {
    // A removed member is refused within a second (no Redis here to announce it).
    h = await startHarness({ env: { MEMBERSHIP_CACHE_TTL_SECONDS: "1" } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function withData(user: TestUser) {
    const auth = bearer(user.token);
    const task = await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: auth, body: { title: "Mine" } });
    const started = await call(`${h.url}/api/v1/files`, {
      method: "POST",
      headers: auth,
      body: { filename: "notes.txt", contentType: "text/plain", size: 5 },
    });
    expect((await fetch(started.body.uploadUrl, { method: "PUT", body: "hello" })).ok).toBe(true);
    const fileId = started.body.file.id as string;
    expect(
      (await call(`${h.url}/api/v1/files/${fileId}/complete`, { method: "POST", headers: auth, body: {} })).status,
    ).toBe(200);
    const key = await callTrpc<{ key: string; id: string }>(
      h.url,
      "apiKeys.create",
      "mutation",
      { name: "ci", scopes: ["tasks:read"] },
      auth,
    );
    const file = await h.auth.db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    return {
      taskId: task.body.id as string,
      fileId,
      objectKey: file.objectKey,
      key: key.data?.key ?? "",
      keyId: key.data?.id ?? "",
    };
  }

  it("exports the account as JSON, with no secret in it", async () => {
    const user = await h.user();
    const data = await withData(user);
    const reply = await callTrpc<Archive>(h.url, "account.export", "query", undefined, bearer(user.token));
    expect(reply.status).toBe(200);
    const archive = reply.data as Archive;
    expect(archive.format).toBe("platform-account-export/1");
    expect(archive.profile).toMatchObject({ id: user.userId, email: user.email, emailVerified: true });
    expect(archive.tasks.items.map((t) => t.id)).toContain(data.taskId);
    expect(archive.files.items).toEqual([expect.objectContaining({ id: data.fileId, filename: "notes.txt", size: 5 })]);
    expect(archive.apiKeys).toEqual([
      expect.objectContaining({ id: data.keyId, name: "ci", scopes: ["tasks:read"], revokedAt: null }),
    ]);
    expect(archive.signInMethods).toEqual([expect.objectContaining({ provider: "credential" })]);
    expect(archive.sessions.length).toBeGreaterThan(0);
    const text = JSON.stringify(reply);
    const account = await h.auth.db.account.findFirstOrThrow({ where: { userId: user.userId } });
    const session = await h.auth.db.session.findFirstOrThrow({ where: { userId: user.userId } });
    for (const secret of [data.key, account.password ?? "", session.token, user.password]) {
      expect(text).not.toContain(secret);
    }
    // An API key acts for an organization, never for a person.
    expect((await callTrpc(h.url, "account.export", "query", undefined, apiKey(data.key))).status).toBe(403);
    // A revoked key is in the archive as revoked, not as a live one.
    expect((await callTrpc(h.url, "apiKeys.revoke", "mutation", { id: data.keyId }, bearer(user.token))).status).toBe(
      200,
    );
    const after = (await callTrpc<Archive>(h.url, "account.export", "query", undefined, bearer(user.token))).data;
    expect((after as Archive).apiKeys).toEqual([
      expect.objectContaining({ id: data.keyId, revokedAt: expect.any(String) }),
    ]);
  });

  it("refuses deletion without the right password, and changes nothing", async () => {
    const user = await h.user();
    const missing = await callTrpc(h.url, "account.delete", "mutation", {}, bearer(user.token));
    expect(missing.status).toBe(400);
    expect(missing.error?.message).toBe("Enter your password to delete your account");
    const wrong = await callTrpc(
      h.url,
      "account.delete",
      "mutation",
      { password: "not-my-password" },
      bearer(user.token),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.error?.data?.requestId).toBeTruthy();
    expect(await h.auth.db.user.count({ where: { id: user.userId } })).toBe(1);
  });

  it("refuses deletion while the user owns an organization others use, naming it", async () => {
    const owner = await h.userIn("org-shared-acct", "owner");
    const colleague = await h.userIn("org-shared-acct", "member");
    await h.auth.db.organization.update({ where: { id: "org-shared-acct" }, data: { name: "Acme Shared" } });
    const refused = await callTrpc(
      h.url,
      "account.delete",
      "mutation",
      { password: owner.password },
      bearer(owner.token),
    );
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toBe(
      'You own "Acme Shared", which others still use. Transfer ownership or delete it first.',
    );
    expect(await h.auth.db.user.count({ where: { id: owner.userId } })).toBe(1);
    expect(await h.auth.db.organization.count({ where: { id: "org-shared-acct" } })).toBe(1);
    expect(colleague.userId).toBeTruthy();
  });

  it("deletes the account with its rows and stored objects; its JWT and keys stop working", async () => {
    const user = await h.user();
    const data = await withData(user);
    const store = h.api.built.deps.store;
    expect(await store.stat(data.objectKey)).not.toBeNull();
    // A member of a shared organization: the membership goes, the organization stays.
    await h.membership("someone-else", "org-team-acct", "owner");
    await h.membership(user.userId, "org-team-acct", "member");
    // Its second factors, as the auth server stores them (enrolment itself is covered there).
    const userId = user.userId;
    await h.auth.db.passkey.create({
      data: {
        ...{ id: `pk-${userId}`, userId, name: "Laptop", publicKey: "pk", credentialID: `cred-${userId}` },
        ...{ counter: 0, deviceType: "singleDevice", backedUp: false },
      },
    });
    await h.auth.db.twoFactor.create({ data: { id: `2fa-${userId}`, userId, secret: "s", backupCodes: "b" } });
    await h.auth.db.usedTotpCode.create({ data: { userId, digest: "d" } });

    const deleted = await callTrpc(
      h.url,
      "account.delete",
      "mutation",
      { password: user.password },
      bearer(user.token),
    );
    expect(deleted).toMatchObject({ status: 200, data: { deleted: true } });

    const db = h.auth.db;
    const personal = `personal_${user.userId}`;
    expect(await db.user.count({ where: { id: user.userId } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.userId } })).toBe(0);
    expect(await db.account.count({ where: { userId: user.userId } })).toBe(0);
    expect(await db.passkey.count({ where: { userId: user.userId } })).toBe(0);
    expect(await db.twoFactor.count({ where: { userId: user.userId } })).toBe(0);
    expect(await db.usedTotpCode.count({ where: { userId: user.userId } })).toBe(0);
    expect(await db.member.count({ where: { userId: user.userId } })).toBe(0);
    expect(await db.organization.count({ where: { id: personal } })).toBe(0);
    expect(await db.task.count({ where: { organizationId: personal } })).toBe(0);
    expect(await db.storedFile.count({ where: { organizationId: personal } })).toBe(0);
    expect(await db.apikey.count({ where: { id: data.keyId } })).toBe(0);
    expect(await db.organization.count({ where: { id: "org-team-acct" } })).toBe(1);
    // The objects wait for the worker's account.purge, recorded in the same transaction.
    expect((await db.objectPurge.findMany()).map((row) => row.prefix)).toEqual(
      expect.arrayContaining([`${personal}/`, `exports/${user.userId}/`]),
    );
    await runJob(h, "account.purge");
    expect(await store.stat(data.objectKey)).toBeNull();

    // The key is refused at once; the JWT as soon as its membership is re-checked (1 s here).
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(data.key) })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const me = await call(`${h.url}/api/v1/me`, { headers: bearer(user.token) });
    expect([401, 403]).toContain(me.status);
  });

  it("deletes organizations the user was alone in and keys they made elsewhere; a JWT for a shared one stops too", async () => {
    await h.membership("owner-of-b", "org-team-b", "owner");
    const user = await h.userIn("org-team-b", "admin");
    const key = await callTrpc<{ key: string; id: string }>(
      h.url,
      "apiKeys.create",
      "mutation",
      { name: "made by the leaver", scopes: ["tasks:read"] },
      bearer(user.token),
    );
    expect(key.status).toBe(200);
    await h.membership(user.userId, "org-solo-b", "owner");
    await h.auth.db.task.create({ data: { organizationId: "org-solo-b", createdById: user.userId, title: "alone" } });

    const deleted = await callTrpc(
      h.url,
      "account.delete",
      "mutation",
      { password: user.password },
      bearer(user.token),
    );
    expect(deleted.status).toBe(200);
    const db = h.auth.db;
    expect(await db.organization.count({ where: { id: "org-solo-b" } })).toBe(0);
    expect(await db.task.count({ where: { organizationId: "org-solo-b" } })).toBe(0);
    expect(await db.organization.count({ where: { id: "org-team-b" } })).toBe(1);
    expect(await db.apikey.count({ where: { id: key.data?.id ?? "" } })).toBe(0);
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key.data?.key ?? "") })).status).toBe(401);
    // The token acts in org-team-b, which still exists: refused once the membership is re-checked.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect([401, 403]).toContain((await call(`${h.url}/api/v1/tasks`, { headers: bearer(user.token) })).status);
  });

  it("without a password, deletion needs a sign-in in the last 10 minutes (the JWT's auth_time)", async () => {
    const stale = await h.user();
    await h.auth.db.account.deleteMany({ where: { userId: stale.userId, providerId: "credential" } });
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await h.auth.db.session.updateMany({ where: { userId: stale.userId }, data: { createdAt: hourAgo } });
    const { token } = (await stale.client.get<{ token: string }>("/api/auth/token")).body;
    const refused = await callTrpc(h.url, "account.delete", "mutation", {}, bearer(token));
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toBe("Sign in again, then delete your account within 10 minutes");
    expect(await h.auth.db.user.count({ where: { id: stale.userId } })).toBe(1);

    const fresh = await h.user();
    await h.auth.db.account.deleteMany({ where: { userId: fresh.userId, providerId: "credential" } });
    const done = await callTrpc(h.url, "account.delete", "mutation", {}, bearer(fresh.token));
    expect(done.status).toBe(200);
    expect(await h.auth.db.user.count({ where: { id: fresh.userId } })).toBe(0);
  });
});

describe("account deletion under a small failed-authentication budget", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { AUTH_FAILURE_LIMIT_POINTS: "5" } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("throttles password guessing through deletion like bad credentials (429)", async () => {
    const user = await h.user();
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      statuses.push(
        (await callTrpc(h.url, "account.delete", "mutation", { password: `guess-${i}` }, bearer(user.token))).status,
      );
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(6); // a budget of 5 failures
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([400]));
    expect(await h.auth.db.user.count({ where: { id: user.userId } })).toBe(1);
  });
});
