/**
 * Session 29, found by hand: "do i have enough to pay my card off" listed every balance and left the
 * sum to the customer. The answer sets what the credit card owes against what each of the customer's
 * own accounts holds, says whether one covers it, and offers the payment (which, like any, is
 * confirmed before money moves). Nothing is paid from here.
 */
import type { StepContext } from "../context.js";
import { accountLabel, moneyText, quickReply, reply } from "../render.js";
import type { AccountView, IntentTag, Reply } from "../types.js";
import { parseView } from "../views.js";
import { begin } from "./insight-begin.js";

const CARD = String.raw`(?:my|the)\s+(?:credit\s+card|card|cc|card\s+balance|credit\s+card\s+balance|(?:credit\s+)?card\s+bill)`;
const AFFORD_CARD = new RegExp(
  String.raw`\b(?:(?:do|will|would)\s+i\s+have\s+enough(?:\s+money)?(?:\s+(?:in|on)\s+(?:my\s+)?(?:checking|savings)(?:\s+account)?)?\s+to|can\s+i\s+afford\s+to|is\s+there\s+enough(?:\s+money)?(?:\s+in\s+(?:my\s+)?(?:checking|savings)(?:\s+account)?)?\s+to)\s+(?:pay\s+off\s+${CARD}|pay\s+${CARD}(?:\s+(?:off|in\s+full))?|clear\s+${CARD})\b`,
  "i",
);

const FROM_ACCOUNT = /\b(?:in|from|on|with)\s+(?:my\s+)?(checking|savings)\b/i;

export function asksCardAfford(text: string): boolean {
  return AFFORD_CARD.test(text);
}

/** Starts the answer (loads: accounts); false when the message is no such question. */
export function startCardAfford(ctx: StepContext, intent: IntentTag, text: string): boolean {
  if (ctx.state.task || !asksCardAfford(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  // The account said is read from the words: the card said is also among the entities' accounts.
  const from = FROM_ACCOUNT.exec(text)?.[1]?.toLowerCase();
  const named = from === "checking" || from === "savings" ? { from: from as "checking" | "savings" } : {};
  return begin(ctx, { ...intent, name: "balance", confidence: Math.max(intent.confidence, 0.9) }, { kind: "card_afford", ...named }, [{ what: "accounts" }]);
}

/** What the card owes against what the accounts hold. */
export function cardAffordAnswer(intent: IntentTag, from: "checking" | "savings" | undefined, data: unknown): Reply | null {
  const accounts = parseView("accounts", data);
  if (!accounts) return null;
  const cards = accounts.filter((a) => a.type === "credit");
  if (cards.length === 0) return reply(intent, "You don't have a credit card with us, so there's nothing to pay off.");
  const owing = cards.filter((c) => c.balance.minor < 0);
  if (owing.length === 0) return reply(intent, `${cards.map(accountLabel).join(" and ")} ${cards.length === 1 ? "has" : "have"} nothing owed right now.`, { data: { kind: "accounts", accounts: cards } });
  const owed = owing.reduce((sum, c) => sum - c.balance.minor, 0);
  const currency = owing[0]!.balance.currency;
  const what = owing.length === 1 ? `${accountLabel(owing[0]!)} has ${moneyText({ minor: owed, currency })} owed` : `Your credit cards have ${moneyText({ minor: owed, currency })} owed`;
  const sources = accounts.filter((a) => (a.type === "checking" || a.type === "savings") && (!from || a.type === from) && a.balance.currency === currency);
  if (sources.length === 0) return reply(intent, `${what}, and you have no ${from ?? "checking or savings"} account with us to pay it from.`);
  const held = (a: AccountView) => a.available?.minor ?? a.balance.minor;
  // Checking first: a card is paid from the everyday account unless it cannot cover it.
  const covering = sources.filter((a) => held(a) >= owed).sort((a, b) => (a.type === "checking" ? 0 : 1) - (b.type === "checking" ? 0 : 1) || held(b) - held(a));
  const shown = { data: { kind: "accounts" as const, accounts: [...owing, ...sources] } };
  if (covering.length > 0) {
    const best = covering[0]!;
    return reply(intent, `Yes. ${what}, and ${accountLabel(best)} has ${moneyText({ minor: held(best), currency })} available, enough to pay it off in full.`, {
      ...shown,
      actions: [quickReply("Pay my card", `pay off my credit card from ${best.type}`)],
    });
  }
  const together = sources.reduce((sum, a) => sum + Math.max(0, held(a)), 0);
  const each = sources.map((a) => `${accountLabel(a)} has ${moneyText({ minor: held(a), currency })}`).join(" and ");
  const all = sources.length > 1 && together >= owed ? ` Together they'd cover it, but a payment comes from one account at a time.` : "";
  return reply(intent, `Not in full from one account. ${what}; ${each}.${all} You can pay part of it now.`, {
    ...shown,
    actions: [quickReply("Pay my card", "pay my credit card")],
  });
}
