// `make dev`'s own settings, validated like every package's.
import { envField, parseEnv } from "@acme/config";
import { z } from "zod";

const devEnvSchema = z.object({
  /** Only these apps (folder names under apps/); unset: all of them. */
  DEV_APPS: envField.csv().default([]),
  /** `make dev` passes its pid: make does not forward a SIGTERM it receives. */
  DEV_SUPERVISOR_PID: envField.positiveInt().optional(),
  REDIS_URL: envField.url(["redis", "rediss"]).optional(),
});

export function devEnv() {
  return parseEnv(devEnvSchema);
}
