// A small HTTP client for tests that keeps cookies like a browser and sends the
// Origin header Better Auth checks on state-changing requests.
export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class TestClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    /** Sent as X-Forwarded-For: the client's address as the proxy would report it. */
    private readonly ip = "203.0.113.10",
  ) {}

  /** The session token inside the signed session cookie (`<token>.<signature>`). */
  get sessionToken(): string | undefined {
    const cookie = [...this.cookies.entries()].find(([name]) => name.endsWith("session_token"))?.[1];
    return cookie === undefined ? undefined : decodeURIComponent(cookie).split(".")[0];
  }

  cookieHeader(): string {
    return [...this.cookies.entries()].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
    const url = path.startsWith("http") ? path : `${this.baseUrl}${path}`;
    const response = await fetch(url, {
      method,
      redirect: "manual",
      headers: {
        origin: this.baseUrl,
        "x-forwarded-for": this.ip,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>("GET", path);
  }

  post<T = unknown>(path: string, body: unknown = {}) {
    return this.request<T>("POST", path, body);
  }
}
