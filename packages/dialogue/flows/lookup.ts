/**
 * Read-only answers from the customer's data: balances, transactions, spending, payees.
 * Each starts with one load effect and finishes when its result comes back.
 */
import { asksTotal, totalNote } from "./balance-total.js";
import { affordAmount, affordNote, asksIfHeld } from "./balance-afford.js";
import { FEES_CATEGORY, INTEREST_MERCHANT, MAX_FILTER_CHARS, RECENT_TRANSACTIONS } from "../config.js";
import { derivedId, type StepContext } from "../context.js";
import { accountLabel, cleanName, listText, moneyText, payeeLabel, quickReply, quoted, reply } from "../render.js";
import type {
  AccountRef,
  AccountType,
  AccountView,
  EffectResult,
  Entities,
  IntentTag,
  LookupTask,
  LookupWhat,
  Money,
  Reply,
  SpendingQuery,
  TransactionFilter,
  TransactionView,
} from "../types.js";
import { parseView } from "../views.js";
import { dateText, explainLoadFailure, isoDay, periodText, spendingAccount, spendingScope } from "./wording.js";
import { frozenCardsNote, isFactIntent, renderFact, startFact } from "./bank-facts.js";
import { renderDisputes } from "./disputes.js";
import { disputeAskedAbout, rememberDisputes, renderDisputeStatus } from "./dispute-follow-up.js";
import { unheldAccounts } from "./unheld-accounts.js";
import { cardPurchasesOf, scopeFromWords } from "./lookup-scope.js";
import { describeQuery, feesTotal, filedUnderNote, oneRowText, totalIn } from "./lookup-text.js";
import { rememberRead } from "./last-read.js";
import { afterPayday, asksSincePayday, latestPay, paydayEntities, withoutSincePayday } from "./since-payday.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** How far back "my subscriptions" looks: a month and a few days, so a monthly one shows once or twice. */
const SUBSCRIPTION_DAYS = 35;
// Session 29: "how many times did i eat out", "how often do i go to ridenow": a count, not a total.
const HOW_MANY_TIMES = /\bhow\s+(?:many\s+times|often)\b/i;
const AMOUNT_QUESTION = /\b(?:how\s+much|spen[dt]|spending|cost|costs|total|pay(?:ing)?\s+for)\b/i;
// explore28: "what subscriptions am i paying for" (a month's total): which ones is a list, whatever follows.
const WHICH_SUBSCRIPTIONS = /^(?:so\s+|and\s+)?(?:what|which|wat)\s+(?:subscriptions|subs)\b(?!.*\bhow\s+much\b)/i;

/** "any update?" right after disputes were shown or one was opened: that one's status, read again. */
export function askDisputeStatus(ctx: StepContext, text: string): boolean {
  const focus = disputeAskedAbout(ctx, text);
  if (!focus) return false;
  ctx.state.consecutiveFallbacks = 0;
  const effectId = derivedId(ctx, "disputes");
  ctx.state.task = { kind: "lookup", intent: { name: "list_disputes", confidence: 1 }, what: "disputes", waitingFor: effectId, accountRefs: [], disputeFocus: focus };
  ctx.effects.push({ kind: "load", effectId, what: "disputes" });
  return true;
}

