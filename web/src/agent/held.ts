/** Which conversation the console opens by itself: one this agent holds and has not opened yet. */
import type { QueueItem } from "./staffApi.js";

/**
 * After signing in again, an agent holding a claimed conversation saw "Claim a conversation to
 * answer it." until they pressed Open. `tried` holds ids already opened once this sign-in, so a
 * conversation that fails to load or was left on purpose is not reopened in a loop.
 */
export function heldToOpen(items: readonly QueueItem[], staffId: string, tried: ReadonlySet<string>): string | null {
  return items.find((item) => item.status === "assigned" && item.agentId === staffId && !tried.has(item.id))?.id ?? null;
}
