// Loads the repository's .env (if any) into process.env for command-line entry
// points; variables already set in the environment win.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT_ENV_FILE = fileURLToPath(new URL("../../../.env", import.meta.url));

export function loadDotEnv(path: string = ROOT_ENV_FILE): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
