// `pnpm db:studio` serves Prisma Studio offline (no engine download).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@acme/config/net";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

describe("db:studio", () => {
  it("serves Prisma Studio on STUDIO_PORT, with no browser to open", async () => {
    const database = await createTestDatabase({ migrate: true });
    const port = await freePort();
    const studio = spawn("pnpm", ["run", "db:studio"], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: database.url, STUDIO_PORT: String(port), DISPLAY: "" },
      stdio: "ignore",
      detached: true,
    });
    try {
      let status = 0;
      for (let i = 0; i < 120 && status !== 200; i++) {
        status = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.status,
          () => 0,
        );
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status).toBe(200);
      const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(page).toContain('window.__STUDIO_CONFIG__ = {"adapter":"postgres"}');
      expect((await fetch(`http://127.0.0.1:${port}/studio.js`)).status).toBe(200);
    } finally {
      if (studio.pid) process.kill(-studio.pid, "SIGTERM");
      await database.drop();
    }
  });
});
