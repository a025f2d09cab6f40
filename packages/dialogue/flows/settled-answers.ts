/**
 * What a Yes/No says when it no longer has a confirmation to act on: an old card's button, or a
 * bare "yes" with nothing pending. Never acts; explains what is known (moved out of engine.ts).
 */
import type { StepContext } from "../context.js";
import { reply } from "../render.js";
import { recentlySettled } from "../state.js";
import type { DialogueState, Entities, IntentTag } from "../types.js";

export function staleConfirmationText(state: DialogueState, id: string): string {
  if (state.executing?.id === id) return "I'm already working on that — it will only happen once.";
  const settled = state.settled.find((s) => s.id === id);
  switch (settled?.outcome) {
    case "done":
      return "That's already done — I haven't done it again.";
    case "expired":
      return "That confirmation expired, so nothing was done. You can start again whenever you like.";
    case "cancelled":
    case "replaced":
      return "That request was cancelled or replaced, so I haven't done anything.";
    case "failed":
      return "That request didn't go through, and I haven't tried it again.";
    case "unknown":
      return "I couldn't confirm whether that went through. Please check your recent activity before trying again.";
    default:
      return "That confirmation isn't valid any more, so I haven't done anything.";
  }
}

/**
 * Words that acknowledge what was said more than they answer a question: "ok" after an answer is a
 * nod, and "There's nothing waiting for your confirmation" was a stiff reply to it.
 */
const ACKNOWLEDGEMENTS = new Set(["ok", "okay", "k", "kk", "okey", "okie", "alright", "all right", "got it", "ok got it", "ok thanks", "okay thanks", "ok cool", "cool", "fine", "ok fine", "noted", "understood", "i see", "ok i see"]);

function isAcknowledgement(text: string): boolean {
  return ACKNOWLEDGEMENTS.has(text.toLowerCase().replace(/[^a-z ]+/g, " ").replace(/\s+/g, " ").trim());
}

/**
 * explore27: "ok and what did i spend yesterday", "alright and whats my savings rate" with nothing
 * waiting for a yes: the "ok" is a nod that leads into the request, not an answer. It got "That's
 * already done — I haven't done it again." (of whatever was last done) before the answer. With a
 * card, a transfer under way, an offer, or a card that expired or was replaced just before, the nod
 * still gets its own answer (nothing was done is worth saying).
 */
export function isLeadInNod(state: DialogueState, now: number, first: string): boolean {
  if (state.task || state.executing || state.offer || !isAcknowledgement(first.replace(/[\s,.;!&]*(?:and|also|plus|then)?\s*$/i, ""))) return false;
  const last = recentlySettled(state, now);
  return !last || last.outcome === "done";
}

/** "yes"/"no" when nothing is waiting for an answer: never acts, explains what it knows. */
export function nothingPending(ctx: StepContext, intent: IntentTag, e: Entities, text = ""): void {
  const last = recentlySettled(ctx.state, ctx.now);
  if (e.yes && ctx.state.executing) {
    ctx.replies.push(reply(intent, staleConfirmationText(ctx.state, ctx.state.executing.id)));
  } else if (e.yes && isAcknowledgement(text) && (!last || last.outcome === "done")) {
    // A nod after "Done — I sent …" too; an ok meant for a card that expired or was replaced is
    // still told that nothing was done.
    ctx.replies.push(reply(intent, "OK. Is there anything else I can help with?"));
  } else if (e.yes && last) {
    ctx.replies.push(reply(intent, staleConfirmationText(ctx.state, last.id)));
  } else if (e.yes) {
    ctx.replies.push(reply(intent, "There's nothing waiting for your confirmation right now, so I haven't done anything."));
  } else {
    ctx.replies.push(reply(intent, "OK. Is there anything else I can help with?"));
  }
}
