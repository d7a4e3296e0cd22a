-- Lists at scale: every list is read by keyset pagination, so each list order and
-- filter gets an index ending in (created_at, id) (or (name, id) for teams), and the
-- number of tasks per organization, team and status is kept in api.task_counts by
-- statement-level triggers, in the same transaction as the write. One transaction.
BEGIN;

-- DropIndex
DROP INDEX "api"."stored_files_organization_id_created_at_idx";

-- DropIndex
DROP INDEX "api"."tasks_organization_id_assignee_id_idx";

-- DropIndex
DROP INDEX "api"."tasks_organization_id_created_at_idx";

-- DropIndex
DROP INDEX "api"."tasks_organization_id_status_idx";

-- DropIndex
DROP INDEX "api"."tasks_organization_id_team_id_idx";

-- DropIndex
DROP INDEX "auth"."api_keys_reference_id_idx";

-- DropIndex
DROP INDEX "auth"."invitations_organization_id_idx";

-- DropIndex
DROP INDEX "auth"."teams_organization_id_idx";

-- CreateTable
CREATE TABLE "api"."task_counts" (
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL DEFAULT '',
    "status" "api"."TaskStatus" NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "task_counts_pkey" PRIMARY KEY ("organization_id","team_id","status")
);

-- CreateIndex
CREATE INDEX "stored_files_organization_id_created_at_id_idx" ON "api"."stored_files"("organization_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "stored_files_organization_id_status_created_at_id_idx" ON "api"."stored_files"("organization_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "tasks_organization_id_created_at_id_idx" ON "api"."tasks"("organization_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "tasks_organization_id_status_created_at_id_idx" ON "api"."tasks"("organization_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "tasks_organization_id_assignee_id_created_at_id_idx" ON "api"."tasks"("organization_id", "assignee_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "tasks_organization_id_team_id_created_at_id_idx" ON "api"."tasks"("organization_id", "team_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "api_keys_reference_id_created_at_id_idx" ON "auth"."api_keys"("reference_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "invitations_organization_id_status_created_at_id_idx" ON "auth"."invitations"("organization_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "members_organization_id_created_at_id_idx" ON "auth"."members"("organization_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "teams_organization_id_name_id_idx" ON "auth"."teams"("organization_id", "name", "id");

-- The counters start from what is there.
INSERT INTO "api"."task_counts" ("organization_id", "team_id", "status", "count")
SELECT "organization_id", coalesce("team_id", ''), "status", count(*)
FROM "api"."tasks" GROUP BY 1, 2, 3;

-- Each statement adds its inserted rows and subtracts its deleted ones (an update
-- does both), grouped per counter and applied in key order so that concurrent
-- writers lock counters in the same order and cannot deadlock.
CREATE FUNCTION "api"."count_tasks"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM api.task_counts;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO api.task_counts AS c (organization_id, team_id, status, count)
    SELECT organization_id, coalesce(team_id, ''), status, count(*) FROM new_rows
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, team_id, status) DO UPDATE SET count = c.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO api.task_counts AS c (organization_id, team_id, status, count)
    SELECT organization_id, coalesce(team_id, ''), status, -count(*) FROM old_rows
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, team_id, status) DO UPDATE SET count = c.count + excluded.count;
  ELSE
    INSERT INTO api.task_counts AS c (organization_id, team_id, status, count)
    SELECT organization_id, team_id, status, sum(delta) FROM (
      SELECT organization_id, coalesce(team_id, '') AS team_id, status, 1 AS delta FROM new_rows
      UNION ALL
      SELECT organization_id, coalesce(team_id, ''), status, -1 FROM old_rows
    ) AS changes
    GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, team_id, status) DO UPDATE SET count = c.count + excluded.count;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "tasks_count_insert" AFTER INSERT ON "api"."tasks"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "api"."count_tasks"();
CREATE TRIGGER "tasks_count_update" AFTER UPDATE ON "api"."tasks"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "api"."count_tasks"();
CREATE TRIGGER "tasks_count_delete" AFTER DELETE ON "api"."tasks"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "api"."count_tasks"();
CREATE TRIGGER "tasks_count_truncate" AFTER TRUNCATE ON "api"."tasks"
  FOR EACH STATEMENT EXECUTE FUNCTION "api"."count_tasks"();

COMMIT;
