/**
 * A transfer's slots from what one message says (flows/transfer.ts): the timing, the amount, and
 * the accounts and payee it names, resolved only against the customer's own accounts and payees.
 * Returns what to tell the customer about values that could not be used.
 */
import type { AccountOption, Entities, PayeeOption, TransferSlot, TransferTask } from "../types.js";
import { applyPayee } from "./transfer-payees.js";
import { moneyText } from "../render.js";
import { matchAccounts, refText, sameRef, withArticle } from "./transfer-accounts.js";

export function applyEntities(task: TransferTask, accounts: AccountOption[], payees: PayeeOption[], e: Entities): string[] {
  const notes: string[] = [];
  if (e.timing) {
    // Each new mention of timing replaces the last; one that cannot be honoured blocks the
    // confirmation until the customer chooses again (never silently "now").
    task.schedule = e.timing.problems.length === 0 ? e.timing.schedule : undefined;
    task.timingProblems = e.timing.problems.length > 0 ? e.timing.problems : undefined;
    task.sameDay = e.timing.sameDay !== undefined && !e.timing.schedule ? true : undefined;
  }
  if (e.amount !== undefined) {
    task.amountAll = task.amountHalf = task.payMinimum = task.payStatement = task.payCurrent = false;
    task.amountPercent = undefined;
  }
  else if (e.query?.minimumPayment || e.query?.statementBalance) {
    // "Pay the minimum" / "the statement balance": the statement's figure, worked out when the amount is asked.
    task.payMinimum = e.query.minimumPayment === true;
    task.payStatement = e.query.statementBalance === true;
    task.payCurrent = false;
    task.amount = undefined;
  } else if (e.query?.amountAll) {
    // "Everything": the figure is the source's available balance, worked out once it is known.
    task.amountAll = true;
    task.amountHalf = false;
    task.amount = undefined;
  } else if (e.query?.amountHalf) {
    // "Half my savings": half the source's available balance, worked out (and shown) once it is known.
    task.amountHalf = true;
    task.amountAll = false;
    task.amountPercent = undefined;
    task.amount = undefined;
  } else if (e.query?.amountPercent) {
    // "20% of my balance": that share, worked out (and shown) as half is.
    task.amountPercent = e.query.amountPercent;
    task.amountAll = task.amountHalf = false;
    task.amount = undefined;
  }
  if (e.amount !== undefined || e.amountChoices !== undefined) task.amountOptions = undefined;
  if (e.amountChoices && e.amountChoices.length > 1) {
    // "send 10 and 20 to Jordan": one amount would be a guess (it took the first, $10.00, in silence).
    task.amount = undefined;
    task.amountAll = false;
    task.amountOptions = e.amountChoices.slice(0, 4);
    notes.push(`You said ${e.amountChoices.map(moneyText).join(" and ")}: I can send one amount at a time.`);
  } else if (e.amount !== undefined) {
    if ("invalid" in e.amount) {
      task.amount = undefined;
      if (e.amount.readings && e.amount.readings.length === 2) task.amountOptions = e.amount.readings;
      notes.push(
        e.amount.invalid === "negative"
          ? "The amount needs to be more than zero."
          : e.amount.invalid === "too_large"
            ? "That amount is far larger than I can send."
            : e.amount.invalid === "currency"
              ? "I can't send that currency: a transfer is made in your account's own currency, so I haven't used that amount."
              : e.amount.invalid === "vague"
                ? "That could be several amounts, so I haven't guessed one."
              : e.amount.readings && e.amount.readings.length === 2
                ? `I couldn't tell whether you meant ${e.amount.readings.map(moneyText).join(" or ")}.`
                : "I couldn't read that amount.",
      );
    } else if (!Number.isSafeInteger(e.amount.minor) || e.amount.minor <= 0) {
      task.amount = undefined;
      notes.push("The amount needs to be more than zero.");
    } else {
      task.amount = { minor: e.amount.minor, currency: e.amount.currency };
    }
  }

  const namedPayee = e.payeeName !== undefined || e.unknownPayee !== undefined || e.payeeChoices !== undefined;
  // "pay 100 on my credit card": money never leaves a credit account by chat, so one named without a
  // role is where the money goes (a card payment) — unless it answers "Which account … from?".
  const cardPaid =
    e.toRef === undefined && !namedPayee && task.asking !== "from" ? e.accountRefs.find((r) => r === "credit" && r !== e.fromRef) : undefined;
  const unroled = e.accountRefs.filter(
    (r) => !(e.fromRef && sameRef(r, e.fromRef)) && !(e.toRef && sameRef(r, e.toRef)) && r !== cardPaid,
  );
  if (cardPaid) e = { ...e, toRef: cardPaid };
  // Refs without a role fill the slot just asked for, then empty slots in reading order
  // ("checking to savings"); a lone ref with nothing empty corrects the source.
  const open: TransferSlot[] = [];
  const taken = (slot: TransferSlot) => (slot === "from" ? e.fromRef !== undefined : e.toRef !== undefined || namedPayee);
  if ((task.asking === "from" || task.asking === "to") && !taken(task.asking)) open.push(task.asking);
  if (!open.includes("from") && !taken("from") && task.from === undefined) open.push("from");
  if (!open.includes("to") && !taken("to") && task.to === undefined) open.push("to");
  if (open.length === 0 && !taken("from")) open.push("from");

  const fromRef = e.fromRef ?? (open[0] === "from" ? unroled[0] : open[1] === "from" ? unroled[1] : undefined);
  const toRef = e.toRef ?? (open[0] === "to" ? unroled[0] : open[1] === "to" ? unroled[1] : undefined);

  if (fromRef) {
    const matches = matchAccounts(accounts, fromRef);
    const eligible = matches.filter((a) => a.type !== "credit");
    task.from = eligible.length === 1 ? eligible[0]!.id : undefined;
    if (matches.length === 0) notes.push(`I couldn't find ${withArticle(refText(fromRef))} among your accounts.`);
    else if (eligible.length === 0) notes.push("I can't send money from a credit account by chat.");
    else if (eligible.length > 1) notes.push(`You have more than one ${refText(fromRef)}.`);
  }
  if ((e.toRef !== undefined && namesSomeoneElse(e, task, payees)) || e.otherRecipient !== undefined) {
    // "send 10 to Jordan and 20 to my savings": two recipients. Whichever one the card named, an
    // amount would go where it wasn't asked to (it sent Jordan's $10 to savings), so neither is
    // taken, nor the amount said with them: who first, one transfer at a time. So with two saved
    // payees ("pay Mom 20 and Jake 30").
    task.to = undefined;
    if (e.amount !== undefined || e.query?.amountAll) task.amount = undefined;
    task.amountAll = false;
    task.asking = "to";
    notes.push("I can send to one recipient at a time.");
  } else if (toRef) {
    const matches = matchAccounts(accounts, toRef);
    task.to = matches.length === 1 ? { accountId: matches[0]!.id } : undefined;
    // explore30: "move 500 to savings" while a card payment asked how much got "Pay $500.00 to
    // Savings …?" and "I've cancelled that bill payment": money between own accounts is no bill.
    if (task.intent.name === "pay_bill" && matches.length === 1 && matches[0]!.type !== "credit") task.intent = { ...task.intent, name: "transfer" };
    // crowd30: "move $75.50 to checking" under "Send $200.00 from checking to savings?" kept the earlier
    // source and got "The money needs to go to a different account…" and "Who should I send it to?".
    // A destination that is the source an earlier turn named, with no source named now, leaves the
    // source to be chosen again, as for the request said alone (the confirmation shows it).
    if (!fromRef && task.to && "accountId" in task.to && task.to.accountId === task.from) task.from = undefined;
    if (matches.length === 0 && toRef === "credit") notes.push("You don't have a credit card with us.");
    else if (matches.length === 0) notes.push(`I couldn't find ${withArticle(refText(toRef))} among your accounts.`);
    else if (matches.length > 1) notes.push(`You have more than one ${refText(toRef)}.`);
  } else {
    const payeeNotes = applyPayee(task, payees, e);
    // "wire $2,000 to my father" with no such payee: who comes next, before which account.
    if (payeeNotes.length > 0 && task.to === undefined) task.asking = "to";
    notes.push(...payeeNotes);
  }
  return notes;
}

/** An account's own name read as a recipient's ("to my creditcard") is no second recipient. */
const ACCOUNT_WORDS = /\b(?:credit\s*cards?|cards?|checking|chequing|savings?|account)\b/i;

/**
 * A payee named beside a destination account: someone besides the account. The payee the transfer
 * already goes to, named again, is the one being replaced ("wait, not Jordan, send it to my savings").
 */
function namesSomeoneElse(e: Entities, task: TransferTask, payees: PayeeOption[]): boolean {
  const to = task.to;
  const current = to && "payeeId" in to ? payees.find((p) => p.id === to.payeeId) : undefined;
  if (e.payeeName !== undefined) return e.payeeName.toLowerCase() !== current?.name.toLowerCase();
  if (e.payeeChoices !== undefined) return true;
  return e.unknownPayee !== undefined && !ACCOUNT_WORDS.test(e.unknownPayee);
}
