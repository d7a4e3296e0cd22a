import { z } from "zod";
import { publicProcedure } from "../trpc";

export const health = publicProcedure
  .meta({ openapi: { method: "GET", path: "/health", protect: false, tags: ["health"], summary: "Liveness" } })
  .input(z.void())
  .output(z.object({ status: z.literal("ok") }))
  .query(() => ({ status: "ok" as const }));
