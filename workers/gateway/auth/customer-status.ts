import { setBounded } from "../../../packages/bounded-map/bounded-map.js";

/**
 * Whether a customer may use the API, asked of the banking Worker and remembered per isolate for a
 * short while: a customer the bank disables is refused within `ttlMs` on every isolate, without a
 * database round trip on every request.
 */
export interface CustomerStatusOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export const CUSTOMER_STATUS_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/** `lookup` asks the source of truth; it is called only on a miss. */
export type CustomerStatus = (customerId: string, lookup: (customerId: string) => Promise<boolean>) => Promise<boolean>;

export function createCustomerStatusCache(options: CustomerStatusOptions = {}): CustomerStatus {
  const ttlMs = options.ttlMs ?? CUSTOMER_STATUS_TTL_MS;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { active: boolean; until: number }>();

  return async (customerId, lookup) => {
    const hit = entries.get(customerId);
    if (hit && hit.until > now()) return hit.active;
    // Only an answer is kept, never the pending lookup: it is an RPC made in one request's
    // context, and another request awaiting it is I/O across requests in workerd (that request
    // hangs if the first is cancelled). A burst's first misses each ask; a failed lookup throws
    // (the caller refuses the request) and is not cached.
    const active = await lookup(customerId);
    setBounded(entries, customerId, { active, until: now() + ttlMs }, maxEntries);
    return active;
  };
}
