// `make lighthouse`: Lighthouse 12.2.3 (pinned: 13 needs Node 22) in Debian's Chromium
// against a production build (`next start`) with the real API, Postgres and S3 server
// (the journeys' setup, in production mode). Scores the landing page, sign-in and the
// dashboard (signed in), prints them against the targets, and exits 1 below one.
// Run `pnpm --filter @acme/web build` first (make lighthouse does).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_FLAGS, CHROMIUM_PATH, WEB_PORT } from "../playwright.config";

process.env.E2E_WEB_MODE = "production";
const { default: globalSetup } = await import("../e2e/global-setup");

const TARGETS = { performance: 95, accessibility: 100, "best-practices": 95 } as const;
const web = `http://127.0.0.1:${WEB_PORT}`;
/** Each page's full report, for the audits behind a score. */
const REPORTS = join(import.meta.dirname, "../test-results/lighthouse");

/** A signed-in session's cookie: sign-up (verification is off in this setup) signs in. */
async function sessionCookie(): Promise<string> {
  const email = `lighthouse.${Date.now().toString(36)}@example.test`;
  const password = `Lh-${randomBytes(9).toString("base64url")}`;
  const response = await fetch(`${web}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: web },
    body: JSON.stringify({ name: "Lighthouse", email, password }),
  });
  if (!response.ok) throw new Error(`lighthouse: sign-up answered ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (cookies.length === 0) throw new Error("lighthouse: sign-up set no session cookie");
  return cookies.join("; ");
}

const stop = await globalSetup();
let failed = 0;
try {
  const cookie = await sessionCookie();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
  });
  try {
    const pages: [string, string, Record<string, string>][] = [
      ["landing", "/", {}],
      ["sign-in", "/sign-in", {}],
      ["dashboard", "/dashboard", { Cookie: cookie }],
    ];
    console.log("lighthouse 12 (mobile, simulated throttling), production build");
    for (const [name, path, headers] of pages) {
      // Served once first: the measurement is of a warm server, as users meet it.
      await fetch(`${web}${path}`, { headers }).catch(() => undefined);
      const result = await lighthouse(`${web}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: Object.keys(TARGETS),
        extraHeaders: headers,
      });
      if (result?.lhr.runtimeError) {
        console.log(
          `  ${name.padEnd(10)} no score: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`,
        );
      }
      mkdirSync(REPORTS, { recursive: true });
      if (result) writeFileSync(join(REPORTS, `${name}.json`), JSON.stringify(result.lhr, null, 1));
      const categories = result?.lhr.categories ?? {};
      const scores = Object.entries(TARGETS).map(([category, target]) => {
        const score = Math.round((categories[category]?.score ?? 0) * 100);
        if (score < target) failed++;
        return `${category} ${score}${score < target ? ` (< ${target})` : ""}`;
      });
      const audits = result?.lhr.audits ?? {};
      const metric = (id: string) => audits[id]?.displayValue ?? "-";
      const lost = Object.values(audits)
        .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === "binary")
        .map((audit) => audit.id);
      console.log(`  ${name.padEnd(10)} ${scores.join("  ")}`);
      console.log(
        `  ${"".padEnd(10)} FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}${lost.length ? `; failing: ${lost.join(", ")}` : ""}`,
      );
    }
  } finally {
    chrome.kill();
  }
} finally {
  await stop();
}
console.log(failed ? `lighthouse: ${failed} score(s) below target` : "lighthouse: every score on target");
if (failed) process.exitCode = 1;
