// nlu9: a card is frozen at once, with no confirmation (a protective action), so a message that
// names a freeze without asking for one must never read as freeze_card. "please don't freeze my
// card", "i don't want to freeze my card", "can you not lock the visa" were freeze_card 1.00, and
// "why did you freeze my card" 0.94: the model sees the verb, not the refusal or the question.

import type { IntentName } from "../contract/intents";
import { lazyPattern } from "./lazy-pattern";

const FREEZE = String.raw`(?:freez\w*|froze(?:n)?|block\w*|lock\w*)`;
// A refusal of the freeze: "don't / do not / not / never …", "i don't want (to) …", "no need to …".
const REFUSED = lazyPattern(
  String.raw`\b(?:don'?t|dont|do\s+not|not|never|no\s+need\s+to|no\s+don'?t)\s+(?:(?:want|need)\s+(?:to\s+|you\s+to\s+|my\s+card\s+|it\s+)?)?(?:please\s+)?${FREEZE}\b|\b(?:don'?t|dont|do\s+not)\s+(?:want|need)\s+(?:my|the|this|that)\s+(?:\w+\s+)?(?:card|visa|mastercard|debit)\s+(?:to\s+be\s+)?${FREEZE}`,
  "i",
);
// A question why it happened, or whether it is: "why did you freeze my card", "is my card frozen".
const ASKED_WHY = lazyPattern(String.raw`^(?:but\s+|so\s+)?why\s+(?:did|was|is|has|have|would|were|does)\b[^.?!]*\b${FREEZE}`, "i");

/**
 * The intent a freeze_card reading gives way to: out of scope for a refusal (nothing is frozen, the
 * customer may ask again), account_blocked for a question why; undefined when the freeze is asked for.
 */
export function notAFreeze(text: string): IntentName | undefined {
  // Only the sentence that names the freeze: "freeze my card, don't cancel it" still asks for one.
  const clause = /\b(?:freez|froze|block|lock)/i.exec(text);
  if (!clause) return undefined;
  const start = Math.max(0, text.lastIndexOf(",", clause.index) + 1, text.lastIndexOf(".", clause.index) + 1);
  const sentence = text.slice(start);
  if (REFUSED.test(sentence)) return "out_of_scope";
  if (ASKED_WHY.test(sentence.trim())) return "account_blocked";
  return undefined;
}
