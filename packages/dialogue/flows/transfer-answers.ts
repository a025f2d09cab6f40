/**
 * A transfer's answers: which messages carry slot values, which short message answers the question
 * just asked, and a value given or changed (a correction), acknowledged and re-validated before the
 * next question or a new confirmation (transfer-questions.ts).
 */
import { MAX_UNRESOLVED_TURNS } from "../config.js";
import type { StepContext } from "../context.js";
import { accountLabel, moneyText } from "../render.js";
import { settle } from "../state.js";
import type { Entities, TransferSlot, TransferTask } from "../types.js";
import { applyEntities } from "./transfer-slots.js";
import { advance, describeDestination, proposeSource } from "./transfer-questions.js";

/** Does the message carry anything a transfer slot can use? */
/**
 * "actually only half that", "double it": the amount given so far, halved or doubled, as if the figure
 * had been said (sweep17: "Sorry, I didn't catch that."). Nothing to scale, or a figure said: as is.
 */
export function withScaledAmount(task: TransferTask, e: Entities): Entities {
  const scale = e.query?.amountScale;
  if (!scale || e.amount !== undefined || !task.amount) return e;
  return { ...e, amount: { minor: Math.round(task.amount.minor * scale), currency: task.amount.currency } };
}

export function hasTransferEntities(e: Entities): boolean {
  return (
    e.amount !== undefined ||
    e.accountRefs.length > 0 ||
    e.fromRef !== undefined ||
    e.toRef !== undefined ||
    namesPayee(e) ||
    e.timing !== undefined
  );
}

// "and another 20 to savings", "send 30 to savings too": money to somewhere more, not instead.
const ANOTHER = /\b(?:another|also|too|as well|additionally)\b/i;

/**
 * Under a confirmation, a destination said with "another"/"also"/"too" is a second transfer: it
 * replaced the one on the card (whose yes had just been given in "yes and send 30 to savings too").
 */
export function asksAnotherTransfer(task: TransferTask, e: Entities, text: string): boolean {
  return task.confirmation !== null && (e.toRef !== undefined || namesPayee(e)) && ANOTHER.test(text);
}

/** The message names someone to pay: a saved payee, several that fit, a name that fits none, or a kind of bill. */
export function namesPayee(e: Entities): boolean {
  return (
    (e.payeeName !== undefined && e.payeeName.trim() !== "") ||
    e.unknownPayee !== undefined ||
    e.payeeChoices !== undefined ||
    (e.billerWords !== undefined && e.billerWords.length > 0)
  );
}

/**
 * A short message ("checking", "$30", "Jordan") that carries a value for the slot the last
 * question asked for. It answers that question whatever a classifier makes of a lone word.
 */
export function answersAskedSlot(task: TransferTask, e: Entities, text: string): boolean {
  if (text.trim().split(/\s+/).length > MAX_BARE_ANSWER_WORDS) return false;
  // "checking" under "Pay … from Savings?": a bare account name changes the source.
  if (task.asking === null) return task.confirmation !== null && (e.accountRefs.length > 0 || e.fromRef !== undefined);
  switch (task.asking) {
    case "amount":
      // sweep19: "just the minimum", "the statement balance" under a card payment's "How much?".
      return e.amount !== undefined || e.query?.minimumPayment === true || e.query?.statementBalance === true || bareSource(task, e, text);
    case "from":
      return e.accountRefs.length > 0 || e.fromRef !== undefined;
    case "to":
      return e.accountRefs.length > 0 || e.toRef !== undefined || namesPayee(e);
    case "when":
      return e.timing !== undefined;
  }
}

const MAX_BARE_ANSWER_WORDS = 4;

// explore31: "send money to jordan" → "How much?" → "checking" showed checking's balance and asked
// again. An account's name and nothing else, while the destination is known and the source is not,
// answers the question still to come (which account to send from); "what's in checking?" is a
// question and stays one.
const BARE_ACCOUNT = /^(?:(?:from|use|take\s+it\s+from|out\s+of)\s+)?(?:my\s+|the\s+)?(?:checking|chequing|savings)(?:\s+account)?(?:\s+(?:please|pls))?\s*[.!]?$/i;

