// The one way the API's caches (verified tokens, API keys, memberships) are built: at
// most `capacity` entries, least recently used out first, and memory taken as entries
// arrive. lru-cache's `max` reserves its key, value and link arrays for the whole
// capacity at start (~28 bytes a slot: 4.5 MB for these three, empty); counting each
// entry as size 1 against `maxSize` bounds the entries alike, on arrays that grow as they
// fill (a full one costs a little more per slot than the typed arrays did).
import { LRUCache } from "lru-cache";

export type BoundedCache<K extends {}, V extends {}> = LRUCache<K, V>;

export function boundedCache<K extends {}, V extends {}>(capacity: number): BoundedCache<K, V> {
  return new LRUCache<K, V>({ maxSize: capacity, sizeCalculation: () => 1 });
}
