// For command-line entry points only (not bundled into the web app): loading .env
// and turning startup errors into one line.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isStartupError } from "./errors";

export const ROOT_ENV_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../../../.env");

/** Loads the repository's .env, if any; variables already set win. */
export function loadDotEnv(path: string = ROOT_ENV_FILE): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
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
