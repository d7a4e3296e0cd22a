// Runs once when the server starts: validate the auth configuration then, so a
// missing secret or a malformed URL stops the boot instead of the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authEnv } = await import("@acme/auth/env");
  try {
    authEnv();
  } catch (error) {
    console.error(`web: ${(error as Error).message}`);
    process.exit(1);
  }
}
