// Audit events written by API procedures, over real HTTP and Postgres: each
// action's event names the actor, the target, the client and the request, never a
// key's secret; the chains verify afterwards.
import { verifyAuditChains } from "@acme/db/audit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { bearer, call } from "./testing/http";
import { callTrpc } from "./testing/procedures";

describe("audit events from the API", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const eventsOf = (action: string, targetId: string) => h.auth.db.auditEvent.findMany({ where: { action, targetId } });

  it("records deletions, keys, exports and account deletion with who, where and which request", async () => {
    const user = await h.user();
    const auth = bearer(user.token);
    const org = `personal_${user.userId}`;

    const task = await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: auth, body: { title: "to delete" } });
    const deleted = await fetch(`${h.url}/api/v1/tasks/${task.body.id}`, { method: "DELETE", headers: auth });
    expect(deleted.status).toBe(200);
    const [taskEvent] = await eventsOf("task.deleted", task.body.id);
    expect(taskEvent).toMatchObject({
      chain: org,
      organizationId: org,
      actorUserId: user.userId,
      actorKeyId: null,
      targetType: "task",
      ip: "127.0.0.1",
      requestId: deleted.headers.get("x-request-id"),
    });

    // A refused deletion (not found) records nothing.
    await fetch(`${h.url}/api/v1/tasks/${task.body.id}`, { method: "DELETE", headers: auth });
    expect(await eventsOf("task.deleted", task.body.id)).toHaveLength(1);

    const key = await callTrpc<{ id: string; key: string }>(
      h.url,
      "apiKeys.create",
      "mutation",
      { name: "ci", scopes: ["tasks:read"] },
      auth,
    );
    const [created] = await eventsOf("api_key.created", key.data?.id ?? "");
    expect(created?.metadata).toEqual({ name: "ci", scopes: ["tasks:read"], expiresAt: null });
    expect(JSON.stringify(created?.metadata)).not.toContain(key.data?.key ?? "");
    await callTrpc(h.url, "apiKeys.revoke", "mutation", { id: key.data?.id }, auth);
    expect(await eventsOf("api_key.revoked", key.data?.id ?? "")).toHaveLength(1);

    await callTrpc(h.url, "account.export", "query", undefined, auth);
    expect(await eventsOf("data.exported", user.userId)).toHaveLength(1);

    await callTrpc(h.url, "account.delete", "mutation", { password: user.password }, auth);
    const [gone] = await eventsOf("user.deleted", user.userId);
    expect(gone).toMatchObject({ chain: "platform", organizationId: null, actorUserId: user.userId });

    // The personal organization is gone; its history stays, and every chain verifies.
    expect(await h.auth.db.auditEvent.count({ where: { chain: org } })).toBeGreaterThanOrEqual(4);
    expect((await verifyAuditChains(h.auth.db)).problems).toEqual([]);
  });
});
