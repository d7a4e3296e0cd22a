// Where the browser connects besides the web app: the API server and the object
// store's presigned URLs; and what it may show in a frame: the object store's
// previews (PDFs). Read from the environment once per process.
import { browserStorageOrigin, storageEnv } from "@acme/storage/env";
import { webEnv } from "../env";

let sources: string[] | undefined;
let frames: string[] | undefined;

export function connectSources(): readonly string[] {
  if (!sources) {
    const origins = [new URL(webEnv().API_PUBLIC_URL).origin, browserStorageOrigin(storageEnv())];
    sources = [...new Set(origins.filter((origin): origin is string => origin !== null))];
  }
  return sources;
}

export function frameSources(): readonly string[] {
  if (!frames) {
    const origin = browserStorageOrigin(storageEnv());
    frames = origin ? [origin] : [];
  }
  return frames;
}
