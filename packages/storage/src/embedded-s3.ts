/// <reference path="./s3rver.d.ts" />
// Embedded S3-protocol server for development and tests: s3rver on loopback.
// It refuses unknown access keys (it does not verify SigV4 signatures), and gets a
// fresh random key pair each start, so no fixed development credentials exist.
// s3rver has no multipart uploads: pass sizes to putObject, or upload with presigned PUT.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import S3rver from "s3rver";
import { DUMMY_ACCOUNT } from "s3rver/lib/models/account.js";

// Browsers upload and download with presigned URLs from another origin.
const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export interface EmbeddedS3Options {
  directory: string;
  /** Buckets created at start, open to browser uploads from any origin (development only). */
  browserBuckets?: string[];
  /** 0 picks a free port. */
  port: number;
  host?: string;
}

export interface EmbeddedS3 {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  stop(): Promise<void>;
}

export async function startEmbeddedS3(options: EmbeddedS3Options): Promise<EmbeddedS3> {
  const host = options.host ?? "127.0.0.1";
  const directory = resolve(options.directory);
  mkdirSync(directory, { recursive: true });
  const accessKey = `dev${randomBytes(8).toString("hex")}`;
  const secretKey = randomBytes(24).toString("base64url");
  DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);
  const configureBuckets = (options.browserBuckets ?? []).map((name) => ({ name, configs: [CORS] }));
  const server = new S3rver({ address: host, port: options.port, directory, silent: true, configureBuckets });
  const { port } = await server.run();
  return {
    endpoint: `http://${host}:${port}`,
    accessKey,
    secretKey,
    async stop() {
      await server.close();
      DUMMY_ACCOUNT.revokeAccessKey(accessKey);
    },
  };
}
