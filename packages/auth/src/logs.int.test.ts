import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKeyService } from "./api-keys";
import { signUpVerified, startTestAuthServer, type TestAuthServer, TestClient } from "./testing";

describe("logs never carry credentials", () => {
  let server: TestAuthServer;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      });
    }
    server = await startTestAuthServer();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.stop();
  });

  it("after sign-up, sign-in, failures, tokens, resets and API keys", async () => {
    const { client, email, password, userId } = await signUpVerified(server);
    const secrets = [password];

    const signIn = new TestClient(server.url);
    await signIn.post("/api/auth/sign-in/email", { email, password });
    await signIn.post("/api/auth/sign-in/email", { email, password: "wrong-password-attempt" });
    secrets.push("wrong-password-attempt", signIn.sessionToken ?? "", client.sessionToken ?? "");

    const { token } = (await client.get<{ token: string }>("/api/auth/token")).body;
    secrets.push(token);

    // Sign-up for a taken address is logged by Better Auth with the email: fine, not a credential.
    await new TestClient(server.url).post("/api/auth/sign-up/email", {
      email,
      password: "dup-password-123",
      name: "x",
    });
    secrets.push("dup-password-123");

    await new TestClient(server.url).post("/api/auth/request-password-reset", { email });
    const resetLink = server.outbox.latest(email, "Reset")?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
    const resetToken = resetLink.split("/reset-password/")[1]?.split("?")[0] ?? "";
    secrets.push(resetToken);

    const keys = createApiKeyService(server.auth);
    const { key } = await keys.create(userId, { name: "logged?", scopes: ["tasks:read"] });
    await keys.verify(key);
    await keys.verify(`${key}x`);
    secrets.push(key);

    const everything = [...server.logs, ...consoleLines].join("\n");
    expect(server.logs.length).toBeGreaterThan(0);
    expect(everything).toContain("outbox: mail to");
    for (const secret of secrets.filter((s) => s.length >= 8)) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
  });
});
