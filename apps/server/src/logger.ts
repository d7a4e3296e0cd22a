// pino: JSON in production, readable in development. Nothing that could hold a
// credential is ever passed to it; the redact paths are a second line of defence.
import pino, { type Logger } from "pino";

export function createLogger(options: { level: string; format?: "pretty" | "json"; production: boolean }): Logger {
  const format = options.format ?? (options.production ? "json" : "pretty");
  return pino({
    level: options.level,
    base: undefined,
    redact: {
      paths: ["*.authorization", "*.cookie", "*.password", "*.token", "*.apiKey", "*.key", "headers"],
      censor: "[redacted]",
    },
    ...(format === "pretty"
      ? {
          transport: {
            target: "pino-pretty",
            options: { colorize: false, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" },
          },
        }
      : {}),
  });
}
