-- AlterTable
ALTER TABLE "auth"."api_keys" ADD COLUMN     "revoked_at" TIMESTAMPTZ(6);
