"use client";
import { createTaskInput, TASK_STATUSES, type TaskStatusValue } from "@acme/validators";
import { Button } from "~/components/ui/button";
import { Field, Select, TextArea } from "~/components/ui/field";
import { STATUS_LABEL } from "~/lib/task-status";
import { useForm } from "~/lib/use-form";

export interface TaskDraft {
  title: string;
  description?: string;
  status: TaskStatusValue;
}

export function TaskForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: Partial<TaskDraft>;
  submitLabel: string;
  onSubmit: (draft: TaskDraft) => Promise<void>;
}) {
  const form = useForm(createTaskInput, async (values) =>
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
      {form.formError && (
        <p role="alert" className="text-sm text-red-600">
          {form.formError}
        </p>
      )}
      <Button type="submit" loading={form.pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
