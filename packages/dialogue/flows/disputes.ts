/**
 * Disputes: "I don't recognise this charge", "dispute the Amazon charge", "I was charged twice".
 * Teller finds the charges that could be meant among the customer's own transactions, the
 * customer picks one (numbered quick replies), and the case is recorded in Postgres with a
 * reference. Nothing moves, so no confirmation is needed to open a case; a suspected fraud is
 * offered a card freeze (which does need a Yes) and handed to a person, who decides.
 */
import { CONFIRMATION_TTL_MS } from "../config.js";
import { derivedId, type StepContext } from "../context.js";
import { cardLabel, cleanName, confirmActions, quickReply, quoted, reply, sizeText } from "../render.js";
import type { CardTask, DisputeReason, DisputeTask, DisputeView, EffectResult, Entities, IntentTag, Reply, TransactionView } from "../types.js";
import { parseView } from "../views.js";
import { chargeHints, narrowCharges } from "./charge-hints.js";
import { shownChargeHints } from "./dispute-shown.js";
import { handOff } from "./conversation.js";
import { rememberDisputes } from "./dispute-follow-up.js";
import { dateText, explainLoadFailure, isoDay } from "./wording.js";
import { categoryOf } from "../../nlu/entities/spending.js";

const DAY_MS = 86_400_000;
const SEARCH_DAYS = 90;
const MAX_CANDIDATES = 5;
/** Two identical charges this close together look like one charged twice. */
const DUPLICATE_WINDOW_MS = 3 * DAY_MS;

/** BANKING77 topics that mean a dispute when the customer points at a charge. */
const DISPUTE_FAQS = new Set(["card_payment_not_recognised", "transaction_charged_twice", "direct_debit_payment_not_recognised"]);

export function isDisputeRequest(intent: IntentTag, e: Entities): boolean {
  if (e.query?.dispute === "list") return false;
  return intent.name === "dispute" || e.query?.dispute === "open" || (DISPUTE_FAQS.has(intent.name) && e.query?.chargeRef === true);
}

export function isDisputeList(intent: IntentTag, e: Entities): boolean {
  return intent.name === "list_disputes" || e.query?.dispute === "list";
}

export function startDispute(ctx: StepContext, intent: IntentTag, e: Entities, text = "", said = chargeHints(e, text)): void {
  const reason: DisputeReason =
    e.query?.disputeReason ??
    (intent.name === "transaction_charged_twice" ? "duplicate" : intent.name.endsWith("not_recognised") ? "unrecognised" : "other");
  // "dispute it" right after an answer that named one charge: that charge (flows/dispute-shown.ts).
  const shown = shownChargeHints(ctx, e, text);
  const hints = shown?.hints ?? said;
  const named = e.query?.chargeMerchant ?? e.merchant ?? shown?.merchant;
  // Session 29: "i was charged twice at the gas station" searched for a merchant called "gas": a kind
  // of place is its spending category, whose name the search matches as it matches a merchant's.
  const category = named && !shown?.merchant ? categoryOf(named) : undefined;
  const merchant = category ? undefined : named;
  const effectId = derivedId(ctx, "dispute-candidates");
  const today = isoDay(ctx.now);
  const from = isoDay(ctx.now - (SEARCH_DAYS - 1) * DAY_MS);
  const task: DisputeTask = {
    kind: "dispute",
    intent: { name: "dispute", confidence: intent.confidence },
    reason,
    ...(merchant ? { merchant: cleanName(merchant, 40) } : {}),
    ...(category ? { category } : {}),
    waitingFor: effectId,
    candidates: [],
    hints,
    confirmation: null,
  };
  ctx.state.task = task;
  ctx.effects.push({
    kind: "load",
    effectId,
    what: "transactions",
    query: { from, to: today, limit: 100, ...(task.merchant || category ? { merchant: task.merchant ?? category } : {}) },
  });
}

/** A result for the dispute being set up: its candidates, the recorded case, or the cards. */
export function onDisputeData(ctx: StepContext, task: DisputeTask, effectId: string, result: EffectResult): void {
  task.waitingFor = null;
  if (!result.ok) {
    ctx.state.task = null;
    ctx.replies.push(explainLoadFailure(task.intent, result));
    return;
  }
  if (effectId.endsWith(":dispute-candidates")) return offerCandidates(ctx, task, result.data);
  if (effectId.endsWith(":dispute-open")) return recorded(ctx, task, result.data);
  if (effectId.endsWith(":dispute-cards")) return offerFreeze(ctx, task, result.data);
}

