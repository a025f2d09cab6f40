/** A Yes/No button pressed (engine.ts routes it here before reading the message's words). */
import type { StepContext } from "./context.js";
import { executeCardChange } from "./flows/cards.js";
import { busyExecuting } from "./flows/execution.js";
import { cancelText, endTask, resumeQuestion } from "./flows/interruptions.js";
import { continueSchedules, executeCancel } from "./flows/schedules.js";
import { staleConfirmationText } from "./flows/settled-answers.js";
import { executeTransfer } from "./flows/transfer.js";
import { confirmActions, reply } from "./render.js";
import { pendingConfirmation } from "./state.js";
import type { IntentTag, LookupTask, MessageEvent, Task } from "./types.js";

const CONFIRMATION_INTENT: IntentTag = { name: "confirmation", confidence: 1 };

/** A Yes/No button: acts only when its id is the pending, unexpired confirmation. */
export function onButton(ctx: StepContext, button: NonNullable<MessageEvent["confirmation"]>): void {
  const task = ctx.state.task;
  const pending = pendingConfirmation(task);
  if (task?.kind === "schedules" && pending?.id === button.id) {
    ctx.state.consecutiveFallbacks = 0;
    if (button.answer === "no") return void continueSchedules(ctx, task, { accountRefs: [], no: true });
    return executeCancel(ctx, task);
  }
  if (task && (task.kind === "transfer" || task.kind === "card") && pending?.id === button.id) {
    ctx.state.consecutiveFallbacks = 0;
    if (button.answer === "no") return endTask(ctx, cancelText(task));
    if (busyExecuting(ctx, task.intent)) return;
    if (task.kind === "transfer") executeTransfer(ctx, task);
    else executeCardChange(ctx, task, pending.id);
    return;
  }
  const stale = staleConfirmationText(ctx.state, button.id);
  // A newer question is open (a correction replaced the card pressed): show it, so the customer
  // is not left without the one that counts.
  if (task && task.kind !== "lookup" && !ctx.state.executing && showCurrent(ctx, task, stale)) return;
  ctx.replies.push(reply(CONFIRMATION_INTENT, stale));
}

/** The open task's confirmation (with its buttons) or question, after `lead`. False if it has none to show now. */
function showCurrent(ctx: StepContext, task: Exclude<Task, LookupTask>, lead: string): boolean {
  const before = ctx.replies.length;
  if (task.confirmation) {
    const { summary, id } = task.confirmation;
    ctx.replies.push(reply(task.intent, `${lead} ${summary} Please answer Yes or No.`, { actions: confirmActions(id), confirmation: task.confirmation }));
  } else if (task.kind !== "schedules") {
    resumeQuestion(ctx, task, lead);
  }
  return ctx.replies.length > before;
}
