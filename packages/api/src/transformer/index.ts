// The one transformer both the server and every client use: superjson, with a
// faster serializer for the plain data most responses are (same bytes on the wire).
import type { CombinedDataTransformer } from "@trpc/server";
import superjson from "superjson";
import { fastSerialize, fastSerializeText } from "./fast-serialize";

export const transformer: CombinedDataTransformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) => fastSerialize(value) ?? superjson.serialize(value),
    deserialize: (value) => superjson.deserialize(value),
  },
};

/** `JSON.stringify(transformer.output.serialize(value))`: what the server writes for a result. */
export function serializedOutput(value: unknown): string {
  return fastSerializeText(value) ?? JSON.stringify(superjson.serialize(value));
}