function offerCandidates(ctx: StepContext, task: DisputeTask, data: unknown): void {
  const rows = parseView("transactions", data);
  if (!rows) {
    ctx.state.task = null;
    ctx.replies.push(explainLoadFailure(task.intent, { ok: false, error: { code: "invalid" } }));
    return;
  }
  // Card and merchant charges only: a transfer the customer made themselves is not disputed here.
  const out = rows.filter((t) => t.amount.minor < 0 && t.category.toLowerCase() !== "transfers");
  const found = task.reason === "duplicate" ? duplicates(out) : out;
  // "the 42.10 at shell yesterday": the charges that fit what was said (all of them if none does).
  const picked = task.hints ? narrowCharges(found, task.hints).rows : found;
  delete task.hints;
  task.candidates = picked.slice(0, MAX_CANDIDATES).map((t) => ({
    id: t.id,
    merchant: t.merchant,
    amount: t.amount,
    postedAt: t.postedAt,
    status: t.status,
    ...(t.accountId ? { accountId: t.accountId } : {}),
  }));
  if (task.candidates.length === 0 && task.reason === "duplicate" && task.merchant && out.length > 0) {
    ctx.state.task = null;
    ctx.replies.push(notTwice(task, out));
    // explore30: "the 79.84 one" next set up a transfer of $79.84 ("Who should I send it to?"): it
    // points at one of the charges just listed (flows/dispute-offer.ts answers it).
    ctx.state.offer = { kind: "dispute", reason: "other", at: ctx.now, merchant: task.merchant! };
    return;
  }
  if (task.candidates.length === 0) {
    ctx.state.task = null;
    const from = task.merchant ? ` from ${quoted(task.merchant)}` : task.category ? ` for ${task.category}` : "";
    // "did netflix charge me twice" with no charge from it at all: there is no charge, let alone two.
    const what = task.reason === "duplicate" && out.length > 0 ? `two identical charges${from}` : `a charge${from}`;
    ctx.replies.push(
      reply(task.intent, `I couldn't find ${what} in the last ${SEARCH_DAYS} days, so there's nothing I can dispute here. A member of our team can look into it with you.`, {
        actions: [quickReply("Talk to a person"), quickReply("Recent transactions", "Show my recent transactions")],
      }),
    );
    return;
  }
  ctx.replies.push(askWhich(task, ""));
}

/**
 * explore26: "did streamflix charge me twice" when it did not got the general answer on duplicates.
 * The merchant's own charges say so: each one, none repeated within a few days. Nothing is opened.
 */
function notTwice(task: DisputeTask, rows: TransactionView[]): Reply {
  const names = new Set(rows.map((t) => t.merchant));
  const name = names.size === 1 ? rows[0]!.merchant : task.merchant!;
  const shown = rows.slice(0, MAX_CANDIDATES).map((t) => `${sizeText(t.amount)} on ${dateText(t.postedAt)}`);
  const more = rows.length > shown.length ? ` and ${rows.length - shown.length} more` : "";
  const list = rows.length === 1 ? `its only charge in the last ${SEARCH_DAYS} days is ${shown[0]}` : `its charges in the last ${SEARCH_DAYS} days are ${shown.slice(0, -1).join(", ")}${more ? `, ${shown.at(-1)!}${more}` : ` and ${shown.at(-1)!}`}, none of them repeated`;
  return reply(task.intent, `I can't see ${quoted(name)} charging you twice: ${list}. If one of them looks wrong, I can open a dispute for it.`, {
    actions: [quickReply("Dispute a charge", `dispute a charge from ${cleanName(name, 40)}`), quickReply("Talk to a person")],
  });
}

/**
 * Both charges of each pair that repeats (same merchant and amount, within a few days), the earlier
 * first: "the first one" / "the second one" then mean the charges in the order they were made.
 * flows24: only the repeat was listed, so "the second one" got "There's no charge number 2."
 */
function duplicates<T extends { merchant: string; amount: { minor: number }; postedAt: string }>(rows: T[]): T[] {
  const twins = (t: T, o: T) =>
    t !== o && o.merchant === t.merchant && o.amount.minor === t.amount.minor && Math.abs(Date.parse(t.postedAt) - Date.parse(o.postedAt)) <= DUPLICATE_WINDOW_MS;
  const found: T[] = [];
  for (const t of rows) {
    if (found.includes(t) || !rows.some((o) => twins(t, o))) continue;
    // The charge with every repeat of it (newest first as loaded), listed oldest first.
    const group = rows.filter((o) => o === t || twins(t, o));
    found.push(...group.filter((o) => !found.includes(o)).reverse());
  }
  return found;
}

