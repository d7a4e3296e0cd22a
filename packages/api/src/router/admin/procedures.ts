// The admin console's procedures are built from these two: every one declares a
// platform permission, so the shared auth middleware (middleware/auth.ts,
// requirePlatformAdmin) checks the caller against the database before it runs.
import { authedProcedure } from "../../trpc";

export const adminRead = authedProcedure.meta({ permission: "admin:read" });
export const adminWrite = authedProcedure.meta({ permission: "admin:write" });

export const tags = ["admin"];
