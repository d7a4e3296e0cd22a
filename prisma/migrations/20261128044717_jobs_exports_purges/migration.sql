-- CreateEnum
CREATE TYPE "api"."ExportStatus" AS ENUM ('queued', 'running', 'ready', 'failed');

-- CreateTable
CREATE TABLE "api"."object_purges" (
    "id" UUID NOT NULL,
    "prefix" VARCHAR(512) NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "object_purges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api"."account_exports" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "status" "api"."ExportStatus" NOT NULL DEFAULT 'queued',
    "object_key" VARCHAR(512),
    "size" BIGINT,
    "error" VARCHAR(500),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),
    "expires_at" TIMESTAMPTZ(6),

    CONSTRAINT "account_exports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "object_purges_created_at_idx" ON "api"."object_purges"("created_at");

-- CreateIndex
CREATE INDEX "account_exports_user_id_created_at_idx" ON "api"."account_exports"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "account_exports_expires_at_idx" ON "api"."account_exports"("expires_at");