/** The one pair of a charge made twice: a yes disputes its second, the repeat. */
function onePair(task: DisputeTask): boolean {
  const [a, b] = task.candidates;
  return task.reason === "duplicate" && task.candidates.length === 2 && a!.merchant === b!.merchant && a!.amount.minor === b!.amount.minor;
}

function candidateText(c: DisputeTask["candidates"][number], noun = ""): string {
  const pending = c.status === "pending" ? ", pending" : "";
  return `${sizeText(c.amount)}${noun} at ${quoted(c.merchant)} on ${dateText(c.postedAt)}${pending}`;
}

function askWhich(task: DisputeTask, lead: string): Reply {
  const list = task.candidates.map((c, i) => `${i + 1}. ${candidateText(c)}`).join("; ");
  const question =
    task.candidates.length === 1
      ? `Is this the charge you mean? ${list}.`
      : onePair(task)
        ? `These look like the same charge made twice: ${list}. Shall I dispute the second one? You can also pick the other.`
        : task.reason === "duplicate"
          ? `These look like charges made twice: ${list}. Which one should I dispute?`
          : `Which charge would you like to dispute? ${list}.`;
  return reply(task.intent, `${lead}${question}`, {
    actions: [
      ...task.candidates.map((c, i) => quickReply(`${i + 1}. ${cleanName(c.merchant, 24)}`, `charge ${i + 1}`)),
      quickReply("None of these", "cancel"),
    ],
  });
}

/**
 * The charge of the list a message points at without its number ("the 42.10 one", "the one from
 * yesterday"), as its number; undefined unless exactly one fits. A message naming someone or an
 * account, a question or a "no" points at none, whatever figure it holds.
 */
export function describedCharge(task: DisputeTask, e: Entities, text: string): number | undefined {
  if (task.waitingFor || task.candidates.length === 0 || e.query?.question || e.no) return undefined;
  if (e.payeeName || e.unknownPayee || e.accountRefs.length > 0) return undefined;
  const { rows, matched } = narrowCharges(task.candidates, chargeHints(e, text));
  return matched && rows.length === 1 ? task.candidates.indexOf(rows[0]!) + 1 : undefined;
}

// explore26: the list's own "None of these", typed ("none of them", "neither", "it's not there",
// "not listed"), got "Sorry, I didn't catch that." and the list again: it ends the dispute as the button does.
const NONE_OF_THEM =
  /^(?:(?:no|nope|nah|hmm|um+|sorry|actually)[,.!\s]+)*(?:none(?:\s+of\s+(?:these|those|them|the\s+above|those\s+charges|these\s+charges))?|neither(?:\s+of\s+(?:these|those|them))?|not\s+any\s+of\s+(?:these|those|them)|(?:it'?s|its|it\s+is|it\s+isn'?t|it'?s\s+not|its\s+not|the\s+charge\s+(?:is\s+not|isn'?t))\s*(?:not\s+)?(?:there|listed|on\s+(?:the|this|that)\s+list|in\s+(?:the|this|that)\s+list|here|one\s+of\s+(?:these|those|them))|not\s+(?:there|listed|on\s+(?:the|this|that)\s+list|here|one\s+of\s+(?:these|those|them)))(?:\s+(?:is\s+it|are\s+they|sorry|thanks|please))?[.!\s]*$/i;

/** "none of these", "neither", "it's not listed": the charge meant is not in the list shown. */
export function refusesEveryCharge(text: string): boolean {
  return NONE_OF_THEM.test(text.trim());
}

/** A message while the customer is picking the charge. Returns false if it was no pick at all. */
export function continueDispute(ctx: StepContext, task: DisputeTask, e: Entities, text = ""): boolean {
  if (task.waitingFor) return false;
  const choice = e.query?.choice ?? (e.yes && !e.no ? (task.candidates.length === 1 ? 1 : onePair(task) ? 2 : undefined) : undefined) ?? describedCharge(task, e, text);
  if (choice !== undefined) {
    const picked = task.candidates[choice - 1];
    if (!picked) {
      ctx.replies.push(askWhich(task, `There's no charge number ${choice}. `));
      return true;
    }
    task.candidates = [picked];
    const effectId = derivedId(ctx, "dispute-open");
    task.waitingFor = effectId;
    ctx.effects.push({ kind: "open_dispute", effectId, transactionId: picked.id, reason: task.reason });
    return true;
  }
  if (e.no || e.query?.cancel || refusesEveryCharge(text)) {
    ctx.state.task = null;
    ctx.replies.push(reply(task.intent, "OK, I haven't opened a dispute. A member of our team can help if the charge isn't listed.", {
      actions: [quickReply("Talk to a person")],
    }));
    return true;
  }
  return false;
}