function bareSource(task: TransferTask, e: Entities, text: string): boolean {
  return task.from === undefined && task.to !== undefined && e.accountRefs.length === 1 && e.toRef === undefined && BARE_ACCOUNT.test(text.trim());
}

/** A message with slot values (a first answer or a correction); re-validates and asks or confirms. */
export function updateTransfer(ctx: StepContext, task: TransferTask, entities: Entities): void {
  if (!task.accounts || !task.payees) {
    task.unresolved = [...task.unresolved, entities].slice(-MAX_UNRESOLVED_TURNS);
    return;
  }
  const replaced = task.confirmation;
  if (replaced) {
    settle(ctx.state, replaced.id, "replaced", ctx.now);
    task.confirmation = null;
  }
  const before = { amount: task.amount?.minor, from: task.from, to: JSON.stringify(task.to ?? null), asking: task.asking };
  const notes = applyEntities(task, task.accounts, task.payees, entities);
  if (notes.length === 0) proposeSource(task);
  advance(ctx, task, [...acknowledge(task, before, entities), ...notes]);
}

/**
 * "OK, $45." for a value that replaces one already given, or that answers a question other than
 * the one just asked ("actually make it 45" while Teller asked which account).
 */
function acknowledge(
  task: TransferTask,
  before: { amount: number | undefined; from: string | undefined; to: string; asking: TransferSlot | null },
  e: Entities,
): string[] {
  const acks: string[] = [];
  // The amount only when it changed (as the source and destination below): the same request said
  // again ("send 10 to Sam" twice) read "OK, $10.00." as if the customer had corrected it (defects18).
  const amountChanged = task.amount !== undefined && task.amount.minor !== before.amount;
  if (e.amount && !("invalid" in e.amount) && task.amount && amountChanged && (before.amount !== undefined || before.asking !== "amount")) {
    acks.push(`${moneyText(task.amount)}`);
  }
  const from = task.accounts?.find((a) => a.id === task.from);
  // …and a source said while the amount was asked ("checking" at "How much?"): taken, and said so.
  const namedAlone = before.asking === "amount" && !e.amount && (e.accountRefs.length > 0 || e.fromRef !== undefined);
  if (from && task.from !== before.from && (before.from !== undefined || namedAlone)) acks.push(`from ${accountLabel(from)}`);
  const to = task.to ? describeDestination(task, task.to) : null;
  if (to && JSON.stringify(task.to) !== before.to && before.to !== "null") acks.push(`to ${to.label}`);
  return acks.length > 0 ? [`OK, ${acks.join(", ")}.`] : [];
}


// "not that account", "wrong account", "use a different account": the source shown is not the one.
const OTHER_SOURCE =
  /^(?:(?:no+|nope|wait|hmm|sorry)[,.!]?\s+)*(?:not\s+(?:that|this|the\s+right|from\s+that)\s+(?:account|one)|(?:that's\s+|it's\s+)?(?:the\s+)?wrong\s+account|(?:use\s+|from\s+)?(?:a\s+)?(?:different|another|other)\s+account|(?:use\s+|from\s+)?the\s+other\s+one)[\s.!]*$/i;

/**
 * "not that account" under a transfer that has its source: the source is asked again (the card
 * shown is replaced, so its Yes no longer sends). It read as closing an account, got that written
 * answer, and the same card came back. True if handled.
 */
export function rejectsSource(ctx: StepContext, task: TransferTask, text: string): boolean {
  if (!task.accounts || !task.payees || task.from === undefined || !OTHER_SOURCE.test(text.trim())) return false;
  if (task.confirmation) {
    settle(ctx.state, task.confirmation.id, "replaced", ctx.now);
    task.confirmation = null;
  }
  // "no, the other one": with one other account that can send it, that one (it asked again,
  // offering the account just turned down among the choices).
  const rejected = task.from;
  const toAccount = task.to && "accountId" in task.to ? task.to.accountId : undefined;
  const others = task.accounts.filter((a) => a.type !== "credit" && a.id !== rejected && a.id !== toAccount);
  task.from = others.length === 1 ? others[0]!.id : undefined;
  if (rejected !== undefined) task.notFrom = rejected;
  advance(ctx, task, [others.length === 1 ? `OK, from ${accountLabel(others[0]!)}.` : "OK, not that one."]);
  return true;
}
