// Keys verified in-process leave Better Auth's async contexts off between calls
// (promise hooks cost every request of the API server otherwise), and calls that
// overlap keep theirs until the last one ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpVerified, startTestAuthServer, type TestAuthServer } from "./testing";
import { createApiKeyVerifier } from "./verifier";

const silent = { debug() {}, info() {}, warn() {}, error() {} };

// Node 24+ builds AsyncLocalStorage without promise hooks and reports no `enabled` flag.
const hooksBased = Number(process.versions.node.split(".")[0]) < 24;

describe.runIf(hooksBased)("a verifier that is the process's only Better Auth user", () => {
  let server: TestAuthServer;
  let userId: string;
  beforeAll(async () => {
    server = await startTestAuthServer();
    ({ userId } = await signUpVerified(server));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("turns Better Auth's async contexts off once no call is in flight, and calls still work", async () => {
    const verifier = createApiKeyVerifier({ db: server.db, logger: silent, soleBetterAuthUser: true });
    const { key } = await verifier.create(userId, { name: "idle", scopes: ["tasks:read"] });
    expect(verifier.contexts.anyEnabled()).toBe(false);

    const overlapping = await Promise.all([verifier.verify(key), verifier.verify(key), verifier.verify(`${key}x`)]);
    expect(overlapping.map((result) => result.valid)).toEqual([true, true, false]);
    expect(verifier.contexts.anyEnabled()).toBe(false);

    const again = await verifier.verify(key);
    expect(again).toMatchObject({ valid: true, scopes: ["tasks:read"] });
    expect(verifier.contexts.anyEnabled()).toBe(false);
  });

  it("leaves them alone when the process also serves Better Auth", async () => {
    const verifier = createApiKeyVerifier({ db: server.db, logger: silent });
    const { key } = await verifier.create(userId, { name: "shared", scopes: ["tasks:read"] });
    expect((await verifier.verify(key)).valid).toBe(true);
    expect(verifier.contexts.anyEnabled()).toBe(true);
  });
});
