-- CreateTable
CREATE TABLE "api"."audit_events" (
    "id" UUID NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "actor_user_id" TEXT,
    "actor_key_id" TEXT,
    "impersonator_id" TEXT,
    "organization_id" TEXT,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(64),
    "target_id" TEXT,
    "ip" TEXT,
    "user_agent" VARCHAR(512),
    "request_id" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_organization_id_created_at_id_idx" ON "api"."audit_events"("organization_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_events_actor_user_id_created_at_id_idx" ON "api"."audit_events"("actor_user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_chain_seq_key" ON "api"."audit_events"("chain", "seq");

-- Append-only: an event is never changed. (Deleting the oldest events is retention's
-- job; a deleted event in the middle of a chain shows as a gap in `seq`.)
CREATE FUNCTION "api"."audit_events_refuse_update"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE ON "api"."audit_events"
  FOR EACH ROW EXECUTE FUNCTION "api"."audit_events_refuse_update"();
