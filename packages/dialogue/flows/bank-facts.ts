/**
 * Facts about the customer's accounts that are not balances: account and routing numbers, a credit
 * card's statement and limit, interest rates, card expiry dates, rewards points, transfer limits
 * and what is left of today's (limits15). Each is one load
 * effect and one answer, through the lookup task (flows/lookup.ts hands the result back here).
 * Every figure in an answer comes from the loaded data; nothing is estimated.
 */
import { derivedId, type StepContext } from "../context.js";
import { accountLabel, cardLabel, listText, moneyText, quickReply, reply } from "../render.js";
import { MAX_CHAT_TRANSFER_MINOR, READ_FOLLOW_UP_MS, REPEAT_YES_WINDOW_MS } from "../config.js";
import type { AccountRef, Entities, FactWhat, IntentTag, LookupTask, Reply, TransferLimitsView } from "../types.js";
import { parseView } from "../views.js";
import { dateText, namedLast4, withBrand } from "./wording.js";
import { statementLine, statementOfPeriod } from "./statement-month.js";

export const FACT_INTENTS: readonly FactWhat[] = [
  "account_numbers",
  "credit_statement",
  "credit_limit",
  "interest_rate",
  "card_expiry",
  "rewards_balance",
  "transfer_limits",
];

export function isFactIntent(name: string): name is FactWhat {
  return (FACT_INTENTS as readonly string[]).includes(name);
}

// "show my FULL account number", "the whole number", "unmasked", "all the digits".
const REVEAL = /\b(full|whole|complete|entire|unmasked|uncensored|all (?:of )?(?:the )?(?:\d+ )?digits|every digit)\b/i;

/** True when the message explicitly asks to see a number in full rather than masked. */
export function asksForFullNumber(text: string): boolean {
  return REVEAL.test(text);
}

// "is my card frozen?", "are my cards locked", "what's the status of my visa": a question, never a
// request to freeze (the model read "are my cards frozen?" as freeze_card, and a lone card froze).
// "the status of my credit card application / payment" is another question. "is it frozen now?":
// "it" can only be a card.
const CARD = String.raw`(?:[a-z]+\s+)?(?:cards?|visa|mastercard|amex)`;
const CARD_STATUS = new RegExp(
  String.raw`^(?:so\s+)?(?:is|are)\s+(?:both\s+|all\s+)?(?:of\s+)?(?:my|the)\s+${CARD}\b[^?.!]{0,30}?\b(?:still\s+|currently\s+|now\s+)?(?:frozen|locked|blocked|unfrozen|unlocked)\b|\b(?:status|state)\s+of\s+(?:my|the)\s+${CARD}\b(?!\s+(?:applications?|requests?|orders?|delivery|shipment|replacement|payments?|transactions?|refunds?|disputes?))|\bcards?\s+status\b|^(?:so\s+)?is\s+it\s+(?:still\s+|now\s+)?(?:frozen|locked|blocked|unfrozen|unlocked)(?:\s+now)?\s*[?.!]*$`,
  "i",
);

/** True when the message asks whether a card is frozen rather than asking to freeze it. */
export function asksCardStatus(text: string): boolean {
  return CARD_STATUS.test(text.trim());
}

// "is it frozen now?", "is it unlocked?": "it" is the card just changed, when there is one.
const IT_STATUS = /^(?:so\s+)?is\s+it\s+(?:still\s+|now\s+)?(frozen|locked|blocked|unfrozen|unlocked)\b/i;

/**
 * sweep16: "is it frozen now?" right after a freeze (REPEAT_YES_WINDOW_MS) is asked of that card:
 * the answer says Yes or No of it. It listed every card ("Visa ••4242 is active and Mastercard
 * ••5151 is frozen."), true but not the answer to the question.
 */
function itCard(ctx: StepContext, text: string): { last4: string; asked: "frozen" | "active" } | undefined {
  const m = IT_STATUS.exec(text.trim());
  const card = ctx.state.lastCard;
  if (!m || !card || ctx.now - card.at > REPEAT_YES_WINDOW_MS) return undefined;
  return { last4: card.last4, asked: /^un/i.test(m[1]!) ? "active" : "frozen" };
}

