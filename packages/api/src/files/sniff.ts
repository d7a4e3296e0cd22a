// Recognises a file's type from its first bytes, so an upload cannot claim to be
// an image while being something else.

interface Signature {
  type: string;
  bytes: (number | null)[]; // null: any byte
  offset?: number;
}

const SIGNATURES: Signature[] = [
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38, null, 0x61] },
  { type: "image/webp", bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: "application/zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: "application/gzip", bytes: [0x1f, 0x8b] },
  { type: "application/x-executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { type: "application/x-msdownload", bytes: [0x4d, 0x5a] },
];

/** Bytes worth reading to sniff. */
export const SNIFF_BYTES = 16;

/** Formats that are zip containers underneath. */
const ZIP_FAMILY = new Set([
  "application/zip",
  "application/java-archive",
  "application/epub+zip",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
]);

export function sniffType(head: Uint8Array): string | null {
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (head.length < offset + signature.bytes.length) continue;
    if (signature.bytes.every((byte, i) => byte === null || head[offset + i] === byte)) return signature.type;
  }
  return null;
}

const SNIFFABLE = new Set(SIGNATURES.map((s) => s.type));

export type SniffVerdict = { ok: true; contentType: string } | { ok: false; reason: string };

/** Whether the bytes fit the declared type, and the type to store. */
export function checkType(declared: string, head: Uint8Array): SniffVerdict {
  const detected = sniffType(head);
  if (detected === null) {
    // We know what these look like, and this is not it.
    if (SNIFFABLE.has(declared) || ZIP_FAMILY.has(declared)) {
      return { ok: false, reason: `The content is not ${declared}` };
    }
    return { ok: true, contentType: declared };
  }
  if (detected === declared || (detected === "application/zip" && ZIP_FAMILY.has(declared))) {
    return { ok: true, contentType: declared };
  }
  return { ok: false, reason: `The content is ${detected}, not ${declared}` };
}
