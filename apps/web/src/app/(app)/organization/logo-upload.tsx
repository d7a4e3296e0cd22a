"use client";
// The organization's logo: the image goes straight to storage through a presigned
// URL, and the API checks it before it becomes the logo.
import { useState } from "react";
import { Card } from "~/components/ui/states";
import { useToast } from "~/components/ui/toast";
import { api } from "~/trpc/react";

const TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

export function LogoUpload({ logoUrl }: { logoUrl: string | null }) {
  const toast = useToast();
  const utils = api.useUtils();
  const start = api.organization.createLogoUpload.useMutation();
  const complete = api.organization.completeLogoUpload.useMutation();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    const contentType = TYPES.find((type) => type === file.type);
    if (!contentType) return toast.error(new Error("Choose a PNG, JPEG or WebP image"));
    setBusy(true);
    try {
      const { uploadId, uploadUrl } = await start.mutateAsync({ contentType, size: file.size });
      const put = await fetch(uploadUrl, { method: "PUT", body: file, headers: { "content-type": contentType } });
      if (!put.ok) throw new Error(`The upload failed (${put.status})`);
      await complete.mutateAsync({ uploadId });
      await utils.organization.current.invalidate();
      toast.success("Logo updated");
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Logo">
      <div className="flex flex-wrap items-center gap-4">
        {logoUrl ? (
          <img src={logoUrl} alt="Organization logo" className="h-14 w-14 rounded-lg object-cover" />
        ) : (
          <div className="h-14 w-14 rounded-lg border border-dashed border-control" />
        )}
        <label className="text-sm">
          <span className="mb-1 block font-medium">Upload a logo (PNG, JPEG or WebP, up to 1 MB)</span>
          <input
            type="file"
            accept={TYPES.join(",")}
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
              event.target.value = "";
            }}
            className="text-sm"
          />
        </label>
      </div>
    </Card>
  );
}
