// Bundles the server and the workspace packages it uses into dist/ for production:
// `node dist/index.mjs`, no TypeScript loader at run time. Third-party packages
// stay external; pnpm keeps each package's dependencies beside that package, so
// externals are pinned to the file the importing package would load.
import { build } from "esbuild";

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
  plugins: [externalThirdParty],
  logLevel: "warning",
});