export function startLookup(ctx: StepContext, intent: IntentTag, what: LookupWhat, e: Entities, text = "", lead?: string): void {
  // "how much money came in last month" (sweep17): money in is no spending; the payments in answer it.
  if (what === "spending" && e.query?.incoming) [intent, what] = [{ ...intent, name: "transactions" }, "transactions"];
  // "do i have any subscriptions", "list my subscriptions": the payments themselves, from the last
  // SUBSCRIPTION_DAYS (a month's total to date said nothing of what they are); "how much do i spend
  // on subscriptions" stays a total.
  if (what === "spending" && e.category === "subscriptions" && !e.dateRange && (!AMOUNT_QUESTION.test(text) || WHICH_SUBSCRIPTIONS.test(text.trim()))) {
    [intent, what] = [{ ...intent, name: "transactions" }, "transactions"];
    e = { ...e, dateRange: { from: isoDay(ctx.now - (SUBSCRIPTION_DAYS - 1) * DAY_MS), to: isoDay(ctx.now) } };
  }
  // Session 29: "how much have i spent since payday": the latest pay first (flows/since-payday.ts).
  let sincePayday: LookupTask["sincePayday"];
  if ((what === "spending" || what === "transactions") && asksSincePayday(text)) {
    sincePayday = { intent, what, entities: e, text: withoutSincePayday(text) };
    [intent, what, e] = [{ ...intent, name: "transactions" }, "transactions", paydayEntities(e)];
  }
  let cardPurchases: true | undefined;
  if (!lead && !sincePayday) ({ entities: e, lead, cardPurchases } = scopeFromWords(what, e, text));
  if (!lead && (what === "spending" || what === "transactions")) lead = filedUnderNote(text, e.category);
  const effectId = derivedId(ctx, what);
  const task: LookupTask = { kind: "lookup", intent, what, waitingFor: effectId, accountRefs: [], ...(lead ? { lead } : {}), ...(sincePayday ? { sincePayday } : {}), ...(cardPurchases ? { cardPurchases } : {}) };
  switch (what) {
    case "balance":
      task.accountRefs = [...e.accountRefs, ...(e.fromRef ? [e.fromRef] : [])].slice(0, 5);
      const unheld = unheldAccounts(text);
      if (unheld.length > 0) task.unheld = unheld;
      if (asksTotal(text)) task.total = true;
      const afford = affordAmount(text, e);
      if (afford) task.afford = afford;
      if (afford && asksIfHeld(text)) task.affordYesNo = true;
      ctx.effects.push({ kind: "load", effectId, what: "accounts" });
      break;
    case "payees":
      ctx.effects.push({ kind: "load", effectId, what: "payees" });
      break;
    case "transactions": {
      const query = transactionQuery(e);
      task.transactionQuery = query;
      // Session 27: "show my last 2 deposits" showed 10: money in is picked out of 50, then this many shown.
      if (query.direction === "in" && e.query?.count) task.shown = Math.min(e.query.count, 50);
      if (query.account) task.accountRefs = [query.account];
      ctx.effects.push({ kind: "load", effectId, what: "transactions", query });
      break;
    }
    case "spending": {
      const query = spendingQuery(e, ctx.now);
      task.spendingQuery = query;
      if (HOW_MANY_TIMES.test(text) && !/\bhow\s+much\b/i.test(text)) task.howMany = true;
      if (query.account) task.accountRefs = [query.account];
      ctx.effects.push({ kind: "load", effectId, what: "spending", query });
      break;
    }
    case "disputes":
      ctx.effects.push({ kind: "load", effectId, what: "disputes" });
      rememberDisputes(ctx);
      break;
  }
  ctx.state.task = task;
  rememberRead(ctx, task);
}

export function onLookupData(ctx: StepContext, task: LookupTask, result: EffectResult): void {
  ctx.state.task = null;
  // A note after a written answer: said when there is something to say, never a failure of its own.
  if (task.what === "frozen_cards") {
    const note = result.ok ? frozenCardsNote(task, result.data) : null;
    if (note) ctx.replies.push(note);
    return;
  }
  const payday = task.sincePayday && result.ok ? afterPayday(task.sincePayday, result.data, ctx.now) : null;
  if (payday && "next" in payday) return startLookup(ctx, payday.next.intent, payday.next.what, payday.next.entities, payday.next.text, payday.lead);
  const answer = payday ? payday.reply : result.ok && !task.sincePayday ? render(task, result.data) : null;
  ctx.replies.push(answer && task.lead ? { ...answer, text: `${task.lead} ${answer.text}` } : (answer ?? explainLoadFailure(task.intent, result)));
  // sweep19: the message's second question, now that the first is answered.
  // explore27: a fact ("… and when my payment is due") is read as a fact is (bank-facts.ts).
  if (task.then && isFactIntent(task.then.what)) startFact(ctx, task.then.intent, task.then.what, task.then.entities, task.then.text);
  else if (task.then) startLookup(ctx, task.then.intent, task.then.what, task.then.entities, task.then.text);
}

