// admin.jobs.*: the background jobs as operators see them: each job with its schedule,
// its runs by state and its last run; the newest runs; and "run now" for a catalog job
// (by name: the catalog is closed, payloads are checked, nothing else can be queued).

import { sqlRows } from "@acme/db";
import { checkJob, JOB_NAMES, JobRefused, jobsInstalled, jobsOverview, RUN_STATES, recentRuns } from "@acme/jobs";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../../audit";
import type { Context } from "../../context";
import { adminRead, adminWrite, tags } from "./procedures";

const query =
  (ctx: Pick<Context, "db">) =>
  <Row>(text: string, values: unknown[]) =>
    sqlRows<Row>(ctx.db, text, values);

const state = z.enum(RUN_STATES);

export const adminJobs = {
  overview: adminRead
    .meta({ openapi: { method: "GET", path: "/admin/jobs", protect: true, tags, summary: "The background jobs" } })
    .input(z.void())
    .output(
      z.object({
        workerSeen: z.boolean().describe("false until a worker has started against this database"),
        jobs: z.array(
          z.object({
            name: z.enum(JOB_NAMES),
            summary: z.string(),
            schedule: z.string().nullable(),
            counts: z.record(state, z.number().int()),
            lastRun: z.object({ state, at: z.date() }).nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx }) => jobsOverview(query(ctx))),

  runs: adminRead
    .meta({ openapi: { method: "GET", path: "/admin/jobs/runs", protect: true, tags, summary: "The newest runs" } })
    .input(
      z
        .object({
          name: z.enum(JOB_NAMES).optional(),
          limit: z.coerce.number<number>().int().min(1).max(100).default(50),
        })
        .prefault({}),
    )
    .output(
      z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          state,
          retryCount: z.number().int(),
          createdOn: z.date(),
          startedOn: z.date().nullable(),
          completedOn: z.date().nullable(),
          output: z.unknown(),
        }),
      ),
    )
    .query(({ ctx, input }) => recentRuns(query(ctx), input.name, input.limit)),

  run: adminWrite
    .meta({ openapi: { method: "POST", path: "/admin/jobs/run", protect: true, tags, summary: "Run a job now" } })
    .input(z.object({ name: z.string().min(1).max(100), payload: z.record(z.string(), z.unknown()).default({}) }))
    .output(z.object({ id: z.string(), name: z.enum(JOB_NAMES) }))
    .mutation(async ({ ctx, input }) => {
      let job: ReturnType<typeof checkJob>;
      try {
        job = checkJob(input.name, input.payload);
      } catch (error) {
        if (error instanceof JobRefused) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
        throw error;
      }
      if (!(await jobsInstalled(query(ctx)))) {
        throw new TRPCError({
          code: "SERVICE_UNAVAILABLE",
          message: "The job queue is not ready: start a worker (it sets the queues up), then try again",
        });
      }
      let id: string;
      try {
        id = await ctx.jobs.send(job.name, job.payload);
      } catch (cause) {
        throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The job queue is unavailable; try again", cause });
      }
      await audit(ctx, ctx.principal, {
        action: "job.triggered",
        organizationId: null,
        targetType: "job",
        targetId: id,
        metadata: { name: job.name },
      });
      return { id, name: job.name };
    }),
} satisfies TRPCRouterRecord;
