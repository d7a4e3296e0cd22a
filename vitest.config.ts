// Two projects: `unit` (no services) and `integration` (real Postgres, Redis, S3
// server, HTTP on loopback). Integration files end in `.int.test.ts`.
import { defineConfig } from "vitest/config";

const exclude = ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/generated/**"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages}/*/src/**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          globalSetup: ["packages/db/src/testing/global-setup.ts"],
          include: ["{apps,packages}/*/src/**/*.int.test.ts", "prisma/**/*.int.test.ts", "scripts/**/*.int.test.ts"],
          exclude,
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