export function startFact(ctx: StepContext, intent: IntentTag, what: FactWhat, e: Entities, text: string): void {
  const effectId = derivedId(ctx, what);
  const refs = [...e.accountRefs, ...(e.fromRef ? [e.fromRef] : []), ...(e.toRef ? [e.toRef] : [])].slice(0, 5);
  const task: LookupTask = { kind: "lookup", intent, what, waitingFor: effectId, accountRefs: refs };
  switch (what) {
    case "account_numbers": {
      task.reveal = asksForFullNumber(text);
      // "what's my checking account number" then "show me the full number": checking's, not every
      // account's (it revealed them all). Only a recent masked answer that named accounts counts.
      const last = ctx.state.lastNumbers;
      // Session 31: "whats my checking account number", then "and the routing number": checking's
      // still (it listed every account's).
      const followsOn = task.reveal || NUMBERS_FOLLOW_ON.test(text.trim());
      if (followsOn && refs.length === 0 && last && ctx.now - last.at <= READ_FOLLOW_UP_MS) task.accountRefs = last.accountRefs;
      ctx.state.lastNumbers = !task.reveal && task.accountRefs.length > 0 ? { accountRefs: task.accountRefs, at: ctx.now } : null;
      ctx.effects.push({ kind: "load", effectId, what: "account_numbers", reveal: task.reveal });
      break;
    }
    case "credit_statement":
      // "my october statement": the statements closed that month, among the past ones too. Only a
      // statement asked by its period: "when is my payment due this month" asks for the newest.
      if (e.dateRange && /\bstatements?\b/i.test(text)) task.period = { from: e.dateRange.from, to: e.dateRange.to };
      ctx.effects.push({ kind: "load", effectId, what: "credit_statements", ...(task.period ? { history: true } : {}) });
      break;
    case "credit_limit":
      ctx.effects.push({ kind: "load", effectId, what: "accounts" });
      break;
    case "interest_rate":
      if (APR.test(text) && refs.length === 0) task.apr = true;
      ctx.effects.push({ kind: "load", effectId, what: "interest_rates" });
      break;
    case "card_expiry":
    case "card_status":
    case "frozen_cards": {
      const last4 = namedLast4(e);
      const it = what === "card_status" && !last4 && !e.cardBrand ? itCard(ctx, text) : undefined;
      if (last4) task.last4 = last4;
      else if (e.cardBrand) task.brand = e.cardBrand;
      else if (it) (task.last4 = it.last4), (task.askedStatus = it.asked);
      task.accountRefs = [];
      ctx.effects.push({ kind: "load", effectId, what: "cards" });
      break;
    }
    case "rewards_balance":
      ctx.effects.push({ kind: "load", effectId, what: "rewards" });
      break;
    case "transfer_limits":
      task.accountRefs = [];
      ctx.effects.push({ kind: "load", effectId, what: "transfer_limits" });
      break;
  }
  ctx.state.task = task;
  // What "and for savings?" / "and my mastercard?" asks again (flows/fact-follow-up.ts).
  const followed =
    what === "account_numbers" || what === "interest_rate" || what === "card_expiry" || what === "credit_statement" || what === "credit_limit" || what === "rewards_balance";
  ctx.state.lastFact = followed ? { intent, what, at: ctx.now } : null;
}

// A follow-on that names no account: "and the routing number", "what about the routing".
const NUMBERS_FOLLOW_ON = /^(?:(?:ok(?:ay)?|thanks?|great|cool)[,!.\s]+)*(?:and|also|plus|what\s+about|how\s+about)\b/i;
const NO_CREDIT_CARD = "You don't have a credit card with us.";
// Session 31: "how much interest am i paying on the card" listed every account's rate: interest a
// customer pays, or a card's interest, is a card's APR.
const APR = /\bAPR\b|annual percentage rate|\binterest\b.*\b(?:am\s+i\s+(?:paying|being\s+charged)|do\s+i\s+pay|(?:do|does|will)\s+(?:you|they|it)\s+charge)\b|\binterest\b.*\bcard\b|\bcard'?s\s+interest\b/i;

/** The cards a question names (by last four, else by brand, else all), or the reply saying none is there. */
function namedCards<C extends { last4: string; brand?: string }>(task: LookupTask, cards: C[]): C[] | Reply {
  const named = task.last4 ? cards.filter((c) => c.last4 === task.last4) : withBrand(cards, task.brand);
  if (named.length > 0) return named;
  return reply(task.intent, task.last4 ? `I couldn't find a card ending ${task.last4} on your profile.` : "I couldn't find any cards on your profile.");
}

// Session 23: "my card got declined, why?" got the written answer only, though the customer's own
// frozen card was the reason. The answer is given at once; the cards are read after it.
export const DECLINE_TOPICS: ReadonlySet<string> = new Set(["declined_card_payment", "card_not_working", "contactless_not_working", "declined_cash_withdrawal", "virtual_card_not_working"]);

/** After the written answer to a declined or refused card: reads the cards, to name a frozen one. */
export function noteFrozenCards(ctx: StepContext, intent: IntentTag, e: Entities, text: string): void {
  if (!DECLINE_TOPICS.has(intent.name) || ctx.state.task) return;
  startFact(ctx, intent, "frozen_cards", e, text);
}