/** Plain words for a load that failed; general questions keep working meanwhile. */
function render(task: LookupTask, data: unknown): Reply | null {
  switch (task.what) {
    case "balance": {
      const accounts = parseView("accounts", data);
      return accounts && renderBalances(task, accounts);
    }
    case "payees": {
      const payees = parseView("payees", data);
      if (!payees) return null;
      if (payees.length === 0) {
        return reply(task.intent, "You don't have any saved payees yet. You can add one in the app.");
      }
      const shown = payees.slice(0, 5).map(payeeLabel);
      const more = payees.length > shown.length ? ` and ${payees.length - shown.length} more` : "";
      return reply(task.intent, `Your saved payees: ${shown.join(", ")}${more}.`, {
        data: { kind: "payees", payees },
        actions: [quickReply("Make a transfer", "I want to make a transfer")],
      });
    }
    case "transactions": {
      let transactions = parseView("transactions", data);
      const query = task.transactionQuery ?? { limit: RECENT_TRANSACTIONS };
      if (!transactions) return null;
      if (query.status === "pending") {
        // "Show my pending transactions" listed the 10 most recent, posted ones too.
        const pending = transactions.filter((t) => t.status === "pending");
        if (pending.length === 0) return reply(task.intent, "You don't have any pending transactions right now.");
        const n = pending.length;
        return reply(task.intent, `Here ${n === 1 ? "is your pending transaction" : `are your ${n} pending transactions`}${describeQuery(query)}.`, {
          data: { kind: "transactions", transactions: pending, query },
        });
      }
      if (query.direction === "in") {
        // "Did my paycheck come in?": money from outside; the customer's own transfers move money between
        // their accounts and would bury the deposit asked about.
        const all = transactions.filter((t) => t.amount.minor > 0 && !t.transferId);
        const incoming = all.slice(0, task.shown ?? RECENT_TRANSACTIONS);
        if (incoming.length === 0 && query.merchant === INTEREST_MERCHANT) {
          const { merchant: _m, ...period } = query;
          return reply(task.intent, `I don't see any interest paid into your accounts${describeQuery(period)}.`);
        }
        if (incoming.length === 0) {
          return reply(task.intent, `I don't see any money coming into your accounts${describeQuery(query) || ` among your ${query.limit} most recent transactions`}.`);
        }
        const total = query.from && query.to ? totalIn(all, query.limit, transactions.length) : null;
        if (total) {
          // "how much money came in last month": the total over the period, its payments listed.
          const payments = all.length === 1 ? "1 payment" : `${all.length} payments`;
          if (query.merchant === INTEREST_MERCHANT) {
            const { merchant: _m, ...period } = query;
            return reply(task.intent, `You earned ${moneyText(total)} in interest${describeQuery(period)}, in ${payments}.`, {
              data: { kind: "transactions", transactions: incoming, query },
            });
          }
          return reply(task.intent, `You received ${moneyText(total)}${describeQuery(query)} (your own transfers left out), in ${payments}.`, {
            data: { kind: "transactions", transactions: incoming, query },
          });
        }
        const n = incoming.length;
        if (task.shown === 1) {
          // "when did i last get paid": the one payment, said. Session 30: "did my paycheck come in" is
          // the pay, not a refund that came in after it.
          const pay = task.pay ? latestPay(all) : null;
          if (pay?.isPay) {
            return reply(task.intent, `Your latest pay came in on ${dateText(pay.row.postedAt)}: ${moneyText(pay.row.amount)} from ${quoted(pay.row.merchant)}${pay.row.status === "pending" ? " (still pending)" : ""}.`, {
              data: { kind: "transactions", transactions: [pay.row], query },
            });
          }
          const [latest] = incoming as [TransactionView];
          return reply(task.intent, `The latest payment into your accounts${describeQuery(query)} was ${moneyText(latest.amount)} from ${quoted(latest.merchant)} on ${dateText(latest.postedAt)} (your own transfers left out).`, {
            data: { kind: "transactions", transactions: incoming, query },
          });
        }
        return reply(task.intent, `Here ${n === 1 ? "is the latest payment" : `are the ${n} latest payments`} into your accounts${describeQuery(query)} (your own transfers left out).`, {
          data: { kind: "transactions", transactions: incoming, query },
        });
      }
      // "only the ones over 50" after a spending total: the payments out among them.
      if (query.direction === "out") transactions = transactions.filter((t) => t.amount.minor < 0);
      // explore28: "how much interest did i pay last month": the interest charged over the period, totalled.
      if (query.direction === "out" && query.merchant === INTEREST_MERCHANT && query.from && query.to) {
        const { merchant: _m, direction: _d, ...period } = query;
        if (transactions.length === 0) return reply(task.intent, `I don't see any interest charged on your accounts${describeQuery(period)}.`);
        const charged = { minor: -transactions.reduce((sum, t) => sum + t.amount.minor, 0), currency: transactions[0]!.amount.currency };
        const times = transactions.length === 1 ? "1 charge" : `${transactions.length} charges`;
        return reply(task.intent, `You were charged ${moneyText(charged)} in interest${describeQuery(period)}, in ${times}.`, { data: { kind: "transactions", transactions, query } });
      }
      const scope = describeQuery(query);
      // explore29: "only the card ones" from a customer with no credit card (or none used): the debit card's are checking's.
      if (transactions.length === 0 && query.account === "credit") {
        return reply(task.intent, `I couldn't find any transactions${scope}. Purchases with your debit card come out of your checking account.`, {
          actions: [quickReply("Debit card purchases", "just the debit card ones")],
        });
      }
      if (transactions.length === 0 && query.category === FEES_CATEGORY) return reply(task.intent, `You haven't been charged any fees${describeQuery({ ...query, category: undefined })}.`);
      if (transactions.length === 0) return reply(task.intent, scope ? `I couldn't find any transactions${scope}.` : "I couldn't find any transactions matching that.");
      // Session 30: "what was my last purchase" (ten were listed): the one, said.
      // explore32: "what was my last dining purchase" (a category said) is the one too, said with its scope.
      if (query.limit === 1 && transactions.length === 1) {
        return reply(task.intent, `Your most recent ${query.direction === "out" ? "purchase" : "transaction"}${scope} was ${oneRowText(transactions[0]!)}.`, {
          data: { kind: "transactions", transactions, query },
        });
      }
      // Session 30: money out only is said so ("what have i bought since i got paid").
      const [one, many] = query.direction === "out" ? ["payment out", "payments out"] : ["transaction", "transactions"];
      const text =
        scope === ""
          ? transactions.length === 1
            ? `Here is your most recent ${one}.`
            : `Here are your ${transactions.length} most recent ${many}.`
          : transactions.length === 1
            ? `Here is 1 ${one}${scope}.`
            : `Here are ${transactions.length} ${many}${scope}.`;
      return reply(task.intent, text, { data: { kind: "transactions", transactions, query } });
    }
    case "spending": {
      const read = parseView("spending", data);
      if (!read) return null;
      const spending = task.cardPurchases ? cardPurchasesOf(read) : read;
      const top = [...spending.byCategory]
        .sort((a, b) => b.total.minor - a.total.minor)
        .slice(0, 3)
        .map((c) => `${cleanName(c.category, 30)} ${moneyText(c.total)}`);
      const range = periodText(spending.from, spending.to);
      // "at “Sakura Sushi”", "on groceries": the figure is for that merchant or category only, and
      // says so ("You spent $0.00 between …" read as if nothing at all had been spent).
      // Session 28: named as booked ("RideNow"), not as typed ("ridenow").
      const merchant = spending.merchant ?? task.spendingQuery?.merchant;
      const category = task.spendingQuery?.category;
      const account = task.spendingQuery?.account;
      const at = spendingScope({ merchant, category, account }) + (task.cardPurchases && !account ? " with your cards" : "");
      if (category === FEES_CATEGORY) return feesTotal(task.intent, spending, range);
      if ((merchant || category || account) && spending.total.minor === 0) {
        return reply(task.intent, `I couldn't find any spending${at} ${range}.`, { data: { kind: "spending", spending } });
      }
      if (task.howMany && spending.payments !== undefined && spending.payments > 0) {
        const n = spending.payments;
        return reply(task.intent, `You made ${n} payment${n === 1 ? "" : "s"}${at} ${range}: ${moneyText(spending.total)} in all.`, { data: { kind: "spending", spending } });
      }
      const tops = top.length > 0 && !merchant && !category ? ` Top categories: ${listText(top)}.` : "";
      const leftOut = task.cardPurchases && spending.total.minor !== read.total.minor ? ` That's card purchases only: rent, transfers and money in are left out.` : "";
      return reply(task.intent, `You spent ${moneyText(spending.total)}${at} ${range}.${tops}${leftOut}`, {
        data: { kind: "spending", spending },
      });
    }
    case "disputes": {
      const disputes = parseView("disputes", data);
      if (disputes && task.disputeFocus) return renderDisputeStatus(task.intent, disputes, task.disputeFocus);
      return disputes && renderDisputes(task.intent, disputes);
    }
    default:
      return renderFact(task, task.what, data);
  }
}

