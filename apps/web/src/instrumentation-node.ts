// Validate the auth configuration at boot, so a missing secret or a malformed URL
// stops the server instead of failing its first request.
import { authEnv } from "@acme/auth/env";

export function validateConfig(): void {
  try {
    authEnv();
  } catch (error) {
    console.error(`web: ${(error as Error).message}`);
    process.exit(1);
  }
}
