// The logger the auth server writes to, and Better Auth's logger on top of it with
// every message and argument scrubbed of credentials.
import { redactText, redactValue } from "@acme/config";

export interface AuthLogger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export const consoleLogger: AuthLogger = {
  debug: () => {},
  info: (message, details) => console.info(message, ...(details === undefined ? [] : [details])),
  warn: (message, details) => console.warn(message, ...(details === undefined ? [] : [details])),
  error: (message, details) => console.error(message, ...(details === undefined ? [] : [details])),
};

type Level = "debug" | "info" | "warn" | "error";

export function betterAuthLogger(logger: AuthLogger, level: Level = "info") {
  return {
    level,
    disableColors: true,
    log(logLevel: Level, message: string, ...args: unknown[]) {
      const details = args.length === 0 ? undefined : redactValue(args.length === 1 ? args[0] : args);
      logger[logLevel](`auth: ${redactText(message)}`, details);
    },
  };
}
