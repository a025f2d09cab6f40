/**
 * Limits asked of the customer's own cards (facts24, found as seeded customers):
 *  - "whats my card limit on the visa": the Visa is a debit card, and Teller answered the credit
 *    card's credit limit. A limit asked of a named card (its brand, last four, or "debit card")
 *    reads the cards and the accounts: a debit card has no credit limit and spends from its
 *    account, whose available balance is said. No daily card or cash limit is said: the bank core
 *    holds none, so none is invented.
 *  - "can i increase my limit" got the transfer-limit answer from a customer holding a credit
 *    card. Which limit is asked (credit card's or transfer), with a button for each; without a
 *    credit card there is only the transfer limit, so that answer is given.
 */
import type { StepContext } from "../context.js";
import { faqAnswer } from "../faq/index.js";
import { TALK_TO_PERSON } from "../faq/answer.js";
import { accountLabel, cardLabel, listText, moneyText, quickReply, reply } from "../render.js";
import type { Entities, Insight, IntentTag, Reply } from "../types.js";
import { parseView } from "../views.js";
import { begin } from "./insight-begin.js";
import { namedLast4, withBrand } from "./wording.js";

const DEBIT_CARD = /\bdebit\s+card\b/i;
// "whats my card limit": a card, not the credit card said, so every card is answered for (a
// customer holding only a debit card got "You don't have a credit card with us.").
const ANY_CARD = /\bcards?\b/i;
const CREDIT = /\bcredit\b/i;

/**
 * A credit_limit question naming a card, or "card" without "credit": started from the cards and
 * accounts. False otherwise ("what is my credit limit" stays the credit accounts' fact).
 */
export function startCardLimit(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  const last4 = namedLast4(e);
  const debit = DEBIT_CARD.test(text);
  if (!last4 && !e.cardBrand && !debit && !(ANY_CARD.test(text) && !CREDIT.test(text))) return false;
  const insight: Insight = { kind: "card_limit", debit, ...(last4 ? { last4 } : e.cardBrand ? { brand: e.cardBrand } : {}) };
  return begin(ctx, intent, insight, [{ what: "cards" }, { what: "accounts" }]);
}

/** "Visa ••4242 is a debit card, so it has no credit limit: …", or the named credit card's limit. */
export function cardLimitAnswer(intent: IntentTag, insight: Extract<Insight, { kind: "card_limit" }>, cardsData: unknown, accountsData: unknown): Reply | null {
  const cards = parseView("cards", cardsData);
  const accounts = parseView("accounts", accountsData);
  if (!cards || !accounts) return null;
  const accountOf = (accountId: string) => accounts.find((a) => a.id === accountId);
  const isDebit = (c: (typeof cards)[number]) => (c.kind ?? (accountOf(c.accountId)?.type === "credit" ? "credit" : "debit")) === "debit";
  const named = insight.last4 ? cards.filter((c) => c.last4 === insight.last4) : withBrand(cards, insight.brand);
  const picked = insight.debit ? named.filter(isDebit) : named;
  if (picked.length === 0) {
    return reply(intent, insight.last4 ? `I couldn't find a card ending ${insight.last4} on your profile.` : "I couldn't find a debit card on your profile.");
  }
  const lines: string[] = [];
  for (const card of picked) {
    const account = accountOf(card.accountId);
    if (!isDebit(card)) {
      if (!account?.creditLimit || !account.available) return null;
      lines.push(`${cardLabel(card)} is a credit card: your credit limit is ${moneyText(account.creditLimit)} and you have ${moneyText(account.available)} of available credit`);
    } else {
      const from = account ? `${accountLabel(account)}, which has ${moneyText(account.available ?? account.balance)} available now` : "the account it's linked to";
      lines.push(`${cardLabel(card)} is a debit card, so it has no credit limit: what you spend with it comes straight out of ${from}`);
    }
  }
  // The bank core holds no daily card or cash limit: said as such rather than a figure.
  const note = picked.some(isDebit) ? " I can't see a daily spending or cash withdrawal limit for a debit card here; a person on our team can tell you." : "";
  return reply(intent, `${lines.join(". ")}.${note}`, {
    data: { kind: "cards", cards: picked },
    actions: picked.some(isDebit) ? [quickReply("Check my balance"), TALK_TO_PERSON] : [quickReply("My statement", "When is my credit card payment due?")],
  });
}

// "can i increase my limit", "raise my limit please": "limit" with nothing saying which one.
const BARE_LIMIT = /\blimits?\b/i;
const NAMED_LIMIT = /\b(?:transfer|transfers|transferring|sending|send|payment|payments|daily|credit|card|visa|master\s?card|amex|atm|cash|withdrawal|spending|overdraft)\b/i;

/** A request to change a limit that does not say which: "can i increase my limit". */
export function asksUnnamedLimitChange(intent: IntentTag, text: string): boolean {
  if (intent.name !== "transfer_limit_change" && intent.name !== "credit_limit_change") return false;
  return BARE_LIMIT.test(text) && !NAMED_LIMIT.test(text);
}

/** Reads the accounts: with a credit card, which limit is asked; without, the transfer limit's answer. */
export function startWhichLimit(ctx: StepContext, intent: IntentTag): boolean {
  return begin(ctx, intent, { kind: "which_limit" }, [{ what: "accounts" }]);
}

export function whichLimitAnswer(intent: IntentTag, accountsData: unknown): Reply | null {
  const accounts = parseView("accounts", accountsData);
  if (!accounts) return null;
  const cards = accounts.filter((a) => a.type === "credit");
  if (cards.length === 0) {
    const transfer = faqAnswer("transfer_limit_change");
    return transfer ? reply({ ...intent, name: "transfer_limit_change" }, transfer.text, { actions: transfer.actions }) : null;
  }
  return reply(intent, `Which limit do you mean: the credit limit on ${listText(cards.map(accountLabel))}, or your transfer limit?`, {
    actions: [quickReply("Credit card limit", "Can I increase my credit limit?"), quickReply("Transfer limit", "Can you raise my transfer limit?")],
  });
}

// "whats my daily atm limit", "cash withdrawal limit on my visa", "how much cash can i take out a day".
// explore29: "how much can i take out at the atm" (out of scope: "Sorry").
const ATM_LIMIT =
  /\b(?:atm|cash(?:\s+withdrawal)?|withdrawal)\s+limits?\b|\blimits?\s+(?:on|for)\s+(?:atm|cash|withdrawals?)\b|\bhow\s+much\s+cash\s+can\s+i\s+(?:take\s+out|withdraw|get)\b|\bhow\s+much\s+(?:money\s+)?can\s+i\s+(?:take\s+out|withdraw|get(?:\s+out)?|pull\s+out)\s+(?:at|from)\s+(?:the|an?|any)\s+atms?\b/i;

/**
 * "whats my daily atm limit" was out of scope. The bank core holds no ATM or cash limit, so none is
 * said: the answer says Teller can't see one and offers a person, the balance and the cards.
 * True when answered.
 */
export function answerAtmLimit(ctx: StepContext, text: string): boolean {
  if (!ATM_LIMIT.test(text)) return false;
  ctx.replies.push(
    reply(
      { name: "atm_support", confidence: 1 },
      "I can't see an ATM or cash withdrawal limit for your cards here, so I won't guess one. A person on our team can tell you your card's cash limit; here I can show what's available in your accounts and the state of your cards.",
      { actions: [TALK_TO_PERSON, quickReply("Check my balance"), quickReply("My cards", "Are my cards frozen?")] },
    ),
  );
  return true;
}
