// The checkout as a newcomer meets it: `make help` lists every target, `make budget`
// fails when over, package manifests point at files that exist, dev runs leave the
// tracked tree unchanged, and the edge bundle holds no Node-only code.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
        env: { ...process.env, BUNDLE_BUDGET_KB: kb, BUNDLE_BUDGET_OTHER_KB: kb },
        encoding: "utf8",
      });
    const over = run("1");
    expect(over.stdout).toMatch(/ kB \/ 1 kB {2}OVER {2}\/\(app\)\/dashboard/);
    expect(over.stdout).toMatch(/budget: \d+ page\(s\) over/);
    expect(over.status).toBe(1);
    const within = run("100000");
    expect(within.stdout).toMatch(/ kB \/ 100000 kB {2}ok {4}\/\(app\)\/tasks/);
    expect(within.stdout).toMatch(/budget: every page within its budget/);
    expect(within.status).toBe(0);
  });
});

const workspacePackages = ["apps", "packages", "tooling"].flatMap((group) =>
  readdirSync(join(root, group))
    .map((name) => join(root, group, name))
    .filter((dir) => existsSync(join(dir, "package.json"))),
);

describe("workspace manifests", () => {
  it("export only files that exist", () => {
    for (const dir of workspacePackages) {
      const { exports = {} } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      for (const target of Object.values(exports as Record<string, string>)) {
        expect(existsSync(join(dir, target)), `${dir}: ${target}`).toBe(true);
      }
    }
  });

  it("list no package both as a dependency and a devDependency", () => {
    for (const dir of workspacePackages) {
      const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const both = Object.keys(dependencies).filter((name) => name in devDependencies);
      expect(both, dir).toEqual([]);
    }
  });

  it("keep the file next dev and next build rewrite out of git", () => {
    const ignored = spawnSync("git", ["check-ignore", "-q", "apps/web/next-env.d.ts"], { cwd: root });
    expect(ignored.status).toBe(0);
    const tracked = execFileSync("git", ["ls-files", "apps/web/next-env.d.ts"], { cwd: root, encoding: "utf8" });
    expect(tracked).toBe("");
  });
});

describe("web build", () => {
  const edge = join(root, "apps/web/.next/server/edge/chunks");
  // Needs a production build of the web app (CI builds before it tests).
  it.skipIf(!existsSync(edge))("keeps the Node-only start-up check out of the edge bundle", () => {
    // With the check behind a helper function, the edge bundle carried instrumentation-node
    // (process.exit) and every request printed "A Node.js API is used ... Edge Runtime".
    for (const file of readdirSync(edge).filter((name) => name.endsWith(".js"))) {
      const code = readFileSync(join(edge, file), "utf8");
      expect(code.includes("instrumentation-node") || code.includes("process.exit"), file).toBe(false);
    }
  });
});
