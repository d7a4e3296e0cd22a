// Runs once when the server starts; the Node-only part lives in its own module so
// the edge bundle never sees it.
import { isNodeRuntime } from "./config";

export async function register(): Promise<void> {
  if (isNodeRuntime()) {
    const { validateConfig } = await import("./instrumentation-node");
    validateConfig();
  }
}
