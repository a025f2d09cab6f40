/**
 * A slip of "yes" typed at a confirmation ("yse", "ya"; entities.nearYes): money never moves on a
 * guess, so the same card is shown again with the question whether a yes was meant. "yse" got
 * "Sorry, I didn't catch that." (a step towards a hand-off) and "ya", read as goodbye, dropped the
 * transfer. Nothing is settled here; the card's own Yes (or a typed yes) still decides.
 */
import type { StepContext } from "../context.js";
import { cardLabel, confirmActions, moneyText, reply } from "../render.js";
import type { CardTask, SchedulesTask, TransferTask } from "../types.js";
import { describeDestination } from "./transfer-questions.js";

/** True when the slip was answered (the task has a card pending); false leaves the message to the task. */
export function askIfYesMeant(ctx: StepContext, task: TransferTask | CardTask | SchedulesTask): boolean {
  const confirmation = task.confirmation;
  if (!confirmation) return false;
  ctx.replies.push(
    reply(task.intent, `Did you mean yes? Tap Yes to ${whatYesDoes(task)}, or No to ${task.kind === "schedules" ? "keep it as it is" : "cancel"}.`, {
      actions: confirmActions(confirmation.id),
      confirmation,
    }),
  );
  return true;
}

function whatYesDoes(task: TransferTask | CardTask | SchedulesTask): string {
  if (task.kind === "schedules") {
    const old = task.chosen ? ` of ${moneyText(task.chosen.amount)}` : "";
    return task.replace ? `cancel the schedule${old} and set up ${moneyText(task.replace.amount)} instead` : `cancel the scheduled payment${old}`;
  }
  if (task.kind === "card") {
    const verb = task.target === "frozen" ? "freeze" : "unfreeze";
    return task.chosen && !task.every ? `${verb} ${cardLabel(task.chosen)}` : `${verb} the cards`;
  }
  const to = task.to ? describeDestination(task, task.to) : null;
  const amount = task.amount ? moneyText(task.amount) : "the money";
  const where = to ? ` to ${to.label}` : "";
  return task.schedule ? `schedule ${amount}${where}` : `send ${amount}${where}`;
}
