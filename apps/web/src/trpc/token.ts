"use client";
// The API's JWT, kept in memory only (never localStorage): fetched from the auth
// server with the session cookie, reused until shortly before it expires, and
// fetched once for concurrent callers.

let token: { value: string; expiresAt: number } | null = null;
let pending: Promise<string> | null = null;
const REFRESH_MARGIN_MS = 60_000;

function expiryOf(jwt: string): number {
  try {
    const payload = JSON.parse(atob(jwt.split(".")[1]?.replace(/-/g, "+").replace(/_/g, "/") ?? "")) as {
      exp?: number;
    };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}

export class SignedOutError extends Error {
  override readonly name = "SignedOutError";
}

export async function getApiToken(): Promise<string> {
  if (token && token.expiresAt - REFRESH_MARGIN_MS > Date.now()) return token.value;
  pending ??= fetch("/api/auth/token", { credentials: "same-origin" })
    .then(async (response) => {
      if (response.status === 401) throw new SignedOutError("Your session has ended");
      if (!response.ok) throw new Error(`Could not get an API token (${response.status})`);
      const { token: value } = (await response.json()) as { token: string };
      token = { value, expiresAt: expiryOf(value) };
      return value;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

const beforeForget = new Set<(last: string | null) => void>();

/** Runs `fn` with the token still in memory just before it is forgotten (sign-out, switching organization). */
export function beforeApiTokenForgotten(fn: (last: string | null) => void): void {
  beforeForget.add(fn);
}

export function forgetApiToken(): void {
  const last = currentApiToken();
  token = null;
  for (const fn of beforeForget) {
    try {
      fn(last);
    } catch {
      // Leaving goes on whatever one of these does.
    }
  }
}

const leaving = new Set<() => Promise<void>>();

/** Work to finish before the session ends or changes (pending deletes): awaited by `beforeLeaving`. */
export function onLeaving(fn: () => Promise<void>): void {
  leaving.add(fn);
}

/** Called before signing out, switching organization or deleting the account. */
export async function beforeLeaving(): Promise<void> {
  await Promise.allSettled([...leaving].map((fn) => fn()));
}

/** The token in memory if it is still good, without fetching (for requests sent as the page goes). */
export function currentApiToken(): string | null {
  return token && token.expiresAt > Date.now() ? token.value : null;
}
