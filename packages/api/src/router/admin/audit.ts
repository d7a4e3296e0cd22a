// The platform's audit log (every organization and the platform's own events), and
// the CSV exports of the console: the filtered users list and the filtered log.
import { exportPlatformAuditInput, exportUsersInput, listPlatformAuditInput } from "@acme/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { csvPages, type Download } from "../../download/csv";
import { recorded } from "../../download/recorded";
import { PLATFORM_SCOPE, PLATFORM_TENANT } from "../../pagination/keyset";
import { readPage } from "../../pagination/page";
import {
  AUDIT_CSV_HEADER,
  auditCells,
  auditEventOutput,
  auditFromRow,
  auditList,
  downloadOutput,
} from "../audit-events";
import { pageOutput } from "../schemas";
import { adminRead, tags } from "./procedures";
import { USER_LISTS, type UserRow, userFromRow } from "./user-list";

const PLATFORM_LOG = auditList("adminAudit", PLATFORM_SCOPE, { organizationId: "organization_id = $?::text" });
const CSV = "text/csv; charset=utf-8";

const USER_CSV_HEADER = [
  "id",
  "email",
  "name",
  "role",
  "email_verified",
  "banned",
  "ban_reason",
  "ban_expires",
  "created_at",
];
const userCells = (row: UserRow) => {
  const user = userFromRow(row);
  return [
    user.id,
    user.email,
    user.name,
    user.role,
    user.emailVerified,
    user.banned,
    user.banReason,
    user.banExpires,
    user.createdAt,
  ];
};

export const adminAudit = {
  list: adminRead
    .meta({ openapi: { method: "GET", path: "/admin/audit-events", protect: true, tags, summary: "The platform log" } })
    .input(listPlatformAuditInput)
    .output(pageOutput(auditEventOutput))
    .query(({ ctx, input }) => readPage(ctx, PLATFORM_LOG, PLATFORM_TENANT, input, auditFromRow)),

  export: adminRead
    .meta({
      download: "csv",
      openapi: {
        method: "GET",
        path: "/admin/exports/audit-events",
        protect: true,
        tags,
        summary: "The platform log as CSV",
      },
    })
    .input(exportPlatformAuditInput)
    .output(downloadOutput)
    .query(({ ctx, input }): Download => {
      const event = {
        action: "data.exported",
        organizationId: null,
        targetType: "audit_log",
        metadata: { filters: input },
      };
      const rows = csvPages(ctx.db, PLATFORM_LOG, PLATFORM_TENANT, input, AUDIT_CSV_HEADER, auditCells);
      return {
        contentType: CSV,
        filename: "platform-audit-log.csv",
        chunks: recorded(ctx, ctx.principal, event, rows),
      };
    }),
} satisfies TRPCRouterRecord;

export const adminUsersExport = {
  export: adminRead
    .meta({
      download: "csv",
      openapi: { method: "GET", path: "/admin/exports/users", protect: true, tags, summary: "Users as CSV" },
    })
    .input(exportUsersInput)
    .output(downloadOutput)
    .query(({ ctx, input }): Download => {
      const { sort, ...filters } = input;
      const event = { action: "data.exported", organizationId: null, targetType: "users", metadata: { filters, sort } };
      const rows = csvPages(ctx.db, USER_LISTS[sort], PLATFORM_TENANT, filters, USER_CSV_HEADER, userCells);
      return { contentType: CSV, filename: "users.csv", chunks: recorded(ctx, ctx.principal, event, rows) };
    }),
} satisfies TRPCRouterRecord;
