// Organizations on the API: the permission matrix (every procedure x every role,
// from one table), tenant isolation for every procedure, organization-owned keys,
// and access cut fast when a member is removed.

import { createApiKeyService } from "@acme/auth";
import { accessPublisher } from "@acme/auth/access-channel";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { apiKey, bearer, call } from "./testing/http";
import { runJob } from "./testing/jobs";
import { ALLOWED_ROLES } from "./testing/permissions";
import { allProcedures, callTrpc, SAMPLE_INPUTS } from "./testing/procedures";
import { startRedisProcess } from "./testing/redis-process";

const ROLES = ["owner", "admin", "member", "viewer"] as const;

describe("organizations", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MEMBERSHIP_CACHE_TTL_SECONDS: "1" } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("has a permission entry for every procedure", () => {
    expect(
      allProcedures()
        .map((p) => p.path)
        .sort(),
    ).toEqual(Object.keys(ALLOWED_ROLES).sort());
  });

  it("runs the permission matrix: every procedure x every role is allowed or 403, as the table says", async () => {
    await h.membership("matrix-owner", "org-matrix");
    const users = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await h.userIn("org-matrix", role)] as const)),
    ) as Record<(typeof ROLES)[number], TestUser>;
    const failures: string[] = [];
    for (const { path, type } of allProcedures()) {
      const allowed = ALLOWED_ROLES[path];
      if (allowed === "public") continue;
      for (const role of ROLES) {
        const { status } = await callTrpc(h.url, path, type, SAMPLE_INPUTS[path], bearer(users[role].token));
        const expected = allowed?.includes(role) ? "allowed" : "403";
        const actual = status === 403 ? "403" : status === 401 ? "401" : "allowed";
        if (actual !== expected) failures.push(`${path} as ${role}: ${status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("isolates tenants on every procedure: B's credentials on A's objects are 404, lists hold none of A's", async () => {
    await h.membership("iso-owner-a", "org-iso-a");
    await h.membership("iso-owner-b", "org-iso-b");
    const alice = await h.userIn("org-iso-a", "owner");
    const bob = await h.userIn("org-iso-b", "owner");
    const asAlice = bearer(alice.token);
    const task = await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: asAlice, body: { title: "A's" } });
    const file = await call(`${h.url}/api/v1/files`, {
      method: "POST",
      headers: asAlice,
      body: { filename: "a.txt", contentType: "text/plain", size: 1 },
    });
    const key = await callTrpc(h.url, "apiKeys.create", "mutation", { name: "a", scopes: ["tasks:read"] }, asAlice);
    expect([task.status, file.status, key.status]).toEqual([200, 200, 200]);
    const ids = { task: task.body.id as string, file: file.body.file.id as string };
    const aKeyId = (await callTrpc(h.url, "apiKeys.list", "query", undefined, asAlice)).status;
    expect(aKeyId).toBe(200);
    const aKeys = await h.auth.db.apikey.findMany({ where: { referenceId: "org-iso-a" }, select: { id: true } });

    // What B gets for each procedure, given A's objects.
    const onObjects: Record<string, unknown> = {
      "tasks.byId": { id: ids.task },
      "tasks.update": { id: ids.task, title: "B was here" },
      "tasks.delete": { id: ids.task },
      "files.completeUpload": { id: ids.file },
      "files.downloadUrl": { id: ids.file },
      "apiKeys.revoke": { id: aKeys[0]?.id },
    };
    const lists = [
      "activity.list",
      "tasks.list",
      "files.list",
      "apiKeys.list",
      "members.list",
      "teams.list",
      "invitations.list",
      "auditLog.list",
    ];
    // Streamed over REST only; checked below like the lists.
    const downloads = { "auditLog.export": "/audit-events/export" };
    // Platform-wide by design: refused to everyone but platform admins (admin.int.test.ts).
    const platform = allProcedures()
      .map((p) => p.path)
      .filter((path) => path.startsWith("admin."));
    const ownOnly = [
      "health",
      "me",
      "account.export",
      "account.archives",
      "account.requestArchive",
      "account.archiveDownload",
      "account.delete",
      "organization.current",
      "organization.delete",
      "organization.createLogoUpload",
      "organization.completeLogoUpload",
      "data.submit",
      "tasks.create",
      "files.createUpload",
    ];
    const idempotent = ["files.delete", "apiKeys.create"];
    const classified = [
      ...Object.keys(onObjects),
      ...lists,
      ...Object.keys(downloads),
      ...platform,
      ...ownOnly,
      ...idempotent,
    ].sort();
    expect(classified).toEqual(
      allProcedures()
        .map((p) => p.path)
        .sort(),
    );

    const asBob = bearer(bob.token);
    for (const [path, input] of Object.entries(onObjects)) {
      const type = allProcedures().find((p) => p.path === path)?.type ?? "query";
      expect((await callTrpc(h.url, path, type, input, asBob)).status, path).toBe(404);
    }
    const deleted = await call(`${h.url}/api/v1/files/${ids.file}`, { method: "DELETE", headers: asBob });
    expect(deleted.body).toEqual({ id: ids.file, deleted: false });
    for (const path of lists) {
      const input = encodeURIComponent(JSON.stringify({ json: SAMPLE_INPUTS[path] }));
      const reply = await fetch(`${h.url}/trpc/${path}?input=${input}`, { headers: asBob });
      const text = await reply.text();
      expect(reply.status, path).toBe(200);
      for (const id of [ids.task, ids.file, alice.userId, alice.email, ...aKeys.map((k) => k.id)]) {
        expect(text, `${path} leaks ${id}`).not.toContain(id);
      }
    }
    for (const rest of Object.values(downloads)) {
      const reply = await fetch(`${h.url}/api/v1${rest}`, { headers: asBob });
      const text = await reply.text();
      expect(reply.status, rest).toBe(200);
      for (const id of [ids.task, ids.file, alice.userId]) expect(text, `${rest} leaks ${id}`).not.toContain(id);
    }
    const current = await call(`${h.url}/api/v1/organization`, { headers: asBob });
    expect(current.body).toMatchObject({ id: "org-iso-b", role: "owner", personal: false });
    // A's task is untouched.
    expect((await call(`${h.url}/api/v1/tasks/${ids.task}`, { headers: asAlice })).body.title).toBe("A's");
  });

  it("keeps an organization's API key inside its organization", async () => {
    await h.membership("key-owner-a", "org-key-a");
    await h.membership("key-owner-b", "org-key-b");
    const keys = createApiKeyService(h.auth.auth);
    const a = await keys.create("key-owner-a", { name: "a", scopes: ["tasks:read", "tasks:write"] }, "org-key-a");
    const b = await keys.create("key-owner-b", { name: "b", scopes: ["tasks:read"] }, "org-key-b");
    const created = await call(`${h.url}/api/v1/tasks`, {
      method: "POST",
      headers: apiKey(a.key),
      body: { title: "A" },
    });
    expect(created.status).toBe(200);
    expect(created.body.createdById).toBe("key-owner-a");
    expect((await call(`${h.url}/api/v1/tasks/${created.body.id}`, { headers: apiKey(b.key) })).status).toBe(404);
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(b.key) })).body.items).toEqual([]);
    const me = await call(`${h.url}/api/v1/me`, { headers: apiKey(b.key) });
    expect(me.body).toMatchObject({ organizationId: "org-key-b", method: "apiKey", role: null });
    // A member who is not allowed to manage keys cannot create one for the organization.
    await h.membership("key-viewer", "org-key-a", "viewer");
    await expect(keys.create("key-viewer", { name: "v", scopes: ["tasks:read"] }, "org-key-a")).rejects.toThrow();
  });

  it("deletes an organization with its rows, stored objects and keys, once its name is typed", async () => {
    const owner = await h.userIn("org-del", "owner");
    const auth = bearer(owner.token);
    await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: auth, body: { title: "doomed" } });
    await call(`${h.url}/api/v1/data`, { method: "POST", headers: auth, body: { content: "doomed" } });
    const upload = await call(`${h.url}/api/v1/files`, {
      method: "POST",
      headers: auth,
      body: { filename: "d.txt", contentType: "text/plain", size: 5 },
    });
    expect((await fetch(upload.body.uploadUrl, { method: "PUT", body: "hello" })).ok).toBe(true);
    const objectKey = `org-del/${upload.body.file.id}`;
    expect(await h.api.built.deps.store.stat(objectKey)).not.toBeNull();
    const { key } = await createApiKeyService(h.auth.auth).create(
      owner.userId,
      { name: "k", scopes: ["tasks:read"] },
      "org-del",
    );
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key) })).status).toBe(200);

    const admin = await h.userIn("org-del", "admin");
    const byAdmin = await call(`${h.url}/api/v1/organization?confirm=org-del`, {
      method: "DELETE",
      headers: bearer(admin.token),
    });
    expect(byAdmin.status).toBe(403);
    const unconfirmed = await call(`${h.url}/api/v1/organization?confirm=nope`, { method: "DELETE", headers: auth });
    expect(unconfirmed.status).toBe(400);
    const deleted = await call(`${h.url}/api/v1/organization?confirm=org-del`, { method: "DELETE", headers: auth });
    expect(deleted.body).toEqual({ id: "org-del", deleted: true });

    const db = h.auth.db;
    const where = { organizationId: "org-del" };
    expect([
      await db.task.count({ where }),
      await db.dataEntry.count({ where }),
      await db.storedFile.count({ where }),
    ]).toEqual([0, 0, 0]);
    expect(await db.member.count({ where })).toBe(0);
    expect(await db.apikey.count({ where: { referenceId: "org-del" } })).toBe(0);
    expect(await h.api.built.deps.store.stat(objectKey)).not.toBeNull();
    await runJob(h, "account.purge");
    expect(await h.api.built.deps.store.stat(objectKey)).toBeNull();
    expect((await call(`${h.url}/api/v1/tasks`, { headers: apiKey(key) })).status).toBe(401);
    expect((await call(`${h.url}/api/v1/tasks`, { headers: auth })).status).toBe(403);
  });

  it("refuses a removed member's token once the membership cache expires (1 s here)", async () => {
    const owner = await h.userIn("org-removal", "owner");
    const carol = await h.userIn("org-removal", "member");
    expect((await call(`${h.url}/api/v1/tasks`, { headers: bearer(carol.token) })).status).toBe(200);
    const removed = await owner.client.post("/api/auth/organization/remove-member", {
      memberIdOrEmail: carol.email,
      organizationId: "org-removal",
    });
    expect(removed.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const refused = await call(`${h.url}/api/v1/tasks`, { headers: bearer(carol.token) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("You are not a member of this organization");
  });
});

describe("organization rate limit", () => {
  it("caps an organization as a whole, whichever member or key spends it", async () => {
    const h = await startHarness({ env: { RATE_LIMIT_READ_POINTS: "10", ORG_RATE_LIMIT_READ_POINTS: "3" } });
    try {
      const ann = await h.userIn("org-busy", "member");
      const ben = await h.userIn("org-busy", "member");
      const other = await h.userIn("org-calm", "member");
      const read = (user: TestUser) => call(`${h.url}/api/v1/tasks`, { headers: bearer(user.token) });
      expect([(await read(ann)).status, (await read(ann)).status, (await read(ben)).status]).toEqual([200, 200, 200]);
      const refused = await read(ben);
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toMatch(/^The organization's rate limit exceeded/);
      expect((await read(other)).status).toBe(200);
    } finally {
      await h.stop();
    }
  });
});

describe("access cuts across instances", () => {
  it("reach every API instance on one Redis within a second, long before the cache TTL", async () => {
    const redis = await startRedisProcess();
    const publisher = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    const env = { REDIS_URL: redis.url, MEMBERSHIP_CACHE_TTL_SECONDS: "30" };
    const auth = { onAccessChange: accessPublisher(publisher, () => {}) };
    const one = await startHarness({ env, auth });
    // Both instances trust the first one's auth server.
    const issuer = { url: one.auth.url, jwksUrl: `${one.auth.url}/api/auth/jwks` };
    const two = await startHarness({ env, auth, database: one.database, s3: one.s3, keyServer: issuer });
    try {
      const owner = await one.userIn("org-cut", "owner");
      const dave = await one.userIn("org-cut", "member");
      for (const instance of [one, two]) {
        expect((await call(`${instance.url}/api/v1/tasks`, { headers: bearer(dave.token) })).status).toBe(200);
      }
      const removed = await owner.client.post("/api/auth/organization/remove-member", {
        memberIdOrEmail: dave.email,
        organizationId: "org-cut",
      });
      expect(removed.status).toBe(200);
      const started = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - started < 1_000) {
        status = (await call(`${two.url}/api/v1/tasks`, { headers: bearer(dave.token) })).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(status).toBe(403);
    } finally {
      await two.stop();
      await one.stop();
      publisher.disconnect();
      await redis.stop();
    }
  });
});
