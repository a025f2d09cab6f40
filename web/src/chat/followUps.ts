/**
 * The likely next step after a reply that shows data, as quick-reply chips, when the server
 * suggested none. Never under a confirmation: there the only next step is Yes or No.
 */
import type { Action, Reply } from "./protocol.js";

const chip = (label: string, text = label): Action => ({ type: "reply", label, text });
const BALANCE = chip("Check my balance");
const TRANSACTIONS = chip("Recent transactions", "Show my recent transactions");
const SPENDING = chip("Spending this month", "How much did I spend this month?");
const TRANSFER = chip("Make a transfer", "I want to make a transfer");

const NEXT: Partial<Record<NonNullable<Reply["data"]>["kind"], Action[]>> = {
  accounts: [TRANSACTIONS, TRANSFER],
  transactions: [SPENDING, BALANCE],
  spending: [TRANSACTIONS, BALANCE],
  transfer_receipt: [BALANCE, TRANSACTIONS],
};

export function withFollowUps(reply: Reply): Action[] {
  if (reply.confirmation || reply.actions.some((a) => a.type === "reply") || !reply.data) return reply.actions;
  return [...reply.actions, ...(NEXT[reply.data.kind] ?? [])];
}
