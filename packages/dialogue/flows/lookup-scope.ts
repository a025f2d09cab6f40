/**
 * Session 30, found by hand: what a list or a total is of, read from words the entities leave out.
 *  - "show me my debit card transactions" listed every account's, the credit card's too: a debit card
 *    spends from checking, so it is checking's money out, and the answer says why.
 *  - "show transactions on my joint account" listed every account's as if one were the joint one: a
 *    kind of account Teller never holds is said not to be held first (flows/unheld-accounts.ts).
 *  - explore32: "how much have i spent on my card" counted checking's rent: what a card spent is its
 *    purchases, so a card's spending (any card, or the debit card) leaves out rent, transfers and income.
 */
import type { Entities, LookupWhat, SpendingView } from "../types.js";
import { unheldAccounts } from "./unheld-accounts.js";

const DEBIT_CARD = /\bdebit\s+card(?:'?s)?\b/i;
const CREDIT = /\bcredit\b/i;
// "on my card", "with my cards", "using the card": a card (no kind said), never "card payment" or "card bill".
const ANY_CARD = /\b(?:on|with|using|by)\s+(?:my|the|our)\s+(?:bank\s+)?cards?\b(?!\s*(?:payment|bill|balance|statement)s?\b)/i;

/** The entities narrowed to what the words name, and the lead that says so; unchanged when they name nothing more. */
export function scopeFromWords(what: LookupWhat, e: Entities, text: string): { entities: Entities; lead?: string; cardPurchases?: true } {
  if (what !== "transactions" && what !== "spending") return { entities: e };
  const card = what === "spending" ? ({ cardPurchases: true } as const) : {};
  if (e.accountRefs.length === 0 && DEBIT_CARD.test(text) && !CREDIT.test(text)) {
    const entities: Entities = { ...e, accountRefs: ["checking"], ...(what === "transactions" ? { query: { ...e.query, outgoing: true } } : {}) };
    return { entities, lead: "Purchases with your debit card come out of your checking account.", ...card };
  }
  if (what === "spending" && e.accountRefs.length === 0 && !e.fromRef && ANY_CARD.test(text) && !CREDIT.test(text)) return { entities: e, cardPurchases: true };
  const unheld = unheldAccounts(text);
  if (unheld.length > 0) return { entities: e, lead: `You don't have ${unheld.join(" or ")} with us, so this is for the accounts you do have.` };
  return { entities: e };
}

/** What a card spends: no rent, transfer or income is a card purchase (explore32). */
const NOT_CARD_PURCHASES = new Set(["rent", "transfers", "income"]);

/** The spending with what no card paid taken out; the count of payments is no longer known by category, so it is dropped. */
export function cardPurchasesOf(spending: SpendingView): SpendingView {
  const byCategory = spending.byCategory.filter((c) => !NOT_CARD_PURCHASES.has(c.category.toLowerCase()));
  if (byCategory.length === spending.byCategory.length) return spending;
  const { payments: _p, ...rest } = spending;
  return { ...rest, byCategory, total: { ...spending.total, minor: byCategory.reduce((sum, c) => sum + c.total.minor, 0) } };
}
