/**
 * Questions answered from the customer's own data rather than shown as a list: the biggest or
 * smallest purchase, the merchant used most, one month against another, one category against
 * another, "did my rent go through?", "when did I last pay Netflix?", and facts about what the
 * customer holds ("You don't have a credit card with us."). Data comes through load effects like
 * every lookup; the arithmetic happens here, on what the bank returned.
 */
import type { StepContext } from "../context.js";
import { begin } from "./insight-begin.js";
import { cardLimitAnswer, whichLimitAnswer } from "./card-limit.js";
import { cardAffordAnswer } from "./card-afford.js";
import { billAffordAnswer } from "./bill-afford.js";
import { latestSentAnswer } from "./what-sent.js";
import { accountLabel, cleanName, moneyText, quickReply, reply } from "../render.js";
import type {
  AccountRef,
  EffectResult,
  Entities,
  Insight,
  IntentTag,
  LookupTask,
  Money,
  Reply,
  SpendingView,
} from "../types.js";
import { parseView } from "../views.js";
import { isDisputeList, isDisputeRequest, startDispute } from "./disputes.js";
import { asksCardStatus, startFact } from "./bank-facts.js";
import { startLookup } from "./lookup.js";
import { severalAsked, superlative } from "./insight-superlative.js";
import { LOOKUP_DAYS, lookupAnswer } from "./insight-lookup.js";
import { asksSaved, savedAnswer } from "./insight-saved.js";
import { categoryOf } from "../../nlu/entities/spending.js";
import { rememberBill } from "./bill-just-read.js";
import { compareMonths, sameDaysOf } from "./compare-months.js";
import { dateText, explainLoadFailure, isoDay, spendingAccount, spendingScope } from "./wording.js";

const DAY_MS = 86_400_000;
/** How far back a superlative looks when no period was named. */
const DEFAULT_PERIOD_DAYS = 30;
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** Full months an average of spending is taken over. */
const AVERAGE_MONTHS = 3;
/** Rows a superlative reads (the bank's page maximum). */
const SUPERLATIVE_ROWS = 100;

// A bill, not the credit card's ("my highest credit card bill" is its statement).
const BILLS_ASKED = /^(?!.*\b(?:card|credit|visa|statement)\b).*\bbills?\b/i;
/** Intents whose questions can carry these modifiers. */
const DATA_INTENTS = new Set(["transactions", "spending", "balance"]);
/**
 * FAQ topics about whether a payment went through: with a named payment ("did my rent go
 * through?") the customer's own transactions answer, and the written answer follows if nothing
 * is found.
 */
const PAYMENT_STATUS_FAQS = new Set([
  "Refund_not_showing_up",
  "declined_card_payment",
  "pending_card_payment",
  "reverted_card_payment?",
  "pending_transfer",
  "failed_transfer",
  "declined_transfer",
  "transfer_not_received_by_recipient",
  "transfer_timing",
  "balance_not_updated_after_bank_transfer",
  "direct_debit_payment_not_recognised",
  "cancel_transfer",
]);

/**
 * Starts an answer computed from data when the message asks for one; false when it does not
 * (the ordinary lookup or FAQ then answers). `unclear`: the classifier was unsure, so only the
 * unmistakable shapes (a lookup or a superlative asked as a question) are taken up.
 */
