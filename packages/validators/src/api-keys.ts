import { API_KEY_SCOPES } from "./constants";
import { storedText } from "./text";
import "./zod-setup";
import { z } from "zod";

export const createApiKeyInput = z.object({
  name: storedText().trim().min(1, "Name is required").max(64),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Pick at least one scope"),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

export const apiKeyIdInput = z.object({ id: z.string().min(1).max(64) });
