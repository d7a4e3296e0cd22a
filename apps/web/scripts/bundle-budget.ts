// `pnpm --filter @acme/web budget` (after `pnpm --filter @acme/web build`): the JS a
// browser downloads on a first visit to each page, gzip-compressed, against its budget:
// the dashboard 150 kB, every other page 170 kB. Reads the build's own manifests: the
// framework's root chunks plus every chunk the route's layouts and page reference.
// Exits 1 when a page is over. `pnpm ... budget /(app)/tasks` details one page.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const DASHBOARD = "/(app)/dashboard";
/** BUNDLE_BUDGET_KB: the dashboard's budget; BUNDLE_BUDGET_OTHER_KB: every other page's. */
const BUDGET_KB = {
  dashboard: Number(process.env.BUNDLE_BUDGET_KB) || 150,
  other: Number(process.env.BUNDLE_BUDGET_OTHER_KB) || 170,
};
const next = join(import.meta.dirname, "../.next");
const MANIFEST = "page_client-reference-manifest.js";

if (!existsSync(join(next, "build-manifest.json"))) {
  console.error("budget: no build found; run `pnpm --filter @acme/web build` first");
  process.exit(1);
}
const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };

/** Every page route the build has a client manifest for, e.g. "/(app)/dashboard". */
function routes(directory = join(next, "server/app")): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...routes(path));
    else if (entry.name === MANIFEST) {
      const route = `/${relative(join(next, "server/app"), directory).split(sep).join("/")}`;
      if (!route.startsWith("/_")) found.push(route === "/" ? "/" : route.replace(/\/$/, ""));
    }
  }
  return found.sort();
}

const sizes = new Map<string, number>();
const gzipped = (file: string) => {
  let size = sizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(next, file))).length;
    sizes.set(file, size);
  }
  return size;
};

function firstLoad(route: string): { total: number; files: [string, number][] } {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } =
    {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(join(next, "server/app", route, MANIFEST), "utf8"), sandbox);
  const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
  if (!manifest) throw new Error(`budget: no client manifest for ${route}`);
  const files = [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])];
  const rows = files.map((file): [string, number] => [file, gzipped(file)]).sort((a, b) => b[1] - a[1]);
  return { total: rows.reduce((sum, [, size]) => sum + size, 0), files: rows };
}

const only = process.argv[2];
let over = 0;
for (const route of only ? [only] : routes()) {
  const { total, files } = firstLoad(route);
  const budget = route === DASHBOARD ? BUDGET_KB.dashboard : BUDGET_KB.other;
  const kb = total / 1024;
  if (only) for (const [file, size] of files) console.log(`  ${(size / 1024).toFixed(1).padStart(6)} kB  ${file}`);
  const verdict = kb <= budget ? "ok" : "OVER";
  if (kb > budget) over++;
  console.log(`${kb.toFixed(1).padStart(6)} kB / ${budget} kB  ${verdict.padEnd(4)}  ${route}`);
}
console.log(over ? `budget: ${over} page(s) over` : "budget: every page within its budget");
if (over) process.exitCode = 1;
