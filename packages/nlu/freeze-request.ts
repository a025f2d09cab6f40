// What a message says about freezing a card: one judgment, used where the model's reading is
// checked (refusal-guard.ts: a refused freeze never reads as freeze_card, which freezes at once)
// and by the dialogue (dialogue/flows/fraud.ts: "I lost my visa, freeze it" freezes at once,
// "should I freeze it?" gets the offer with its Yes/No). Each kept its own patterns before
// (defects17): "don't ever freeze it" was a refusal to one and not to the other.

import { lazyPattern } from "./lazy-pattern";

/**
 * asked: the freeze is asked for in so many words ("freeze it", "block my card").
 * refused: "don't freeze it", "i don't want my card frozen", "can you not lock the visa".
 * asked_why: "why did you freeze my card", "why is my debit card blocked".
 * wondered: asked about, not asked for ("should I freeze it?", "how do I block my card").
 * asked_if_done: whether it was done ("did you freeze it?", "is it frozen yet?"); session 27: at the
 * freeze offer this froze the card, read as "freeze it".
 */
export type FreezeRequest = "asked" | "refused" | "asked_why" | "wondered" | "asked_if_done";

const FREEZE = String.raw`(?:freez\w*|froze(?:n)?|block\w*|lock\w*|deactivat\w*)`;
// A refusal of the freeze: "don't / do not / not / never …" (a word may come between: "don't ever
// freeze it"), "i don't want (to) …", "no need to …", "i don't want my card (to be) frozen".
const REFUSED = lazyPattern(
  String.raw`\b(?:don'?t|dont|do\s+not|not|never|no\s+need\s+to|no\s+don'?t)\s+(?:(?:want|need)\s+(?:to\s+|you\s+to\s+|my\s+card\s+|it\s+)?|\w+\s+)?(?:please\s+)?${FREEZE}\b` +
    String.raw`|\b(?:don'?t|dont|do\s+not)\s+(?:want|need)\s+(?:my|the|this|that)\s+(?:\w+\s+)?(?:card|visa|mastercard|debit)\s+(?:to\s+be\s+)?${FREEZE}`,
  "i",
);
// A question why it happened, or whether it is: "why did you freeze my card", "why is my card blocked".
const ASKED_WHY = lazyPattern(String.raw`^(?:but\s+|so\s+)?why\s+(?:did|was|is|has|have|would|were|does)\b[^.?!]*\b${FREEZE}`, "i");
// Asked about: "should I freeze it?", "can I block my card", "how do I lock it".
const WONDERED = lazyPattern(
  String.raw`\b(?:(?:should|can|could|do|must|would)\s+i\s+(?:\w+\s+){0,2}|how\s+(?:do|can|would)\s+i\s+(?:\w+\s+)?)${FREEZE}\b`,
  "i",
);
// Whether it is done: "did you freeze it?", "have you blocked my card", "has it been frozen", "is it frozen yet".
const ASKED_IF_DONE = lazyPattern(
  String.raw`^(?:(?:so|and|wait|ok(?:ay)?|um+|hm+|sorry)[,\s]+)*(?:(?:did|have|has)\s+(?:you|u|teller|it|my\s+card|the\s+card)\s+(?:already\s+|actually\s+|been\s+|really\s+)*${FREEZE}|(?:is|was)\s+(?:it|that)\s+(?:already\s+|now\s+)?(?:frozen|blocked|locked|deactivated))\b`,
  "i",
);
// Asked for: the verb with what it acts on ("freeze it", "block my card", "lock the visa", "freeze all my cards").
const ASKED = lazyPattern(String.raw`\b(?:freeze|block|lock|deactivate)\s+(?:it|that|this|them|my|the|all|both|every|each|everything|our)\b`, "i");
// Where the sentence that names the freeze starts: "freeze my card, don't cancel it" still asks for one.
const FREEZE_WORD = /\b(?:freez|froze|block|lock|deactivat)/i;

