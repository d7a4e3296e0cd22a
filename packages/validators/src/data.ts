import { storedText } from "./text";
import "./zod-setup";
import { z } from "zod";

export const submitDataInput = z.object({
  content: storedText().min(1, "Content is required").max(10_000, "At most 10000 characters"),
});

export type SubmitDataInput = z.infer<typeof submitDataInput>;
