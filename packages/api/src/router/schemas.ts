// Output shapes: what procedures return, validated, and described in OpenAPI.
import { ORGANIZATION_ROLES } from "@acme/auth/permissions";
import { SCOPES } from "@acme/auth/scopes";
import { taskStatusSchema } from "@acme/validators";
import { z } from "zod";

export const taskOutput = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: taskStatusSchema,
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  createdById: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** Every list's answer: a page of items, the next page's cursor, and on the first page the total. */
export function pageOutput<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass it as `cursor` for the next page; null on the last page."),
    total: z
      .object({
        count: z.number().int(),
        exact: z.boolean().describe("false: more than `count` match (counts stop at 10,000)"),
      })
      .nullable()
      .describe("How many items match, on the first page only (null on the pages after it)."),
  });
}

export const dataEntryOutput = z.object({
  id: z.string(),
  content: z.string(),
  createdAt: z.date(),
});

export const fileOutput = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  status: z.enum(["pending", "ready"]),
  createdAt: z.date(),
});

export const meOutput = z.object({
  userId: z.string(),
  organizationId: z.string(),
  role: z.enum(ORGANIZATION_ROLES).nullable(),
  method: z.enum(["jwt", "apiKey"]),
  scopes: z.array(z.enum(SCOPES)),
  keyId: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  requestId: z.string(),
});

export const deletedOutput = z.object({ id: z.string(), deleted: z.boolean() });

const role = z.enum(ORGANIZATION_ROLES);

export const organizationOutput = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  /** A short-lived URL of the logo image, or null without one. */
  logoUrl: z.string().nullable(),
  personal: z.boolean(),
  /** The caller's role; null for API keys. */
  role: role.nullable(),
  createdAt: z.date(),
});

export const memberOutput = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  createdAt: z.date(),
});

export const teamOutput = z.object({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()),
  createdAt: z.date(),
});

export const invitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string().nullable(),
  teamId: z.string().nullable(),
  status: z.string(),
  expiresAt: z.date(),
  createdAt: z.date(),
});
