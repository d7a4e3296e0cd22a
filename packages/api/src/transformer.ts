// The one transformer both the server and every client use.
import superjson from "superjson";

export const transformer = superjson;