/** What the message says about freezing a card; undefined when it names no freeze or only in passing ("is my card frozen"). */
export function readFreezeRequest(text: string): FreezeRequest | undefined {
  const word = FREEZE_WORD.exec(text);
  if (!word) return undefined;
  const start = Math.max(0, text.lastIndexOf(",", word.index) + 1, text.lastIndexOf(".", word.index) + 1);
  const sentence = text.slice(start);
  if (REFUSED.test(sentence)) return "refused";
  if (ASKED_WHY.test(sentence.trim())) return "asked_why";
  if (WONDERED.test(sentence)) return "wondered";
  if (ASKED_IF_DONE.test(sentence.trim())) return "asked_if_done";
  return ASKED.test(text) ? "asked" : undefined;
}

/** The message asks for the freeze itself, neither refusing it nor asking about it. */
export function asksForFreeze(text: string): boolean {
  return readFreezeRequest(text) === "asked";
}

// Every card at once: "block them all", "freeze all my cards", "lock both", "freeze everything",
// "freeze my cards" (plural), "block every card I have".
const EVERY_CARD = lazyPattern(
  String.raw`\b(?:all|both|every|each)\s+(?:of\s+)?(?:my\s+|the\s+)?(?:\w+\s+)?(?:cards?|them|ones?)\b` +
    String.raw`|\b${FREEZE}\s+(?:them\s+)?(?:all|both|everything)\b|\b${FREEZE}\s+(?:my|the|our)\s+cards\b|\bthem\s+all\b`,
  "i",
);
// "block them" is every card only where the message has put the cards (or the wallet) in view.
const THEM = lazyPattern(String.raw`\b${FREEZE}\s+them\b`, "i");
const WALLET = /\b(?:wallet|purse|handbag|bag|cards)\b/i;

/**
 * The freeze asked for or asked about is of every card the customer has ("my wallet got stolen,
 * block them all", "should I freeze my cards?"): each is frozen, not one picked (wallet19: "which
 * card?" after "block them all"). Whether to ask first is readFreezeRequest's to say.
 */
export function freezesEveryCard(text: string): boolean {
  const request = readFreezeRequest(text);
  if (request !== "asked" && request !== "wondered") return false;
  return EVERY_CARD.test(text) || (THEM.test(text) && WALLET.test(text));
}

// explore23: "unfreeze all my cards" asked "Which card?". Every card to unfreeze: "unfreeze all my
// cards", "unlock them all", "unfreeze both", "unblock my cards".
const UNFREEZE = String.raw`(?:unfreez\w*|unblock\w*|unlock\w*|reactivat\w*|re-?enable)`;
const UNFREEZE_EVERY = lazyPattern(
  String.raw`\b${UNFREEZE}\s+(?:them\s+)?(?:all|both|everything)\b|\b${UNFREEZE}\s+(?:all|both|every|each)\s+(?:of\s+)?(?:my\s+|the\s+|our\s+)?(?:\w+\s+)?(?:cards?|them|ones?)\b|\b${UNFREEZE}\s+(?:my|the|our)\s+cards\b`,
  "i",
);

/** The unfreeze asked for is of every card ("unfreeze all my cards"): each frozen one, under one confirmation. */
export function unfreezesEveryCard(text: string): boolean {
  return UNFREEZE_EVERY.test(text);
}

// The whole answer picks them all: "all of them", "both", "every card", "both please", "freeze them all".
const EVERY_ANSWER = lazyPattern(
  String.raw`^(?:(?:yes|yeah|yep|ok|okay)\W+)?(?:please\s+)?(?:(?:freeze|block|lock)\s+)?(?:them\s+all|(?:all|both|every|each)(?:\s+(?:of\s+)?(?:them|my\s+cards|the\s+cards|cards?|ones?))?|the\s+lot|everything)(?:\s+please)?\W*$`,
  "i",
);

/** An answer to "Which card would you like to freeze?" that picks every card ("all of them", "both"). */
export function answersEveryCard(text: string): boolean {
  return EVERY_ANSWER.test(text.trim());
}

// A card (or wallet) said to be lost, stolen or missing: "i lost my visa", "my card was stolen",
// "can't find my card". With a freeze the model may read it as freeze_card ("I lost my card, should
// I freeze it?"), and the customer is owed the lost-card answer first.
const AT_RISK = /\b(?:lost|los(?:e|ing)|stolen|stole|missing|misplaced|can'?t\s+find|cannot\s+find)\b/i;

/** The message tells of a lost or stolen card (or wallet). */
export function tellsCardAtRisk(text: string): boolean {
  return AT_RISK.test(text);
}
