// What leaves the database. Reads go through these so that columns such as the
// owner id or the object key are only returned where a caller asks for them.
import type { Prisma } from "./generated/prisma/client";

export const taskSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  assigneeId: true,
  teamId: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TaskSelect;

export const dataEntrySelect = {
  id: true,
  content: true,
  createdAt: true,
} satisfies Prisma.DataEntrySelect;

export const storedFileSelect = {
  id: true,
  filename: true,
  contentType: true,
  size: true,
  status: true,
  createdAt: true,
} satisfies Prisma.StoredFileSelect;

export type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;
export type DataEntryRow = Prisma.DataEntryGetPayload<{ select: typeof dataEntrySelect }>;
export type StoredFileRow = Prisma.StoredFileGetPayload<{ select: typeof storedFileSelect }>;
