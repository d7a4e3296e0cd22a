// The organization's audit log, for its owners and admins (and keys with audit:read):
// every event recorded in the organization, newest first, filtered; or all of it as CSV.
import { exportAuditInput, listAuditInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { csvPages, type Download } from "../download/csv";
import { recorded } from "../download/recorded";
import { readPage } from "../pagination/page";
import { authedProcedure } from "../trpc";
import {
  AUDIT_CSV_HEADER,
  auditCells,
  auditEventOutput,
  auditFromRow,
  auditList,
  downloadOutput,
} from "./audit-events";
import { pageOutput } from "./schemas";

const ORGANIZATION_LOG = auditList("auditLog", "organization_id");
const read = authedProcedure.meta({ permission: "audit:read" });
const tags = ["audit"];

export const auditLogRouter = {
  list: read
    .meta({
      openapi: { method: "GET", path: "/audit-events", protect: true, tags, summary: "The organization's audit log" },
    })
    .input(listAuditInput)
    .output(pageOutput(auditEventOutput))
    .query(({ ctx, input }) => readPage(ctx, ORGANIZATION_LOG, ctx.principal.organizationId, input, auditFromRow)),

  export: read
    .meta({
      download: "csv",
      openapi: { method: "GET", path: "/audit-events/export", protect: true, tags, summary: "The audit log as CSV" },
    })
    .input(exportAuditInput)
    .output(downloadOutput)
    .query(({ ctx, input }): Download => {
      const event = { action: "data.exported", targetType: "audit_log", metadata: { filters: input } };
      const rows = csvPages(
        ctx.db,
        ORGANIZATION_LOG,
        ctx.principal.organizationId,
        input,
        AUDIT_CSV_HEADER,
        auditCells,
      );
      return {
        contentType: "text/csv; charset=utf-8",
        filename: "audit-log.csv",
        chunks: recorded(ctx, ctx.principal, event, rows),
      };
    }),
} satisfies TRPCRouterRecord;
