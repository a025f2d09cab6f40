/**
 * The question a task is waiting on ("How much would you like to send?"), worded as when the
 * dialogue asks it again: what a tab opened afterwards (or reloaded) shows as Teller's last
 * message, so the customer knows why "50" is understood. A confirmation is not a question here
 * (its card shows it), and nothing is asked while the task still waits for the bank's data.
 */
import type { StepContext } from "./context.js";
import { cloneState } from "./state.js";
import { resumeQuestion } from "./flows/interruptions.js";
import type { DialogueState, Reply } from "./types.js";

export function pendingQuestion(state: DialogueState, now: number): Pick<Reply, "text" | "actions"> | null {
  const task = state.task;
  if (!task || task.kind === "lookup" || task.kind === "schedules" || task.confirmation) return null;
  // Asked whether to drop the task for another: that yes/no is the question, not the task's own.
  if ("switchTo" in task && task.switchTo) return null;
  // The wording is the resume path's, run on a copy: reading the question changes nothing.
  const ctx: StepContext = { state: cloneState(state), now, newId: "pending-question", messageId: null, replies: [], effects: [] };
  const copy = ctx.state.task as typeof task;
  resumeQuestion(ctx, copy, "");
  const asked = ctx.replies.at(-1);
  if (!asked || asked.confirmation || ctx.effects.length > 0) return null;
  const text = asked.text.trim();
  return text ? { text, actions: asked.actions } : null;
}
