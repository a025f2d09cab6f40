// Wave 3, nlu9 (issue 12): requests that a sixth fresh probe written before classifying
// (scripts/nlu/probe-set-6.ts) showed the model misreading, each rule written for the family of
// wordings, not the line: CLINC150-bank-like questions in other words ("how can i get my credit
// score up", "can i use my points to book a flight"), the spending view for a season, the opening
// hours asked without "opening", and BANKING77 problems the model read as another topic or as the
// action ("i can't add a new beneficiary" was payees). Same conventions as requests.ts and
// own-words*.ts, which apply these after their own: each pattern matches the whole small-talk-free
// message (lower-cased ASCII, texting spelled out), gated on words it cannot match without; a message
// that says anything more is the model's.

import { END, LEAD } from "./request-patterns";
import { lazyPattern } from "./lazy-pattern";
import type { ReadingRule } from "./own-words";

const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const SEASON = String.raw`(?:fall|autumn|spring|summer|winter|holidays|holiday\s+season|(?:first|second|third|fourth|last|this)\s+quarter|quarter)`;

export const OWN_WORDS_5_RULES: ReadingRule[] = [
  // "how can i get my credit score up", "what gets my credit rating back up" (credit_score 0.99):
  // making the score go up is the improving question, as requests.ts's verbs of raising it.
  [["credit"], lazyPattern(String.raw`\bget\s+(?:my|the|our|a)\s+(?:fico\s+)?credit\s+(?:score|rating)\s+(?:back\s+)?(?:up|higher)\b`), "improve_credit_score"],
  // "can i use my points to book a flight" (out of scope 0.81): spending the card's points.
  [["points"], lazyPattern(String.raw`^(?:(?:can|could|may)\s+i|how\s+(?:do|can|could)\s+i|is\s+it\s+possible\s+to|i\s+(?:want|would\s+like)\s+to|i'?d\s+like\s+to)\s+(?:use|spend|put)\s+(?:my\s+|the\s+)?(?:reward\s+|rewards\s+|credit\s+card\s+|card\s+)?points\s+(?:to|for|on|toward|towards)\s+[a-z0-9' ]{2,40}${END}`), "redeem_rewards"],
  // "show me my spending history for the fall" (transactions 0.94): the spending view for a season.
  [["spending"], lazyPattern(String.raw`^${LEAD}?(?:show|tell|give|see|view|get|know|check|review|what(?:'s|\s+is|\s+was))\s+(?:me\s+)?(?:my|the)\s+(?:total\s+)?spending(?:\s+(?:history|report|summary|breakdown))?\s+(?:for|in|over|during|from)\s+(?:the\s+)?(?:past\s+|last\s+|this\s+)?${SEASON}${END}`), "spending"],
  // "what are your hours on saturday", "what're the bank's hours this weekend" (out of scope 1.00).
  [["hours"], lazyPattern(String.raw`^(?:what\s+(?:are|is)|what'?re|tell\s+me|${LEAD}know)\s+(?:your|the\s+bank'?s|the\s+branch'?s|teller'?s)\s+hours(?:\s+(?:on|for|this|over\s+the)\s+(?:${WEEKDAY}s?|weekends?|the\s+weekend|holidays?|today|tomorrow))?${END}`), "opening_hours"],
  // "i can't add a new beneficiary" (payees 0.89): BANKING77's beneficiary_not_allowed.
  [["beneficiar"], lazyPattern(String.raw`^(?:i|we)\s+(?:can'?t|cannot|can\s+not|am\s+unable\s+to|couldn'?t|could\s+not|am\s+not\s+able\s+to)\s+add\s+(?:a|the|my|any|this)\s+(?:new\s+)?(?:beneficiary|beneficiaries)${END}`), "beneficiary_not_allowed"],
  // "I want to transfer money to an account" (transfer_into_account 0.94, a top-up question): sending
  // money somewhere is the transfer; BANKING77's top-ups name the customer's own account ("to my account").
  [["money", "funds"], lazyPattern(String.raw`^${LEAD}?(?:make\s+a\s+)?(?:transfer|send|move|wire)\s+(?:some\s+)?(?:money|funds)\s+to\s+(?:an|an\s+external|an\s+outside|some)\s+(?:bank\s+)?account${END}`), "transfer"],
  // "the money from my transfer went back to my account" (transfer 0.67: a problem read as the
  // action): a transfer whose money came back failed (BANKING77's failed_transfer).
  [["back"], lazyPattern(String.raw`^(?:the\s+|my\s+)?(?:money|funds|cash|payment|amount)\s+(?:from|for|of|in)\s+(?:my|the|a|that)\s+(?:recent\s+|last\s+)?transfer\s+(?:just\s+)?(?:went|came|got\s+sent|was\s+sent|has\s+(?:come|gone|been\s+sent)|bounced)\s+back(?:\s+(?:to|into)\s+(?:my|the)\s+(?:bank\s+)?account)?${END}`), "failed_transfer"],
];
