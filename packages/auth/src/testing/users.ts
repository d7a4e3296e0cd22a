// Signs a user up and verifies the address through the outbox, as a person would.
import { expect } from "vitest";
import type { TestAuthServer } from "./auth-server";
import { TestClient } from "./http-client";

let counter = 0;

export async function signUpVerified(
  server: TestAuthServer,
  options: { email?: string; password?: string; name?: string; ip?: string } = {},
): Promise<{ client: TestClient; email: string; password: string; userId: string }> {
  counter += 1;
  const email = options.email ?? `user${counter}.${Date.now()}@example.test`;
  const password = options.password ?? `Correct-Horse-${counter}-battery`;
  const client = new TestClient(server.url, options.ip);
  const signUp = await client.post<{ user: { id: string } }>("/api/auth/sign-up/email", {
    email,
    password,
    name: options.name ?? `User ${counter}`,
  });
  expect(signUp.status).toBe(200);
  // Mail goes out just after the answer (the renderer loads on the first one): wait for it.
  let mail = server.outbox.latest(email, "Verify");
  for (let waited = 0; !mail && waited < 5000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    mail = server.outbox.latest(email, "Verify");
  }
  expect(mail).toBeDefined();
  const link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? "";
  const verify = await client.get(link);
  expect([200, 302]).toContain(verify.status);
  expect(client.sessionToken).toBeDefined();
  return { client, email, password, userId: signUp.body.user.id };
}
