import type { Currency } from "../money/money.js";

/**
 * Transfer limits, in minor units per currency. Both apply to every transfer a customer makes,
 * to their own accounts as well as to payees; the daily limit counts per UTC day and currency.
 */
export const TRANSFER_LIMITS: Record<Currency, { perTransfer: number; daily: number }> = {
  USD: { perTransfer: 10_000_00, daily: 25_000_00 },
  EUR: { perTransfer: 10_000_00, daily: 25_000_00 },
  GBP: { perTransfer: 8_000_00, daily: 20_000_00 },
};

export const MAX_MEMO_CHARS = 140;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_SEARCH_CHARS = 64;
