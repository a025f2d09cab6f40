/**
 * explore29: "im going to italy next week" got "Sorry, I can't help with that." and, after two
 * misses, a hand-off. CLINC150's travel_notification is out of scope (no reading rule may claim it)
 * and Teller keeps no travel notices: it says so, and what matters abroad — where the card works,
 * the fees, freezing it if it goes missing. A travel question the model reads as another request
 * ("… will my card charge me extra") goes its own way.
 */
import type { StepContext } from "../context.js";
import { FREEZE_CARD } from "../faq/answer.js";
import { quickReply, reply } from "../render.js";
import type { IntentTag } from "../types.js";

const TRIP =
  /^(?:(?:hi|hey|hello|ok(?:ay)?|so|fyi|just\s+so\s+you\s+know|heads\s+up)[,!.\s]+)*(?:i'?m|im|i\s+am|we'?re|we\s+are|i'?ll\s+be|we'?ll\s+be)\s+(?:going|travel+ing|flying|heading|off|away|out\s+of\s+(?:the\s+)?country|abroad|overseas)\b|\btravel\s+(?:notice|notification|alert|plans?)\b|\b(?:tell|let|notify|inform)\s+(?:you|u|the\s+bank|my\s+bank|teller)\s+(?:know\s+)?(?:that\s+|when\s+|before\s+)?(?:i'?m|im|i\s+am|we'?re|i|we)\s+(?:travel|going|leaving|flying)/i;

/** Answers a trip told or a travel notice asked for; false when the message is none or was read as another request. */
export function answerTravel(ctx: StepContext, intent: IntentTag, unclear: boolean, text: string): boolean {
  if (!TRIP.test(text.trim()) || (!unclear && intent.name !== "out_of_scope")) return false;
  ctx.replies.push(
    reply(
      { name: "travel_notice", confidence: 1 },
      "There's no travel notice to set in Teller: you can use your card abroad wherever its network is accepted. Card payments and cash withdrawals abroad may carry a foreign transaction fee, listed on the fees page in the app. If your card goes missing on the trip, I can freeze it here straight away.",
      { actions: [quickReply("Fees abroad", "Are there fees for using my card abroad?"), FREEZE_CARD] },
    ),
  );
  return true;
}
