/**
 * "what's my balance and send 10 to Jordan Lee": two requests in one message. The model reads one
 * intent (the transfer) and the balance question was dropped. The balance is answered first, with
 * the transfer set aside; then the transfer is set up as if asked next, and still needs its own
 * confirmation before any money moves.
 */
import { derivedId, type StepContext } from "../context.js";
import { reply } from "../render.js";
import { startCardChange } from "./cards.js";
import type { CardTask, EffectResult, Entities, IntentTag, LookupWhat, SecondRequest, Task, TransferTask, Understanding } from "../types.js";
import { isFallback } from "../state.js";
import { startLookup } from "./lookup.js";
import { startTransfer } from "./transfer.js";
import { finishExecution } from "./execution.js";
import { namesPayee } from "./transfer-answers.js";

// A question about the balance, not a balance as the amount ("send my whole balance").
const BALANCE_QUESTION =
  /\b(?:what(?:'|’)?s|what\s+is|what\s+are|check|show(?:\s+me)?|tell\s+me|see|give\s+me|get)\s+(?:my|the|our)\s+(?:[a-z]+\s+){0,2}?balances?\b|\bbalances?\s*\?/i;

/** Does a transfer request also ask for the balance? */
export function asksBalanceToo(text: string): boolean {
  return BALANCE_QUESTION.test(text);
}

// explore32: "move 100 to savings and then show me my balance" showed the balances from before the
// transfer, above its card: a balance asked for after the transfer ("then", "after that", "once it's
// done") is read once the transfer is settled (engine.ts).
const BALANCE_AFTER =
  /\b(?:send|move|transfer|pay|put|wire)\b.*?\b(?:(?:and\s+)?then|after(?:wards|\s+(?:that|it|this))?|once\s+(?:it(?:'|’)?s|that(?:'|’)?s|its|thats|it\s+is|that\s+is)\s+(?:done|through|sent))\b.*?\bbalances?\b/i;

/** Does a transfer request ask for the balance once it is done? */
export function asksBalanceAfter(text: string): boolean {
  return BALANCE_AFTER.test(text);
}

/** An execution's result, then the balances when they were asked for once it is done and it is settled (not retrying). */
export function finishThenBalance(ctx: StepContext, result: EffectResult): void {
  const execution = ctx.state.executing;
  finishExecution(ctx, result);
  if (execution?.balanceAfter && !ctx.state.executing && !ctx.state.task) startLookup(ctx, { name: "balance", confidence: 1 }, "balance", { accountRefs: [] });
}

/** Starts the balance answer with the transfer set aside, its data not loaded yet. True if the message asked both. */
export function balanceThenTransfer(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  // Only from a standing start: a task already set aside (a question asked during a bill payment) keeps its place.
  if (!asksBalanceToo(text) || ctx.state.paused) return false;
  startTransfer(ctx, intent, e);
  if (asksBalanceAfter(text) && ctx.state.task?.kind === "transfer") {
    ctx.state.task.balanceAfter = true;
    return true;
  }
  setAside(ctx, ctx.state.task as TransferTask);
  startLookup(ctx, { name: "balance", confidence: intent.confidence }, "balance", { accountRefs: [] });
  return true;
}

// A transfer asked after the balance question, as an instruction: "… and send 10 to Jordan",
// "…, then move 200 to checking" (not "what's my balance after I pay rent").
const TRANSFER_TOO = /(?:^|\band\s+|\bthen\s+|,\s*|\balso\s+|\bplease\s+)(?:send|move|transfer|pay|wire)\b/i;

/** A balance question that also instructs a transfer: its saved payees are needed to read the recipient. */
export function asksTransferToo(intent: string, text: string): boolean {
  return intent === "balance" && TRANSFER_TOO.test(text);
}

/**
 * "what's my balance and send 10 to Jordan Lee" read as the balance (the first of two requests,
 * nlu8): the transfer is set aside and set up after the answer, as when it is read as the transfer.
 * It was dropped. True if the message asked both.
 */
export function transferAfterBalance(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  if (!asksTransferToo(intent.name, text) || !e.amount || "invalid" in e.amount) return false;
  if (e.toRef === undefined && !namesPayee(e)) return false;
  return balanceThenTransfer(ctx, { name: "transfer", confidence: intent.confidence }, e, text);
}

// "… and freeze my card", "lock the visa too": a freeze asked beside a payment.
const FREEZE_TOO = /\b(?:freeze|lock|block)\s+(?:my|the|our)\s+(?:[a-z]+\s+)?(?:cards?|visa|mastercard|amex)\b/i;

/**
 * "send Jordan 40 and freeze my card": the freeze is done first (it protects the customer and needs
 * no confirmation), and the payment is left to be asked again, never set up beside a card that
 * may be in someone else's hands. It was set up, and the freeze dropped. True if the message asked both.
 */
export function freezeBeforePayment(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  if (!FREEZE_TOO.test(text)) return false;
  const what = intent.name === "pay_bill" ? "payment" : "transfer";
  ctx.replies.push(reply(intent, `Your card comes first, so I haven't set up the ${what}: ask me for it again once you're ready.`));
  const cardRefs = e.accountRefs.filter((ref) => typeof ref !== "string");
  startCardChange(ctx, { name: "freeze_card", confidence: intent.confidence }, "frozen", {
    accountRefs: cardRefs,
    ...(e.cardBrand ? { cardBrand: e.cardBrand } : {}),
  });
  return true;
}

/**
 * A task set aside before its data was loaded (a transfer's accounts and payees, a card change's
 * cards): loads it now, and its first question comes with the data. False if it has its data (its
 * question can be asked at once).
 */
export function loadSetAside(ctx: StepContext, task: TransferTask | CardTask | { kind: "dispute" }): boolean {
  if (task.kind === "card") {
    if (task.chosen || task.choices.length > 0) return false;
    if (task.waitingFor) return true;
    task.waitingFor = derivedId(ctx, "cards");
    ctx.effects.push({ kind: "load", effectId: task.waitingFor, what: "cards" });
    return true;
  }
  if (task.kind !== "transfer" || (task.accounts && task.payees)) return false;
  if (task.waitingFor.length > 0) return true;
  const accountsId = derivedId(ctx, "accounts");
  const payeesId = derivedId(ctx, "payees");
  task.waitingFor = [accountsId, payeesId];
  ctx.effects.push({ kind: "load", effectId: accountsId, what: "accounts" }, { kind: "load", effectId: payeesId, what: "payees" });
  return true;
}

// ─── A second request after the first ("yes, and also 30 to savings", "show me my transactions and send 20 to Jordan") ───

/** Lookups a second request may follow: answered first, the action set up after (with its own confirmation). */
const LOOKUPS: readonly string[] = ["balance", "transactions", "spending", "payees", "scheduled_payments"];
/** What a lookup's second request may be: an action, which then needs its own confirmation. */
const ACTIONS: readonly string[] = ["transfer", "pay_bill", "freeze_card", "unfreeze_card"];

// "yes, and also 30 to savings", "ok and to my credit card" (never "yes but make it 150": a correction).
const YES_AND = /^\s*([a-z' ,!.]{1,40}?)\s*[,.!;]?\s+(?:and|also|plus|then|&)\s+(?:also\s+|then\s+)?(\S.*)$/i;
// "show me my transactions and send 20 to Jordan", "what did I spend on food last month, then freeze my card".
const LOOKUP_AND =
  /^(.+?)(?:\s*,\s*(?:and\s+|then\s+|also\s+)*|\s+(?:and|then|also|&)\s+(?:then\s+|also\s+)*)((?:please\s+|can\s+you\s+|could\s+you\s+)?(?:send|move|transfer|pay|wire|freeze|lock|block|unfreeze|unlock)\b.+)$/i;
// The rest of "yes and make it 150", "ok and send it to savings instead": a change to the card, not a second request.
const CHANGES_THE_CARD = /\b(?:make\s+it|instead|change|actually|rather|correct(?:ion)?|meant|send\s+it|pay\s+it|that\s+one)\b/i;
// "yes and no", "ok and don't send it yet", "yes and wait": a yes taken back is no yes.
const TAKES_IT_BACK = /\b(?:no|nope|not|don'?t|do\s+not|never|wait|hold|cancel|stop|nvm|never\s*mind)\b/i;

// sweep19: "what's my balance and show me my last 3 transactions", "how much is in checking and how
// much did i spend on dining": a second question after the first (the second was dropped).
// explore26: "balance and my last 3 transactions", "my balance and the transactions from last week": a
// second question said as what is wanted, a noun phrase naming a list or a total (only the list was shown).
const LOOKUP_AND_LOOKUP =
  /^(.+?)(?:\s*[,;?]\s*(?:and\s+|also\s+|plus\s+)*|\s+(?:and|also|plus|&)\s+(?:also\s+)?)((?:(?:can|could)\s+you\s+)?(?:what|what's|whats|how|show|tell|give|list|check|which|when|where)\b.+|(?:my|the|our|all\s+(?:my|the))\s+(?:[a-z0-9$.,]+\s+){0,4}?(?:transactions?|balances?|payees|spending|purchases|charges|payments|disputes)\b.*)$/i;
// sweep19: "freeze my card and tell me my balance": the freeze asked first, a question after it.
// The question is answered first, then the freeze set up (as after "… and freeze my card").
const FREEZE_AND_LOOKUP =
  /^((?:please\s+|can\s+you\s+|could\s+you\s+)?(?:freeze|lock|block|unfreeze|unlock)\b.+?)(?:\s*,\s*(?:and\s+|then\s+|also\s+)*|\s+(?:and|then|also|&)\s+(?:then\s+|also\s+)?)((?:(?:can|could)\s+you\s+)?(?:what|what's|whats|how|show|tell|give|list|check)\b.+)$/i;
// explore26: "send 10 to savings and then 20 to checking", "move 20 from savings to checking and 30
// from checking to savings": a second transfer after the first. The second was dropped in silence, and
// its account taken as the first one's source. The first is read on its own and set up (its own
// confirmation); the second is named as not done yet. Two amounts to one payee, or a payee beside an
// account, keep their answers ("I can send one amount / to one recipient at a time").
const TRANSFER_AND_TRANSFER =
  /^((?:please\s+|can\s+you\s+|could\s+you\s+)?(?:send|move|transfer|put|wire)\b.+?)(?:\s*[,;]\s*(?:and\s+|then\s+|also\s+)*|\s+(?:and|then|&)\s+(?:then\s+|also\s+)?)((?:(?:send|move|transfer|put|wire)\s+)?(?:another\s+)?\$?\d[\d,]*(?:\.\d{1,2})?(?:\s*(?:dollars?|bucks|usd))?\s+(?:more\s+)?(?:from|to|into|in)\b.+)$/i;

/** The lookups a second question may be, answered one after the other (each its own load). */
const SECOND_LOOKUPS: readonly string[] = ["balance", "transactions", "spending", "payees"];
// explore27: "my balance and also when my payment is due" answered the balance and dropped the due
// date: a fact about the customer's accounts or cards may be the second question too (lookup.ts).
const SECOND_FACTS: readonly string[] = ["credit_statement", "credit_limit", "interest_rate", "rewards_balance", "card_expiry"];

export interface SecondRequestSplit {
  first: string;
  second: string;
  /** The first part must be a bare yes (else it must be no answer at all). */
  firstIsYes: boolean;
  /** The second part was said first in the message (it is taken second all the same). */
  secondSaidFirst?: boolean;
  /** Whether the first part, read on its own, may lead a second request: asked before the second part is read. */
  firstFits(first: Understanding): boolean;
  /** Whether the second part, read on its own, is a request this flow takes after the first. */
  secondFits(second: Understanding, secondUnclear: boolean): boolean;
}

/**
 * Where a message may hold a second request (none, one or two ways to read it): after a bare yes, or an action after a lookup. The
 * caller reads the first part, asks `firstFits`, then reads the second and asks `secondFits`
 * (packages/conversation/understand.ts); the second one travels as `Entities.then`.
 */
export function secondRequestSplits(text: string): SecondRequestSplit[] {
  const splits: SecondRequestSplit[] = [];
  const yes = YES_AND.exec(text);
  if (yes && !CHANGES_THE_CARD.test(yes[2]!) && !TAKES_IT_BACK.test(yes[2]!)) {
    splits.push({
      first: yes[1]!.trim(),
      second: yes[2]!.trim(),
      firstIsYes: true,
      firstFits: () => true,
      secondFits: (second) => second.entities.query?.correction !== true,
    });
  }
  const lookup = LOOKUP_AND.exec(text);
  if (lookup) {
    splits.push({
      first: lookup[1]!.trim(),
      second: lookup[2]!.trim(),
      firstIsYes: false,
      firstFits: (first) => first.confidence >= 0.5 && LOOKUPS.includes(first.intent),
      secondFits: (second, unclear) => !unclear && ACTIONS.includes(second.intent),
    });
  }
  const twoQuestions = lookup ? null : LOOKUP_AND_LOOKUP.exec(text);
  if (twoQuestions) {
    splits.push({
      first: twoQuestions[1]!.trim(),
      second: twoQuestions[2]!.trim(),
      firstIsYes: false,
      firstFits: (first) => first.confidence >= 0.5 && SECOND_LOOKUPS.includes(first.intent),
      secondFits: (second, unclear) => !unclear && second.confidence >= 0.5 && (SECOND_LOOKUPS.includes(second.intent) || SECOND_FACTS.includes(second.intent)),
    });
  }
  const transfers = TRANSFER_AND_TRANSFER.exec(text);
  if (transfers) {
    splits.push({
      first: transfers[1]!.trim(),
      second: transfers[2]!.trim(),
      firstIsYes: false,
      firstFits: (first) =>
        first.intent === "transfer" && first.entities.amount !== undefined && first.entities.toRef !== undefined && !namesPayee(first.entities) && first.entities.otherRecipient === undefined,
      secondFits: (second) => {
        const e = second.entities;
        return e.amount !== undefined && !("invalid" in e.amount) && (e.toRef !== undefined || e.fromRef !== undefined || e.accountRefs.length > 0 || namesPayee(e));
      },
    });
  }
  const freezeFirst = FREEZE_AND_LOOKUP.exec(text);
  if (freezeFirst) {
    // Read the other way round: the question leads, the card change follows it.
    splits.push({
      first: freezeFirst[2]!.trim(),
      second: freezeFirst[1]!.trim(),
      firstIsYes: false,
      secondSaidFirst: true,
      firstFits: (first) => first.confidence >= 0.5 && LOOKUPS.includes(first.intent),
      secondFits: (second, unclear) => !unclear && (second.intent === "freeze_card" || second.intent === "unfreeze_card"),
    });
  }
  return splits;
}

/**
 * A task just started, set aside until the answer being given is complete: its loads wait (a
 * result arriving for a set-aside task is dropped) and loadSetAside issues them when it resumes.
 */
function setAside(ctx: StepContext, task: TransferTask | CardTask): void {
  const deferred = new Set(task.kind === "transfer" ? task.waitingFor : [task.waitingFor]);
  ctx.effects = ctx.effects.filter((effect) => !("effectId" in effect && deferred.has(effect.effectId)));
  if (task.kind === "transfer") task.waitingFor = [];
  else task.waitingFor = null;
  ctx.state.paused = task;
}

/**
 * The second request of a message, once the first was handled ("yes, and also 30 to savings":
 * the card shown was answered; "show me my transactions and send 20 to Jordan": the list is on its
 * way). An action is set up as if asked next and needs its own confirmation — a freeze too, since
 * it was asked in passing; never money that was not on a card. While the first is still loading,
 * the action waits for its answer (resumed by resumePaused). When it cannot be taken up now, the
 * customer is told so: nothing is dropped in silence.
 */
export function takeSecondRequest(ctx: StepContext, then: SecondRequest, route: (ctx: StepContext, intent: IntentTag, e: Entities, text: string) => void): void {
  const intent: IntentTag = { name: then.intent, confidence: then.confidence };
  const e = then.entities;
  const unclear = isFallback(then);
  const money = hasMoneyWords(e);
  const current: Task | null = ctx.state.task;
  const answering = current !== null && (current.kind === "lookup" || (current.kind === "schedules" && current.waitingFor !== null && current.confirmation === null));
  if ((current && !answering) || ctx.state.paused) {
    ctx.replies.push(reply(intent, `I haven't done anything about “${quotedRest(then)}” yet: let's finish this first, then ask me again.`));
    return;
  }
  if (unclear && !money) {
    ctx.replies.push(reply(intent, `I didn't catch the rest of your message (“${quotedRest(then)}”), so I haven't done anything about it.`));
    return;
  }
  const card = intent.name === "freeze_card" || intent.name === "unfreeze_card";
  // "to my credit card" after a yes reads to the model as a top-up question: its money words win.
  const transfer = unclear || intent.name === "transfer" || intent.name === "pay_bill" || (!card && money && !e.query?.question);
  if (!transfer && !card) {
    if (current?.kind === "lookup" && (SECOND_LOOKUPS.includes(intent.name) || SECOND_FACTS.includes(intent.name)) && !current.then) {
      // A second question: answered once the first one's answer is given (lookup.ts).
      current.then = { intent, what: intent.name as LookupWhat, entities: e, text: then.text };
      return;
    }
    if (answering) {
      ctx.replies.push(reply(intent, `I haven't done anything about “${quotedRest(then)}” yet: ask me again once you've read this.`));
      return;
    }
    return route(ctx, intent, e, then.text);
  }
  const lookup = answering ? current : null;
  if (transfer) startTransfer(ctx, { name: intent.name === "pay_bill" ? "pay_bill" : "transfer", confidence: intent.name === "pay_bill" || intent.name === "transfer" ? intent.confidence : 1 }, e);
  else startCardChange(ctx, intent, intent.name === "freeze_card" ? "frozen" : "active", e);
  const task = ctx.state.task as TransferTask | CardTask;
  // A freeze asked in passing asks for a Yes; one asked first ("freeze my card and …") is done at once.
  if (task.kind === "card" && !then.saidFirst) task.confirmFreeze = true;
  if (lookup) {
    setAside(ctx, task);
    ctx.state.task = lookup;
  }
}

/** The second request's words as said back: at most 60 characters. */
function quotedRest(then: SecondRequest): string {
  return then.text.length > 60 ? `${then.text.slice(0, 59)}…` : then.text;
}

function hasMoneyWords(e: Entities): boolean {
  return e.amount !== undefined || e.toRef !== undefined || e.fromRef !== undefined || e.accountRefs.length > 0 || namesPayee(e);
}
