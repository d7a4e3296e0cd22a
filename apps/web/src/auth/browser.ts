"use client";
// The auth calls signed-in pages need, as plain fetches, so pages that use nothing
// else do not ship the Better Auth client.

/** POSTs JSON to the auth server; throws with its message when it refuses. */
export async function postAuth(path: string, body: object = {}): Promise<void> {
  const response = await fetch(`/api/auth${path}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(answer?.message ?? `The auth server answered ${response.status}`);
  }
}

export async function signOutNow(): Promise<void> {
  await postAuth("/sign-out").catch(() => undefined);
}

export async function countSessions(): Promise<number> {
  const response = await fetch("/api/auth/list-sessions", { credentials: "same-origin" });
  if (!response.ok) return 0;
  return ((await response.json()) as unknown[]).length;
}
