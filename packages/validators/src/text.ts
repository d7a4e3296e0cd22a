import "./zod-setup";
import { z } from "zod";

/**
 * A string Postgres `text` can store: every string the API keeps builds on this, so
 * a NUL character (which Postgres refuses with SQLSTATE 22021) is a 400 field error
 * in one place, not a database error.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses
export const storedText = () => z.string().regex(/^[^\u0000]*$/, "Cannot contain NUL characters");