/**
 * A credit card's balance as what is owed (session 28: "-$2,681.79" read as money the customer had
 * lost, or a sign they could not place).
 */
function owedText(balance: Money): string {
  if (balance.minor < 0) return `${moneyText({ minor: -balance.minor, currency: balance.currency })} owed`;
  return balance.minor === 0 ? "nothing owed" : `${moneyText(balance)} in credit`;
}

function renderBalances(task: LookupTask, accounts: AccountView[]): Reply {
  if (accounts.length === 0) return reply(task.intent, "I couldn't find any accounts on your profile.");
  const wanted = accounts.filter((a) => task.accountRefs.some((ref) => refMatches(ref, a)));
  const notFound = task.accountRefs.length > 0 && wanted.length === 0;
  const shown = wanted.length > 0 ? wanted : accounts;
  const line = (a: AccountView) => {
    const available =
      a.available && a.available.minor !== a.balance.minor ? ` (${moneyText(a.available)} available)` : "";
    return `${accountLabel(a)}: ${a.type === "credit" ? owedText(a.balance) : moneyText(a.balance)}${available}`;
  };
  // crowd31: once each ("a credit card or a credit card" when the card was named and paid from).
  const lacking = [
    ...new Set([
      ...task.accountRefs
        .filter((ref): ref is AccountType => typeof ref === "string" && !accounts.some((a) => a.type === ref))
        .map((t) => (t === "credit" ? "a credit card" : `a ${t} account`)),
      ...(task.unheld ?? []),
    ]),
  ];
  // A kind of account the customer doesn't hold is a fact worth saying plainly.
  const lead =
    lacking.length > 0
      ? `You don't have ${lacking.join(" or ")} with us.${wanted.length === 0 ? " Here are your accounts." : ""} `
      : notFound
        ? "I couldn't find that account, so here are all of them. "
        : "";
  const afford = task.afford ? affordNote(accounts, task.accountRefs, task.afford, task.affordYesNo) : "";
  const text =
    (shown.length === 1 ? `${lead}${line(shown[0]!)}.` : `${lead}Your balances: ${shown.map(line).join("; ")}.${task.total ? totalNote(shown) : ""}`) + afford;
  return reply(task.intent, text, {
    data: { kind: "accounts", accounts: shown },
    actions: [quickReply("Recent transactions", "Show my recent transactions")],
  });
}

