/**
 * Answers found by a message's words alone, asked in this order outside a task (the first that answers
 * wins). Each is a flow of its own; the engine asks them here as one step rather than one by one
 * (engine.ts had grown to 400 lines of such calls). The privacy answers need the bank's settings, so
 * the engine asks flows/privacy.ts itself, just before these.
 */
import type { StepContext } from "../context.js";
import { answerAccountKinds } from "./account-kinds.js";
import { answerAvailableBalance } from "./available-balance.js";
import { answerCardClose } from "./card-close.js";
import { answerAtmLimit } from "./card-limit.js";
import { answerCreditCardRule } from "./credit-card-rules.js";
import { answerDisputeTiming } from "./dispute-timing.js";
import { answerMerchantBlock } from "./merchant-block.js";
import { answerNewCard } from "./new-card.js";
import { answerForgottenPin } from "./pin-forgotten.js";
import { answerSkipPayment } from "./schedule-skip.js";
import { answerWhatSent } from "./what-sent.js";
import { answerWhyDeclined } from "./why-declined.js";

type TextAnswer = (ctx: StepContext, text: string) => boolean;

const TEXT_ANSWERS: readonly TextAnswer[] = [
  // "the difference between my checking and savings": what each is for, and their rates.
  answerAccountKinds,
  // "how can i avoid interest", "can i go over my limit": a credit card's rules.
  answerCreditCardRule,
  // "how do i get a new one" right after a lost, damaged or frozen card: a replacement.
  answerNewCard,
  // "cancel my card": a freeze now, a person to close it.
  answerCardClose,
  // "why" right after a declined card's answer: that card, never a restricted account.
  answerWhyDeclined,
  // "what did i just send": the transfer just made, or the latest ones out.
  answerWhatSent,
  // "whats my daily atm limit": none is held, so none is said.
  answerAtmLimit,
  // "how long does a dispute take": answered, no dispute started.
  answerDisputeTiming,
  // "skip the next one": no skipping in Teller; cancel or the list instead.
  answerSkipPayment,
  // "i forgot my pin", "whats my pin": never said in the chat; where the app shows it.
  answerForgottenPin,
  // "block all charges from uber": no company is blocked alone; cancel, dispute, or a freeze offered (not done).
  answerMerchantBlock,
  // "why is my available balance different": pending card payments held, or a card's limit less what is owed.
  answerAvailableBalance,
];

/** Answers the message by its words alone; false (nothing done) when none of these flows does. */
export function answerByText(ctx: StepContext, text: string): boolean {
  return TEXT_ANSWERS.some((answer) => answer(ctx, text));
}
