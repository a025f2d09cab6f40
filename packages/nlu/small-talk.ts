// Small talk around a request (issue 12, item 3): "Thanks. Now I want to make a transfer.",
// "Hello! Can you help me with a transfer?", "Maybe later. I'd like to check my balance." The
// request is read out of the message before it is classified, so greetings, thanks and fillers
// never hide it; only a message that is nothing but small talk is left to the small-talk intents.

import { lowerAscii } from "./requests";

const SEP = String.raw`[\s,.!?;:…~\-–—)(]+`;

/** A greeting, as a message may open with one ("hi there", "hello teller", "good morning"). */
export const GREETING = String.raw`h(?:i+|ello+|ey+|iya|owdy)(?:\s+there)?(?:\s+teller)?|good\s+(?:morning|afternoon|evening|day)`;

// Phrases that are small talk wherever they open a message, with or without punctuation after.
const STRONG = [
  GREETING,
  "greetings", "yo", "teller",
  String.raw`thanks?(?:\s+(?:you|u))?(?:\s+(?:so|very)\s+much|\s+a\s+(?:lot|bunch|ton))?(?:\s+for\s+(?:that|this|the\s+help|your\s+help|helping))?`,
  "thx", "ty", "cheers", "much appreciated", "appreciate it",
  "ok(?:ay|ey)?", "alright", "all right",
  "maybe later", "not (?:right )?now", "not yet", "never ?mind", "forget (?:it|that)", "no worries", "no problem",
  "got it", "sounds good", "that'?s (?:fine|great|good|ok|okay|all good)", "one more thing", "another thing",
  "(?:u+h*m+|h+m+|u+h+|e+r+m*)",
  String.raw`no\s+thanks?(?:\s+(?:you|u))?`,
];
// Closings and declines ("No, that will be all.", "Nothing else for the restaurant.", "I'm all
// set.") end one request and often open the next; small talk only when punctuation or the end of
// the message follows, since "nothing else works on my card" and "i'm good at saving" are not.
const CLOSING = [
  String.raw`that(?:'?ll|\s+will|\s+would)\s+be\s+(?:all|it|everything)`,
  String.raw`(?:that'?s|that\s+is|that\s+was|this\s+is)\s+(?:all|it|everything)(?:\s+i\s+need(?:ed)?)?`,
  String.raw`(?:that'?s\s+|that\s+is\s+)?all\s+i\s+need(?:ed)?`,
  String.raw`(?:nothing|not\s+anything)\s+(?:else|more)`,
  String.raw`no(?:thing)?\s+more`,
  String.raw`(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:all\s+)?(?:good|set|done|fine)`,
  String.raw`all\s+(?:set|done|good)`,
  String.raw`i\s+(?:don'?t|do\s+not)\s+need\s+(?:anything|that|it)(?:\s+else)?`,
  "that works", "that'?s (?:perfect|wonderful|awesome|cool)",
];
const CLOSING_TAIL = String.raw`(?:\s+(?:for\s+(?:now|today|me|the\s+[a-z]+)|with\s+(?:that|the\s+[a-z]+)|then|thanks?|thank\s+you))*`;
// Words that are small talk only when punctuation follows ("Great, …", "No. …"), or when they
// follow other small talk ("thanks, now …"): otherwise they may be part of the request.
const WEAK = [
  "yes", "yeah", "yep", "yup", "no", "nope", "nah", "sure", "fine", "great", "awesome", "perfect", "cool",
  "nice", "lovely", "brilliant", "excellent", "wonderful", "well", "so", "now", "and", "also", "actually",
  "oh", "next", "then", "k", "kk", "right", "please",
];
const TRAILING = [
  String.raw`thanks?(?:\s+(?:you|u))?(?:\s+(?:so|very)\s+much|\s+a\s+(?:lot|bunch|ton)|\s+in\s+advance)?`,
  "thx", "ty", "cheers", "please", "pls", "plz", "(?:good)?bye", "much appreciated", "ok(?:ay)?\\??",
  "have a (?:nice|good|great) (?:day|one|evening)", "that'?s all", ":\\)", ":-\\)", "please and thank you",
];