/** "Visa ••4242 is frozen, so …", or null when none of the cards asked about is (nothing more is said). */
export function frozenCardsNote(task: LookupTask, data: unknown): Reply | null {
  const cards = parseView("cards", data);
  if (!cards) return null;
  const named = namedCards(task, cards);
  const frozen = Array.isArray(named) ? named.filter((c) => c.status === "frozen") : [];
  if (frozen.length === 0) return null;
  const one = frozen.length === 1;
  return reply(
    task.intent,
    `${listText(frozen.map(cardLabel))} ${one ? "is" : "are"} frozen, so payments and withdrawals with ${one ? "it" : "them"} are declined until you unfreeze ${one ? "it" : "them"}.`,
    { data: { kind: "cards", cards: frozen }, actions: [quickReply("Unfreeze my card", "Unfreeze my card")] },
  );
}

/** The answer for a fact lookup, or null when the data has the wrong shape (handled as a failure). */
export function renderFact(task: LookupTask, what: FactWhat, data: unknown): Reply | null {
  switch (what) {
    case "account_numbers": {
      const rows = parseView("accountNumbers", data);
      return rows && renderNumbers(task, rows);
    }
    case "credit_statement": {
      const statements = parseView("creditStatements", data);
      if (!statements) return null;
      if (task.period) return statementOfPeriod(task, task.period, statements);
      if (statements.length === 0) return reply(task.intent, NO_CREDIT_CARD);
      const lines = statements.slice(0, 3).map(statementLine);
      return reply(task.intent, lines.join(" "), {
        actions: [quickReply("Pay my card", "Pay my credit card bill"), quickReply("My credit limit", "What's my credit limit?")],
      });
    }
    case "credit_limit": {
      const accounts = parseView("accounts", data);
      if (!accounts) return null;
      const cards = accounts.filter((a) => a.type === "credit");
      if (cards.length === 0) return reply(task.intent, NO_CREDIT_CARD);
      if (cards.some((a) => !a.creditLimit || !a.available)) return null;
      const lines = cards.map(
        (a) => `${accountLabel(a)}: your credit limit is ${moneyText(a.creditLimit!)} and you have ${moneyText(a.available!)} of available credit`,
      );
      return reply(task.intent, `${lines.join("; ")}.`, {
        data: { kind: "accounts", accounts: cards },
        actions: [quickReply("My statement", "When is my credit card payment due?")],
      });
    }
    case "interest_rate": {
      const rates = parseView("interestRates", data);
      if (!rates) return null;
      if (rates.length === 0) return reply(task.intent, "I couldn't find the rates of your accounts right now.");
      const line = (r: (typeof rates)[number]) =>
        `${accountLabel(r)}: ${percentText(r.annualRateBps)} ${r.kind === "apr" ? "APR on purchases" : "APY"}`;
      if (task.apr) {
        // "What's my APR?": the card's rate; without a card, say so rather than answer with APYs
        // as if they were what was asked.
        const aprs = rates.filter((r) => r.kind === "apr");
        if (aprs.length === 0) {
          return reply(task.intent, `${NO_CREDIT_CARD} An APR is what a card charges; your accounts earn ${rates.map(line).join("; ")}.`);
        }
        return reply(task.intent, `${aprs.map(line).join("; ")}.`);
      }
      const shown = pick(rates, task.accountRefs);
      const lead = shown.notFound ? "I couldn't find that account, so here are all of them. " : "";
      return reply(task.intent, `${lead}${shown.items.map(line).join("; ")}.`);
    }
    case "card_expiry": {
      const cards = parseView("cards", data);
      if (!cards) return null;
      const named = namedCards(task, cards);
      if (!Array.isArray(named)) return named;
      const line = (c: (typeof cards)[number]) =>
        c.expiry ? `${cardLabel(c)} expires ${expiryText(c.expiry)}` : `I don't have an expiry date on record for ${cardLabel(c)}`;
      return reply(task.intent, `${listText(named.map(line))}.`, { data: { kind: "cards", cards: named } });
    }
    case "card_status": {
      const cards = parseView("cards", data);
      if (!cards) return null;
      const named = namedCards(task, cards);
      if (!Array.isArray(named)) return named;
      const frozen = named.some((c) => c.status === "frozen");
      const lines = named.map((c) => `${cardLabel(c)} is ${c.status === "frozen" ? "frozen" : "active"}`);
      const one = named.length === 1 ? named[0]! : undefined;
      const yesNo = task.askedStatus && one ? ((one.status === "frozen") === (task.askedStatus === "frozen") ? "Yes — " : "No — ") : "";
      return reply(task.intent, `${yesNo}${listText(lines)}.`, {
        data: { kind: "cards", cards: named },
        actions: [frozen ? quickReply("Unfreeze a card", "Unfreeze my card") : quickReply("Freeze a card", "Freeze my card")],
      });
    }
    case "frozen_cards":
      return frozenCardsNote(task, data);
    case "transfer_limits": {
      const limits = parseView("transferLimits", data);
      return limits && renderLimits(task, limits);
    }
    case "rewards_balance": {
      const rewards = parseView("rewards", data);
      if (!rewards) return null;
      if (rewards.length === 0) return reply(task.intent, "You don't have a rewards card with us, so there are no points to show.");
      const lines = rewards.map((r) => `${pointsText(r.points)} on ${accountLabel(r)}`);
      return reply(task.intent, `You have ${listText(lines)}.`, { actions: [quickReply("How do I redeem them?", "How do I redeem my rewards points?")] });
    }
  }
}