export function startInsight(ctx: StepContext, intent: IntentTag, e: Entities, text: string, unclear = false): boolean {
  const q = e.query;
  const dataIntent = DATA_INTENTS.has(intent.name);
  // Session 28: "how much did i save last month" (the month's spending alone): money in less money out.
  if (e.dateRange && asksSaved(text) && (dataIntent || (unclear && q?.question))) {
    const range = periodOf(e, ctx.now, "month");
    return begin(ctx, labelled(intent, unclear, "spending"), { kind: "saved", period: range.label }, [
      { what: "spending", query: { from: range.from, to: range.to } },
      { what: "transactions", query: { from: range.from, to: range.to, limit: SUPERLATIVE_ROWS } },
    ]);
  }
  if (!q) return false;
  // "how much is my rent" (CLINC150's bill_balance, read as credit_statement): its last payment, not
  // the credit card's statement ("You don't have a credit card with us.").
  // Session 28: "when is my rent due" (bill_due, read as the statement too): when the next one comes out.
  const billAmount = intent.name === "credit_statement" && (q.lookup?.kind === "last" || q.lookup?.kind === "next");
  // Session 30, found by hand: "did my rent go out" (read as scheduled_payments) got "You don't have any
  // scheduled or recurring payments set up": whether it went out is in the transactions.
  const scheduledStatus = intent.name === "scheduled_payments" && q.lookup?.kind === "status";
  if (q.lookup && (dataIntent || billAmount || scheduledStatus || PAYMENT_STATUS_FAQS.has(intent.name) || (unclear && q.question))) {
    const faqIntent = PAYMENT_STATUS_FAQS.has(intent.name) ? intent.name : undefined;
    // Session 27: "how much was my electric bill last month": the period said, and the bill's category
    // ("electric" is no merchant's name; the bank files it under Utilities). The query's text matches a
    // merchant or a category.
    const period = e.dateRange && periodOf(e, ctx.now, "days");
    const from = period ? period.from : isoDay(ctx.now - (LOOKUP_DAYS - 1) * DAY_MS);
    const to = period ? period.to : isoDay(ctx.now);
    const target = q.lookup.target;
    const named = categoryOf(`${target} bill`) ?? categoryOf(target);
    if (q.lookup.kind === "last") rememberBill(ctx, target);
    const today = q.lookup.kind === "next" ? { today: isoDay(ctx.now) } : {};
    return begin(ctx, labelled(intent, unclear), { kind: "lookup", lookup: q.lookup.kind, target, ...(faqIntent ? { faqIntent } : {}), ...(period ? { period: period.label } : {}), ...today }, [
      { what: "transactions", query: { merchant: cleanName(named ?? target, 40), from, to, limit: 20 } },
    ]);
  }
  if (q.compare?.months && (intent.name === "spending" || intent.name === "transactions" || unclear)) {
    const [a, b] = q.compare.months;
    const of = spendingOf(e);
    const same = sameDaysOf(q.compare.months, isoDay(ctx.now));
    return begin(ctx, labelled(intent, unclear, "spending"), { kind: "compare_months", labels: [a.label, b.label], ...of, ...(same ? { sameDays: { current: same.current, label: same.label } } : {}) }, [
      { what: "spending", query: { from: a.from, to: a.to, ...of } },
      { what: "spending", query: { from: b.from, to: b.to, ...of } },
      ...(same ? [{ what: "spending" as const, query: { from: same.from, to: same.to, ...of } }] : []),
    ]);
  }
  // "my average monthly spending", "am i spending more than usual": it gave this month's total alone.
  if (q.average && !q.compare && intent.name === "spending" && !e.dateRange) {
    const months = lastFullMonths(ctx.now, AVERAGE_MONTHS);
    const today = isoDay(ctx.now);
    const of = spendingOf(e);
    return begin(ctx, intent, { kind: "average_months", labels: months.map((m) => m.label), ...of }, [
      ...months.map((m) => ({ what: "spending" as const, query: { from: m.from, to: m.to, ...of } })),
      { what: "spending", query: { from: `${today.slice(0, 8)}01`, to: today, ...of } },
    ]);
  }
  if (q.compare?.categories && (intent.name === "spending" || intent.name === "transactions" || unclear)) {
    const range = periodOf(e, ctx.now, "month");
    return begin(ctx, labelled(intent, unclear, "spending"), { kind: "compare_categories", categories: q.compare.categories, period: range.label }, [
      { what: "spending", query: { from: range.from, to: range.to } },
    ]);
  }
  // Not for balances: "which account has the highest balance" is no question about purchases.
  // Session 30, found by hand: "whats my biggest bill" (read as the card's statement) got "You don't have
  // a credit card with us.": the biggest among the household's bills (rent, utilities, phone, internet).
  const bills = BILLS_ASKED.test(text) ? ({ bills: true } as const) : {};
  if (q.superlative && (intent.name === "transactions" || intent.name === "spending" || (unclear && q.question) || (bills.bills && intent.name === "credit_statement"))) {
    const range = periodOf(e, ctx.now, "days");
    const purchasesOnly = !bills.bills && /\b(?:purchases?|bought|buy|shop(?:ping)?|spen[dt]|spending)\b/i.test(text);
    // Session 27: "what was my largest deposit this year" named the rent, the biggest payment out.
    const incoming = q.incoming === true && q.superlative !== "most_frequent_merchant" ? ({ incoming: true } as const) : {};
    // Session 28: "my biggest purchase on my credit card" named one paid from checking: that account's only.
    const account = incoming.incoming ? undefined : spendingAccount(e);
    const period = account ? `${range.label}${spendingScope({ account })}` : range.label;
    const several = q.superlative !== "most_frequent_merchant" && !incoming.incoming ? severalAsked(text) : undefined;
    const label = bills.bills && intent.name === "credit_statement" ? { ...intent, name: "spending" } : labelled(intent, unclear);
    return begin(ctx, label, { kind: "superlative", which: q.superlative, purchasesOnly, period, ...incoming, ...bills, ...(several ? { several } : {}) }, [
      { what: "transactions", query: { from: range.from, to: range.to, limit: SUPERLATIVE_ROWS, ...(account ? { account } : {}) } },
    ]);
  }
  if (q.creditFact && (intent.name === "balance" || intent.name === "credit_limit" || unclear)) {
    return begin(ctx, labelled(intent, unclear, "balance"), { kind: "credit", fact: q.creditFact }, [{ what: "accounts" }]);
  }
  return false;
}

