// Someone whose development data sits in the former PGlite folder is told once what to do.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { searchableTempDir } from "@acme/config";
import { describe, expect, it } from "vitest";
import { dbEnv } from "./env";
import { oldEmbeddedDataNotice } from "./target";

describe("the former embedded database's data", () => {
  it("gets one line naming the folder and how to remove it, and none when absent", () => {
    const data = searchableTempDir("old-pglite-");
    const env = dbEnv({ EMBEDDED_DB_DIR: join(data, "postgres") });
    expect(oldEmbeddedDataNotice(env)).toBeNull();
    mkdirSync(join(data, "pglite"));
    const notice = oldEmbeddedDataNotice(env) ?? "";
    expect(notice.split("\n")).toHaveLength(1);
    expect(notice).toContain("PGlite");
    expect(notice).toContain(`rm -rf ${join(data, "pglite")}`);
  });
});
