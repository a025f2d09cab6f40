/**
 * Scheduled and recurring transfers in the chat: the receipt when one is stored, listing them, and
 * cancelling one (picked from the customer's own list, confirmed before anything changes).
 */
import { CONFIRMATION_TTL_MS } from "../config.js";
import { derivedId, type StepContext } from "../context.js";
import { accountLabel, cleanName, confirmActions, moneyText, quickReply, quoted, reply } from "../render.js";
import { dateText, repeatText, scheduleText } from "../schedule-text.js";
import { recentlySettled, settle } from "../state.js";
import { occurrenceAt, weekday } from "../../money/schedule.js";
import type {
  EffectErrorCode,
  EffectResult,
  Entities,
  Execution,
  IntentTag,
  ScheduleTransferEffect,
  ScheduledTransferView,
  SchedulesTask,
} from "../types.js";
import { parseView } from "../views.js";
import { explainLoadFailure, isoDay } from "./wording.js";
import { isPaymentExecution } from "./card-payment.js";

const MAX_LISTED = 10;

export function scheduleDone(execution: Execution, now: number) {
  const effect = execution.effect as ScheduleTransferEffect;
  const to = execution.receipt.kind === "transfer" ? execution.receipt.toLabel : "the recipient";
  // A bill payment reads as one, so "scheduled" is never taken for money already paid.
  const bill = isPaymentExecution(execution);
  const what = bill ? `a payment of ${moneyText(effect.amount)}` : moneyText(effect.amount);
  const moved = bill ? "paid" : "sent";
  return reply(
    execution.intent,
    `Done — I've scheduled ${what} to ${to} ${scheduleText(effect.schedule, isoDay(now))}. ` +
      `Nothing has been ${moved} yet. If there isn't enough money on the day, nothing is ${moved} and I'll tell you.`,
    { actions: [quickReply("My scheduled payments", "what payments do I have scheduled?")] },
  );
}

export function scheduleFailed(execution: Execution, code: EffectErrorCode) {
  const text =
    code === "unavailable" || code === "conflict"
      ? "I couldn't confirm whether that schedule was saved. Please ask me for your scheduled payments before trying again — it won't be saved twice."
      : code === "not_found"
        ? "I couldn't set up that schedule: I couldn't find that account or payee any more. Nothing was scheduled."
        : "I couldn't set up that schedule: the bank couldn't accept those details. Nothing was scheduled.";
  return reply(execution.intent, text, { actions: [quickReply("My scheduled payments", "what payments do I have scheduled?")] });
}

/**
 * "cancel my transfer tomorrow" reads to the model as the question about cancelling a sent transfer;
 * a cancel that names a day to come can only mean a scheduled one.
 */
export function cancelsScheduled(intent: IntentTag, e: Entities): boolean {
  return intent.name === "cancel_transfer" && e.cancelRequest === true && Boolean(e.timing?.schedule);
}

/**
 * "cancel it" / "cancel that" right after a scheduled transfer was confirmed (a cancel word, not a
 * bare "never mind"): that schedule
 * (the last confirmation settled, within the repeat-yes window) is offered for cancelling, with its
 * own confirmation. It got "There's nothing in progress to cancel". False when nothing was just scheduled.
 */
export function cancelJustScheduled(ctx: StepContext, intent: IntentTag, e: Entities): boolean {
  const last = recentlySettled(ctx.state, ctx.now);
  if (!last?.scheduleId || last.outcome !== "done") return false;
  if (!e.no || !e.cancelRequest || e.amount || e.payeeName || e.accountRefs.length > 0 || e.timing?.schedule) return false;
  offerCancel(ctx, intent, last.scheduleId);
  return true;
}

/**
 * sweep23: "can i change that to 150?" right after a schedule was confirmed: a schedule is not
 * changed in place, so Teller says so and offers to cancel it (its own confirmation); the new
 * amount is then a new request. It got "Sorry, I can't help with that." False when nothing was
 * just scheduled or the message is no new amount alone.
 */
export function changeJustScheduled(ctx: StepContext, intent: IntentTag, e: Entities): boolean {
  const last = recentlySettled(ctx.state, ctx.now);
  if (ctx.state.task || !last?.scheduleId || last.outcome !== "done") return false;
  if (!e.query?.correction || !e.amount || "invalid" in e.amount || e.payeeName || e.accountRefs.length > 0) return false;
  ctx.state.consecutiveFallbacks = 0;
  // flows24: it offered only the cancel, and the $150 schedule was never set up. One card now does
  // both (the old one cancelled, the rest of it set up at the new amount); nothing changes before its Yes.
  ctx.replies.push(
    reply(intent, `That payment is already scheduled, and I can't change a schedule in place: I can cancel it and set up the same schedule at ${moneyText(e.amount)} instead.`),
  );
  offerCancel(ctx, intent, last.scheduleId, { amount: { minor: e.amount.minor, currency: e.amount.currency } });
  return true;
}

