import { storedText } from "./text";
import "./zod-setup";
import { z } from "zod";

export const fileIdInput = z.object({ id: z.uuid("Not a file id") });

/** A download, or (`inline`) a preview in the browser, for the types it shows in place. */
export const fileDownloadInput = fileIdInput.extend({
  disposition: z.enum(["attachment", "inline"]).default("attachment"),
});

export const createUploadInput = z.object({
  filename: storedText()
    .trim()
    .min(1, "Filename is required")
    .max(255, "At most 255 characters")
    .refine((name) => !/[/\\]/.test(name), "Filename cannot contain slashes"),
  contentType: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, "Not a media type"),
  /** Bytes; the server's FILE_MAX_BYTES caps it. */
  size: z.number().int().min(1, "The file is empty"),
});

export type CreateUploadInput = z.infer<typeof createUploadInput>;
