// Where tests create their throwaway databases: a server-level URL whose user may
// CREATE DATABASE. CI points it at the local PostgreSQL; when nothing answers there,
// the integration tests' global setup starts the embedded PostgreSQL and points it there.
import { envField, parseEnv } from "@acme/config";
import { z } from "zod";

const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

const testEnvSchema = z.object({
  TEST_DATABASE_URL: envField.url(["postgres", "postgresql"]).optional(),
});

export function testEnv() {
  const env = parseEnv(testEnvSchema);
  return {
    TEST_DATABASE_URL: env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL,
    /** Set by the person running the tests (rather than the default). */
    configured: env.TEST_DATABASE_URL !== undefined,
  };
}

/** Points this process, and the test workers it starts afterwards, at another server. */
export function useTestDatabaseUrl(url: string): void {
  process.env.TEST_DATABASE_URL = url;
}
