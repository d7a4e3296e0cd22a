// Object storage configuration. With no S3_ENDPOINT, `pnpm dev` runs an embedded
// S3-protocol server (s3rver) and fills these in for the apps it starts.
import { envField, parseEnv } from "@acme/config";
import { z } from "zod";

export const storageEnvSchema = z.object({
  S3_ENDPOINT: envField.url(["http", "https"]).optional(),
  /** Where browsers reach the store for presigned URLs, when it differs from S3_ENDPOINT. */
  S3_PUBLIC_ENDPOINT: envField.url(["http", "https"]).optional(),
  S3_ACCESS_KEY: z.string().min(1).optional(),
  S3_SECRET_KEY: z.string().min(1).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a valid S3 bucket name")
    .default("app-files"),
  S3_REGION: z.string().min(1).default("us-east-1"),
  EMBEDDED_S3_PORT: envField.port().default(4569),
  EMBEDDED_S3_DIR: envField.path(".data/s3"),
});

export type StorageEnv = z.infer<typeof storageEnvSchema>;

export function storageEnv(source?: Record<string, string | undefined>): StorageEnv {
  return parseEnv(storageEnvSchema, source);
}

/** The origin browsers send presigned uploads and downloads to, for the web app's CSP; null when unset. */
export function browserStorageOrigin(env: StorageEnv): string | null {
  const endpoint = env.S3_PUBLIC_ENDPOINT ?? env.S3_ENDPOINT;
  return endpoint ? new URL(endpoint).origin : null;
}
