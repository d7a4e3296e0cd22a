// Where tests create their throwaway databases: a server-level URL whose user may
// CREATE DATABASE. CI points it at the local PostgreSQL 15.
import { envField, parseEnv } from "@acme/config";
import { z } from "zod";

const testEnvSchema = z.object({
  TEST_DATABASE_URL: envField.url(["postgres", "postgresql"]).default("postgresql://postgres@127.0.0.1:5432/postgres"),
});

export function testEnv() {
  return parseEnv(testEnvSchema);
}
