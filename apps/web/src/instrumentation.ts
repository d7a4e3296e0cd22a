// Runs once when the server starts. The Node-only part lives in its own module and is
// imported behind the literal NEXT_RUNTIME check, which Next replaces at build time
// so the edge bundle never contains it (a helper function would hide the check).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfig } = await import("./instrumentation-node");
    validateConfig();
  }
}
