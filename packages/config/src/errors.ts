// Turns startup failures into one readable line instead of a stack trace.
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
