"use client";
// The two auth calls every signed-in page needs, as plain fetches, so pages that
// use nothing else do not ship the Better Auth client.
export async function signOutNow(): Promise<void> {
  await fetch("/api/auth/sign-out", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
}

export async function countSessions(): Promise<number> {
  const response = await fetch("/api/auth/list-sessions", { credentials: "same-origin" });
  if (!response.ok) return 0;
  return ((await response.json()) as unknown[]).length;
}
