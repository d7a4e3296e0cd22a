// `pnpm --filter @acme/web budget` (after `pnpm --filter @acme/web build`): the JS a
// browser downloads on a first visit to the dashboard, gzip-compressed, against the
// 150 kB budget. Reads the build's own manifests: the framework's root chunks plus
// every chunk the route's layouts and page reference.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB) || 150;
const route = process.argv[2] ?? "/(app)/dashboard";
const next = join(import.meta.dirname, "../.next");

if (!existsSync(join(next, "build-manifest.json"))) {
  console.error("budget: no build found; run `pnpm --filter @acme/web build` first");
  process.exit(1);
}

const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const manifestFile = join(next, "server/app", route, "page_client-reference-manifest.js");
const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } =
  {};
sandbox.globalThis = sandbox;
runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
if (!manifest) throw new Error(`budget: no client manifest for ${route}`);

const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
let total = 0;
const rows: [string, number][] = [];
for (const file of files) {
  const size = gzipSync(readFileSync(join(next, file))).length;
  total += size;
  rows.push([file, size]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, size] of rows) console.log(`  ${(size / 1024).toFixed(1).padStart(6)} kB  ${file}`);
const kb = total / 1024;
console.log(
  `budget: ${route} first-load JS ${kb.toFixed(1)} kB gzip (${files.size} files), budget ${BUDGET_KB} kB: ${kb <= BUDGET_KB ? "within" : "OVER"}`,
);
if (kb > BUDGET_KB) process.exitCode = 1;
