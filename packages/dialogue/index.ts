/**
 * Public API of the conversation engine. The ChatSession DO drives it (runner.ts):
 *
 *   await loadViewSchemas();                 // once, before the first effect result: parses them
 *   let { state, replies, effects } = step(state, messageEvent);
 *   persist(state);                          // before any effect runs: "executing" + key are durable
 *   for each effect, in order:               // replies go to the customer as they come
 *     result = await execute(effect);        // handoff: enqueue only, no result needed
 *     ({ state, replies, effects: more } = step(state, { type: "effect_result", effectId, now, newId, result }));
 *     persist(state); queue `more` after the remaining effects
 *   on start-up / alarm while state.executing: ({ state, effects } = resume(state, now)), then as above.
 */
export { step, resume, clearHandoff } from "./engine.js";
export { pendingQuestion } from "./pending-question.js";
export { forgetUnseen, shownBefore } from "./unseen.js";
export { initialState, isFallback, confirmationStatus, type ConfirmationStatus } from "./state.js";
export { faqAnswer, faqIntents, type FaqAnswer } from "./faq/index.js";
export { answeredAlikeConfidence } from "./faq/answered-alike.js";
export { tellerSense } from "./faq/teller-senses.js";
export { asksSameAgainBut } from "./flows/after-sent.js";
export { viewSchemas, parseView, loadViewSchemas } from "./views.js";
export { scheduleFailureNotice } from "./flows/schedules.js";
export { asksTransferToo, secondRequestSplits, type SecondRequestSplit } from "./flows/two-requests.js";
export { scheduleText, dateText } from "./schedule-text.js";
export {
  FALLBACK_CONFIDENCE,
  FALLBACKS_BEFORE_HANDOFF,
  CONFIRMATION_TTL_MS,
  MAX_CHAT_TRANSFER_MINOR,
  MAX_EXECUTION_ATTEMPTS,
  EXECUTION_DEADLINE_MS,
} from "./config.js";
export type * from "./types.js";
