"use client";
import type { RouterOutputs } from "@acme/api";
import { roleAllows } from "@acme/auth/permissions";
import { TASK_STATUSES, type TaskStatusValue } from "@acme/validators/constants";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { InlineSelect } from "~/components/ui/field";
import { Empty, LoadError, PageHeader, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { formatTotal } from "~/lib/format";
import { STATUS_LABEL } from "~/lib/task-status";
import { useUndoableDelete } from "~/lib/use-undoable-delete";
import { useAllMembers, useAllTeams } from "~/trpc/lists";
import { api } from "~/trpc/react";
import { type Choice, type TaskDraft, TaskForm } from "./task-form";

type Task = RouterOutputs["tasks"]["list"]["items"][number];
const PAGE_SIZE = 10;

export function TasksView() {
  // A link may open the list filtered (the dashboard's counts do): ?status=pending.
  const linked = useSearchParams().get("status");
  const [status, setStatus] = useState<TaskStatusValue | undefined>(() =>
    TASK_STATUSES.find((value) => value === linked),
  );
  const [assigneeId, setAssigneeId] = useState<string | undefined>();
  const [teamId, setTeamId] = useState<string | undefined>();
  // The cursors of the pages after the first that led here: Previous pops one.
  const [trail, setTrail] = useState<string[]>([]);
  // Followed to /tasks again (the nav) or to another status: the link's filter wins.
  useEffect(() => {
    setStatus(TASK_STATUSES.find((value) => value === linked));
    setTrail([]);
  }, [linked]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  const toast = useToast();
  const utils = api.useUtils();
  const firstPage = { limit: PAGE_SIZE, status, assigneeId, teamId };
  const input = { ...firstPage, cursor: trail.at(-1) };
  const role = api.organization.current.useQuery().data?.role ?? "viewer";
  const can = (permission: Parameters<typeof roleAllows>[1]) => roleAllows(role, permission);
  const members = useAllMembers().items.map((m) => ({ id: m.userId, name: m.name }));
  const teams = useAllTeams().items;
  const nameIn = (choices: Choice[], id: string | null) => choices.find((choice) => choice.id === id)?.name;
  const list = api.tasks.list.useQuery(input, { placeholderData: (previous) => previous });
  // The total comes with the first page (the same query as `list` there).
  const total = formatTotal(api.tasks.list.useQuery(firstPage).data?.total);
  const nextCursor = list.data?.nextCursor;

  const refresh = () => utils.tasks.list.invalidate();
  const create = api.tasks.create.useMutation({ onSuccess: refresh });
  const deletes = useUndoableDelete({
    commit: (id) => utils.client.tasks.delete.mutate({ id }).finally(refresh),
    restPath: (id) => `/tasks/${encodeURIComponent(id)}`,
  });
  const shown = list.data?.items.filter((task) => !deletes.hidden.has(task.id)) ?? [];
  const update = api.tasks.update.useMutation({ onSettled: refresh });

  // Optimistic, and synchronous with the click: the row changes at once and
  // changes back if the API refuses.
  const change = (id: string, patch: Partial<Omit<TaskDraft, "description">> & { description?: string | null }) => {
    const before = utils.tasks.list.getData(input);
    void utils.tasks.list.cancel(input);
    utils.tasks.list.setData(
      input,
      (old) => old && { ...old, items: old.items.map((task) => (task.id === id ? { ...task, ...patch } : task)) },
    );
    return update.mutateAsync({ id, ...patch }).catch((error: unknown) => {
      utils.tasks.list.setData(input, before);
      toast.error(error);
      throw error;
    });
  };

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Everything you need to get done."
        action={can("task:create") && <Button onClick={() => setCreating(true)}>New task</Button>}
      />
      <div className="mb-3 flex flex-wrap gap-2">
        <InlineSelect
          label="Filter by assignee"
          value={assigneeId ?? ""}
          onChange={(event) => {
            setAssigneeId(event.target.value || undefined);
            setTrail([]);
          }}
        >
          <option value="">Anyone</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </InlineSelect>
        {teams.length > 0 && (
          <InlineSelect
            label="Filter by team"
            value={teamId ?? ""}
            onChange={(event) => {
              setTeamId(event.target.value || undefined);
              setTrail([]);
            }}
          >
            <option value="">All teams</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </InlineSelect>
        )}
      </div>
      <fieldset className="mb-4 flex flex-wrap gap-2">
        <legend className="sr-only">Filter by status</legend>
        {[undefined, ...TASK_STATUSES].map((value) => (
          <button
            key={value ?? "all"}
            type="button"
            aria-pressed={status === value}
            onClick={() => {
              setStatus(value);
              setTrail([]);
            }}
            className={`rounded-full border px-3 py-1 text-sm ${
              status === value ? "border-indigo-600 bg-indigo-600 text-white" : "border-control hover:bg-subtle"
            }`}
          >
            {value ? STATUS_LABEL[value] : "All"}
          </button>
        ))}
      </fieldset>

      {list.isPending ? (
        <SkeletonList rows={4} />
      ) : list.isError ? (
        <LoadError title="Tasks could not be loaded" error={list.error} onRetry={() => void list.refetch()}>
          {/* A page's cursor can outlive the server that signed it (a restart without CURSOR_SECRET). */}
          {trail.length > 0 && (
            <Button variant="secondary" onClick={() => setTrail([])}>
              Back to the first page
            </Button>
          )}
        </LoadError>
      ) : shown.length === 0 ? (
        <Empty title={status ? `No tasks ${STATUS_LABEL[status].toLowerCase()}` : "No tasks yet"}>
          Create one to get started.
        </Empty>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
          {shown.map((task) => (
            <li key={task.id} data-testid="task-row" className="flex flex-wrap items-center gap-3 p-4">
              <input
                type="checkbox"
                aria-label={`Mark “${task.title}” done`}
                checked={task.status === "completed"}
                disabled={!can("task:update")}
                onChange={(event) =>
                  void change(task.id, { status: event.target.checked ? "completed" : "pending" }).catch(() => {})
                }
                className="h-4 w-4 accent-indigo-600"
              />
              <div className="min-w-0 flex-1">
                <p className={`font-medium ${task.status === "completed" ? "text-muted line-through" : ""}`}>
                  {task.title}
                </p>
                {task.description && <p className="truncate text-sm text-muted">{task.description}</p>}
                {(task.assigneeId || task.teamId) && (
                  <p className="text-xs text-muted" data-testid="task-assignment">
                    {[nameIn(members, task.assigneeId), nameIn(teams, task.teamId)].filter(Boolean).join(" · ")}
                  </p>
                )}
              </div>
              <span className="rounded-full bg-subtle px-2 py-0.5 text-xs" data-testid="task-status">
                {STATUS_LABEL[task.status]}
              </span>
              {can("task:update") && (
                <Button variant="ghost" onClick={() => setEditing(task)} aria-label={`Edit “${task.title}”`}>
                  Edit
                </Button>
              )}
              {can("task:delete") && (
                <Button
                  variant="ghost"
                  aria-label={`Delete “${task.title}”`}
                  onClick={() => deletes.remove(task.id, `Deleted “${task.title}”`)}
                >
                  Delete
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}

      {(trail.length > 0 || nextCursor) && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          <Button variant="secondary" disabled={trail.length === 0} onClick={() => setTrail(trail.slice(0, -1))}>
            Previous
          </Button>
          <span>
            Page {trail.length + 1}
            {total && ` · ${total} tasks`}
          </span>
          <Button
            variant="secondary"
            disabled={!nextCursor || list.isPlaceholderData}
            onClick={() => nextCursor && setTrail([...trail, nextCursor])}
          >
            Next
          </Button>
        </nav>
      )}

      <Dialog open={creating} onClose={() => setCreating(false)} title="New task">
        <TaskForm
          members={members}
          teams={teams}
          submitLabel="Create task"
          onCancel={() => setCreating(false)}
          onSubmit={async (draft) => {
            try {
              await create.mutateAsync(draft);
              setCreating(false);
              toast.success("Task created");
            } catch (error) {
              toast.error(error);
            }
          }}
        />
      </Dialog>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title="Edit task">
        {editing && (
          <TaskForm
            members={members}
            teams={teams}
            initial={{
              title: editing.title,
              description: editing.description ?? undefined,
              status: editing.status,
              assigneeId: editing.assigneeId,
              teamId: editing.teamId,
            }}
            submitLabel="Save changes"
            onCancel={() => setEditing(null)}
            onSubmit={async (draft) => {
              try {
                await change(editing.id, { ...draft, description: draft.description ?? null });
                setEditing(null);
                toast.success("Task saved");
              } catch {}
            }}
          />
        )}
      </Dialog>
    </>
  );
}
