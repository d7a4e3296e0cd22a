"use client";
import { PREVIEWABLE_TYPES } from "@acme/validators/constants";
import { type DragEvent, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import { useConfirm } from "~/components/ui/confirm";
import { Dialog } from "~/components/ui/dialog";
import { ShowMore } from "~/components/ui/show-more";
import { Empty, LoadError, PageHeader, SkeletonList } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { formatBytes } from "~/lib/errors";
import { useUndoableDelete } from "~/lib/use-undoable-delete";
import { byCursor, itemsOf } from "~/trpc/lists";
import { api } from "~/trpc/react";
import { isAbort, putWithProgress } from "./upload";

/** Types the browser shows in place (checked on arrival: the bytes match the type). */
const PREVIEWABLE = new Set<string>(PREVIEWABLE_TYPES);

interface Upload {
  key: string;
  name: string;
  progress: number;
  cancel: AbortController;
}

export function FilesView() {
  const ask = useConfirm();
  const toast = useToast();
  const utils = api.useUtils();
  const files = api.files.list.useInfiniteQuery({ limit: 50 }, byCursor);
  const deletes = useUndoableDelete({
    commit: (id) => utils.client.files.delete.mutate({ id }).finally(() => utils.files.list.invalidate()),
    restPath: (id) => `/files/${encodeURIComponent(id)}`,
  });
  const items = itemsOf(files.data).filter((file) => !deletes.hidden.has(file.id));
  const start = api.files.createUpload.useMutation();
  const complete = api.files.completeUpload.useMutation();
  const remove = api.files.delete.useMutation({ onSuccess: () => utils.files.list.invalidate() });
  const [uploads, setUploads] = useState<Upload[]>([]);
  const uploadCount = useRef(0);
  /** Names being uploaded now (a ref: several files chosen at once see each other). */
  const inFlight = useRef(new Set<string>());
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const upload = async (file: File) => {
    const key = String(++uploadCount.current);
    inFlight.current.add(file.name);
    const cancel = new AbortController();
    const track = (progress: number) =>
      setUploads((current) => current.map((u) => (u.key === key ? { ...u, progress } : u)));
    setUploads((current) => [...current, { key, name: file.name, progress: 0, cancel }]);
    let id: string | undefined;
    try {
      const { file: row, uploadUrl } = await start.mutateAsync({
        filename: file.name,
        contentType: file.type || "application/octet-stream",
        size: file.size,
      });
      id = row.id;
      if (cancel.signal.aborted) throw new DOMException("Upload cancelled", "AbortError");
      await putWithProgress(uploadUrl, file, track, cancel.signal);
      await complete.mutateAsync({ id: row.id });
      toast.success(`${file.name} uploaded`);
    } catch (error) {
      if (!isAbort(error)) toast.error(error);
      // Nothing half-made stays listed: the pending row goes (the purge job would take it later).
      else if (id) await remove.mutateAsync({ id }).catch(() => undefined);
    } finally {
      inFlight.current.delete(file.name);
      setUploads((current) => current.filter((u) => u.key !== key));
      await utils.files.list.invalidate();
    }
  };
  const uploadAll = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      // The same file twice (chosen again, or already here) would make two identical rows: ask first.
      const here =
        inFlight.current.has(file.name) ||
        items.some((f) => f.status === "ready" && f.filename === file.name && Number(f.size) === file.size);
      if (here) {
        const body = "A file with this name and size is already here.";
        if (!(await ask({ title: `Upload ${file.name} again?`, body, action: "Upload anyway", danger: false }))) {
          continue;
        }
      }
      void upload(file);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void uploadAll(event.dataTransfer.files);
  };
  const [shown, setShown] = useState<{ name: string; url: string; pdf: boolean } | null>(null);
  const preview = async (id: string, name: string, contentType: string) => {
    try {
      const { url } = await utils.files.downloadUrl.fetch({ id, disposition: "inline" });
      setShown({ name, url, pdf: contentType === "application/pdf" });
    } catch (error) {
      toast.error(error);
    }
  };
  const download = async (id: string) => {
    try {
      const { url } = await utils.files.downloadUrl.fetch({ id });
      window.location.assign(url);
    } catch (error) {
      toast.error(error);
    }
  };

  return (
    <>
      <PageHeader title="Files" description="Uploads go straight to storage; only you can download them." />
      <section
        aria-label="Upload files"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mb-6 flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed p-8 text-center ${
          dragging ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950" : "border-control"
        }`}
      >
        <p className="text-sm text-muted">Drag files here, or</p>
        <Button variant="secondary" onClick={() => input.current?.click()}>
          Choose files
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          aria-label="Choose files to upload"
          data-testid="file-input"
          onChange={(event) => {
            void uploadAll(event.target.files);
            event.target.value = "";
          }}
        />
        {uploads.map((u) => (
          <div key={u.key} className="w-full max-w-sm text-left text-sm" data-testid="upload">
            <div className="flex items-center gap-2">
              <p className="min-w-0 flex-1 truncate">{u.name}</p>
              <span className="tabular-nums text-muted">{Math.round(u.progress * 100)}%</span>
              <Button variant="ghost" onClick={() => u.cancel.abort()} aria-label={`Cancel uploading ${u.name}`}>
                Cancel
              </Button>
            </div>
            <div
              role="progressbar"
              aria-label={`Uploading ${u.name}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(u.progress * 100)}
              className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
            >
              <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${u.progress * 100}%` }} />
            </div>
          </div>
        ))}
      </section>

      {files.isPending ? (
        <SkeletonList rows={3} />
      ) : files.isError ? (
        <LoadError title="Files could not be loaded" error={files.error} onRetry={() => void files.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No files yet">Upload one above.</Empty>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-line text-muted">
              <tr>
                <th className="p-3 font-medium">Name</th>
                <th className="p-3 font-medium">Size</th>
                <th className="hidden p-3 font-medium sm:table-cell">Type</th>
                <th className="hidden p-3 font-medium sm:table-cell">Added</th>
                <th className="p-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((file) => (
                <tr
                  key={file.id}
                  data-testid="file-row"
                  className="border-b border-neutral-100 last:border-0 dark:border-neutral-800"
                >
                  <td className="max-w-48 truncate p-3 font-medium">
                    {file.filename}
                    {file.status === "pending" && (
                      <span className="ml-2 text-xs text-amber-800 dark:text-amber-300">incomplete</span>
                    )}
                  </td>
                  <td className="p-3 whitespace-nowrap">{formatBytes(file.size)}</td>
                  <td className="hidden p-3 text-muted sm:table-cell">{file.contentType}</td>
                  <td className="hidden p-3 text-muted sm:table-cell">{file.createdAt.toLocaleDateString()}</td>
                  <td className="p-3 text-right whitespace-nowrap">
                    {file.status === "ready" && PREVIEWABLE.has(file.contentType) && (
                      <Button
                        variant="ghost"
                        onClick={() => preview(file.id, file.filename, file.contentType)}
                        aria-label={`Preview ${file.filename}`}
                      >
                        Preview
                      </Button>
                    )}
                    {file.status === "ready" && (
                      <Button
                        variant="ghost"
                        onClick={() => download(file.id)}
                        aria-label={`Download ${file.filename}`}
                      >
                        Download
                      </Button>
                    )}
                    <Button
                      variant="ghost"
                      aria-label={`Delete ${file.filename}`}
                      onClick={() => deletes.remove(file.id, `Deleted ${file.filename}`)}
                    >
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore query={files} />
      <Dialog open={shown !== null} onClose={() => setShown(null)} title={shown?.name ?? "Preview"} wide={shown?.pdf}>
        {shown?.pdf ? (
          // The object store's origin, not this one: the document cannot reach the app.
          <iframe
            src={shown.url}
            title={`Preview of ${shown.name}`}
            data-testid="pdf-preview"
            className="h-[75vh] w-full rounded-md border border-line"
          />
        ) : (
          shown && <img src={shown.url} alt={shown.name} className="mx-auto max-h-[70vh] w-auto rounded-md" />
        )}
      </Dialog>
    </>
  );
}
