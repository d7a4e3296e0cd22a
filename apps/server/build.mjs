// Bundles the server and the workspace packages it uses into dist/ for production:
// `node dist/index.mjs`, no TypeScript loader at run time. Third-party packages
// stay external; pnpm keeps each package's dependencies beside that package, so
// externals are pinned to the file the importing package would load.
import { readFile } from "node:fs/promises";
import { build } from "esbuild";

// Prisma's query compiler ships as a module holding one 2.3 MB base64 string. Imported,
// V8 parses it (a ~12 MB spike) and keeps two copies for good: the module's source and
// the string. Instead the bundle reads that string from the same file when Prisma first
// asks for it: one copy, no parse.
const WASM_MODULE = /query_compiler_\w+_bg\.\w+\.wasm-base64\.mjs$/;
const WASM_TEXT = /^const wasm = "[A-Za-z0-9+/=]+";\s*export \{ wasm \};?\s*$/;

// Listed before externalThirdParty, which would otherwise claim the import as an external.
const prismaWasmAsFile = {
  name: "prisma-wasm-as-file",
  setup(b) {
    let replaced = 0;
    // A Prisma release that renames the module would bring the spike back silently: fail instead.
    b.onEnd((result) => {
      if (result.errors.length === 0 && replaced === 0) {
        return {
          errors: [{ text: "prisma-wasm-as-file: no Prisma query compiler module was imported; update WASM_MODULE" }],
        };
      }
    });
    b.onResolve({ filter: WASM_MODULE }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      replaced++;
      return { path: resolved.path, namespace: "prisma-wasm" };
    });
    b.onLoad({ filter: /.*/, namespace: "prisma-wasm" }, async (args) => {
      // Checked at build time: a Prisma release that changes the file's shape fails the build, not a request.
      if (!WASM_TEXT.test(await readFile(args.path, "latin1"))) {
        return { errors: [{ text: `${args.path}: not the expected \`const wasm = "<base64>"\` module` }] };
      }
      return {
        contents: `import { readFileSync } from "node:fs";
const file = readFileSync(${JSON.stringify(args.path)});
const start = file.indexOf(34) + 1;
export const wasm = file.toString("latin1", start, file.indexOf(34, start));
`,
        loader: "js",
      };
    });
  },
};

const externalThirdParty = {
  name: "external-third-party",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@acme/") || args.path.startsWith("node:") || args.pluginData === "resolving") {
        return undefined;
      }
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0 || !resolved.path) return { external: true };
      return { path: resolved.path, external: true };
    });
  },
};

await build({
  entryPoints: ["src/index.ts"],
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  // Modules imported with import() (the mail renderer) become chunks loaded on first use,
  // so their third-party dependencies are not loaded at start.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  mainFields: ["module", "main"],
  conditions: ["node", "import"],
  plugins: [prismaWasmAsFile, externalThirdParty],
  logLevel: "warning",
});
