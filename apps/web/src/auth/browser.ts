"use client";
// The auth calls every signed-in page needs (the header's sign-out and organization
// switcher), as plain fetches, so pages that use nothing else do not ship the Better
// Auth client.
import { beforeLeaving, forgetApiToken } from "~/trpc/token";

/** How the auth server refuses: its code and message, and the HTTP status. */
export interface AuthError {
  code?: string;
  message?: string;
  status: number;
}

/**
 * POSTs JSON to the auth server: `{ data }` with its answer, or `{ error }` when it
 * refuses (the shape Better Auth's client answers with, so messages read the same).
 */
export async function callAuth<T = unknown>(
  path: string,
  body: object = {},
): Promise<{ data: T; error: null } | { data: null; error: AuthError }> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { data: null, error: { status: 0, message: "The server could not be reached. Check your connection." } };
  }
  const answer = (await response.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
  if (response.ok) return { data: answer as T, error: null };
  return {
    data: null,
    error: {
      status: response.status,
      code: answer?.code,
      message: answer?.message ?? `The auth server answered ${response.status}`,
    },
  };
}

/** POSTs JSON to the auth server; its JSON answer, or throws with its message when it refuses. */
export async function postAuth<T = unknown>(path: string, body: object = {}): Promise<T> {
  const { data, error } = await callAuth<T>(path, body);
  if (error) throw new Error(error.message);
  return data as T;
}

/** Makes `organizationId` active; the next API token carries it, so the app starts over at `to`. */
export async function switchOrganization(organizationId: string, to = "/dashboard"): Promise<string | null> {
  await beforeLeaving();
  try {
    await postAuth("/organization/set-active", { organizationId });
  } catch (error) {
    return (error as Error).message;
  }
  forgetApiToken();
  window.location.assign(to);
  return null;
}

export function createOrganization(name: string, slug: string): Promise<{ id: string }> {
  return postAuth<{ id: string }>("/organization/create", { name, slug });
}

export async function signOutNow(): Promise<void> {
  await postAuth("/sign-out").catch(() => undefined);
}
