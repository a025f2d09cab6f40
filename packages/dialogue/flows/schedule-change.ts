/**
 * "change it to 150" right after a schedule was set up (flows/schedules.ts offers it): a schedule is
 * not changed in place, so the one card cancels it and sets up the rest of it at the new amount.
 * The cancel goes first: a replacement that then fails leaves no schedule (said so), never two
 * that both send. The new schedule is stored under the accepted card's own key, so a repeated Yes
 * or a resumed turn stores it once.
 */
import type { StepContext } from "../context.js";
import { accountLabel, payeeLabel, reply } from "../render.js";
import type { EffectResult, SchedulesTask } from "../types.js";
import { parseView } from "../views.js";
import { beginSchedule } from "./execution.js";
import { onCancelResult } from "./schedules.js";

export function onReplacedCancel(ctx: StepContext, task: SchedulesTask, result: EffectResult): void {
  const replace = task.replace;
  onCancelResult(ctx, task, result);
  const cancelled = result.ok ? parseView("scheduledTransfer", result.data) : null;
  if (!replace?.schedule || !replace.acceptedId) return;
  if (!cancelled) {
    ctx.replies.push(reply(task.intent, `So I haven't set up the new one either; your payment stays as it was until it is cancelled.`));
    return;
  }
  if (ctx.state.executing) {
    ctx.replies.push(reply(task.intent, "I couldn't set up the new schedule just now, as I'm still finishing another request. Please ask me again in a moment."));
    return;
  }
  const to = cancelled.to.kind === "account" ? { accountId: cancelled.to.id } : { payeeId: cancelled.to.id };
  const toView = { name: cancelled.to.name, ...(cancelled.to.mask ? { mask: cancelled.to.mask } : {}) };
  const toLabel = cancelled.to.kind === "account" ? accountLabel({ name: cancelled.to.name, mask: cancelled.to.mask ?? "" }) : payeeLabel(toView);
  const from = cancelled.fromAccount;
  beginSchedule(
    ctx,
    replace.acceptedId,
    { name: "transfer", confidence: task.intent.confidence },
    { kind: "schedule_transfer", confirmationId: replace.acceptedId, fromAccountId: from.id, to, amount: replace.amount, schedule: replace.schedule },
    { kind: "transfer", from: { name: from.name, mask: from.mask }, to: toView, toLabel, ...(cancelled.to.bill ? { payment: true as const } : {}) },
  );
}
