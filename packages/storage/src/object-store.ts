// The object store the API uses, on the `minio` client (any S3-compatible server).
import type { Readable } from "node:stream";
import { ConfigError, ServiceUnavailableError } from "@acme/config";
import * as Minio from "minio";
import type { StorageEnv } from "./env";

export interface ObjectStoreConfig {
  endpoint: string;
  /** Host used in presigned URLs handed to browsers; defaults to `endpoint`. */
  publicEndpoint?: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

export interface ObjectStat {
  size: number;
  contentType: string | undefined;
}

function clientFor(endpoint: string, config: ObjectStoreConfig): Minio.Client {
  const url = new URL(endpoint);
  const useSSL = url.protocol === "https:";
  return new Minio.Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: config.accessKey,
    secretKey: config.secretKey,
    region: config.region,
    pathStyle: true,
  });
}

/** The store could not be reached or answered with a server error. */
export class StorageUnavailableError extends Error {
  override readonly name = "StorageUnavailableError";
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
]);

function unavailable(error: unknown): boolean {
  const err = error as { code?: string; cause?: { code?: string }; $metadata?: unknown; name?: string };
  return NETWORK_CODES.has(err.code ?? "") || NETWORK_CODES.has(err.cause?.code ?? "") || err.name === "AbortError";
}

/** Runs a store call; network failures become StorageUnavailableError (with the cause). */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (unavailable(error)) throw new StorageUnavailableError("Object storage is unavailable", { cause: error });
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "NotFound" || code === "NoSuchKey";
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export class ObjectStore {
  readonly bucket: string;
  private readonly client: Minio.Client;
  private readonly signer: Minio.Client;

  constructor(readonly config: ObjectStoreConfig) {
    this.bucket = config.bucket;
    this.client = clientFor(config.endpoint, config);
    // Presigned URLs embed the host they were signed for.
    this.signer = config.publicEndpoint ? clientFor(config.publicEndpoint, config) : this.client;
  }

  /** Creates the bucket if it is missing; fails with one line when the store is unreachable. */
  async ensureBucket(): Promise<void> {
    try {
      if (!(await this.client.bucketExists(this.bucket))) {
        await this.client.makeBucket(this.bucket, this.config.region);
      }
    } catch (error) {
      throw new ServiceUnavailableError(
        "S3",
        `cannot reach bucket "${this.bucket}" at ${this.config.endpoint} (S3_ENDPOINT): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  /** True when the bucket answers; for readiness checks. */
  async ping(): Promise<boolean> {
    try {
      return await this.client.bucketExists(this.bucket);
    } catch {
      return false;
    }
  }

  async put(key: string, body: Buffer | string, contentType?: string): Promise<void> {
    const data = typeof body === "string" ? Buffer.from(body) : body;
    const meta = contentType ? { "Content-Type": contentType } : {};
    await guard(() => this.client.putObject(this.bucket, key, data, data.length, meta));
  }

  async get(key: string): Promise<Buffer> {
    return guard(async () => readAll(await this.client.getObject(this.bucket, key)));
  }

  /** The first `length` bytes (fewer if the object is shorter), for type sniffing. */
  async head(key: string, length: number): Promise<Buffer> {
    return guard(async () => readAll(await this.client.getPartialObject(this.bucket, key, 0, length)));
  }

  /** The object's size and type, or null when it does not exist. */
  async stat(key: string): Promise<ObjectStat | null> {
    return guard(async () => {
      try {
        const stat = await this.client.statObject(this.bucket, key);
        return { size: stat.size, contentType: stat.metaData?.["content-type"] as string | undefined };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    });
  }

  /** Idempotent: removing a missing object succeeds. */
  async remove(key: string): Promise<void> {
    await guard(async () => {
      try {
        await this.client.removeObject(this.bucket, key);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    });
  }

  /**
   * Stores a file from disk, streamed (one request up to the client's part size, 64 MB;
   * a multipart upload above it, which the embedded development server does not support).
   */
  async putFile(key: string, path: string, contentType?: string): Promise<void> {
    const meta: Record<string, string> = contentType ? { "Content-Type": contentType } : {};
    await guard(() => this.client.fPutObject(this.bucket, key, path, meta));
  }

  /** The object as a stream, for copying it elsewhere without holding it in memory. */
  async getStream(key: string): Promise<Readable> {
    return guard(() => this.client.getObject(this.bucket, key));
  }

  /** Up to `limit` keys under `prefix`, in key order. */
  async listKeys(prefix: string, limit: number): Promise<string[]> {
    return guard(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const keys: string[] = [];
          // V1 listing: the embedded development server fails V2's continuation past 1,000 keys.
          const stream = this.client.listObjects(this.bucket, prefix, true, { MaxKeys: Math.min(limit, 1000) });
          stream.on("data", (item: { name?: string }) => {
            if (item.name && keys.length < limit) keys.push(item.name);
            if (keys.length >= limit) {
              stream.destroy();
              resolve(keys);
            }
          });
          stream.on("error", reject);
          stream.on("end", () => resolve(keys));
        }),
    );
  }

  /** Removes the keys in one request per thousand (missing ones are no error). */
  async removeMany(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const results = await guard(() => this.client.removeObjects(this.bucket, keys.slice(i, i + 1000)));
      const failed = results.find((r) => r?.Error && r.Error.Code !== "NoSuchKey");
      if (failed?.Error) {
        throw new ServiceUnavailableError("S3", `could not remove ${failed.Error.Key}: ${failed.Error.Code}`);
      }
    }
  }

  presignedPut(key: string, expirySeconds: number): Promise<string> {
    return this.signer.presignedPutObject(this.bucket, key, expirySeconds);
  }

  /** `inline` (with the checked content type) lets the browser show it in place. */
  presignedGet(
    key: string,
    expirySeconds: number,
    downloadName?: string,
    inline?: { contentType: string },
  ): Promise<string> {
    const headers: Record<string, string> = {};
    if (downloadName) {
      const disposition = inline ? "inline" : "attachment";
      headers["response-content-disposition"] = `${disposition}; filename*=UTF-8''${encodeURIComponent(downloadName)}`;
    }
    if (inline) headers["response-content-type"] = inline.contentType;
    return this.signer.presignedGetObject(this.bucket, key, expirySeconds, headers);
  }
}

export function objectStoreConfigFromEnv(env: StorageEnv): ObjectStoreConfig {
  if (!env.S3_ENDPOINT || !env.S3_ACCESS_KEY || !env.S3_SECRET_KEY) {
    throw new ConfigError(
      "S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY must all be set (`pnpm dev` starts an embedded S3 server and sets them)",
    );
  }
  return {
    endpoint: env.S3_ENDPOINT,
    publicEndpoint: env.S3_PUBLIC_ENDPOINT,
    accessKey: env.S3_ACCESS_KEY,
    secretKey: env.S3_SECRET_KEY,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
  };
}
