// admin.jobs.*: the background jobs as operators see them: each job with its schedule,
// next run, its runs by state and its last run; the newest runs; "run now" for a
// platform job (by name: the catalog is closed, payloads are checked, nothing else can be
// queued); retry a failed run, cancel a queued one.

import { sqlRows } from "@acme/db";
import {
  checkJob,
  findRun,
  JOB_NAMES,
  JOBS,
  JobRefused,
  jobsInstalled,
  jobsOverview,
  RUN_STATES,
  type RunState,
  recentRuns,
} from "@acme/jobs";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../../audit";
import type { Context } from "../../context";
import type { Principal } from "../../principal";
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
            nextRun: z.date().nullable(),
            adminRun: z.boolean().describe("false: only a user's own request starts it"),
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
          state: state.optional(),
          before: z.coerce.date<Date>().optional().describe("Runs created before this time: the next page"),
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
    .query(({ ctx, input }) => recentRuns(query(ctx), input, input.limit)),

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
      if (!JOBS[job.name].adminRun) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `${job.name} runs when a user asks for it, not on demand`,
        });
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

  retry: adminWrite
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/jobs/runs/{id}/retry",
        protect: true,
        tags,
        summary: "Retry a failed run",
      },
    })
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.string(), state: z.literal("retry") }))
    .mutation(async ({ ctx, input }) => {
      await control(ctx, ctx.principal, "retry", input.id);
      return { id: input.id, state: "retry" as const };
    }),

  cancel: adminWrite
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/jobs/runs/{id}/cancel",
        protect: true,
        tags,
        summary: "Cancel a queued run",
      },
    })
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.string(), state: z.literal("cancelled") }))
    .mutation(async ({ ctx, input }) => {
      await control(ctx, ctx.principal, "cancel", input.id);
      return { id: input.id, state: "cancelled" as const };
    }),
} satisfies TRPCRouterRecord;

/** Which runs each command applies to: a failed one is retried, a waiting one cancelled. */
const CONTROLLABLE: Record<"retry" | "cancel", readonly RunState[]> = {
  retry: ["failed"],
  cancel: ["created", "retry"],
};

async function control(ctx: Context, principal: Principal, action: "retry" | "cancel", id: string): Promise<void> {
  const run = await findRun(query(ctx), id);
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "No such run" });
  if (action === "cancel" && !JOBS[run.name].adminRun) {
    // A user's export: cancelling the run would leave their request waiting for nothing.
    throw new TRPCError({ code: "CONFLICT", message: `${run.name} runs belong to the users who asked for them` });
  }
  if (!CONTROLLABLE[action].includes(run.state)) {
    const what = action === "retry" ? "Only a failed run can be retried" : "Only a queued run can be cancelled";
    throw new TRPCError({ code: "CONFLICT", message: `${what}; this one is ${run.state}` });
  }
  try {
    await ctx.jobs.control(action, run.name, id);
  } catch (cause) {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The job queue is unavailable; try again", cause });
  }
  await audit(ctx, principal, {
    action: action === "retry" ? "job.retried" : "job.cancelled",
    organizationId: null,
    targetType: "job",
    targetId: id,
    metadata: { name: run.name },
  });
}
