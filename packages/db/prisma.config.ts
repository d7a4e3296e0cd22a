// Prisma CLI config (generate). Migrations run through `pnpm db:migrate` and Studio
// through `pnpm db:studio`, which pass the database URL themselves: the embedded
// PostgreSQL's password lives in its data directory.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
