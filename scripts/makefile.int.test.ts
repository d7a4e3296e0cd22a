// The Makefile as a newcomer meets it: `make help` lists every target, and
// `make budget` fails when the dashboard's JS is over its budget.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("Makefile", () => {
  it("`make help` lists every phony target", () => {
    const phony =
      /^\.PHONY:(.*)$/m
        .exec(readFileSync(`${root}/Makefile`, "utf8"))?.[1]
        ?.trim()
        .split(/\s+/) ?? [];
    expect(phony.length).toBeGreaterThan(10);
    const help = execFileSync("make", ["--no-print-directory", "help"], { cwd: root, encoding: "utf8" });
    const listed = [...help.matchAll(/^ {2}make (\S+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...phony].sort());
  });

  // Needs a production build of the web app (CI builds before it tests).
  const built = existsSync(`${root}/apps/web/.next/build-manifest.json`);
  it.skipIf(!built)("the budget check exits 1 when over budget and 0 within", () => {
    const run = (kb: string) =>
      spawnSync("pnpm", ["--silent", "--filter", "@acme/web", "budget"], {
        cwd: root,
        env: { ...process.env, BUNDLE_BUDGET_KB: kb },
        encoding: "utf8",
      });
    const over = run("1");
    expect(over.stdout).toMatch(/budget 1 kB: OVER/);
    expect(over.status).toBe(1);
    const within = run("100000");
    expect(within.stdout).toMatch(/budget 100000 kB: within/);
    expect(within.status).toBe(0);
  });
});
