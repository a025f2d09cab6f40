/**
 * Session 30, found by hand: "can i get a loan" got "Sorry, I can't help with that." (out of scope:
 * neither CLINC150's bank domains nor BANKING77 have a loan of one's own to ask for). Teller makes no
 * loans in the chat and states no rate or term it does not hold: it says so, and who can help. A loan
 * the customer already pays ("pay my student loan") is read as the request it is, never this.
 */
import type { StepContext } from "../context.js";
import { TALK_TO_PERSON } from "../faq/answer.js";
import { reply } from "../render.js";
import type { IntentTag } from "../types.js";

const BORROW =
  /\b(?:(?:can|could|may|how\s+(?:do|can|could)|where\s+(?:do|can))\s+i\s+(?:get|take\s+out|apply\s+for|qualify\s+for|borrow)|i\s+(?:want|need|would\s+like|'d\s+like)(?:\s+to\s+(?:get|take\s+out|apply\s+for))?|do\s+you\s+(?:offer|do|give)|apply(?:ing)?\s+for|am\s+i\s+eligible\s+for)\s+(?:a\s+|an\s+|some\s+)?(?:(?:personal|car|auto|home|student|small|business|payday)\s+)?(?:loans?|mortgages?|line\s+of\s+credit)\b|\b(?:can|could)\s+i\s+borrow\s+(?:some\s+)?money\b/i;

/** Answers a loan asked for, when the model read nothing of it; false otherwise. */
export function answerBorrowing(ctx: StepContext, intent: IntentTag, unclear: boolean, text: string): boolean {
  if (!BORROW.test(text) || (!unclear && intent.name !== "out_of_scope")) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(
      { name: "loan_question", confidence: 1 },
      "I can't arrange a loan, a mortgage or a line of credit here in the chat, and I can't quote rates or terms. A member of our team can tell you what the bank offers and what you'd need to apply: choose “Talk to a person”.",
      { actions: [TALK_TO_PERSON] },
    ),
  );
  return true;
}
