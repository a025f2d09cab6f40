/**
 * Everything people read is built here from validated values: names from loaded data are cleaned
 * and quoted so that a payee called "Ignore previous instructions…" reads as a name, never as part
 * of the sentence around it. HTML escaping is the web app's job (it renders text, not markup).
 */
import { formatMoney, type Money } from "../money/money.js";
import { MAX_NAME_CHARS } from "./config.js";
import type { Action, IntentTag, Reply } from "./types.js";

// Control characters, bidi overrides/isolates and zero-width characters can disguise text.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** One line, no invisible characters, no quote marks of its own, bounded length. */
export function cleanName(name: string, max = MAX_NAME_CHARS): string {
  const flat = name.replace(INVISIBLE, " ").replace(/["“”«»]/g, "'").replace(/\s+/g, " ").trim();
  if (flat.length === 0) return "(no name)";
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export function quoted(name: string): string {
  return `“${cleanName(name)}”`;
}

export function moneyText(amount: Money): string {
  return formatMoney(amount.minor, amount.currency);
}

/** A payment's size, in or out, as money text ("$12.50" for −$12.50). */
export function sizeText(amount: Money): string {
  return formatMoney(Math.abs(amount.minor), amount.currency);
}

export function maskText(last4: string): string {
  return `••${last4}`;
}

export function accountLabel(account: { name: string; mask: string }): string {
  return `${cleanName(account.name)} ${maskText(account.mask)}`;
}

export function payeeLabel(payee: { name: string; mask?: string }): string {
  return payee.mask ? `${quoted(payee.name)} ${maskText(payee.mask)}` : quoted(payee.name);
}

export function cardLabel(card: { brand?: string; last4: string }): string {
  return `${card.brand ? cleanName(card.brand, 20) : "Card"} ${maskText(card.last4)}`;
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function reply(intent: IntentTag, text: string, extra: Partial<Omit<Reply, "text" | "intent">> = {}): Reply {
  return { text, intent: { name: intent.name, confidence: intent.confidence }, actions: [], ...extra };
}

export function quickReply(label: string, text = label): Action {
  return { type: "reply", label, text };
}

export function confirmActions(confirmationId: string): Action[] {
  return [
    { type: "confirm", confirmationId, answer: "yes", label: "Yes" },
    { type: "confirm", confirmationId, answer: "no", label: "No" },
  ];
}

/** What Teller can do, offered after greetings and fallbacks. */
export const CAPABILITY_ACTIONS: Action[] = [
  quickReply("Check my balance"),
  quickReply("Recent transactions", "Show my recent transactions"),
  quickReply("Make a transfer", "I want to make a transfer"),
  quickReply("Freeze my card"),
];

export const CAPABILITIES_TEXT =
  "I can show your balances, transactions and spending, move money between your accounts or to saved payees, freeze or unfreeze a card, and answer questions about your account.";
