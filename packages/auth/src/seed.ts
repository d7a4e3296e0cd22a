// Creates the demo user (and the first admin's account), only when asked (`pnpm db:seed`). The password comes from
// SEED_DEMO_PASSWORD or is generated and printed once; none is fixed anywhere.
import { randomBytes } from "node:crypto";
import type { Auth } from "./auth";

export interface SeedResult {
  email: string;
  created: boolean;
  /** Set only when this run generated the password. */
  generatedPassword?: string;
}

export async function seedDemoUser(
  auth: Auth,
  options: { email: string; password?: string; name?: string },
): Promise<SeedResult> {
  const ctx = await auth.$context;
  const existing = await ctx.internalAdapter.findUserByEmail(options.email);
  if (existing?.user) return { email: options.email, created: false };

  const password = options.password ?? randomBytes(12).toString("base64url");
  const { user } = await auth.api.signUpEmail({
    body: { email: options.email, password, name: options.name ?? "Demo User" },
  });
  await ctx.internalAdapter.updateUser(user.id, { emailVerified: true });
  return { email: options.email, created: true, ...(options.password ? {} : { generatedPassword: password }) };
}
