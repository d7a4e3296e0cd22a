// The web app's account forms (sign-up, sign-in, password reset and change), checked
// in the browser before the auth server checks them again. Plain rules, no zod: zod
// cannot be tree-shaken by the web app's bundler (classic zod cost these pages 32 kB
// gzip, zod/mini 24 kB), and five forms of a few fields each need a few lines. The
// schemas answer zod's `safeParse` shape, so the forms' hook takes either. The API's
// inputs stay zod (the server has no bundle to keep small).
import { PASSWORD_MAX, PASSWORD_MIN } from "./auth";

/** zod's own `z.email()` pattern, so an address passes here exactly when it passes the API. */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** zod's issue shape (a path of property keys), so the forms' hook reads both alike. */
type Issue = { path: PropertyKey[]; message: string };
/** Reads one field: its value, or the message that refuses it. */
type Rule<T> = (raw: unknown) => { value: T } | { message: string };

export interface FormSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T; error?: undefined } | { success: false; error: { issues: Issue[] } };
}

function form<R extends Record<string, Rule<unknown>>>(
  rules: R,
): FormSchema<{ [K in keyof R]: R[K] extends Rule<infer T> ? T : never }> {
  type Values = { [K in keyof R]: R[K] extends Rule<infer T> ? T : never };
  return {
    safeParse(data) {
      const input = (data ?? {}) as Record<string, unknown>;
      const values: Record<string, unknown> = {};
      const issues: Issue[] = [];
      for (const [name, rule] of Object.entries(rules)) {
        const read = rule(input[name]);
        if ("message" in read) issues.push({ path: [name], message: read.message });
        else values[name] = read.value;
      }
      return issues.length ? { success: false, error: { issues } } : { success: true, data: values as Values };
    },
  };
}

interface TextRule {
  trim?: boolean;
  min?: [number, string];
  max?: [number, string];
  pattern?: [RegExp, string];
}

function text({ trim, min, max, pattern }: TextRule): Rule<string> {
  return (raw) => {
    if (typeof raw !== "string") return { message: min?.[1] ?? "Enter a value" };
    const value = trim ? raw.trim() : raw;
    // Lengths by code point, as zod counts them.
    const length = [...value].length;
    if (min && length < min[0]) return { message: min[1] };
    if (max && length > max[0]) return { message: max[1] };
    if (pattern && !pattern[0].test(value)) return { message: pattern[1] };
    return { value };
  };
}

const INVALID_EMAIL = "Enter a valid email address";
export const emailRule = text({ min: [1, INVALID_EMAIL], max: [254, INVALID_EMAIL], pattern: [EMAIL, INVALID_EMAIL] });
const passwordRule = text({
  min: [PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`],
  max: [PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`],
});
/** A ticked checkbox posts "true"; an unticked one posts nothing. */
const checkbox: Rule<boolean> = (raw) => ({ value: raw === true || raw === "true" });

/** Whether `value` is an address the API accepts. */
export const isEmail = (value: string) => "value" in emailRule(value);

export const signUpInput = form({
  name: text({
    trim: true,
    min: [1, "Tell us your name"],
    max: [100, "At most 100 characters"],
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses (Postgres text cannot hold it)
    pattern: [/^[^\u0000]*$/, "Cannot contain NUL characters"],
  }),
  email: emailRule,
  password: passwordRule,
});

export const signInInput = form({ email: emailRule, password: text({ min: [1, "Enter your password"] }) });

export const forgotPasswordInput = form({ email: emailRule });

export const changePasswordInput = form({
  currentPassword: text({ min: [1, "Enter your current password"] }),
  newPassword: passwordRule,
  revokeOtherSessions: checkbox,
});

export const resetPasswordInput = form({ newPassword: passwordRule });
