"use client";
// Avatars are small: the picked image is cropped to a square and scaled to 96 px
// in the browser, and stored as a data URL on the user (no public bucket needed).
export async function toAvatarDataUrl(file: File, size = 96): Promise<string> {
  if (!file.type.startsWith("image/")) throw new Error("Pick an image file");
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot resize images");
  context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
  return canvas.toDataURL("image/jpeg", 0.85);
}
