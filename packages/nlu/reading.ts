// The reading rules as classify() applies them, in one place so that rule-check.ts measures exactly
// what the runtime does: a plain request once small talk is stripped, else a plain request after
// sentences that decline something ("No, I don't need a taxi. Can you help me transfer money?"),
// else a plain request after its reason ("My rent is due soon, so I'd like to see my balance"); and
// before all of them, a bank word in another sense ("balance of power") declines the message.

import { OUT_OF_SCOPE, type IntentName } from "../contract/intents";
import { otherSense } from "./other-senses";
import { plainRequestIntent } from "./requests";
import { afterDeclines, stripSmallTalk } from "./small-talk";

export interface RuleReading {
  intent: IntentName;
  /** The part of the message the rule read (what the model scores for the alternatives). */
  text: string;
}

/**
 * The intent a reading rule gives the message, or undefined when the model decides. `core`: the
 * message with its small talk stripped, when the caller has it already.
 */
export function ruleReading(text: string, core = stripSmallTalk(text)): RuleReading | undefined {
  // "what's the balance of power in the senate", "is my ps5 account locked": declined (other-senses.ts).
  if (otherSense(core || text)) return { intent: OUT_OF_SCOPE, text: core || text };
  const direct = plainRequestIntent(core || text);
  if (direct) return { intent: direct, text: core || text };
  // nlu25: "I think I need to transfer some money but I'm not sure how" (transfer_fee_charged 0.50),
  // "I want to do a transfer but I don't remember the account" (cancel_transfer 0.38): a plain
  // request, then a doubt about how; the request is read (its flow asks for what is missing).
  const doubt = / but | though /i.test(core) ? DOUBT_AFTER.exec(core) : null;
  const beforeDoubt = doubt ? core.slice(0, doubt.index).replace(/^(?:i\s+think|i\s+guess|maybe)\s+(?=i\b)/i, "") : "";
  const doubtIntent = doubt ? plainRequestIntent(beforeDoubt) : undefined;
  if (doubtIntent) return { intent: doubtIntent, text: beforeDoubt };
  // Session 14: two requests in a row ("Check my balance and then show my transactions"): the first
  // is answered first, when it is a plain request on its own.
  const first = THEN.exec(core);
  const firstIntent = first ? plainRequestIntent(core.slice(0, first.index)) : undefined;
  if (first && firstIntent) return { intent: firstIntent, text: core.slice(0, first.index) };
  const rest = stripSmallTalk(afterDeclines(text));
  const afterDecline = rest !== "" && rest !== core ? plainRequestIntent(rest) : undefined;
  if (afterDecline) return { intent: afterDecline, text: rest };
  // Session 14: "Before I pay my bills this week, could you tell me what's in checking?": a clause
  // saying when or why, then a plain request.
  const context = CONTEXT_FIRST.exec(core);
  const afterContext = context ? plainRequestIntent(core.slice(context[0].length)) : undefined;
  if (context && afterContext) return { intent: afterContext, text: core.slice(context[0].length) };
  // nlu7: "I'm doing my taxes and need a list of everything from last year": what the customer is
  // doing, then "and (I) need / want" a plain request.
  const doing = / and /i.test(core) ? DOING_AND.exec(core) : null;
  const afterDoing = doing ? `i ${core.slice(doing[0].length).replace(/^i\s+/i, "")}` : "";
  const doingIntent = doing ? plainRequestIntent(afterDoing) : undefined;
  if (doingIntent) return { intent: doingIntent, text: afterDoing };
  // nlu7: "I'm at the store and my card might get declined, could you tell me what my balance
  // is?": any context, then a plain request after the last comma; the context one sentence, not a
  // request of its own ("What's my balance? Also, did my paycheck come in?" asks for the balance first).
  const comma = core.lastIndexOf(",");
  const head = comma > 0 ? core.slice(0, comma) : "";
  const afterComma = head !== "" && !/[.?!]/.test(head) ? core.slice(comma + 1).trim() : "";
  // The tail first: most messages with a comma have no plain request after it, and then the head need not be read.
  const commaIntent = afterComma.length >= 8 && ASKS.test(afterComma) ? plainRequestIntent(afterComma) : undefined;
  if (commaIntent && !plainRequestIntent(head)) return { intent: commaIntent, text: afterComma };
  // nlu7: "so like i get paid on friday but i wanna know if theres enough in there …", "my buddy
  // spotted me … and i need to get him back 85": a story, then "but" or "and I need to" a plain request.
  const turn = / (?:but|and) /i.test(core) ? BUT_OR_AND_NEED.exec(core) : null;
  const afterTurn = turn ? core.slice(turn.index + turn[0].length) : "";
  const turnIntent = turn ? plainRequestIntent(afterTurn) : undefined;
  if (turnIntent) return { intent: turnIntent, text: afterTurn };
  // "My rent is due soon, so I'd like to see my balance": the reason, then a plain request.
  const reason = REASON_THEN.exec(core);
  if (!reason) return undefined;
  const tail = stripSmallTalk(core.slice(reason.index + reason[0].length));
  const afterReason = plainRequestIntent(tail);
  return afterReason ? { intent: afterReason, text: tail } : undefined;
}

// A clause saying when or why before the request, up to its comma.
const CONTEXT_FIRST = /^(?:before|since|because|as|now\s+that|while|after|once|seeing\s+as)\s+[^,.;?!]{3,80},\s*/i;

// How a request after a comma opens (a cheap test before reading it with every rule).
const ASKS = /^(?:can|could|would|will|please|pls|what|whats|how|show|tell|check|give|send|transfer|pay|move|list|let|do|did|is|am|i\b|i'|just)/i;

// What the customer is doing, then "and" what they need: "I'm doing my taxes and need …".
const DOING_AND = /^(?:i'?m|i\s+am|we'?re|we\s+are)\s+[^,.;?!]{3,60}?\s+and\s+(?=(?:i\s+)?(?:just\s+)?(?:need|want|would\s+like|'d\s+like)\b)/i;

// The last "but", or an "and" before "I need / want to", after which the request comes.
const BUT_OR_AND_NEED = /\s+(?:but|and)\s+(?=i\s+(?:really\s+|just\s+)?(?:need|want|wanna|have)\b|i'?d\s+like\b|(?:can|could)\s+(?:you|u)\b)(?!.*\s(?:but|and)\s+(?:i\s+(?:need|want|wanna|have)|i'?d\s+like|(?:can|could)\s+(?:you|u))\b)/i;

// What joins a second request to a first: "and then", ", then", ". Then", "and after that".
const THEN = /(?:\s*[,;]\s*|\s*[.!?]\s+|\s+)(?:and\s+)?(?:then|after\s+that|afterwards)\s+(?=\S)/i;

// The last ", so" / "- so" / "so" that joins a reason to what the customer asks for.
const REASON_THEN = /(?:[,;:]\s*|\s+[-–—]\s*|\s+)(?:and\s+)?(?:so|therefore|which\s+is\s+why|that'?s\s+why)\s+(?!.*(?:[,;:]\s*|\s+)(?:so|therefore)\s)/i;

// A doubt about how that ends the message: "but I'm not sure how", "but I don't remember the account".
const DOUBT_AFTER = /\s*[,;-]?\s+(?:but|though)\s+(?:(?:i'?m|i\s+am)\s+not\s+(?:sure|certain)|i\s+(?:don'?t|do\s+not|can'?t|cannot)\s+(?:know|remember|recall))(?:\s+(?:how|which|what|where|who|the|about)\b[^.?!]{0,60})?\s*[.?!]*$/i;
