"use client";
import { createTaskInput, TASK_STATUSES, type TaskStatusValue } from "@acme/validators";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, Select, TextArea } from "~/components/ui/field";
import { STATUS_LABEL } from "~/lib/task-status";
import { useForm } from "~/lib/use-form";

export interface TaskDraft {
  title: string;
  description?: string;
  status: TaskStatusValue;
  assigneeId?: string | null;
  teamId?: string | null;
}

export interface Choice {
  id: string;
  name: string;
}

// The selects send "" for nobody / no team: that is null to the API.
const formInput = createTaskInput.extend({
  assigneeId: z
    .string()
    .transform((value) => value || null)
    .optional(),
  teamId: z
    .string()
    .transform((value) => value || null)
    .optional(),
});

export function TaskForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  members = [],
  teams = [],
}: {
  initial?: Partial<TaskDraft>;
  members?: Choice[];
  teams?: Choice[];
  submitLabel: string;
  onSubmit: (draft: TaskDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useForm(formInput, async (values) =>
    onSubmit({ ...values, description: values.description || undefined }),
  );
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
      <Field label="Title" name="title" defaultValue={initial?.title} required autoFocus error={form.errors.title} />
      <TextArea
        label="Description"
        name="description"
        rows={3}
        defaultValue={initial?.description ?? ""}
        error={form.errors.description}
      />
      <Select label="Status" name="status" defaultValue={initial?.status ?? "pending"}>
        {TASK_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABEL[status]}
          </option>
        ))}
      </Select>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label="Assignee" name="assigneeId" defaultValue={initial?.assigneeId ?? ""}>
          <option value="">Nobody</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </Select>
        <Select label="Team" name="teamId" defaultValue={initial?.teamId ?? ""}>
          <option value="">No team</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </Select>
      </div>
      {form.formError && (
        <p role="alert" className="text-sm text-red-600">
          {form.formError}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={form.pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