// No "i" flag: the patterns are lower-case ASCII and read the text with its ASCII letters
// lower-cased (lowerAscii keeps every position), the same matches at a fraction of the compile cost.
const strongLead = new RegExp(String.raw`^(?:${STRONG.join("|")})(?:${SEP}|$)`);
const weakLead = new RegExp(String.raw`^(?:${WEAK.join("|")})(?:[,.!?;:…]+\s*|$)`);
const closingLead = new RegExp(String.raw`^(?:${CLOSING.join("|")})${CLOSING_TAIL}(?:[,.!?;:…]+\s*|$)`);
const closingAnywhere = new RegExp(String.raw`(?:^|[\s,.!?;:…])(?:${CLOSING.join("|")})${CLOSING_TAIL}(?:[,.!?;:…]|$)`);
const weakAfterSmallTalk = new RegExp(String.raw`^(?:${WEAK.join("|")})\s+`);
const trailing = new RegExp(String.raw`(?:^|[\s,.!?;:…]+)(?:${TRAILING.join("|")})[\s,.!?;:…]*$`);

/**
 * The message without the small talk that opens or closes it; "" when nothing else is left.
 * Only whole phrases at the edges are removed, never words inside the request.
 */
export function stripSmallTalk(text: string): string {
  let rest = text.trim();
  let stripped = false;
  for (let guard = 0; guard < 12 && rest !== ""; guard++) {
    const lower = folded(rest);
    const m = strongLead.exec(lower) ?? weakLead.exec(lower) ?? closingLead.exec(lower) ?? (stripped ? weakAfterSmallTalk.exec(lower) : null);
    if (!m || m[0].length === 0) break;
    rest = rest.slice(m[0].length).trimStart();
    stripped = true;
  }
  for (let guard = 0; guard < 6 && rest !== ""; guard++) {
    const m = trailing.exec(folded(rest));
    if (!m) break;
    rest = rest.slice(0, m.index).trimEnd();
  }
  return rest;
}

/** Whether a message with no request in it ends the conversation ("No, that will be all."). */
export function isClosing(text: string): boolean {
  const lower = folded(text.trim());
  // "yes, that's it" confirms what was said (CLINC150 labels it `yes`), it does not end anything.
  return !/^(?:yes|yeah|yep|yup|correct|exactly|right)\b/.test(lower) && stripSmallTalk(text) === "" && closingAnywhere.test(lower);
}

// A sentence declining something else ("No, I don't need a taxi.", "I'm not interested in that.")
// before the request it makes way for; in a dialogue it answers the previous turn's offer.
const DECLINE = /^(?:(?:no|nope|nah)(?:[\s,.!]+|$))?(?:i\s+(?:don'?t|do\s+not)\s+(?:need|want)\b|(?:i'?m|i\s+am)\s+(?:not\s+interested|done\s+with|finished\s+with)\b|not\s+interested\b|(?:no|nope|nah)[\s,.!]*$)/;

/**
 * The message without the sentences that open it by declining something or closing a topic;
 * the message itself when nothing else follows them.
 */
export function afterDeclines(text: string): string {
  const sentences = text.trim().split(/(?<=[.!?;])\s+|\n+/);
  let first = 0;
  while (first < sentences.length - 1 && (DECLINE.test(folded(sentences[first]!)) || stripSmallTalk(sentences[first]!) === "")) first++;
  return first === 0 ? text.trim() : sentences.slice(first).join(" ");
}

/** ASCII letters lower-cased and curly apostrophes straightened: the same length and positions as `text`. */
function folded(text: string): string {
  return lowerAscii(text).replace(/[\u2018\u2019\u02bc`]/g, "'");
}

/** Sentences of a message (split after . ! ? ; or a line break), small talk stripped, empty ones dropped. */
export function requestClauses(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => stripSmallTalk(s))
    .filter((s) => /[a-z]/i.test(s));
}