function offerCancel(ctx: StepContext, intent: IntentTag, scheduleId: string, replace?: SchedulesTask["replace"]): void {
  const effectId = derivedId(ctx, "schedules");
  ctx.state.task = {
    kind: "schedules",
    intent: { name: "scheduled_payments", confidence: intent.confidence },
    mode: "cancel",
    waitingFor: effectId,
    filter: { scheduleId },
    chosen: null,
    confirmation: null,
    ...(replace ? { replace } : {}),
  };
  ctx.effects.push({ kind: "load", effectId, what: "schedules" });
}

/** "what payments do I have scheduled?" or "cancel my Friday payment to Jordan". */
export function startSchedules(ctx: StepContext, intent: IntentTag, e: Entities): void {
  const effectId = derivedId(ctx, "schedules");
  const filter: SchedulesTask["filter"] = {};
  if (e.payeeName?.trim()) filter.payeeName = e.payeeName;
  if (e.weekday !== undefined) filter.weekday = e.weekday;
  if (e.amount && !("invalid" in e.amount)) filter.amountMinor = e.amount.minor;
  // "cancel my transfer tomorrow": the one date named picks the payment due that day.
  const day = e.timing?.schedule;
  if (day && !day.repeat) filter.date = day.start;
  ctx.state.task = {
    kind: "schedules",
    intent,
    mode: e.cancelRequest ? "cancel" : "list",
    waitingFor: effectId,
    filter,
    chosen: null,
    confirmation: null,
  };
  ctx.effects.push({ kind: "load", effectId, what: "schedules" });
}

function describe(s: ScheduledTransferView, now: number): string {
  const to = s.to.kind === "payee" ? quoted(s.to.name) : cleanName(s.to.name);
  const when = s.schedule.repeat ? repeatText(s.schedule) : `on ${dateText(s.schedule.start)}`;
  const next = s.nextRunDate && s.schedule.repeat ? `, next on ${dateText(s.nextRunDate)}` : "";
  void now;
  return `${moneyText(s.amount)} to ${to} from ${accountLabel(s.fromAccount)}, ${when}${next}`;
}

function matches(s: ScheduledTransferView, filter: SchedulesTask["filter"]): boolean {
  if (filter.scheduleId !== undefined && s.id !== filter.scheduleId) return false;
  if (filter.amountMinor !== undefined && s.amount.minor !== filter.amountMinor) return false;
  if (filter.date !== undefined && (s.nextRunDate ?? s.schedule.start) !== filter.date) return false;
  if (filter.weekday !== undefined) {
    const day = s.nextRunDate ?? s.schedule.start;
    const weekly = s.schedule.repeat?.unit === "week" || !s.schedule.repeat;
    if (!weekly || weekday(day) !== filter.weekday) return false;
  }
  if (filter.payeeName !== undefined) {
    const words = cleanName(filter.payeeName, 200).toLowerCase().split(" ");
    const name = cleanName(s.to.name, 200).toLowerCase().split(" ");
    if (!words.every((w) => name.some((part) => part.startsWith(w)))) return false;
  }
  return true;
}

export const NONE_SCHEDULED =
  "You don't have any scheduled or recurring payments set up in Teller. Payments that companies take themselves, like subscriptions or a bill on autopay, aren't set up here: they show in your transactions as they're taken.";

export function onSchedulesData(ctx: StepContext, task: SchedulesTask, result: EffectResult): void {
  task.waitingFor = null;
  const all = result.ok ? parseView("scheduledTransfers", result.data) : null;
  if (!all) {
    ctx.state.task = null;
    ctx.replies.push(explainLoadFailure(task.intent, result));
    return;
  }
  const active = all.filter((s) => s.status === "active");
  if (active.length === 0) {
    ctx.state.task = null;
    // Session 27: "what are my recurring payments" said none beside a monthly rent and subscriptions:
    // what companies take themselves is never scheduled here, and is said so.
    ctx.replies.push(reply(task.intent, NONE_SCHEDULED, { actions: [quickReply("My subscriptions", "Do I have any subscriptions?"), quickReply("Recent transactions", "Show my recent transactions")] }));
    return;
  }
  const lines = active.slice(0, MAX_LISTED).map((s) => `• ${describe(s, ctx.now)}`);
  const more = active.length > MAX_LISTED ? `\n…and ${active.length - MAX_LISTED} more (see the app).` : "";
  if (task.mode === "list") {
    ctx.state.task = null;
    const head = active.length === 1 ? "You have one scheduled payment:" : `You have ${active.length} scheduled payments:`;
    ctx.replies.push(reply(task.intent, `${head}\n${lines.join("\n")}${more}`));
    return;
  }
  const candidates = active.filter((s) => matches(s, task.filter));
  if (candidates.length !== 1) {
    ctx.state.task = null;
    const lead =
      candidates.length === 0
        ? "I couldn't find a scheduled payment like that, so I haven't cancelled anything."
        : "More than one scheduled payment matches, so I haven't cancelled anything. Tell me which one (the payee and the day, for example).";
    ctx.replies.push(reply(task.intent, `${lead} Your scheduled payments:\n${lines.join("\n")}${more}`));
    return;
  }
  const chosen = candidates[0]!;
  task.chosen = chosen;
  const summary = task.replace
    ? replacementSummary(task.replace, chosen, ctx.now)
    : `Cancel your scheduled payment of ${describe(chosen, ctx.now)}? Payments already made are not affected.`;
  task.confirmation = { id: ctx.newId, summary, expiresAt: ctx.now + CONFIRMATION_TTL_MS };
  ctx.replies.push(reply(task.intent, summary, { actions: confirmActions(ctx.newId), confirmation: task.confirmation }));
}

