import "./zod-setup";
import { z } from "zod";

export const PAGE_LIMIT_DEFAULT = 20;
export const PAGE_LIMIT_MAX = 100;

/**
 * What every list takes: an opaque `cursor` from the previous page's `nextCursor`
 * (none for the first page) and how many items to return.
 */
const pageFields = z.object({
  cursor: z
    .string()
    .min(1)
    // Room for a long sort key (a team's name; names have no length limit in Better Auth).
    .max(4096, "Not a cursor")
    .optional()
    .describe("The previous page's nextCursor; none for the first page. Opaque, signed, bound to the query."),
  // Query strings carry it as text; typed callers pass a number.
  limit: z.coerce
    .number<number>()
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX, `At most ${PAGE_LIMIT_MAX} per page`)
    .default(PAGE_LIMIT_DEFAULT)
    .describe(`Items per page, 1-${PAGE_LIMIT_MAX}`),
});

/** A list's input: the page fields and the list's filters, all optional (no input: the first page). */
export function listInput<Filters extends z.ZodRawShape>(filters: Filters) {
  const fields = pageFields.extend(filters);
  // Sound because every filter is optional: {} parses.
  return fields.prefault({} as z.input<typeof fields>);
}

export const pageInput = listInput({});
export type PageInput = z.input<typeof pageInput>;

/** A point in time in list filters (createdFrom, createdTo). */
export const instant = z.iso.datetime({ offset: true, message: "An ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z" });
