// The full data archive over real HTTP, Postgres, S3 and a real worker on pg-boss:
// refused with 503 (and nothing written) while no worker has set the queue up; then
// queued, built by the worker, mailed, listed with its status, downloaded through a
// short-lived URL by its owner only; one at a time, three a day.
import { JobQueue } from "@acme/jobs/queue";
import { startWorker, type Worker } from "@acme/worker";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, type TestUser } from "./testing/harness";
import { bearer } from "./testing/http";
import { jobHandlers, jobMail } from "./testing/jobs";
import { callTrpc } from "./testing/procedures";

interface ArchiveRow {
  id: string;
  status: string;
  size: number | null;
}

describe("account archives", () => {
  let h: Harness;
  let user: TestUser;
  let worker: Worker | undefined;
  beforeAll(async () => {
    h = await startHarness();
    user = await h.user();
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.stop();
  });

  const request = (who: TestUser) =>
    callTrpc<ArchiveRow>(h.url, "account.requestArchive", "mutation", undefined, bearer(who.token));
  const archives = async (who: TestUser) =>
    (await callTrpc<ArchiveRow[]>(h.url, "account.archives", "query", undefined, bearer(who.token))).data ?? [];
  const ready = async (who: TestUser, id: string) =>
    vi.waitFor(async () => expect((await archives(who)).find((a) => a.id === id)).toMatchObject({ status: "ready" }), {
      timeout: 20_000,
      interval: 300,
    });

  it("refuses with 503 and writes nothing while no worker has set the queue up", async () => {
    const refused = await request(user);
    expect(refused.status).toBe(503);
    expect(refused.error?.message).toMatch(/cannot be prepared right now/);
    expect(await h.auth.db.accountExport.count({ where: { userId: user.userId } })).toBe(0);
    expect(await h.auth.db.auditEvent.count({ where: { action: "data.exported", actorUserId: user.userId } })).toBe(0);
  });

  it("queues, builds, mails and hands the owner alone a short-lived download", async () => {
    worker = await startWorker({
      queue: new JobQueue({ connectionString: h.database.url, pollingIntervalSeconds: 0.5 }),
      handlers: jobHandlers(h),
      logger: pino({ level: "silent" }),
      pollingIntervalSeconds: 0.5,
    });
    const first = await request(user);
    expect(first).toMatchObject({ status: 200, data: { status: "queued" } });
    const id = first.data?.id ?? "";
    await ready(user, id);
    expect(jobMail.latest(user.email, "export is ready")?.text).toContain("/profile/security#your-data");

    const download = await callTrpc<{ url: string; expiresInSeconds: number }>(
      h.url,
      "account.archiveDownload",
      "mutation",
      { id },
      bearer(user.token),
    );
    expect(download.data?.expiresInSeconds).toBe(300);
    const zip = Buffer.from(await (await fetch(download.data?.url ?? "")).arrayBuffer());
    expect(zip.subarray(0, 2).toString()).toBe("PK");
    expect(await h.auth.db.auditEvent.count({ where: { action: "data.downloaded", actorUserId: user.userId } })).toBe(
      1,
    );

    const stranger = await h.user();
    const foreign = await callTrpc(h.url, "account.archiveDownload", "mutation", { id }, bearer(stranger.token));
    expect(foreign.status).toBe(404);
    expect(await archives(stranger)).toEqual([]);
  }, 60_000);

  it("prepares one at a time", async () => {
    const busy = await h.user();
    await h.auth.db.accountExport.create({ data: { userId: busy.userId, status: "running" } });
    const refused = await request(busy);
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toMatch(/already being prepared/);
    expect(await h.auth.db.accountExport.count({ where: { userId: busy.userId } })).toBe(1);
  });

  it("allows three a day", async () => {
    const other = await h.user();
    for (let i = 0; i < 3; i++) {
      const queued = await request(other);
      expect(queued.status).toBe(200);
      await ready(other, queued.data?.id ?? "");
    }
    const fourth = await request(other);
    expect(fourth.status).toBe(429);
    expect(fourth.error?.message).toMatch(/At most 3 exports a day/);
  }, 90_000);
});