/** "yes" to the cancel confirmation: the cancel effect; its result finishes the task. */
export function executeCancel(ctx: StepContext, task: SchedulesTask): void {
  const confirmation = task.confirmation!;
  settle(ctx.state, confirmation.id, "done", ctx.now);
  task.confirmation = null;
  // The replacement is stored under this confirmation's key once the cancel is done (flows/schedule-change.ts).
  if (task.replace) task.replace.acceptedId = confirmation.id;
  const effectId = derivedId(ctx, "cancel_schedule");
  task.waitingFor = effectId;
  ctx.effects.push({ kind: "cancel_schedule", effectId, scheduleId: task.chosen!.id });
}

export function onCancelResult(ctx: StepContext, task: SchedulesTask, result: EffectResult): void {
  ctx.state.task = null;
  const cancelled = result.ok ? parseView("scheduledTransfer", result.data) : null;
  if (!cancelled) {
    ctx.replies.push(
      reply(task.intent, "I couldn't cancel that scheduled payment just now. Please ask me for your scheduled payments to check, then try again."),
    );
    return;
  }
  ctx.replies.push(reply(task.intent, `Done — I've cancelled the scheduled payment of ${describe(cancelled, ctx.now)}. Nothing more will be ${cancelled.to.bill ? "paid" : "sent"}.`.replace(/, next on [^.]*\./, ".")));
}

/** The rest of `chosen` (from its next run, the runs left) at the new amount, and the card that says both. */
function replacementSummary(replace: NonNullable<SchedulesTask["replace"]>, chosen: ScheduledTransferView, now: number): string {
  const { repeat, until, count } = chosen.schedule;
  const start = chosen.nextRunDate ?? chosen.schedule.start;
  // The runs before the next one are done (as dated by the schedule itself; the view may not say).
  let done = 0;
  while (count !== undefined && done < count && (occurrenceAt(chosen.schedule, done) ?? start) < start) done++;
  replace.schedule = {
    start,
    ...(repeat ? { repeat } : {}),
    ...(until ? { until } : {}),
    ...(count !== undefined ? { count: Math.max(1, count - done) } : {}),
  };
  replace.amount = { minor: replace.amount.minor, currency: chosen.amount.currency };
  const to = chosen.to.kind === "payee" ? quoted(chosen.to.name) : cleanName(chosen.to.name);
  return (
    `Cancel your scheduled payment of ${describe(chosen, now)}, and instead set up ${moneyText(replace.amount)} to ${to} ` +
    `${scheduleText(replace.schedule, isoDay(now))}? Nothing is ${chosen.to.bill ? "paid" : "sent"} now.`
  );
}

/** Routing for an open schedules task: only yes/no act on its confirmation. */
export function continueSchedules(ctx: StepContext, task: SchedulesTask, e: Entities): "used" | "new_topic" {
  if (task.confirmation && e.yes && !e.no) {
    executeCancel(ctx, task);
    return "used";
  }
  if (task.confirmation && e.no && !e.yes) {
    settle(ctx.state, task.confirmation.id, "cancelled", ctx.now);
    ctx.state.task = null;
    ctx.replies.push(reply(task.intent, "OK, I've kept that scheduled payment as it is."));
    return "used";
  }
  return "new_topic";
}

/** What the customer reads in their next conversation when an occurrence could not be sent. */
export function scheduleFailureNotice(view: ScheduledTransferView, occurrenceDate: string, errorCode: string) {
  const to = view.to.kind === "payee" ? quoted(view.to.name) : accountLabel({ name: view.to.name, mask: view.to.mask ?? "" });
  const why =
    errorCode === "insufficient_funds"
      ? `there wasn't enough available in ${accountLabel(view.fromAccount)}`
      : errorCode === "limit_exceeded"
        ? "it would have gone over your transfer limit"
        : errorCode === "not_found"
          ? "that account or payee isn't available any more"
          : "the bank couldn't accept it";
  const next =
    view.status === "active" && view.nextRunDate ? ` Your next scheduled payment is on ${dateText(view.nextRunDate)}.` : "";
  return reply(
    { name: "scheduled_payments", confidence: 1 },
    `Your scheduled payment of ${moneyText(view.amount)} to ${to} on ${dateText(occurrenceDate)} didn't go through: ${why}. Nothing was ${view.to.bill ? "paid" : "sent"}.${next}`,
    { actions: [quickReply("Check my balance"), quickReply("My scheduled payments", "what payments do I have scheduled?")] },
  );
}
