// A startup and readiness probe that names the service and the variable when
// Postgres cannot be reached, instead of a driver stack trace.
import { ServiceUnavailableError } from "@acme/config";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

function reason(error: unknown): string {
  const err = error as { code?: string; message?: string };
  if (err.code === "ECONNREFUSED") return "connection refused";
  if (err.code === "ENOTFOUND") return "host not found";
  if (err.code === "3D000") return "database does not exist";
  if (err.code === "28P01" || err.code === "28000") return "authentication failed";
  return err.message?.split("\n")[0] ?? String(error);
}

/** Connects once and runs `SELECT 1`; throws ServiceUnavailableError on failure. */
export async function probeDatabase(url: string, timeoutMs = 3_000): Promise<void> {
  const client = new pg.Client({ ...parseIntoClientConfig(url), connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new ServiceUnavailableError(
      "Postgres",
      `cannot connect to ${describeTarget(url)} (DATABASE_URL): ${reason(error)}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}
