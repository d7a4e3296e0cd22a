// Plain fetch helpers for tests: JSON in, status + headers + JSON out. Every answer
// under /api/v1 is checked against the server's OpenAPI document on the way.
import { checkAnswer } from "./contract";

// biome-ignore lint/suspicious/noExplicitAny: replies are asserted field by field in tests
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function call<T = any>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply<T>> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  const target = new URL(url);
  if (target.pathname.startsWith("/api/v1")) {
    const method = init.method ?? "GET";
    await checkAnswer({ method, url: target, status: response.status, headers: response.headers, body });
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const apiKey = (key: string) => ({ "x-api-key": key });
