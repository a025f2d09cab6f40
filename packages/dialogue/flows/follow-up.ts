/**
 * "did it work?", "did that go through?" right after an action: answered from what the engine
 * itself settled last, never from a guess. Older than a plain repeated "yes" is answered
 * (REPEAT_YES_WINDOW_MS), "it" no longer points anywhere and the message goes the usual way.
 */
import type { StepContext } from "../context.js";
import { moneyText, reply } from "../render.js";
import { recentlySettled } from "../state.js";
import type { Entities, IntentTag, SettledOutcome } from "../types.js";

const IT_WORKED =
  /^(?:so\s+|and\s+|ok\s+)?(?:(?:did|has)\s+(?:it|that|this)\s+(?:work(?:ed)?|go(?:ne)?\s+through|went\s+through)|(?:is|was)\s+(?:it|that)\s+(?:done|successful))\s*[?.!]*$/i;

/** True for a question whether "it" worked, naming nothing else. */
export function asksIfItWorked(text: string): boolean {
  return IT_WORKED.test(text.trim());
}

const ANSWERS: Record<SettledOutcome, string> = {
  done: "Yes — that's done.",
  cancelled: "No — that was cancelled, so nothing was done.",
  replaced: "No — that was cancelled, so nothing was done.",
  expired: "No — that confirmation expired, so nothing was done.",
  failed: "No — that didn't go through, and I haven't tried it again.",
  unknown: "I couldn't confirm whether that went through. Please check your recent activity before trying again.",
};

/** Answers from the action in progress or settled lately; false when there is none to speak of. */
export function answerIfItWorked(ctx: StepContext, intent: IntentTag): boolean {
  const last = recentlySettled(ctx.state, ctx.now);
  const text = ctx.state.executing ? "I'm still working on it — it will only happen once." : last ? ANSWERS[last.outcome] : null;
  if (!text) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(reply(intent, text));
  return true;
}

/**
 * "actually make it 30" with nothing in progress, right after a confirmed action was done: that one
 * cannot be changed, and the amount starts a new transfer with its own card. It went straight to
 * "Who should I send it to?", as if the sent one had been changed. True when said (the caller goes on).
 */
export function noteAlreadyDone(ctx: StepContext, intent: IntentTag, e: Entities): boolean {
  if (ctx.state.task || ctx.state.executing || !e.query?.correction || !e.amount || "invalid" in e.amount) return false;
  if (recentlySettled(ctx.state, ctx.now)?.outcome !== "done") return false;
  ctx.replies.push(reply(intent, `That's already done, so I can't change it: ${moneyText(e.amount)} would be a new transfer.`));
  return true;
}
