// The dashboard's data, fetched on the server: one batched call to the API as the
// signed-in user (each part answered on its own, so a role that may not see API keys
// still gets its tasks) and the session count from the auth server.
import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getAuth } from "~/auth/server";
import { serverApi } from "~/trpc/server";
import { type PartError, settle, trpcCode } from "./settle";

export type Part<T> = { value: T; error?: never } | { error: PartError; value?: never };

function part<T>(what: string, result: PromiseSettledResult<T>, roleLimit = false): Part<T> {
  return result.status === "fulfilled"
    ? { value: result.value }
    : { error: settle(what, result.reason, { roleLimit }) };
}

async function sessionCount(): Promise<number | undefined> {
  try {
    return (await getAuth().api.listSessions({ headers: await headers() })).length;
  } catch (error) {
    unstable_rethrow(error);
    return undefined; // shown as unknown; the rest still renders
  }
}

async function fetchParts(fresh: boolean) {
  const api = await serverApi({ fresh });
  return Promise.allSettled([
    api.tasks.list.query({ status: "pending", limit: 5 }),
    api.tasks.list.query({ status: "in_progress", limit: 1 }),
    api.tasks.list.query({ status: "completed", limit: 1 }),
    api.files.list.query({ status: "ready", limit: 1 }),
    api.apiKeys.list.query({ limit: 5 }),
  ] as const);
}

const refused = (result: PromiseSettledResult<unknown>) =>
  result.status === "rejected" && trpcCode(result.reason) === "UNAUTHORIZED";

export async function loadSummary() {
  const sessions = sessionCount();
  let results: Awaited<ReturnType<typeof fetchParts>>;
  try {
    results = await fetchParts(false);
    // The API refused the kept token (a rotated signing key, clocks apart): once more
    // with a new one; refused again, the page says so (the session itself is live).
    if (results.some(refused)) results = await fetchParts(true);
  } catch (error) {
    return { unavailable: settle("the API token", error) } as const;
  }
  const [pending, inProgress, completed, files, keys] = [
    part("tasks.list", results[0]),
    part("tasks.list", results[1]),
    part("tasks.list", results[2]),
    part("files.list", results[3]),
    part("apiKeys.list", results[4], true),
  ];
  // Nothing came (what the role may not see aside): the API is down or refusing,
  // which the page says once, with Try again.
  const failures = [pending, inProgress, completed, files, keys].map((one) => one.error);
  const failed = failures.find((error) => error && !error.forbidden);
  if (failed && failures.every(Boolean)) return { unavailable: failed } as const;
  return { unavailable: undefined, pending, inProgress, completed, files, keys, sessions: await sessions };
}
