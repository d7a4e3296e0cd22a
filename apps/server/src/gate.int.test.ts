// MAX_CONCURRENT_REQUESTS on the real server, at 1 so that one request held in
// Postgres (a row lock taken by the test) holds the only turn: the next request
// waits for it in order, health probes and a slow client's body take no turn, a
// request whose client leaves while waiting never runs (nothing written), one that
// waits past REQUEST_QUEUE_TIMEOUT_MS is answered 503, and every way a request ends
// gives its turn back.
import { request } from "node:http";
import { waitUntil } from "@acme/config/process";
import { closeDb, createDb, type Db, poolOf } from "@acme/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";
import { bearer, call } from "./testing/http";

const QUEUE_TIMEOUT_MS = 3_000;

describe("the gate (MAX_CONCURRENT_REQUESTS)", () => {
  let h: Harness;
  let auth: Record<string, string>;
  /** The test's own connection, for the locks. */
  let locker: Db;
  beforeAll(async () => {
    h = await startHarness({
      env: { MAX_CONCURRENT_REQUESTS: "1", REQUEST_QUEUE_TIMEOUT_MS: String(QUEUE_TIMEOUT_MS) },
    });
    auth = bearer((await h.user()).token);
    locker = createDb({ url: h.database.url, poolSize: 1 });
  });
  afterAll(async () => {
    if (locker) await closeDb(locker);
    await h?.stop();
  });

  /** Holds a lock on the task's row until the returned function is called: an update of it waits in Postgres. */
  async function lockTask(id: string): Promise<() => Promise<void>> {
    const client = await poolOf(locker).connect();
    await client.query("BEGIN");
    await client.query("SELECT id FROM api.tasks WHERE id = $1 FOR UPDATE", [id]);
    return async () => {
      await client.query("COMMIT");
      client.release();
    };
  }

  /** Starts an update of the task that waits on the lock holding the only turn; resolves once it does. */
  async function blockedUpdate(id: string) {
    const body = { status: "completed" };
    const update = call(`${h.url}/api/v1/tasks/${id}`, { method: "PATCH", headers: auth, body });
    expect(await waitUntil(() => h.api.load.active === 1, 5_000, 10)).toBe(true);
    return { update };
  }

  const newTask = async (title: string) =>
    (await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: auth, body: { title } })).body.id as string;

  it("runs one request at a time; the next waits its turn and health probes are answered meanwhile", async () => {
    const id = await newTask("locked");
    const unlock = await lockTask(id);
    const { update } = await blockedUpdate(id);
    const answered: string[] = [];
    const me = call(`${h.url}/api/v1/me`, { headers: auth }).then((reply) => {
      answered.push("me");
      return reply;
    });
    expect(await waitUntil(() => h.api.load.waiting === 1, 5_000, 10)).toBe(true);
    expect((await call(`${h.url}/health`)).status).toBe(200);
    expect(answered).toEqual([]);

    await unlock();
    expect((await update).body.status).toBe("completed");
    expect((await me).status).toBe(200);
    expect(h.api.load).toEqual({ active: 0, waiting: 0 });
  });

  it("a body still arriving takes no turn: other requests run while it trickles in", async () => {
    const body = JSON.stringify({ title: "sent slowly" });
    let finish = () => {};
    const created = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${h.url}/api/v1/tasks`,
        {
          method: "POST",
          headers: { ...auth, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 5));
      finish = () => req.end(body.slice(5));
    });
    expect((await call(`${h.url}/api/v1/me`, { headers: auth })).status).toBe(200);
    expect(h.api.load.active).toBe(0);
    finish();
    const reply = await created;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text).title).toBe("sent slowly");
  });

  it("never runs a request whose client left while it waited: nothing written, logged as 499", async () => {
    const id = await newTask("locked again");
    const unlock = await lockTask(id);
    const { update } = await blockedUpdate(id);
    const leaving = new AbortController();
    const requestId = "gate-abandoned-create";
    const create = fetch(`${h.url}/api/v1/tasks`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify({ title: "never written" }),
      signal: leaving.signal,
    }).catch((error: Error) => error.name);
    expect(await waitUntil(() => h.api.load.waiting === 1, 5_000, 10)).toBe(true);
    leaving.abort();
    expect(await create).toBe("AbortError");
    // Dropped as soon as the server sees the connection close, while the turn is still held.
    expect(await waitUntil(() => h.api.load.waiting === 0, 5_000, 10)).toBe(true);
    const line = h.logs.map((l) => JSON.parse(l)).find((entry) => entry.requestId === requestId);
    expect(line?.status).toBe(499);

    await unlock();
    expect((await update).status).toBe(200);
    const titles = (await call(`${h.url}/api/v1/tasks`, { headers: auth })).body.items.map(
      (task: { title: string }) => task.title,
    );
    expect(titles).not.toContain("never written");
    expect(h.api.load).toEqual({ active: 0, waiting: 0 });
  });

  it("answers 503 with Retry-After to a request that waited past REQUEST_QUEUE_TIMEOUT_MS, and never runs it", async () => {
    const id = await newTask("locked a third time");
    const unlock = await lockTask(id);
    const { update } = await blockedUpdate(id);
    const started = performance.now();
    const late = await call(`${h.url}/api/v1/tasks`, { method: "POST", headers: auth, body: { title: "too late" } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(QUEUE_TIMEOUT_MS);
    expect(late.status).toBe(503);
    expect(late.headers.get("retry-after")).toBe(String(QUEUE_TIMEOUT_MS / 1000));
    expect(late.body.error).toMatchObject({ code: "SERVICE_UNAVAILABLE", requestId: late.headers.get("x-request-id") });
    await unlock();
    expect((await update).status).toBe(200);
    const titles = (await call(`${h.url}/api/v1/tasks`, { headers: auth })).body.items.map(
      (task: { title: string }) => task.title,
    );
    expect(titles).not.toContain("too late");
  });

  it("gives the turn back however a request ends: 404, 405, HEAD, refused credentials, a bad body, a batch", async () => {
    const endings = [
      call(`${h.url}/api/v1/no-such-route`, { headers: auth }),
      call(`${h.url}/api/v1/me`, { method: "DELETE", headers: auth }),
      call(`${h.url}/trpc/me`, { method: "HEAD", headers: auth }),
      call(`${h.url}/api/v1/me`, { headers: bearer("not-a-token") }),
      call(`${h.url}/api/v1/tasks`, { method: "POST", headers: auth, body: "{not json" }),
      call(`${h.url}/trpc/me,me?batch=1`, { headers: auth }),
    ];
    // One turn: each waits for the one before it, and a turn kept would leave the rest hanging.
    expect((await Promise.all(endings)).map((reply) => reply.status)).toEqual([404, 405, 204, 401, 400, 200]);
    expect(h.api.load).toEqual({ active: 0, waiting: 0 });
  });
});
