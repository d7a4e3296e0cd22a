import { describe, expect, it } from "vitest";
import { checkType, sniffType } from "./sniff";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const pdf = new TextEncoder().encode("%PDF-1.7\n");
const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0]);
const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]);

describe("sniffing", () => {
  it("recognises common formats by their magic bytes", () => {
    expect(sniffType(png)).toBe("image/png");
    expect(sniffType(pdf)).toBe("application/pdf");
    expect(sniffType(zip)).toBe("application/zip");
    expect(sniffType(webp)).toBe("image/webp");
    expect(sniffType(new TextEncoder().encode("hello"))).toBeNull();
  });

  it("accepts matching and zip-family declarations", () => {
    expect(checkType("image/png", png)).toEqual({ ok: true, contentType: "image/png" });
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    expect(checkType(docx, zip)).toEqual({ ok: true, contentType: docx });
    expect(checkType("text/plain", new TextEncoder().encode("just text"))).toEqual({
      ok: true,
      contentType: "text/plain",
    });
  });

  it("refuses content that is not what it claims", () => {
    expect(checkType("image/png", pdf)).toEqual({ ok: false, reason: "The content is application/pdf, not image/png" });
    expect(checkType("image/jpeg", new TextEncoder().encode("<html>"))).toMatchObject({ ok: false });
    expect(checkType("text/plain", elf)).toMatchObject({ ok: false });
  });
});
