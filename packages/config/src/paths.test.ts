// Data paths mean one folder whatever the working directory: the web app (run from
// apps/web), the database commands (packages/db) and the seed (the root) share
// `.data/auth-secret` and `.data/postgres`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromRoot, repoRoot } from "./paths";

const root = fileURLToPath(new URL("../../..", import.meta.url));

function resolvedFrom(cwd: string): string {
  const script = `import { envField } from "@acme/config"; console.log(envField.path(".data/auth-secret").parse(undefined));`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd,
    encoding: "utf8",
  });
  return result.stdout.trim() || result.stderr;
}

describe("repository paths", () => {
  it("finds the repository root and keeps absolute paths", () => {
    expect(existsSync(join(repoRoot(), "pnpm-workspace.yaml"))).toBe(true);
    expect(fromRoot("/var/data")).toBe("/var/data");
  });

  it("resolves a relative data path to the root's folder from any package", () => {
    const expected = join(root, ".data/auth-secret");
    for (const dir of ["", "apps/web", "packages/db"]) {
      expect(resolvedFrom(join(root, dir)), dir || "root").toBe(expected);
    }
  });
});
