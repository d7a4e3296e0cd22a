-- Lists at scale: every list is read by keyset pagination, so each list order and
-- filter gets an index ending in (created_at, id) (or (name, id) for teams), and the
-- number of tasks per organization, team and status is kept in api.task_counts by
-- statement-level triggers, in the same transaction as the write.
--
-- Safe on a live database of any size: the counters start in one short transaction
-- that holds writes to api.tasks only while it counts them (reads go on), and the
-- indexes are built and the old ones dropped CONCURRENTLY, outside a transaction,
-- without blocking reads or writes. Should an index build fail (it is then left
-- INVALID), drop that index and run the migration again: every step is idempotent.

BEGIN;

CREATE TABLE IF NOT EXISTS "api"."task_counts" (
    "organization_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL DEFAULT '',
    "status" "api"."TaskStatus" NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "task_counts_pkey" PRIMARY KEY ("organization_id","team_id","status")
);

-- Each statement adds its inserted rows and subtracts its deleted ones (an update
-- does both), grouped per counter and applied in key order so that concurrent
-- writers lock counters in the same order and cannot deadlock.
CREATE OR REPLACE FUNCTION "api"."count_tasks"() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- No write to api.tasks between the count below and the triggers taking over.
LOCK TABLE "api"."tasks" IN SHARE ROW EXCLUSIVE MODE;

DROP TRIGGER IF EXISTS "tasks_count_insert" ON "api"."tasks";
DROP TRIGGER IF EXISTS "tasks_count_update" ON "api"."tasks";
DROP TRIGGER IF EXISTS "tasks_count_delete" ON "api"."tasks";
DROP TRIGGER IF EXISTS "tasks_count_truncate" ON "api"."tasks";
CREATE TRIGGER "tasks_count_insert" AFTER INSERT ON "api"."tasks"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "api"."count_tasks"();
CREATE TRIGGER "tasks_count_update" AFTER UPDATE ON "api"."tasks"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "api"."count_tasks"();
CREATE TRIGGER "tasks_count_delete" AFTER DELETE ON "api"."tasks"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "api"."count_tasks"();
CREATE TRIGGER "tasks_count_truncate" AFTER TRUNCATE ON "api"."tasks"
  FOR EACH STATEMENT EXECUTE FUNCTION "api"."count_tasks"();

-- The counters start from what is there.
DELETE FROM "api"."task_counts";
INSERT INTO "api"."task_counts" ("organization_id", "team_id", "status", "count")
SELECT "organization_id", coalesce("team_id", ''), "status", count(*)
FROM "api"."tasks" GROUP BY 1, 2, 3;

COMMIT;

-- New indexes first, so every list keeps an index while the old ones go.
CREATE INDEX CONCURRENTLY IF NOT EXISTS "stored_files_organization_id_created_at_id_idx" ON "api"."stored_files"("organization_id", "created_at" DESC, "id" DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "stored_files_organization_id_status_created_at_id_idx" ON "api"."stored_files"("organization_id", "status", "created_at" DESC, "id" DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_organization_id_created_at_id_idx" ON "api"."tasks"("organization_id", "created_at" DESC, "id" DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_organization_id_status_created_at_id_idx" ON "api"."tasks"("organization_id", "status", "created_at" DESC, "id" DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_organization_id_assignee_id_created_at_id_idx" ON "api"."tasks"("organization_id", "assignee_id", "created_at" DESC, "id" DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_organization_id_team_id_created_at_id_idx" ON "api"."tasks"("organization_id", "team_id", "created_at" DESC, "id" DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "api_keys_reference_id_created_at_id_idx" ON "auth"."api_keys"("reference_id", "created_at" DESC, "id" DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invitations_organization_id_status_created_at_id_idx" ON "auth"."invitations"("organization_id", "status", "created_at" DESC, "id" DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS "members_organization_id_created_at_id_idx" ON "auth"."members"("organization_id", "created_at", "id");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "teams_organization_id_name_id_idx" ON "auth"."teams"("organization_id", "name", "id");

DROP INDEX CONCURRENTLY IF EXISTS "api"."stored_files_organization_id_created_at_idx";
DROP INDEX CONCURRENTLY IF EXISTS "api"."tasks_organization_id_assignee_id_idx";
DROP INDEX CONCURRENTLY IF EXISTS "api"."tasks_organization_id_created_at_idx";
DROP INDEX CONCURRENTLY IF EXISTS "api"."tasks_organization_id_status_idx";
DROP INDEX CONCURRENTLY IF EXISTS "api"."tasks_organization_id_team_id_idx";
DROP INDEX CONCURRENTLY IF EXISTS "auth"."api_keys_reference_id_idx";
DROP INDEX CONCURRENTLY IF EXISTS "auth"."invitations_organization_id_idx";
DROP INDEX CONCURRENTLY IF EXISTS "auth"."teams_organization_id_idx";
