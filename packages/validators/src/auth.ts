import { storedText } from "./text";
import "./zod-setup";
import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const emailSchema = z.email("Enter a valid email address").max(254);
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`);

export const signUpInput = z.object({
  name: storedText().trim().min(1, "Tell us your name").max(100),
  email: emailSchema,
  password: passwordSchema,
});

export const signInInput = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password") });

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password"),
  newPassword: passwordSchema,
  // A checkbox: "true" when ticked, absent when not.
  revokeOtherSessions: z
    .union([z.boolean(), z.literal("true")])
    .optional()
    .transform((value) => value === true || value === "true"),
});

export const resetPasswordInput = z.object({ newPassword: passwordSchema });
