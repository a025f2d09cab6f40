import type { SinceInstant } from "./chat.js";

/**
 * `since` as the server compares it: epoch ms, 0 (everything) when absent. Its own module, not
 * chat.schema.ts: the Durable Object reads it on every resume and must not load zod to do so.
 */
export function sinceMs(since: SinceInstant | undefined): number {
  return since === undefined ? 0 : Date.parse(since);
}
