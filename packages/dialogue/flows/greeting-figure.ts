/**
 * "hi 29" in the middle of a task: a greeting with a bare figure. The figure was taken as the
 * amount ("How much would you like to send?" → "hi 29" → $29.00 on the card), yet such a message
 * may be anything: a typo, a number from elsewhere, two thumbs at once. Asking again costs one turn;
 * a card for an amount the customer did not give costs their trust. A figure given as an answer
 * ("29", "ok 29", "29 dollars", "$29", "hmm 29 maybe") is still the answer: only a greeting makes
 * it doubtful, and a currency word or sign makes it money again ("hi, $29").
 */
import type { StepContext } from "../context.js";
import type { TransferTask } from "../types.js";
import { resumeQuestion } from "./interruptions.js";

const GREETING = String.raw`(?:h+i+|hii+|hello+|hell?o|hey+|hiya|heya|yo|howdy|hi\s+there|hey\s+there|hello\s+there|good\s+(?:morning|afternoon|evening))`;
// A bare figure: no currency sign or word (those say it is money), at most two decimals.
const FIGURE = String.raw`(\d[\d,]*(?:\.\d{1,2})?)`;
const GREETING_FIGURE = new RegExp(
  String.raw`^\s*(?:${GREETING}[,!.\s]+${FIGURE}|${FIGURE}[,!.\s]+${GREETING})[,!.\s]*$`,
  "i",
);

/** The figure of a message that is only a greeting and a bare figure ("hi 29", "hello, 40!"), else undefined. */
export function greetingFigure(text: string): string | undefined {
  const m = GREETING_FIGURE.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * During a transfer: greets back and asks the open question again, saying the figure was not used.
 * Nothing is changed on the task (no amount, no card). True when the message was such a greeting.
 */
export function answerGreetingFigure(ctx: StepContext, task: TransferTask, text: string): boolean {
  const figure = greetingFigure(text);
  if (figure === undefined) return false;
  ctx.state.consecutiveFallbacks = 0;
  resumeQuestion(ctx, task, `Hi! I wasn't sure “${figure}” was the amount, so I haven't used it.`);
  return true;
}
