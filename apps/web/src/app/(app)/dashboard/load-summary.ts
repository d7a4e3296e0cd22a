// The dashboard's data, fetched on the server: one batched call to the API as the
// signed-in user (each part answered on its own, so a role that may not see API keys
// still gets its tasks) and the session count from the auth server.
import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getAuth } from "~/auth/server";
import { serverApi } from "~/trpc/server";
import { type PartError, settle } from "./settle";

export type { PartError };

export type Part<T> = { value: T; error?: never } | { error: PartError; value?: never };

const part = <T>(what: string, call: Promise<T>): Promise<Part<T>> =>
  call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: settle(what, error) }),
  );

async function sessionCount(): Promise<number | undefined> {
  try {
    return (await getAuth().api.listSessions({ headers: await headers() })).length;
  } catch (error) {
    unstable_rethrow(error);
    return undefined; // shown as unknown; the rest still renders
  }
}

export async function loadSummary() {
  let api: Awaited<ReturnType<typeof serverApi>>;
  try {
    api = await serverApi();
  } catch (error) {
    return { unavailable: settle("the API token", error) } as const;
  }
  const [pending, inProgress, completed, files, keys, sessions] = await Promise.all([
    part("tasks.list", api.tasks.list.query({ status: "pending", limit: 5 })),
    part("tasks.list", api.tasks.list.query({ status: "in_progress", limit: 1 })),
    part("tasks.list", api.tasks.list.query({ status: "completed", limit: 1 })),
    part("files.list", api.files.list.query({ status: "ready", limit: 1 })),
    part("apiKeys.list", api.apiKeys.list.query({ limit: 5 })),
    sessionCount(),
  ]);
  const parts = [pending, inProgress, completed, files, keys];
  // Nothing came back at all: the API is down or refusing, which the page says once.
  if (pending.error && parts.every((one) => one.error && !one.error.forbidden)) {
    return { unavailable: pending.error } as const;
  }
  return { unavailable: undefined, pending, inProgress, completed, files, keys, sessions };
}
