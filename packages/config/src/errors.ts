// Turns startup failures into one readable line instead of a stack trace.
import { loadDotEnv } from "./dotenv";
import { ConfigError } from "./env";

/** A required service could not be reached at startup. */
export class ServiceUnavailableError extends Error {
  override readonly name = "ServiceUnavailableError";
  constructor(
    readonly service: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${service} unavailable: ${message}`, options);
  }
}

export function isStartupError(error: unknown): error is ConfigError | ServiceUnavailableError {
  return error instanceof ConfigError || error instanceof ServiceUnavailableError;
}

/**
 * Runs a command's main function after loading .env; a known startup error prints its one line and
 * exits 1, anything else keeps its stack (that is a bug, and the stack helps).
 */
export async function runMain(name: string, main: () => Promise<void>): Promise<void> {
  try {
    loadDotEnv();
    await main();
  } catch (error) {
    if (isStartupError(error)) {
      console.error(`${name}: ${error.message}`);
    } else {
      console.error(`${name}: unexpected error`, error);
    }
    process.exit(1);
  }
}