export function repeatDisputeQuestion(ctx: StepContext, task: DisputeTask, lead: string): void {
  if (task.waitingFor) return;
  ctx.replies.push(askWhich(task, `${lead} `));
}

function recorded(ctx: StepContext, task: DisputeTask, data: unknown): void {
  const outcome = parseView("disputeOutcome", data);
  const charge = task.candidates[0];
  if (!outcome || !charge) {
    ctx.state.task = null;
    ctx.replies.push(explainLoadFailure(task.intent, { ok: false, error: { code: "invalid" } }));
    return;
  }
  const d = outcome.dispute;
  const text = outcome.created
    ? `I've opened dispute ${d.reference} for the ${candidateText(charge, " charge")}. Our disputes team will review it and keep you posted; you can ask me for its status any time.`
    : `You already have a dispute for that charge: ${d.reference}, ${statusText(d.status)}. I haven't opened a second one.`;
  ctx.replies.push(reply(task.intent, text, { data: { kind: "disputes", disputes: [d] }, actions: [quickReply("My disputes", "show my disputes")] }));
  rememberDisputes(ctx, d.reference);
  // A charge the customer doesn't recognise may mean the card is in someone else's hands, and a
  // pending charge can only be settled with the merchant: a person decides those.
  if (outcome.created && (task.reason === "unrecognised" || charge.status === "pending")) {
    handOff(ctx, task.intent, "fraud_risk", false);
    ctx.replies.push(reply(task.intent, "A member of our team will also look at this and reply here in this chat."));
  }
  if (task.reason === "unrecognised" && outcome.created) {
    const effectId = derivedId(ctx, "dispute-cards");
    task.waitingFor = effectId;
    ctx.effects.push({ kind: "load", effectId, what: "cards" });
    return;
  }
  ctx.state.task = null;
}

/** After an unrecognised charge: offer to freeze the card it was made with (Yes/No). */
function offerFreeze(ctx: StepContext, task: DisputeTask, data: unknown): void {
  ctx.state.task = null;
  const cards = parseView("cards", data);
  const accountId = task.candidates[0]?.accountId;
  const active = (cards ?? []).filter((c) => c.status === "active" && (!accountId || c.accountId === accountId));
  const card = active.length === 1 ? active[0]! : null;
  if (!card) return;
  const option = { id: card.id, last4: card.last4, status: card.status, ...(card.brand ? { brand: card.brand } : {}) };
  const summary = `Would you like me to freeze ${cardLabel(option)} now, in case someone else has its details? Payments with it will be declined until you unfreeze it.`;
  const confirmation = { id: ctx.newId, summary, expiresAt: ctx.now + CONFIRMATION_TTL_MS };
  const cardTask: CardTask = {
    kind: "card",
    intent: { name: "freeze_card", confidence: task.intent.confidence },
    target: "frozen",
    waitingFor: null,
    last4: card.last4,
    choices: [option],
    chosen: option,
    confirmation,
  };
  ctx.state.task = cardTask;
  ctx.replies.push(reply(cardTask.intent, summary, { actions: confirmActions(confirmation.id), confirmation }));
}

export function statusText(status: DisputeView["status"]): string {
  switch (status) {
    case "open":
      return "open";
    case "under_review":
      return "under review";
    case "resolved":
      return "resolved";
    case "rejected":
      return "closed without a refund";
  }
}

/** "Your disputes: …" for list_disputes. */
export function renderDisputes(intent: IntentTag, disputes: DisputeView[]): Reply {
  if (disputes.length === 0) {
    return reply(intent, "You don't have any disputes with us. If a charge looks wrong, tell me which one and I'll open one.");
  }
  const shown = disputes.slice(0, 5).map(
    (d) =>
      `${d.reference}: ${sizeText(d.amount)} at ${quoted(d.merchant)} on ${dateText(d.postedAt)} — ${statusText(d.status)} (opened ${dateText(d.createdAt)})`,
  );
  const more = disputes.length > shown.length ? ` And ${disputes.length - shown.length} more.` : "";
  const lead = disputes.length === 1 ? "Your dispute" : `Your ${disputes.length} disputes`;
  return reply(intent, `${lead}: ${shown.join("; ")}.${more}`, { data: { kind: "disputes", disputes } });
}
