// The web app's own settings (the auth server's are validated by packages/auth).
import { envField, parseEnv } from "@acme/config";
import { z } from "zod";

const webEnvSchema = z.object({
  /** Where browsers reach the API server. Read at request time, so one build serves any environment. */
  API_PUBLIC_URL: envField.url(["http", "https"]).default("http://localhost:4000"),
  /**
   * Where this web server reaches the API server for the pages it renders with data
   * (the dashboard), when that differs from the public address (a private network).
   */
  API_INTERNAL_URL: envField.url(["http", "https"]).optional(),
});

export function webEnv() {
  return parseEnv(webEnvSchema);
}
