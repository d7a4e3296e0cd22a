-- AlterTable
ALTER TABLE "auth"."sessions" ADD COLUMN     "impersonated_by" TEXT;

-- AlterTable
ALTER TABLE "auth"."users" ADD COLUMN     "ban_expires" TIMESTAMPTZ(6),
ADD COLUMN     "ban_reason" TEXT,
ADD COLUMN     "banned" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "audit_events_created_at_id_idx" ON "api"."audit_events"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_events_target_id_created_at_id_idx" ON "api"."audit_events"("target_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "organizations_created_at_id_idx" ON "auth"."organizations"("created_at", "id");

-- CreateIndex
CREATE INDEX "organizations_name_id_idx" ON "auth"."organizations"("name", "id");

-- CreateIndex
CREATE INDEX "users_created_at_id_idx" ON "auth"."users"("created_at", "id");

-- CreateIndex
CREATE INDEX "users_name_id_idx" ON "auth"."users"("name", "id");

-- CreateIndex
CREATE INDEX "users_email_id_idx" ON "auth"."users"("email", "id");