/**
 * "what's my daily transfer limit?": the ledger's limits (the one-transfer limit capped by the
 * chat's own guard, which refuses larger amounts before any confirmation) and what is left of
 * today's, per currency held. The ledger counts the day in UTC, so the answer says so.
 */
function renderLimits(task: LookupTask, limits: TransferLimitsView[]): Reply {
  if (limits.length === 0) return reply(task.intent, "I couldn't find any accounts on your profile.");
  const several = limits.length > 1;
  const lines = limits.map((l) => {
    const currency = l.perTransfer.currency;
    const one = { minor: Math.min(l.perTransfer.minor, MAX_CHAT_TRANSFER_MINOR[currency]), currency };
    const left = { minor: Math.max(0, l.daily.minor - l.sentToday.minor), currency };
    const lead = several ? `In ${currency}, you` : "You";
    const today =
      l.sentToday.minor === 0
        ? `You haven't sent anything today, so all ${moneyText(l.daily)} is left`
        : left.minor === 0
          ? `Today you've sent ${moneyText(l.sentToday)}, so nothing more can go out`
          : `Today you've sent ${moneyText(l.sentToday)}, so ${moneyText(left)} is left`;
    return `${lead} can send up to ${moneyText(one)} in one transfer and ${moneyText(l.daily)} a day in all. ${today} until midnight UTC.`;
  });
  const note = "The limits count every transfer across all your accounts, to your own accounts and to payees alike, and a scheduled transfer on the day it's made.";
  return reply(task.intent, `${lines.join(" ")} ${note}`, {
    actions: [quickReply("Make a transfer", "I want to make a transfer"), quickReply("Raise my limit", "Can you raise my transfer limit?")],
  });
}

function renderNumbers(task: LookupTask, rows: NonNullable<ReturnType<typeof parseView<"accountNumbers">>>): Reply {
  if (rows.length === 0) return reply(task.intent, "I couldn't find any accounts on your profile.");
  const shown = pick(rows, task.accountRefs);
  const revealed = task.reveal === true && shown.items.every((r) => r.accountNumber !== null);
  const line = (r: (typeof rows)[number]) => {
    const number = revealed ? `account number ${r.accountNumber}` : `account number ending ${r.mask}`;
    const routing = r.routingNumber ? `, routing number ${r.routingNumber}` : "";
    return `${accountLabel(r)}: ${number}${routing}`;
  };
  const lead = shown.notFound ? "I couldn't find that account, so here are all of them. " : "";
  const note = revealed
    ? " Please keep these numbers private: anyone asking you for them in a message may be a fraudster."
    : " I show only the last four digits of account numbers unless you ask for the full number.";
  return reply(task.intent, `${lead}${shown.items.map(line).join("; ")}.${note}`, {
    actions: revealed ? [] : [quickReply("Show the full number", "What is my full account number?")],
  });
}

/** The accounts the customer named, or all of them when they named none (or none matched). */
function pick<T extends { type: string; mask: string }>(items: T[], refs: AccountRef[]): { items: T[]; notFound: boolean } {
  const wanted = items.filter((item) => refs.some((ref) => (typeof ref === "string" ? item.type === ref : item.mask === ref.last4)));
  const notFound = refs.length > 0 && wanted.length === 0;
  return { items: wanted.length > 0 ? wanted : items, notFound };
}

/** 2249 → "22.49%", 1 → "0.01%", 400 → "4.00%". */
export function percentText(bps: number): string {
  return `${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, "0")}%`;
}

function expiryText(expiry: { month: number; year: number }): string {
  return `at the end of ${String(expiry.month).padStart(2, "0")}/${expiry.year}`;
}

function pointsText(points: number): string {
  return `${points.toLocaleString("en-US")} rewards point${points === 1 ? "" : "s"}`;
}
