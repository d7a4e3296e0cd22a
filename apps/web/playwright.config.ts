// Browser journeys in Debian's Chromium (never a downloaded browser) against the
// real auth server (this app), API server, Postgres and S3 server, all started by
// e2e/global-setup.ts on loopback.
import { defineConfig } from "@playwright/test";

export const WEB_PORT = 3100;
export const API_PORT = 4100;

/** Debian's Chromium (never a downloaded browser), and the flags it runs with here (Lighthouse too). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // The first journey visits every page of a cold `next dev` (each compiles on first visit): ~85 s here.
  timeout: 240_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/report.json" }]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
});
