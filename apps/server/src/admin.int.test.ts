// The one platform-admin check, over every admin procedure: refused (403) to every
// organization role, to keys without the admin scopes, to admin:read keys for writes,
// to an admin demoted a moment ago and to impersonation; allowed to admins. A new
// procedure under admin.* is covered here without a line of test.
import type { Meta } from "@acme/api";
import { appRouter } from "@acme/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { apiKey, bearer } from "./testing/http";
import { allProcedures, callTrpc, SAMPLE_INPUTS } from "./testing/procedures";

type Def = { _def: { meta?: Meta } };
const metaOf = (path: string) => (appRouter._def.procedures as unknown as Record<string, Def>)[path]?._def.meta;
const adminProcedures = allProcedures().filter((p) => p.path.startsWith("admin."));
const NON_ADMIN_SCOPES = ["tasks:read", "tasks:write", "files:read", "files:write", "data:write", "members:read"];

describe("admin procedures", () => {
  let h: Harness;
  let admin: TestUser;
  let owner: TestUser;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.admin();
    owner = await h.userIn("org-not-admin", "owner");
    const make = async (who: TestUser, scopes: string[]) => {
      const made = await callTrpc<{ key: string }>(
        h.url,
        "apiKeys.create",
        "mutation",
        { name: `key ${scopes.length}`, scopes },
        bearer(who.token),
      );
      expect(made.status, JSON.stringify(made.error)).toBe(200);
      return made.data?.key ?? "";
    };
    keys.ownerAll = await make(owner, NON_ADMIN_SCOPES);
    keys.adminRead = await make(admin, ["admin:read"]);
    keys.adminWrite = await make(admin, ["admin:read", "admin:write"]);
    keys.adminNoScope = await make(admin, NON_ADMIN_SCOPES);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("declares a platform permission on every admin procedure, and only there", () => {
    expect(adminProcedures.length).toBeGreaterThan(10);
    for (const { path } of allProcedures()) {
      const permission = metaOf(path)?.permission ?? "";
      const platform = permission === "admin:read" || permission === "admin:write";
      expect(platform, `${path} (${permission})`).toBe(path.startsWith("admin."));
    }
  });

  it("refuses every admin procedure to anyone but a platform admin, and lets admins through", async () => {
    const failures: string[] = [];
    for (const { path, type } of adminProcedures) {
      const write = metaOf(path)?.permission === "admin:write";
      const expectations: [string, Record<string, string>, boolean][] = [
        ["organization owner", bearer(owner.token), false],
        ["owner's key with every other scope", apiKey(keys.ownerAll ?? ""), false],
        ["admin's key without admin scopes", apiKey(keys.adminNoScope ?? ""), false],
        ["admin:read key", apiKey(keys.adminRead ?? ""), !write],
        ["admin:write key", apiKey(keys.adminWrite ?? ""), true],
        ["admin session", bearer(admin.token), true],
      ];
      for (const [who, headers, allowed] of expectations) {
        const { status } = await callTrpc(h.url, path, type, SAMPLE_INPUTS[path], headers);
        // Let in: the procedure ran (200), or refused its sample input (400, 404); never a 5xx.
        const ok = allowed ? [200, 400, 404].includes(status) : status === 403;
        if (!ok) failures.push(`${path} as ${who}: ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets only admins grant the admin scopes", async () => {
    for (const scopes of [["admin:read"], ["admin:write"]]) {
      const refused = await callTrpc(h.url, "apiKeys.create", "mutation", { name: "x", scopes }, bearer(owner.token));
      expect(refused.status).toBe(403);
      expect(refused.error?.message).toMatch(/Only platform admins/);
    }
  });

  it("stops a demoted admin's session and keys at once, whatever their token says", async () => {
    const former = await h.admin();
    const made = await callTrpc<{ key: string }>(
      h.url,
      "apiKeys.create",
      "mutation",
      { name: "ops", scopes: ["admin:read"] },
      bearer(former.token),
    );
    const headers = [bearer(former.token), apiKey(made.data?.key ?? "")];
    for (const auth of headers) expect((await callTrpc(h.url, "admin.users.list", "query", {}, auth)).status).toBe(200);
    await h.auth.db.user.update({ where: { id: former.userId }, data: { role: "user" } });
    for (const auth of headers) expect((await callTrpc(h.url, "admin.users.list", "query", {}, auth)).status).toBe(403);
  });

  it("refuses downloads over tRPC, pointing at their REST route, after the same checks", async () => {
    const asOwner = await callTrpc(h.url, "admin.users.export", "query", {}, bearer(owner.token));
    expect(asOwner.status).toBe(403);
    const asAdmin = await callTrpc(h.url, "admin.users.export", "query", {}, bearer(admin.token));
    expect(asAdmin.status).toBe(400);
    expect(asAdmin.error?.message).toContain("GET /api/v1/admin/exports/users");
    // Nothing was exported, so nothing is recorded as exported.
    expect(await h.auth.db.auditEvent.count({ where: { action: "data.exported", targetType: "users" } })).toBe(0);
  });
});
