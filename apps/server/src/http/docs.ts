// GET /openapi.json and GET /docs: an API reference rendered by Swagger UI, with
// its assets served from the installed package (no CDN).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Call } from "./call";
import { DOCS_CSP } from "./headers";
import type { Responder } from "./respond";

const assetsDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Platform API reference</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#docs", deepLinking: true, tryItOutEnabled: true });`;

const cache = new Map<string, Buffer>();

async function asset(name: string): Promise<Buffer> {
  let body = cache.get(name);
  if (!body) {
    body = await readFile(join(assetsDir, name));
    cache.set(name, body);
  }
  return body;
}

function send(responder: Responder, call: Call, type: string, body: string | Buffer, cacheSeconds = 0): void {
  const cache = cacheSeconds ? ["Cache-Control", `public, max-age=${cacheSeconds}`] : [];
  responder.send(call, 200, type, body, ["Content-Security-Policy", DOCS_CSP, ...cache]);
}

export function isDocsPath(path: string): boolean {
  return path === "/openapi.json" || path === "/docs" || path.startsWith("/docs/");
}

/** Serves the docs routes; returns false for other paths. */
export async function serveDocs(call: Call, responder: Responder, openApi: () => Promise<unknown>): Promise<boolean> {
  const path = call.path;
  if (path === "/openapi.json") {
    responder.json(call, 200, await openApi());
    return true;
  }
  if (path === "/docs" || path === "/docs/") {
    send(responder, call, "text/html; charset=utf-8", PAGE);
    return true;
  }
  if (path === "/docs/init.js") {
    send(responder, call, "text/javascript; charset=utf-8", INIT);
    return true;
  }
  const name = path.startsWith("/docs/") ? path.slice("/docs/".length) : "";
  const type = ASSETS[name];
  if (!type) return false;
  send(responder, call, type, await asset(name), 86_400);
  return true;
}
