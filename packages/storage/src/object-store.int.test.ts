import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedS3, startEmbeddedS3 } from "./embedded-s3";
import { ObjectStore, StorageUnavailableError } from "./object-store";

describe("object store on the embedded S3 server", () => {
  const directory = mkdtempSync(join(tmpdir(), "s3-"));
  let s3: EmbeddedS3;
  let store: ObjectStore;

  beforeAll(async () => {
    s3 = await startEmbeddedS3({ directory, port: 0 });
    store = new ObjectStore({ ...s3, bucket: "test-files", region: "us-east-1" });
    await store.ensureBucket();
  });
  afterAll(async () => {
    await s3?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("creates the bucket once and answers pings", async () => {
    await store.ensureBucket();
    expect(await store.ping()).toBe(true);
  });

  it("round-trips an object with its type, size and first bytes", async () => {
    const body = Buffer.from("%PDF-1.7 hello");
    await store.put("u1/doc.pdf", body, "application/pdf");
    expect(await store.get("u1/doc.pdf")).toEqual(body);
    expect(await store.stat("u1/doc.pdf")).toEqual({ size: body.length, contentType: "application/pdf" });
    expect((await store.head("u1/doc.pdf", 5)).toString()).toBe("%PDF-");
    expect(await store.stat("u1/missing")).toBeNull();
  });

  it("accepts a presigned PUT and serves a presigned GET byte for byte", async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const putUrl = await store.presignedPut("u1/blob.bin", 60);
    const put = await fetch(putUrl, { method: "PUT", body: bytes });
    expect(put.status).toBe(200);

    const getUrl = await store.presignedGet("u1/blob.bin", 60, "my blob.bin");
    const get = await fetch(getUrl);
    expect(get.status).toBe(200);
    expect(get.headers.get("content-disposition")).toContain("my%20blob.bin");
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(bytes);
  });

  // s3rver checks the access key id but does not verify SigV4 signatures.
  it("refuses an unknown access key", async () => {
    const stranger = new ObjectStore({ ...s3, accessKey: "stranger", bucket: "test-files", region: "us-east-1" });
    expect(await stranger.ping()).toBe(false);
    await expect(stranger.get("u1/doc.pdf")).rejects.toThrow();
  });

  it("removes objects idempotently", async () => {
    await store.put("u1/gone.txt", "bye");
    await store.remove("u1/gone.txt");
    await store.remove("u1/gone.txt");
    expect(await store.stat("u1/gone.txt")).toBeNull();
  });
});

describe("object store with the server gone", () => {
  it("reports StorageUnavailableError, and false from ping", async () => {
    const directory = mkdtempSync(join(tmpdir(), "s3-down-"));
    const s3 = await startEmbeddedS3({ directory, port: 0 });
    const store = new ObjectStore({ ...s3, bucket: "gone", region: "us-east-1" });
    await store.ensureBucket();
    await s3.stop();
    rmSync(directory, { recursive: true, force: true });
    expect(await store.ping()).toBe(false);
    await expect(store.stat("x")).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.remove("x")).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
