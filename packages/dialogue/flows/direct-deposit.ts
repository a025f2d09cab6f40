/**
 * explore29: "how do i set up direct deposit" got "Sorry, I can't help with that." (CLINC150 files
 * it under the work domain, out of scope, and no reading rule may claim it). Teller can't set one up:
 * the employer's payroll does, with the account and routing numbers, which Teller can show.
 * "i need my routing number for direct deposit" is the numbers themselves (own-words-10.ts).
 * Session 32: "whats my direct deposit info" got "Sorry"; "what do i need to give them" right after
 * the answer got a hand-off: it is the numbers, shown as "what are my account numbers" shows them.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";
import type { IntentTag } from "../types.js";
import { startFact } from "./bank-facts.js";

const SET_UP = new RegExp(
  String.raw`\b(?:set\s*up|setup|start|get|sign\s+up\s+for|switch|change|move|redirect)\s+(?:a\s+|my\s+|the\s+)?direct\s+dep(?:osit)?s?\b` +
    String.raw`|\bdirect\s+dep(?:osit)?s?\s+(?:info|information|details|form|set\s*up)\b` +
    String.raw`|\b(?:info|information|details|what|numbers?)\s+(?:(?:do|would|does)\s+)?(?:(?:i|they|my\s+employer|payroll)\s+)?(?:need|want)s?\s+(?:for|to\s+(?:set\s*up|get))\s+(?:a\s+|my\s+|the\s+)?direct\s+dep` +
    String.raw`|\b(?:info|information|details)\s+(?:for|on|about)\s+(?:a\s+|my\s+)?direct\s+dep`,
  "i",
);
// What payroll needs, asked right after the answer: "what do i need to give them", "where do i find those".
const NEEDS =
  /^(?:(?:ok(?:ay)?|so|and|thanks?|great)[,!.\s]+)*(?:what\s+(?:do|would|will|does)\s+(?:i|they|he|she|my\s+(?:employer|boss|job)|payroll)\s+need|what\s+(?:do\s+|should\s+)?i\s+(?:give|send|tell)\s+(?:them|him|her|my\s+(?:employer|boss|job)|payroll|hr)|what\s+(?:are|is)\s+(?:those|they|them|that|mine)|where\s+(?:do\s+i\s+find|can\s+i\s+(?:find|get|see))\s+(?:those|them|that|it|mine)|(?:show|give|send)\s+(?:me\s+)?(?:those|them|both|it)(?:\s+please)?)\b/i;

/** Answers how direct deposit is set up; false when the message is no such question or was read as another request. */
export function answerDirectDeposit(ctx: StepContext, intent: IntentTag, unclear: boolean, text: string): boolean {
  if (!SET_UP.test(text) || (!unclear && intent.name !== "out_of_scope")) return false;
  ctx.replies.push(
    reply(
      { name: "direct_deposit", confidence: 1 },
      "Direct deposit is set up with your employer's payroll, not here: give them your routing number and the account number of the account you want paid into. I can show you both.",
      { actions: [quickReply("My account and routing numbers", "What are my account and routing numbers?")] },
    ),
  );
  ctx.state.lastFact = { intent: { name: "direct_deposit", confidence: 1 }, what: "direct_deposit", at: ctx.now };
  return true;
}

/** "what do i need to give them" right after the direct-deposit answer: the account and routing numbers; false otherwise. */
export function answerDirectDepositNeeds(ctx: StepContext, text: string): boolean {
  const last = ctx.state.lastFact;
  if (!last || last.what !== "direct_deposit" || ctx.state.task || ctx.now - last.at > READ_FOLLOW_UP_MS || !NEEDS.test(text.trim())) return false;
  ctx.state.consecutiveFallbacks = 0;
  startFact(ctx, { name: "account_numbers", confidence: 1 }, "account_numbers", { accountRefs: [] }, "");
  return true;
}
