import { z } from "zod";

/**
 * API-key scopes, in one place: `<resource>:<action>`. Add one here and key
 * creation, verification, procedure meta and the UI all know it.
 */
export const API_KEY_SCOPES = ["tasks:read", "tasks:write", "files:read", "files:write", "data:write"] as const;

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(64),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Pick at least one scope"),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

export const apiKeyIdInput = z.object({ id: z.string().min(1).max(64) });
