// The reading rules as classify() applies them, in one place so that rule-check.ts measures exactly
// what the runtime does: a plain request once small talk is stripped, else a plain request after
// sentences that decline something ("No, I don't need a taxi. Can you help me transfer money?").

import type { IntentName } from "../contract/intents";
import { plainRequestIntent } from "./requests";
import { afterDeclines, stripSmallTalk } from "./small-talk";

export interface RuleReading {
  intent: IntentName;
  /** The part of the message the rule read (what the model scores for the alternatives). */
  text: string;
}

/** The intent a reading rule gives the message, or undefined when the model decides. */
export function ruleReading(text: string): RuleReading | undefined {
  const core = stripSmallTalk(text);
  const direct = plainRequestIntent(core || text);
  if (direct) return { intent: direct, text: core || text };
  const rest = stripSmallTalk(afterDeclines(text));
  const afterDecline = rest !== "" && rest !== core ? plainRequestIntent(rest) : undefined;
  return afterDecline ? { intent: afterDecline, text: rest } : undefined;
}
