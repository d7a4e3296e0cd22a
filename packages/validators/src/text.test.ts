import { describe, expect, it } from "vitest";
import { createApiKeyInput } from "./api-keys";
import { submitDataInput } from "./data";
import { createUploadInput } from "./files";
import { signUpInput } from "./forms";
import { createTaskInput, updateTaskInput } from "./tasks";

const id = "01900000-0000-7000-8000-000000000000";

describe("stored strings refuse NUL characters (Postgres text cannot hold them)", () => {
  const cases = [
    ["tasks title", createTaskInput, { title: "a\u0000b" }, "title"],
    ["tasks description", createTaskInput, { title: "a", description: "\u0000" }, "description"],
    ["task update", updateTaskInput, { id, title: "x\u0000" }, "title"],
    ["data content", submitDataInput, { content: "\u0000" }, "content"],
    ["filename", createUploadInput, { filename: "a\u0000.txt", contentType: "text/plain", size: 1 }, "filename"],
    ["key name", createApiKeyInput, { name: "k\u0000", scopes: ["tasks:read"] }, "name"],
    ["user name", signUpInput, { name: "\u0000", email: "a@example.com", password: "long enough" }, "name"],
  ] as const;

  it.each(cases)("%s", (_label, schema, input, field) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([
      field,
      "Cannot contain NUL characters",
    ]);
    const clean = JSON.parse(JSON.stringify(input).replaceAll("\\u0000", "x"));
    expect(schema.safeParse(clean).success).toBe(true);
  });
});
