// Validate the auth and web configuration at boot, so a missing secret or a malformed URL
// stops the server instead of failing its first request.
import { authEnv } from "@acme/auth/env";
import { webEnv } from "./env";

export function validateConfig(): void {
  try {
    authEnv();
    webEnv();
  } catch (error) {
    console.error(`web: ${(error as Error).message}`);
    process.exit(1);
  }
}