/** The category and account a spending figure is read for ("groceries", "on my credit card"). */
/**
 * What a total is narrowed to: a category, else a merchant (explore25: "how much do i spend at trader
 * bay a month" averaged every payment, the rent too, as the merchant was dropped), and an account.
 */
function spendingOf(e: Entities): { category?: string; merchant?: string; account?: AccountRef } {
  const category = e.category ? cleanName(e.category, 40) : undefined;
  const merchant = !category && e.merchant ? cleanName(e.merchant, 40) : undefined;
  const account = spendingAccount(e);
  return { ...(category ? { category } : {}), ...(merchant ? { merchant } : {}), ...(account ? { account } : {}) };
}

/** Is this effect result one the insight is waiting for? */
export function awaitsInsight(task: LookupTask, effectId: string): boolean {
  return task.insight !== undefined && (task.waitingFor === effectId || (task.waitingForMore ?? []).includes(effectId));
}

export function onInsightData(ctx: StepContext, task: LookupTask, effectId: string, result: EffectResult): void {
  const index = Number(/:insight-(\d+)$/.exec(effectId)?.[1] ?? -1);
  if (!result.ok || index < 0) {
    ctx.state.task = null;
    ctx.replies.push(explainLoadFailure(task.intent, result));
    return;
  }
  const gathered = [...(task.gathered ?? [])];
  gathered[index] = result.data;
  task.gathered = gathered;
  task.waitingForMore = (task.waitingForMore ?? []).filter((id) => id !== effectId);
  if (task.waitingFor === effectId) task.waitingFor = task.waitingForMore[0] ?? "";
  if (gathered.some((g) => g === null)) return;
  ctx.state.task = null;
  ctx.replies.push(answer(task.intent, task.insight!, gathered) ?? explainLoadFailure(task.intent, { ok: false, error: { code: "invalid" } }));
}

function answer(intent: IntentTag, insight: Insight, data: unknown[]): Reply | null {
  switch (insight.kind) {
    case "superlative": {
      const rows = parseView("transactions", data[0]);
      return rows && superlative(intent, insight, rows);
    }
    case "saved": {
      const spending = parseView("spending", data[0]);
      const rows = parseView("transactions", data[1]);
      return spending && rows && savedAnswer(intent, insight.period, spending, rows, SUPERLATIVE_ROWS);
    }
    case "lookup": {
      const rows = parseView("transactions", data[0]);
      return rows && lookupAnswer(intent, insight, rows);
    }
    case "compare_months": {
      const a = parseView("spending", data[0]);
      const b = parseView("spending", data[1]);
      return a && b && compareMonths(intent, insight, a, b, insight.sameDays ? parseView("spending", data[2]) : null);
    }
    case "average_months": {
      const views = data.map((d) => parseView("spending", d));
      return views.every((v) => v !== null) ? averageMonths(intent, insight, views as SpendingView[]) : null;
    }
    case "compare_categories": {
      const s = parseView("spending", data[0]);
      return s && compareCategories(intent, insight, s);
    }
    case "card_limit":
      return cardLimitAnswer(intent, insight, data[0], data[1]);
    case "which_limit":
      return whichLimitAnswer(intent, data[0]);
    case "card_afford":
      return cardAffordAnswer(intent, insight.from, data[0]);
    case "bill_afford":
      return billAffordAnswer(intent, insight.bill, data[0], data[1]);
    case "latest_sent":
      return latestSentAnswer(intent, data[0]);
    case "credit": {
      const accounts = parseView("accounts", data[0]);
      if (!accounts) return null;
      const cards = accounts.filter((a) => a.type === "credit");
      if (cards.length === 0) return reply(intent, "You don't have a credit card with us.");
      const lines = cards.map((a) => {
        const available = a.available ?? { minor: 0, currency: a.balance.currency };
        const limit = { minor: available.minor - a.balance.minor, currency: a.balance.currency };
        const owed = { minor: Math.max(0, -a.balance.minor), currency: a.balance.currency };
        return insight.fact === "credit_limit"
          ? `${accountLabel(a)} has a credit limit of ${moneyText(limit)} (${moneyText(available)} available)`
          : `${accountLabel(a)} has ${moneyText(available)} of available credit (limit ${moneyText(limit)}, ${moneyText(owed)} owed)`;
      });
      return reply(intent, `${lines.join("; ")}.`, { data: { kind: "accounts", accounts: cards } });
    }
  }
}