function refMatches(ref: AccountRef, account: AccountView): boolean {
  return typeof ref === "string" ? account.type === ref : account.mask === ref.last4;
}

function validRange(e: Entities): { from: string; to: string } | null {
  const range = e.dateRange;
  if (!range || !ISO_DATE.test(range.from) || !ISO_DATE.test(range.to) || range.from > range.to) return null;
  return range;
}

/** Customer-typed filters are passed on as bounded plain strings; the DO binds them as parameters. */
function filterText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = cleanName(value, MAX_FILTER_CHARS);
  return cleaned === "(no name)" ? undefined : cleaned;
}

function transactionQuery(e: Entities): TransactionFilter {
  const range = validRange(e);
  const merchant = filterText(e.merchant);
  const category = filterText(e.category);
  // "my last 3 transactions": exactly as many as asked for.
  const count = e.query?.count;
  // Pending ones are the newest: they are picked out of the 50 most recent.
  const pending = e.query?.pending === true;
  // Money in is picked out of the 50 most recent too (a customer's spending outnumbers it).
  const incoming = !pending && e.query?.incoming === true;
  const outgoing = !pending && !incoming && e.query?.outgoing === true;
  // "my savings transactions", "transactions over $50": those only (both listed every transaction).
  const account = e.accountRefs.length === 1 ? e.accountRefs[0] : undefined;
  const bound = e.query?.amountBound;
  const amount = bound && e.amount && "minor" in e.amount ? { op: bound, minor: e.amount.minor, currency: e.amount.currency } : undefined;
  // Money out alone is filtered by the bank itself: the most recent of it is as many as any list.
  const narrowed = range || merchant || category || pending || incoming || amount;
  return {
    limit: count !== undefined && count > 0 && !pending && !incoming ? Math.min(count, 50) : narrowed ? 50 : RECENT_TRANSACTIONS,
    ...(account ? { account } : {}),
    ...(amount ? { amount } : {}),
    ...(pending ? { status: "pending" as const } : {}),
    ...(incoming ? { direction: "in" as const } : outgoing ? { direction: "out" as const } : {}),
    ...(range ? { from: range.from, to: range.to } : {}),
    ...(merchant ? { merchant } : {}),
    ...(category ? { category } : {}),
  };
}

/** Without a range: this calendar month so far (UTC, as the engine has no customer time zone). */
function spendingQuery(e: Entities, now: number): SpendingQuery {
  const range = validRange(e);
  const today = isoDay(now);
  const category = filterText(e.category);
  const merchant = category ? undefined : filterText(e.merchant);
  const account = spendingAccount(e);
  return {
    from: range?.from ?? `${today.slice(0, 8)}01`,
    to: range?.to ?? today,
    ...(category ? { category } : {}),
    ...(merchant ? { merchant } : {}),
    ...(account ? { account } : {}),
  };
}
