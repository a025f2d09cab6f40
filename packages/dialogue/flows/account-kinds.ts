/**
 * Session 31, found by hand (a leftover of session 30): "what's the difference between my checking and
 * savings" got "Sorry, I can't help with that." What each account is for is said in words true to
 * Teller (a debit card spends from checking; no fee on a transfer Teller makes), then their own rates
 * are read (flows/bank-facts.ts), so nothing about a rate is said that the bank core does not hold.
 */
import type { StepContext } from "../context.js";
import { reply } from "../render.js";
import { startFact } from "./bank-facts.js";

const KIND = String.raw`(?:a\s+|my\s+|the\s+|your\s+)?(?:checking|savings|current)(?:\s+accounts?)?`;
const DIFFERENCE = new RegExp(
  String.raw`\bdiff(?:erence|erent|\.)?s?\s+(?:between\s+)?${KIND}\s+(?:and|&|vs\.?|versus|from)\s+${KIND}|^${KIND}\s+(?:vs\.?|versus|or)\s+${KIND}\s*[?]*$|\bwhat(?:'s|s|\s+is)\s+(?:a\s+|my\s+)?savings\s+account\s+for\b|\bwhy\s+(?:do\s+i\s+need|would\s+i\s+want|should\s+i\s+have)\s+(?:a\s+)?savings(?:\s+account)?\b`,
  "i",
);

export function asksAccountKinds(text: string): boolean {
  return DIFFERENCE.test(text.trim());
}

/** Says what checking and savings are for, then reads their rates; false when the message asks something else. */
export function answerAccountKinds(ctx: StepContext, text: string): boolean {
  if (ctx.state.task || !asksAccountKinds(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  const intent = { name: "account_kinds", confidence: 1 };
  ctx.replies.push(
    reply(
      intent,
      "Checking is your everyday account: your debit card spends from it, and it's where money usually comes in and goes out. Savings is for money you set aside. You can move money between them here any time, with no fee. What each earns:",
    ),
  );
  startFact(ctx, { name: "interest_rate", confidence: 1 }, "interest_rate", { accountRefs: ["checking", "savings"] }, "");
  return true;
}
