/** Tunable numbers of the dialogue, in one place so tests and the DO read the same values. */
import type { Currency } from "../money/money.js";

/** Below this NLU confidence a turn is treated like out_of_scope (a fallback). */
export const FALLBACK_CONFIDENCE = 0.5;

/** At or above this confidence an out_of_scope message is off-topic (the weather), not unread. */
export const OFF_TOPIC_CONFIDENCE = 0.99;

/** Two fallbacks in a row hand the conversation to a person. */
export const FALLBACKS_BEFORE_HANDOFF = 2;

/** A confirmation older than this cannot be accepted any more. */
export const CONFIRMATION_TTL_MS = 5 * 60 * 1000;

/**
 * A task left half-way (a question unanswered, no confirmation shown) for this long is forgotten:
 * a customer back the next day was still asked "we're in the middle of a card freeze — drop it?".
 */
export const TASK_IDLE_MS = 30 * 60 * 1000;

/**
 * A task's plain question left unanswered this long is stale: a new request or question drops it
 * quietly, where a fresh one asks "drop it?" or comes back after the answer. An answer to it still
 * counts until TASK_IDLE_MS (explore23: a "Which card?" from 15 minutes before asked to be dropped).
 */
export const STALE_QUESTION_MS = 10 * 60 * 1000;

/** A plain "yes" this soon after a finished action is answered "already done" rather than "nothing pending". */
export const REPEAT_YES_WINDOW_MS = 10 * 60 * 1000;

/** "what about checking?" this soon after a balance, transactions or spending answer asks it again for checking. */
export const READ_FOLLOW_UP_MS = 10 * 60 * 1000;

/**
 * Largest single transfer the assistant will set up, in minor units. A product guard in front of
 * the ledger's own limits (which answer limit_exceeded / daily_limit_exceeded).
 */
export const MAX_CHAT_TRANSFER_MINOR: Record<Currency, number> = {
  USD: 10_000_00,
  EUR: 10_000_00,
  GBP: 10_000_00,
};

/** Times a confirmed action's effect is emitted (first run + resumes) before the engine stops retrying. */
export const MAX_EXECUTION_ATTEMPTS = 3;

/**
 * How long after "yes" a confirmed action may still be applied. Until then an unreachable bank is
 * retried with the same idempotency key; after it the key is only looked up: applied → done,
 * not applied → cancelled and the customer told. Never "unknown", never run days later.
 */
export const EXECUTION_DEADLINE_MS = 60 * 1000;

// Bounds that keep the persisted state small whatever the customer's data looks like.
export const MAX_SETTLED = 10;
export const MAX_ACCOUNT_OPTIONS = 20;
export const MAX_PAYEE_OPTIONS = 100;
export const MAX_CARD_OPTIONS = 10;
export const MAX_UNRESOLVED_TURNS = 3;
export const MAX_NAME_CHARS = 60;
export const MAX_FILTER_CHARS = 60;

/** Rows asked for when the customer wants "recent transactions". */
export const RECENT_TRANSACTIONS = 10;

/** The merchant the bank core books interest paid to the customer under (flows/interest-earned.ts). */
export const INTEREST_MERCHANT = "Interest";
/** The category the bank files its fees under (flows/fees-charged.ts; "fee" alone would match "Coffee"). */
export const FEES_CATEGORY = "fees";
