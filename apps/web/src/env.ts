// The web app's own settings (the auth server's are validated by packages/auth).
import { envField, parseEnv } from "@acme/config";
import { z } from "zod";

const webEnvSchema = z.object({
  /** Where browsers reach the API server. Read at request time, so one build serves any environment. */
  API_PUBLIC_URL: envField.url(["http", "https"]).default("http://localhost:4000"),
});

export function webEnv() {
  return parseEnv(webEnvSchema);
}
