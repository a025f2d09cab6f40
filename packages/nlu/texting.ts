// Wave 3, nlu8 (issue 12): texting shorthand spelled out before a message is read ("cn u send 20 2
// mom", "yo whats in my acct", "did my direct dep come thru"). The model and the rules were taught
// full words; a fifth fresh probe (scripts/nlu/probe-set-5.ts) showed shorthand read as out of
// scope. Whole words only, and only shorthand that is no English word in a bank message ("sat",
// "mo" and "2" only where their reading is certain); everything else is left as typed.

import { oneSlip } from "./entities/accounts";
import { lazyPattern } from "./lazy-pattern";

const SHORTHAND: Readonly<Record<string, string>> = {
  u: "you", ur: "your", cn: "can", pls: "please", plz: "please", plez: "please", thx: "thanks",
  acct: "account", accts: "accounts", bal: "balance", chk: "check", chkg: "checking", chking: "checking",
  txn: "transaction", txns: "transactions", trx: "transactions", xfer: "transfer", xfr: "transfer", mv: "move",
  frm: "from", wk: "week", wks: "weeks", wknd: "weekend", mos: "months", mnth: "month", mnths: "months", mth: "month", mths: "months", yr: "year", yrs: "years",
  "2day": "today", "2nite": "tonight", tonite: "tonight", "2morrow": "tomorrow", tmrw: "tomorrow", tmr: "tomorrow",
  rn: "right now", wen: "when", whn: "when", wat: "what", wut: "what", wht: "what", hw: "how", hows: "how's", thru: "through",
  dep: "deposit", deps: "deposits", b4: "before", lemme: "let me", gimme: "give me", gonna: "going to",
  ppl: "people", abt: "about", amt: "amount", hrs: "hours", tho: "though", lookin: "looking",
  doin: "doing", goin: "going", gettin: "getting", comin: "coming", sendin: "sending", payin: "paying",
  movin: "moving", spendin: "spending", "$$": "money", "$$$": "money",
  // sweep19: "show me my lst 5 transactions" showed all nine (no count read).
  lst: "last",
  // explore31: "how much did i spnd on groceris" read every category's total.
  spnd: "spend", spnt: "spent",
};
// "on sat", "this wknd": weekday shorthand only after "on" / "this" / "next" / "last".
const DAY = /\b(on|this|next|last)\s+(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b(?!day)/gi;
const DAYS: Readonly<Record<string, string>> = { mon: "monday", tue: "tuesday", tues: "tuesday", wed: "wednesday", thu: "thursday", thur: "thursday", thurs: "thursday", fri: "friday", sat: "saturday", sun: "sunday" };
// "this mo": a month only after this / last / a / per / each / every.
const MONTH = /\b(this|last|a|per|each|every)\s+mo\b/gi;
// "20 2 mom", "need 2 know": "2" for "to" between an amount or a verb of wanting or moving and a word;
// "40 4 pizza": "4" for "for" after an amount.
const TO = /\b(\d[\d,.]*(?:\s*(?:dollars|bucks))?|need|needs|want|wants|wanna|going|got|send|transfer|move|pay|money|cash)\s+2\s+(?!(?:hundred|thousand|grand|million|dollars?|bucks|k|quid|euros?|pounds?|cents?|usd)\b)(?=[a-z])/gi;
const FOR = /\b(\d[\d,.]*(?:\s*(?:dollars|bucks))?)\s+4\s+(?!(?:hundred|thousand|grand|million|dollars?|bucks|k|quid|euros?|pounds?|cents?|usd|times|days|weeks|months|years)\b)(?=[a-z])/gi;
// "any $ come in": the sign alone for money.
const LONE_DOLLAR = /(?<!\S)\$(?=\s+[a-z])/gi;
// A word not inside another ("u.s." is not "you").
const WORD = /(?<![\w$'.])(?:\$\$\$?|[a-z0-9]+)(?![\w$']|\.[a-z])/gi;

// Whether a message may hold any of the above, by its words: most messages skip the replacing, and
// a fresh isolate compiles no pattern of ~90 alternatives for them (it was ~0.7 ms of the first
// message). A superset of what the replacements match: a shorthand word is a whole run of letters and
// digits, and so is each weekday (with "thus", which the old test's thur?s? also took).
const MAY_BE = new Set([...Object.keys(SHORTHAND), "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "thus", "fri", "sat", "sun", "mo"]);
function mayHoldShorthand(text: string): boolean {
  if (/\$\s|\s[24]\s/.test(text)) return true;
  for (const word of text.toLowerCase().match(/[a-z0-9]+|\$\$\$?/g) ?? []) if (MAY_BE.has(word)) return true;
  return false;
}

// nlu9: a slip in the two words a request turns on ("blaance plese", "trasnfer 50 to sam"): a word
// of the same first letter one letter changed, dropped or swapped away (added only as a doubled
// letter: "ballance"; never at the end, so "balances", "transfers" stay as typed).
// explore31: and in the categories and rows a question names ("groceris", "resturants", "transations"
// read every category's total or the latest ten); a word that is one of them is left as typed.
const SLIP_WORDS = ["balance", "transfer", "groceries", "grocery", "restaurants", "restaurant", "transactions", "transaction"];
const MAY_SLIP = lazyPattern(String.raw`\b[bgrt][a-z]{5,12}\b`, "gi");

function slipFixed(text: string): string {
  if (!/[bgrt][a-z]{5}/i.test(text)) return text;
  return text.replace(MAY_SLIP.regExp, (word) => {
    const w = word.toLowerCase();
    if (SLIP_WORDS.includes(w)) return word;
    for (const name of SLIP_WORDS) {
      if (w === name || w[0] !== name[0] || !oneSlip(w, name)) continue;
      if (w.length > name.length && (w.startsWith(name) || !/(.)\1/.test(w))) continue;
      // Nor a last letter dropped from a category's word: "grocer" is a word of its own.
      if (w.length < name.length && name.startsWith(w) && name !== "balance" && name !== "transfer") continue;
      return name;
    }
    return word;
  });
}

/** The message with texting shorthand spelled out; the message itself when it has none. */
export function spellOutTexting(message: string): string {
  const text = slipFixed(message);
  if (!mayHoldShorthand(text)) return text;
  let out = text.replace(WORD, (word) => {
    const full = SHORTHAND[word.toLowerCase()];
    return full ?? word;
  });
  out = out.replace(LONE_DOLLAR, "money");
  out = out.replace(DAY, (_, before: string, day: string) => `${before} ${DAYS[day.toLowerCase()]!}`);
  out = out.replace(MONTH, (_, before: string) => `${before} month`);
  out = out.replace(TO, (_, before: string) => `${before} to `).replace(FOR, (_, before: string) => `${before} for `);
  return out;
}
