// Prisma CLI config (generate, studio). Migrations run through `pnpm db:migrate`,
// which drives Prisma's WebAssembly schema engine: the native one cannot be
// downloaded on offline machines. With no DATABASE_URL, Studio opens the embedded
// Postgres that `pnpm dev` runs.
import { defineConfig } from "prisma/config";

const embeddedUrl = `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_DB_PORT ?? "54329"}/postgres`;

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL || embeddedUrl },
});
