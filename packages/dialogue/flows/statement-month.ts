/**
 * A statement asked by month (facts24, found as seeded customers): "statement for october" was out
 * of scope, "show me my october statement" listed transactions, and "my credit card statement for
 * last month" read out the newest statement whatever its month. The credit card's statements that
 * closed in the period asked are read (the past ones too, flows/bank-facts.ts asks for them); when
 * none did, the months there are statements for are said. Without a credit card, there is no card
 * statement, and the chat makes no bank statement: that period's transactions are offered instead.
 */
import { accountLabel, listText, moneyText, quickReply, reply } from "../render.js";
import type { CreditStatementView, Entities, IntentTag, LookupTask, Reply } from "../types.js";
import { dateText } from "./wording.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** Statements said or offered at once: a few, the newest. */
const SHOWN = 3;

// A bank statement as a document ("a copy of my october bank statement") stays the written answer.
const DOCUMENT = /\b(?:bank|account|checking|savings|cop(?:y|ies)|download|print|paper|official|pdf|e-?mail|mail)\b/i;

/** "my october statement" (account_statement with a period): the card statement of that period is read. */
export function asksStatementOfPeriod(intent: IntentTag, e: Entities, text: string): boolean {
  return intent.name === "account_statement" && e.dateRange !== undefined && !DOCUMENT.test(text);
}

/** One statement's figures, as the newest statement is read out. */
export function statementLine(s: CreditStatementView): string {
  return (
    `${accountLabel(s)}: your statement of ${dateText(s.periodEnd)} shows a balance of ${moneyText(s.statementBalance)}. ` +
    `The minimum payment is ${moneyText(s.minimumPayment)}, due ${dateText(s.dueDate)}. ` +
    `Your current balance is ${moneyText(s.currentBalance)}.`
  );
}

export function statementOfPeriod(task: LookupTask, period: { from: string; to: string }, statements: CreditStatementView[]): Reply {
  const asked = periodText(period);
  const transactions = quickReply(`${asked} transactions`, `Show my transactions ${transactionsPeriod(period)}`);
  if (statements.length === 0) {
    return reply(
      task.intent,
      `You don't have a credit card with us, so there's no card statement. I can't send a bank statement here in the chat, but I can list your transactions for ${asked}.`,
      { actions: [transactions, quickReply("Talk to a person")] },
    );
  }
  // A statement belongs to the month it closed in ("the November statement" closed in November).
  const closed = statements.filter((s) => s.periodEnd >= period.from && s.periodEnd <= period.to);
  if (closed.length > 0) {
    return reply(task.intent, closed.slice(0, SHOWN).map(statementLine).join(" "), {
      actions: [quickReply("Pay my card", "Pay my credit card bill"), transactions],
    });
  }
  const byMonth = new Map<string, CreditStatementView>();
  for (const s of statements) if (!byMonth.has(s.periodEnd.slice(0, 7))) byMonth.set(s.periodEnd.slice(0, 7), s);
  const held = [...byMonth.values()].slice(0, SHOWN);
  const heldText = held.map((s) => `${monthText(s.periodEnd)} (closed ${dateText(s.periodEnd)})`);
  const one = heldText.length === 1;
  return reply(
    task.intent,
    `There's no statement for ${asked} on your credit card. ${one ? "The statement I have is" : "The statements I have are"} for ${listText(heldText)}.`,
    {
      actions: [...held.map((s) => quickReply(`${monthText(s.periodEnd)} statement`, `Show me my ${MONTHS[Number(s.periodEnd.slice(5, 7)) - 1]!.toLowerCase()} statement`)), transactions],
    },
  );
}

/** "October 2026" for a whole month, else "1 October 2026 to 10 October 2026". */
function periodText(period: { from: string; to: string }): string {
  return wholeMonth(period) ? monthText(period.from) : `${dateText(period.from)} to ${dateText(period.to)}`;
}

/** How the transactions quick reply names the period, in words the date reader takes back. */
function transactionsPeriod(period: { from: string; to: string }): string {
  const day = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;
  return wholeMonth(period) ? `in ${MONTHS[Number(period.from.slice(5, 7)) - 1]} ${period.from.slice(0, 4)}` : `from ${day(period.from)} to ${day(period.to)}`;
}

function wholeMonth(period: { from: string; to: string }): boolean {
  if (!period.from.endsWith("-01") || period.from.slice(0, 7) !== period.to.slice(0, 7)) return false;
  const [y, m] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  return Number(period.to.slice(8, 10)) === new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "2026-11-24" or "2026-11" → "November 2026". */
function monthText(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
