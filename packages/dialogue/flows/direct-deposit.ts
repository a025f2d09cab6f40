/**
 * explore29: "how do i set up direct deposit" got "Sorry, I can't help with that." (CLINC150 files
 * it under the work domain, out of scope, and no reading rule may claim it). Teller can't set one up:
 * the employer's payroll does, with the account and routing numbers, which Teller can show.
 * "i need my routing number for direct deposit" is the numbers themselves (own-words-10.ts).
 */
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";
import type { IntentTag } from "../types.js";

const SET_UP = /\b(?:set\s*up|setup|start|get|sign\s+up\s+for|switch|change|move|redirect)\s+(?:a\s+|my\s+|the\s+)?direct\s+dep(?:osit)?s?\b/i;

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
  return true;
}
