// Runs once when the server starts; the Node-only part lives in its own module so
// the edge bundle never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfig } = await import("./instrumentation-node");
    validateConfig();
  }
}
