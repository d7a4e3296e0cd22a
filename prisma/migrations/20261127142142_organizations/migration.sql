-- Organizations. Written by hand around the generated DDL so no row is lost: every
-- existing user gets a personal organization (owner), and their tasks, files, data
-- entries and API keys move into it. One transaction: all of it or none of it.
-- (No semicolons in comments: the engine splits statements on them.)
BEGIN;

-- API keys now belong to organizations: the reference is no longer a user.
ALTER TABLE "auth"."api_keys" DROP CONSTRAINT "api_keys_reference_id_fkey";

-- DropIndex
DROP INDEX "api"."data_entries_owner_id_created_at_idx";

-- DropIndex
DROP INDEX "api"."stored_files_owner_id_created_at_idx";

-- DropIndex
DROP INDEX "api"."tasks_owner_id_created_at_idx";

-- DropIndex
DROP INDEX "api"."tasks_owner_id_status_idx";

-- AlterTable
ALTER TABLE "auth"."sessions" ADD COLUMN     "active_organization_id" TEXT,
ADD COLUMN     "active_team_id" TEXT;

-- CreateTable
CREATE TABLE "auth"."organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "logo" TEXT,
    "metadata" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth"."members" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth"."invitations" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT,
    "team_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "inviter_id" TEXT NOT NULL,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth"."teams" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "member_count" INTEGER NOT NULL DEFAULT 0,
    "organization_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth"."team_members" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "membership_key" TEXT,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_members_pkey" PRIMARY KEY ("id")
);


-- Personal organizations for existing users, with the user as owner.
INSERT INTO "auth"."organizations" ("id", "name", "slug", "metadata", "created_at")
SELECT 'personal_' || u."id", u."name", 'personal-' || lower(u."id"), '{"personal":true}', u."created_at"
FROM "auth"."users" u;

INSERT INTO "auth"."members" ("id", "organization_id", "user_id", "role", "created_at")
SELECT 'member_' || u."id", 'personal_' || u."id", u."id", 'owner', u."created_at"
FROM "auth"."users" u;

-- Existing sessions act in the personal organization.
UPDATE "auth"."sessions" SET "active_organization_id" = 'personal_' || "user_id";

-- Tenant columns: filled from the old owner, then required.
ALTER TABLE "api"."tasks" ADD COLUMN "organization_id" TEXT, ADD COLUMN "created_by_id" TEXT,
  ADD COLUMN "assignee_id" TEXT, ADD COLUMN "team_id" TEXT;
UPDATE "api"."tasks" SET "organization_id" = 'personal_' || "owner_id", "created_by_id" = "owner_id";
ALTER TABLE "api"."tasks" ALTER COLUMN "organization_id" SET NOT NULL, ALTER COLUMN "created_by_id" SET NOT NULL,
  DROP COLUMN "owner_id";

ALTER TABLE "api"."data_entries" ADD COLUMN "organization_id" TEXT, ADD COLUMN "created_by_id" TEXT;
UPDATE "api"."data_entries" SET "organization_id" = 'personal_' || "owner_id", "created_by_id" = "owner_id";
ALTER TABLE "api"."data_entries" ALTER COLUMN "organization_id" SET NOT NULL,
  ALTER COLUMN "created_by_id" SET NOT NULL, DROP COLUMN "owner_id";

ALTER TABLE "api"."stored_files" ADD COLUMN "organization_id" TEXT, ADD COLUMN "created_by_id" TEXT;
UPDATE "api"."stored_files" SET "organization_id" = 'personal_' || "owner_id", "created_by_id" = "owner_id";
ALTER TABLE "api"."stored_files" ALTER COLUMN "organization_id" SET NOT NULL,
  ALTER COLUMN "created_by_id" SET NOT NULL, DROP COLUMN "owner_id";

-- Keys move to their owner's personal organization, the creator kept in metadata.
UPDATE "auth"."api_keys"
SET "metadata" = json_build_object('createdById', "reference_id")::text, "reference_id" = 'personal_' || "reference_id";

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "auth"."organizations"("slug");

-- CreateIndex
CREATE INDEX "members_user_id_idx" ON "auth"."members"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_organization_id_user_id_key" ON "auth"."members"("organization_id", "user_id");

-- CreateIndex
CREATE INDEX "invitations_organization_id_idx" ON "auth"."invitations"("organization_id");

-- CreateIndex
CREATE INDEX "invitations_email_idx" ON "auth"."invitations"("email");

-- CreateIndex
CREATE INDEX "teams_organization_id_idx" ON "auth"."teams"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "team_members_membership_key_key" ON "auth"."team_members"("membership_key");

-- CreateIndex
CREATE INDEX "team_members_team_id_idx" ON "auth"."team_members"("team_id");

-- CreateIndex
CREATE INDEX "team_members_user_id_idx" ON "auth"."team_members"("user_id");

-- CreateIndex
CREATE INDEX "data_entries_organization_id_created_at_idx" ON "api"."data_entries"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "stored_files_organization_id_created_at_idx" ON "api"."stored_files"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "tasks_organization_id_created_at_idx" ON "api"."tasks"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "tasks_organization_id_status_idx" ON "api"."tasks"("organization_id", "status");

-- CreateIndex
CREATE INDEX "tasks_organization_id_assignee_id_idx" ON "api"."tasks"("organization_id", "assignee_id");

-- CreateIndex
CREATE INDEX "tasks_organization_id_team_id_idx" ON "api"."tasks"("organization_id", "team_id");

-- AddForeignKey
ALTER TABLE "auth"."members" ADD CONSTRAINT "members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "auth"."organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth"."members" ADD CONSTRAINT "members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth"."invitations" ADD CONSTRAINT "invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "auth"."organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth"."invitations" ADD CONSTRAINT "invitations_inviter_id_fkey" FOREIGN KEY ("inviter_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth"."teams" ADD CONSTRAINT "teams_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "auth"."organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth"."team_members" ADD CONSTRAINT "team_members_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "auth"."teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth"."team_members" ADD CONSTRAINT "team_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

COMMIT;
