// CSV downloads over real HTTP and Postgres: 10,000 users stream out page by page
// (chunked, never one body built in memory; csv.int.test.ts shows the pages are read
// as the download proceeds), filtered like the list, with spreadsheet formulas defused;
// the platform and organization logs export the same way. Refused to non-admins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { bearer, call } from "./testing/http";

/** The body, and how many chunks it arrived in. */
async function download(response: Response): Promise<{ text: string; chunks: number }> {
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks += 1;
    text += decoder.decode(next.value, { stream: true });
  }
  return { text, chunks };
}

describe("CSV exports", () => {
  let h: Harness;
  let admin: TestUser;
  const tag = `bulk${Date.now()}`;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.admin();
    await h.auth.db.$executeRawUnsafe(
      `INSERT INTO auth.users (id, name, email, email_verified, created_at, updated_at)
       SELECT 'bulk-' || i, 'Bulk ' || i, '${tag}-' || i || '@example.test', i % 2 = 0,
              now() - i * interval '1 second', now()
       FROM generate_series(1, 9998) AS i`,
    );
    await h.auth.db.user.createMany({
      data: [
        { id: "bulk-formula", name: '=HYPERLINK("http://evil")', email: `${tag}-formula@example.test` },
        { id: "bulk-quote", name: 'Smith, "Jo"', email: `${tag}-quote@example.test` },
      ],
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("streams 10,000 filtered users as CSV, in chunks, formulas defused, and records the export", async () => {
    const response = await fetch(`${h.url}/api/v1/admin/exports/users?q=${tag}&sort=email`, {
      headers: bearer(admin.token),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="users.csv"');
    expect(response.headers.get("content-length")).toBeNull();
    expect(response.headers.get("x-request-id")).toBeTruthy();
    const { text, chunks } = await download(response);
    expect(chunks).toBeGreaterThan(1);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("id,email,name,role,email_verified,banned,ban_reason,ban_expires,created_at");
    expect(lines).toHaveLength(10_001);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[0])).size).toBe(10_000);
    // In email order, like the list.
    const emails = lines.slice(1).map((line) => line.split(",")[1] ?? "");
    expect(emails).toEqual([...emails].sort());
    expect(text).toContain(`bulk-formula,${tag}-formula@example.test,"'=HYPERLINK(""http://evil"")",user,false`);
    expect(text).toContain(`bulk-quote,${tag}-quote@example.test,"Smith, ""Jo""",user,false`);

    const unverified = await download(
      await fetch(`${h.url}/api/v1/admin/exports/users?q=${tag}&verified=unverified`, { headers: bearer(admin.token) }),
    );
    expect(unverified.text.split("\r\n").filter(Boolean)).toHaveLength(1 + 4999 + 2);

    const events = await h.auth.db.auditEvent.findMany({ where: { action: "data.exported", targetType: "users" } });
    expect(events.map((e) => e.metadata)).toEqual([
      { filters: { q: tag }, sort: "email" },
      { filters: { q: tag, verified: "unverified" }, sort: "newest" },
    ]);
  });

  it("answers as /openapi.json says: text/csv, or the error envelope", async () => {
    const ok = await call(`${h.url}/api/v1/admin/exports/users?q=nobody-matches`, { headers: bearer(admin.token) });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe("id,email,name,role,email_verified,banned,ban_reason,ban_expires,created_at\r\n");
    const someone = await h.user();
    const refused = await call(`${h.url}/api/v1/admin/exports/users`, { headers: bearer(someone.token) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
    const invalid = await call(`${h.url}/api/v1/admin/exports/users?sort=sideways`, { headers: bearer(admin.token) });
    expect(invalid.status).toBe(400);
  });

  it("exports the platform log and an organization's own log with their filters", async () => {
    const owner = await h.userIn("org-export", "owner");
    const task = await call(`${h.url}/api/v1/tasks`, {
      method: "POST",
      headers: bearer(owner.token),
      body: { title: "x" },
    });
    await call(`${h.url}/api/v1/tasks/${task.body.id}`, { method: "DELETE", headers: bearer(owner.token) });

    const own = await download(
      await fetch(`${h.url}/api/v1/audit-events/export?action=task.deleted`, { headers: bearer(owner.token) }),
    );
    const ownLines = own.text.split("\r\n").filter(Boolean);
    expect(ownLines[0]).toMatch(/^at,action,actor_user_id,/);
    expect(ownLines).toHaveLength(2);
    expect(ownLines[1]).toContain(`task.deleted,${owner.userId},${owner.email},,,org-export,task,${task.body.id}`);

    const platform = await download(
      await fetch(`${h.url}/api/v1/admin/exports/audit-events?organizationId=org-export&action=task.deleted`, {
        headers: bearer(admin.token),
      }),
    );
    expect(platform.text.split("\r\n").filter(Boolean)).toEqual(ownLines);
    // Both downloads are in the log, each in the chain of who was looking.
    const exported = await h.auth.db.auditEvent.findMany({
      where: { action: "data.exported", targetType: "audit_log" },
      orderBy: { createdAt: "asc" },
    });
    expect(exported.map((e) => [e.actorUserId, e.organizationId])).toEqual([
      [owner.userId, "org-export"],
      [admin.userId, null],
    ]);
  });
});
