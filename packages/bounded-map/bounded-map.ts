/**
 * Sets `key` in a Map used as a bounded per-isolate cache: the entry becomes the newest, and when
 * the map is full the oldest entry goes (a Map iterates in insertion order, so the first key is
 * the oldest). Keeps a flood of distinct keys from growing an isolate's memory without bound.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, maxEntries: number): void {
  map.delete(key);
  if (map.size >= maxEntries) map.delete(map.keys().next().value!);
  map.set(key, value);
}
