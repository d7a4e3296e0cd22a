-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "api";

-- CreateSchema: Better Auth's tables (see packages/auth)
CREATE SCHEMA IF NOT EXISTS "auth";

-- CreateEnum
CREATE TYPE "api"."TaskStatus" AS ENUM ('pending', 'in_progress', 'completed');

-- CreateEnum
CREATE TYPE "api"."FileStatus" AS ENUM ('pending', 'ready');

-- CreateTable
CREATE TABLE "api"."tasks" (
    "id" UUID NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "description" VARCHAR(5000),
    "status" "api"."TaskStatus" NOT NULL DEFAULT 'pending',
    "owner_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api"."data_entries" (
    "id" UUID NOT NULL,
    "owner_id" TEXT NOT NULL,
    "content" VARCHAR(10000) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api"."stored_files" (
    "id" UUID NOT NULL,
    "owner_id" TEXT NOT NULL,
    "object_key" VARCHAR(512) NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(255) NOT NULL,
    "size" BIGINT NOT NULL,
    "status" "api"."FileStatus" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tasks_owner_id_created_at_idx" ON "api"."tasks"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "tasks_owner_id_status_idx" ON "api"."tasks"("owner_id", "status");

-- CreateIndex
CREATE INDEX "data_entries_owner_id_created_at_idx" ON "api"."data_entries"("owner_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "stored_files_object_key_key" ON "api"."stored_files"("object_key");

-- CreateIndex
CREATE INDEX "stored_files_owner_id_created_at_idx" ON "api"."stored_files"("owner_id", "created_at");
