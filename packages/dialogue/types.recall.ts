/**
 * What the engine recalls of earlier answers for a short follow-up ("what about checking?", "show
 * me the full number"): what was asked, never the customer's words. Plain JSON, kept in the state.
 */
import type { TransactionFilter } from "../contract/reply.js";
import type { QueryModifiers } from "./types.answers.js";
import type { AccountRef, IntentTag } from "./types.understood.js";

/** A read as "what about checking?" repeats it: what was asked, never the customer's words. */
export interface LastRead {
  at: number;
  intent: IntentTag;
  what: "balance" | "transactions" | "spending";
  accountRefs: AccountRef[];
  /** The period the answer covered (for spending, this month so far when none was named). */
  dateRange?: { from: string; to: string };
  category?: string;
  merchant?: string;
  query?: Pick<QueryModifiers, "count" | "pending" | "incoming" | "outgoing">;
  /** "transactions over $50": the size bound the list was read with. */
  amount?: TransactionFilter["amount"];
  /** A list of transactions with no period: how many it asked for ("more" asks for more than that). */
  shown?: number;
  /** Spending: the period of the same spending read just before this one ("and the month before"), which "which was more" sets beside it. */
  before?: { from: string; to: string };
}

/** The accounts whose masked numbers were shown last, and when. */
export interface LastNumbers {
  accountRefs: AccountRef[];
  at: number;
}

/** A fact about accounts or cards answered last (rate, number, expiry): what "and my savings?" asks again. */
export interface LastFact {
  intent: IntentTag;
  /**
   * The facts asked again of an account ("and for savings?") or of a card ("and my mastercard?"),
   * and the credit card's own ("pay it off" is that card); the points balance ("what can i use them for");
   * how direct deposit is set up ("what do i need to give them").
   */
  what: "account_numbers" | "interest_rate" | "card_expiry" | "credit_statement" | "credit_limit" | "rewards_balance" | "direct_deposit";
  at: number;
}

/** A bill asked about by its kind ("how much was my last water bill"): what "pay it" pays (flows/bill-just-read.ts). */
export interface LastBill {
  target: string;
  at: number;
}
