// A refusal overrides the model's reading: the model sees the verb, not the "don't" or the "why"
// around it. Applied after classify() reads a message (model.ts), on the whole message.
//
// nlu9: a card is frozen at once, with no confirmation (a protective action), so a message that
// names a freeze without asking for one must never read as freeze_card. "please don't freeze my
// card", "i don't want to freeze my card", "can you not lock the visa" were freeze_card 1.00, and
// "why did you freeze my card" 0.94.
// nlu11 (issue 12): a message that only refuses a payment is no instruction to make one. "don't send
// it" read transfer 0.96 and "no don't pay the bill" pay_bill 0.99. Harmless before (both wait for a
// Yes) but wrong: nothing was asked for. A refusal followed by what is wanted instead ("don't send
// it to Jordan, send it to Sam") is left to message-parts.ts.

import { OUT_OF_SCOPE, type IntentName } from "../contract/intents";
import { readFreezeRequest, tellsCardAtRisk } from "./freeze-request";
import { lazyPattern } from "./lazy-pattern";

/**
 * The intent a reading gives way to when the message refuses (or asks about) what the reading
 * would do; undefined when the reading stands. freeze_card: out of scope for a refusal (nothing is
 * frozen, the customer may ask again), account_blocked for a question why. transfer and pay_bill:
 * out of scope when the message does nothing but refuse the payment.
 */
export function insteadOfRefused(intent: IntentName, text: string): IntentName | undefined {
  if (intent === "freeze_card") return notAFreeze(text);
  if ((intent === "transfer" || intent === "pay_bill") && refusesPaymentOnly(text)) return OUT_OF_SCOPE;
  return undefined;
}

// ─── A freeze refused or asked about ───

/** freeze-request.ts reads the message (the dialogue reads it the same way); only the sentence that names the freeze counts. */
function notAFreeze(text: string): IntentName | undefined {
  const said = readFreezeRequest(text);
  // defects18: "I lost my card but don't freeze it" was out of scope ("Sorry, I can't help with
  // that."); the card is still lost, so it gets the lost-card answer (which then offers no freeze).
  if (said === "refused") return tellsCardAtRisk(text) ? "lost_or_stolen_card" : OUT_OF_SCOPE;
  if (said === "asked_why") return "account_blocked";
  // wallet19: "I lost my card, should I freeze it?" (freeze_card 0.64) is the lost-card question,
  // as analytics and the hand-off should count it; the dialogue then offers the freeze.
  if (said === "wondered" && tellsCardAtRisk(text)) return "lost_or_stolen_card";
  return undefined;
}

// ─── A payment refused, and nothing else said ───

// The whole message: an optional "no / ok / please", a refusal of a money verb, and only what names
// the thing refused or when ("it", "that", "the bill", "anything", "yet", "now", "please").
const REFUSED_ONLY = lazyPattern(
  String.raw`^(?:(?:no|nope|nah|ok(?:ay)?|wait|actually|please)[\s,.!]+)*(?:please\s+)?(?:don'?t|dont|do\s+not|never)\s+(?:send|transfer|move|pay|wire)\b` +
    String.raw`(?:\s+(?:it|that|this|them|anything|any|money|the|my|bill|bills|payment|transfer|yet|now|today|please|for\s+now|after\s+all))*[\s.!]*$`,
  "i",
);

function refusesPaymentOnly(text: string): boolean {
  return /\b(?:don|do\s+not|never)/i.test(text) && REFUSED_ONLY.test(text.trim());
}
