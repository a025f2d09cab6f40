// nlu11 (issue 12): a message that only refuses a payment is no instruction to make one. "don't send
// it" read transfer 0.96 and "no don't pay the bill" pay_bill 0.99: the model sees the verb, not the
// refusal. Harmless before (both wait for a Yes) but wrong: nothing was asked for. A refusal followed
// by what is wanted instead ("don't send it to Jordan, send it to Sam") is left to message-parts.ts.

import { lazyPattern } from "./lazy-pattern";

// The whole message: an optional "no / ok / please", a refusal of a money verb, and only what names
// the thing refused or when ("it", "that", "the bill", "anything", "yet", "now", "please").
const REFUSED_ONLY = lazyPattern(
  String.raw`^(?:(?:no|nope|nah|ok(?:ay)?|wait|actually|please)[\s,.!]+)*(?:please\s+)?(?:don'?t|dont|do\s+not|never)\s+(?:send|transfer|move|pay|wire)\b` +
    String.raw`(?:\s+(?:it|that|this|them|anything|any|money|the|my|bill|bills|payment|transfer|yet|now|today|please|for\s+now|after\s+all))*[\s.!]*$`,
  "i",
);

/** True when the message does nothing but refuse a transfer or payment ("don't send it", "no don't pay the bill"). */
export function refusesPaymentOnly(text: string): boolean {
  return /\b(?:don|do\s+not|never)/i.test(text) && REFUSED_ONLY.test(text.trim());
}
