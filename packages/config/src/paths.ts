// The repository root, so that relative data paths (`.data/...`) mean the same folder
// whichever package a command runs from.
import { chmodSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";

let root: string | undefined;

function findRoot(): string {
  let dir = process.cwd();
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The nearest folder at or above the working directory holding pnpm-workspace.yaml; else the working directory. */
export function repoRoot(): string {
  root ??= findRoot();
  return root;
}

/** An absolute path; relative ones are taken from the repository root. */
export function fromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(repoRoot(), path);
}

/**
 * A new temporary folder that other users may enter (mkdtemp makes it 0700): run as
 * root, the embedded PostgreSQL runs as `postgres` and must reach a data directory inside.
 */
export function searchableTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}
