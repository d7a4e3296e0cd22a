// An organization's logo goes through the presigned storage flow: the image is
// checked before it becomes the logo, and nothing outside the organization's own
// logo prefix is ever signed or deleted.
import { describe, expect, it } from "vitest";
import { startHarness } from "./testing/harness";
import { bearer, call } from "./testing/http";

describe("organization logo", () => {
  it("takes a checked image through a presigned upload, replaces the old one, and refuses anything else", async () => {
    const h = await startHarness();
    try {
      const owner = await h.userIn("org-logo", "owner");
      const auth = bearer(owner.token);
      const png = Buffer.from(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
          "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082",
        "hex",
      );
      const upload = async (bytes: Buffer) => {
        const started = await call(`${h.url}/api/v1/organization/logo`, {
          method: "POST",
          headers: auth,
          body: { contentType: "image/png", size: bytes.length },
        });
        expect(started.status).toBe(200);
        expect((await fetch(started.body.uploadUrl, { method: "PUT", body: new Uint8Array(bytes) })).ok).toBe(true);
        return call(`${h.url}/api/v1/organization/logo/${started.body.uploadId}/complete`, {
          method: "POST",
          headers: auth,
        });
      };
      const first = await upload(png);
      expect(first.status).toBe(200);
      expect(Buffer.from(await (await fetch(first.body.logoUrl)).arrayBuffer())).toEqual(png);
      const firstKey = (await h.auth.db.organization.findUniqueOrThrow({ where: { id: "org-logo" } })).logo ?? "";
      expect(firstKey).toMatch(/^org-logo\/logo\//);

      const second = await upload(png);
      expect(second.status).toBe(200);
      expect(await h.api.built.deps.store.stat(firstKey)).toBeNull();
      const current = await call(`${h.url}/api/v1/organization`, { headers: auth });
      expect(current.body.logoUrl).toMatch(/^http/);

      const fake = await upload(Buffer.from("<svg onload=alert(1)></svg>"));
      expect(fake.status).toBe(400);
      expect(fake.body.error.message).toBe("The logo must be a PNG, JPEG or WebP image under 1 MB");

      // A logo value pointing at another tenant's object is never signed, and never deleted.
      const victim = await h.userIn("org-victim", "owner");
      const secret = await call(`${h.url}/api/v1/files`, {
        method: "POST",
        headers: bearer(victim.token),
        body: { filename: "s.txt", contentType: "text/plain", size: 6 },
      });
      expect((await fetch(secret.body.uploadUrl, { method: "PUT", body: "secret" })).ok).toBe(true);
      const secretKey = `org-victim/${secret.body.file.id}`;
      await h.auth.db.organization.update({ where: { id: "org-logo" }, data: { logo: secretKey } });
      expect((await call(`${h.url}/api/v1/organization`, { headers: auth })).body.logoUrl).toBeNull();
      expect((await upload(png)).status).toBe(200);
      expect(await h.api.built.deps.store.stat(secretKey)).not.toBeNull();
    } finally {
      await h.stop();
    }
  });
});
