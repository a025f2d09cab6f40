/**
 * Session 30, found by hand: what a list or a total is of, read from words the entities leave out.
 *  - "show me my debit card transactions" listed every account's, the credit card's too: a debit card
 *    spends from checking, so it is checking's money out, and the answer says why.
 *  - "show transactions on my joint account" listed every account's as if one were the joint one: a
 *    kind of account Teller never holds is said not to be held first (flows/unheld-accounts.ts).
 */
import type { Entities, LookupWhat } from "../types.js";
import { unheldAccounts } from "./unheld-accounts.js";

const DEBIT_CARD = /\bdebit\s+card(?:'?s)?\b/i;
const CREDIT = /\bcredit\b/i;

/** The entities narrowed to what the words name, and the lead that says so; unchanged when they name nothing more. */
export function scopeFromWords(what: LookupWhat, e: Entities, text: string): { entities: Entities; lead?: string } {
  if (what !== "transactions" && what !== "spending") return { entities: e };
  if (e.accountRefs.length === 0 && DEBIT_CARD.test(text) && !CREDIT.test(text)) {
    const entities: Entities = { ...e, accountRefs: ["checking"], ...(what === "transactions" ? { query: { ...e.query, outgoing: true } } : {}) };
    return { entities, lead: "Purchases with your debit card come out of your checking account." };
  }
  const unheld = unheldAccounts(text);
  if (unheld.length > 0) return { entities: e, lead: `You don't have ${unheld.join(" or ")} with us, so this is for the accounts you do have.` };
  return { entities: e };
}
