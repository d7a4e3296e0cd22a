// A task's assignee must be a member, and its team a team, of the task's organization.
import type { Db } from "@acme/db";
import { TRPCError } from "@trpc/server";

export async function checkAssignment(
  db: Db,
  organizationId: string,
  input: { assigneeId?: string | null; teamId?: string | null },
): Promise<void> {
  const [member, team] = await Promise.all([
    input.assigneeId
      ? db.member.findUnique({ where: { organizationId_userId: { organizationId, userId: input.assigneeId } } })
      : true,
    input.teamId ? db.team.findFirst({ where: { id: input.teamId, organizationId } }) : true,
  ]);
  if (!member)
    throw new TRPCError({ code: "BAD_REQUEST", message: "The assignee is not a member of this organization" });
  if (!team) throw new TRPCError({ code: "BAD_REQUEST", message: "No such team in this organization" });
}
