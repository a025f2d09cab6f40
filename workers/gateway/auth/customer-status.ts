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
  const entries = new Map<string, { active: Promise<boolean>; until: number }>();

  return (customerId, lookup) => {
    const hit = entries.get(customerId);
    if (hit && hit.until > now()) return hit.active;
    // The pending lookup is shared, so a burst for one customer asks once; a failed lookup is
    // forgotten at once (the caller refuses the request) rather than cached.
    const active = lookup(customerId);
    active.catch(() => {
      if (entries.get(customerId)?.active === active) entries.delete(customerId);
    });
    setBounded(entries, customerId, { active, until: now() + ttlMs }, maxEntries);
    return active;
  };
}
