/**
 * explore28: "did it go through" while a transfer is still being set up (its question or its card
 * open) got "Sorry, I can't answer that one here." and the question again: a customer who may think
 * the money left. Nothing has been sent before the Yes, so that is said, and the question or the
 * card comes again; nothing moves.
 */
import type { StepContext } from "../context.js";
import type { TransferTask } from "../types.js";
import { repeatQuestion } from "./transfer-questions.js";

const ASKED_IF_SENT =
  /^(?:(?:so|and|ok(?:ay)?|hey|um+|hmm+)[\s,]+)*(?:did|has|have|is|was)\s+(?:it|that|this|the\s+(?:money|transfer|payment)|my\s+(?:money|transfer|payment))\s+(?:go(?:ne)?\s+(?:through|thru|out)|went\s+(?:through|thru)|been\s+sent|sent|send|work(?:ed)?|done|gone|arrived?|there\s+yet)(?:\s+(?:yet|already|ok(?:ay)?))?\s*[?.!]*$/i;

export function asksIfSent(text: string): boolean {
  return ASKED_IF_SENT.test(text.trim());
}

/** True when the message asked whether the transfer being set up was sent, and was answered. */
export function answerNotSentYet(ctx: StepContext, task: TransferTask, text: string): boolean {
  if (!asksIfSent(text)) return false;
  repeatQuestion(ctx, task, "Not yet — nothing has been sent.");
  return true;
}
