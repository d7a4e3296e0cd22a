"use client";
import { useState } from "react";
import { organization } from "~/auth/organizations";
import { Icon } from "~/components/icons";
import { Button } from "~/components/ui/button";
import { useConfirm } from "~/components/ui/confirm";
import { Field, InlineSelect } from "~/components/ui/field";
import { Card } from "~/components/ui/states";
import { useAllMembers, useAllTeams } from "~/trpc/lists";
import { useOrgAction } from "./use-org-action";

export function TeamsCard({ canManage }: { canManage: boolean }) {
  const ask = useConfirm();
  const teams = useAllTeams();
  const members = useAllMembers();
  const { run, busy } = useOrgAction();
  const [name, setName] = useState("");
  const nameOf = (userId: string) => members.items.find((m) => m.userId === userId)?.name ?? "Someone";

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await run("create", () => organization.createTeam({ name: name.trim() }), `Team ${name} created`)) setName("");
  };

  return (
    <Card title="Teams">
      {canManage && (
        <form onSubmit={create} className="mb-4 grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
          <Field
            label="New team"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
          />
          <Button type="submit" loading={busy === "create"}>
            Create team
          </Button>
        </form>
      )}
      {teams.items.length ? (
        <ul className="divide-y divide-line">
          {teams.items.map((team) => {
            const outside = members.items.filter((m) => !team.memberIds.includes(m.userId));
            return (
              <li key={team.id} data-testid="team-row" className="flex flex-col gap-2 py-3">
                <div className="flex flex-wrap items-center gap-3">
                  <p className="flex-1 font-medium">{team.name}</p>
                  {canManage && (
                    <>
                      <Button
                        variant="ghost"
                        onClick={() => {
                          const renamed = window.prompt("Rename the team", team.name)?.trim();
                          if (renamed && renamed !== team.name) {
                            void run(
                              `rename-${team.id}`,
                              () => organization.updateTeam({ teamId: team.id, data: { name: renamed } }),
                              "Team renamed",
                            );
                          }
                        }}
                      >
                        Rename
                      </Button>
                      <Button
                        variant="ghost"
                        aria-label={`Delete team ${team.name}`}
                        onClick={async () => {
                          const body = "Its tasks stay, without a team.";
                          if (await ask({ title: `Delete the team “${team.name}”?`, body, action: "Delete team" })) {
                            void run(
                              `delete-${team.id}`,
                              () => organization.removeTeam({ teamId: team.id }),
                              "Team deleted",
                            );
                          }
                        }}
                      >
                        Delete
                      </Button>
                    </>
                  )}
                </div>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {team.memberIds.length === 0 && <span className="text-muted">No members yet.</span>}
                  {team.memberIds.map((userId) => (
                    <span key={userId} className="inline-flex items-center gap-1 rounded-full bg-subtle px-2 py-0.5">
                      {nameOf(userId)}
                      {canManage && (
                        <button
                          type="button"
                          aria-label={`Remove ${nameOf(userId)} from ${team.name}`}
                          onClick={() =>
                            run(`out-${team.id}`, () => organization.removeTeamMember({ teamId: team.id, userId }))
                          }
                          className="text-muted hover:text-neutral-900 dark:hover:text-white"
                        >
                          <Icon name="x" className="h-3.5 w-3.5" />
                        </button>
                      )}
                    </span>
                  ))}
                  {canManage && outside.length > 0 && (
                    <InlineSelect
                      label={`Add a member to ${team.name}`}
                      value=""
                      onChange={(event) =>
                        run(`in-${team.id}`, () =>
                          organization.addTeamMember({ teamId: team.id, userId: event.target.value }),
                        )
                      }
                    >
                      <option value="">Add member…</option>
                      {outside.map((member) => (
                        <option key={member.userId} value={member.userId}>
                          {member.name}
                        </option>
                      ))}
                    </InlineSelect>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-muted">No teams yet.</p>
      )}
    </Card>
  );
}