function averageMonths(intent: IntentTag, insight: Extract<Insight, { kind: "average_months" }>, views: SpendingView[]): Reply {
  const months = views.slice(0, -1);
  const current = views[views.length - 1]!;
  const currency = current.total.currency;
  // Integer minor units: the average rounds to the nearest cent, half away from zero.
  const average = { minor: Math.round(months.reduce((sum, v) => sum + v.total.minor, 0) / months.length), currency };
  const on = spendingScope(insight);
  const each = months.map((v, i) => `${insight.labels[i]} ${moneyText(v.total)}`).join(", ");
  const diff = current.total.minor - average.minor;
  const sofar =
    diff > 0
      ? `, already ${moneyText({ minor: diff, currency })} more than that`
      : diff === 0
        ? ", just that"
        : `, ${moneyText({ minor: -diff, currency })} less than that so far`;
  return reply(
    intent,
    `Over the last ${months.length} full months you spent ${moneyText(average)} a month${on} on average (${each}). This month so far: ${moneyText(current.total)}${sofar}.`,
    { data: { kind: "spending", spending: current } },
  );
}

/** The `n` calendar months before this one, oldest first (UTC). */
function lastFullMonths(now: number, n: number): Array<{ from: string; to: string; label: string }> {
  const today = new Date(now);
  return Array.from({ length: n }, (_, i) => {
    const back = n - i;
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back + 1, 0));
    return { from: isoDay(first.getTime()), to: isoDay(last.getTime()), label: `${MONTH_NAMES[first.getUTCMonth()]} ${first.getUTCFullYear()}` };
  });
}

function compareCategories(intent: IntentTag, insight: Extract<Insight, { kind: "compare_categories" }>, s: SpendingView): Reply {
  const total = (name: string): Money => {
    const row = s.byCategory.find((c) => c.category.toLowerCase() === name.toLowerCase());
    return row?.total ?? { minor: 0, currency: s.total.currency };
  };
  const [na, nb] = insight.categories;
  const [ta, tb] = [total(na), total(nb)];
  const diff = ta.minor - tb.minor;
  const change =
    diff === 0 ? "the same on both." : `${moneyText({ minor: Math.abs(diff), currency: ta.currency })} more on ${diff > 0 ? na : nb}.`;
  return reply(intent, `${insight.period[0]!.toUpperCase()}${insight.period.slice(1)} you spent ${moneyText(ta)} on ${na} and ${moneyText(tb)} on ${nb}: ${change}`, {
    data: { kind: "spending", spending: s },
  });
}

/** The period the customer named, or a default: the last 30 days, or this month so far. */
function periodOf(e: Entities, now: number, fallback: "days" | "month"): { from: string; to: string; label: string } {
  const r = e.dateRange;
  if (r && /^\d{4}-\d{2}-\d{2}$/.test(r.from) && /^\d{4}-\d{2}-\d{2}$/.test(r.to) && r.from <= r.to) {
    return { from: r.from, to: r.to, label: r.from === r.to ? `on ${dateText(r.from)}` : `between ${dateText(r.from)} and ${dateText(r.to)}` };
  }
  const today = isoDay(now);
  if (fallback === "month") return { from: `${today.slice(0, 8)}01`, to: today, label: "this month" };
  return { from: isoDay(now - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS), to: today, label: `in the last ${DEFAULT_PERIOD_DAYS} days` };
}

/** An unsure classification answered from data is labelled with what it turned out to be. */
function labelled(intent: IntentTag, unclear: boolean, as = "transactions"): IntentTag {
  return unclear ? { name: as, confidence: intent.confidence } : intent;
}

const WITHDRAW = /\b(?:cancel|withdraw|drop|close|stop|remove|delete|revoke)\b/i;

/**
 * Questions the customer's data answers, checked before the intent's own handler: insights,
 * disputes and the list of disputes. `unclear`: the classifier was unsure of the intent.
 */
export function routeDataQuestion(ctx: StepContext, intent: IntentTag, e: Entities, text: string, unclear: boolean): boolean {
  if (isDisputeList(intent, e)) {
    // There is no withdrawing a dispute in the chat: "cancel my dispute" got the list as if that were it.
    if (WITHDRAW.test(text)) {
      ctx.replies.push(
        reply(intent, "I can't withdraw a dispute here, but a member of our team can: choose “Talk to a person”. This is where your disputes stand:", {
          actions: [quickReply("Talk to a person")],
        }),
      );
    }
    startLookup(ctx, labelled(intent, unclear, "list_disputes"), "disputes", e);
    return true;
  }
  if (isDisputeRequest(intent, e)) {
    startDispute(ctx, intent, e, text);
    return true;
  }
  if (asksCardStatus(text)) {
    startFact(ctx, intent, "card_status", e, text);
    return true;
  }
  return startInsight(ctx, intent, e, text, unclear);
}
