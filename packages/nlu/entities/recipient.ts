// Who a payment is for, as free text ("send 20 to Jordan" → "Jordan"), for tools and logs that have
// no saved payees to match against (nlu:classify). Money only ever moves to a saved payee: the
// dialogue resolves names with matchPayee(), never with this. Its patterns (case-insensitive Unicode
// letter classes, the costliest to parse) are built on first use: most turns never ask for a name.

import { typoKind } from "./accounts";
import { lazyPattern, onFirstUse } from "../lazy-pattern";
import { NUMBER_WORD_LIST } from "./number-words";

const NUMBER_WORDS = new Set(NUMBER_WORD_LIST);

const NOT_A_NAME = new Set(
  ("a an the my me myself i you your our us it this that them him her his their some money cash funds dollars " +
    "bucks euros pounds checking chequing savings saving credit card account accounts acct current main joint " +
    "debit visa mastercard amex bank someone somebody person people another other else friend back please pls " +
    "now today tomorrow tonight next every each weekly monthly daily on for from with via by in into at of to " +
    "and or bill bills rent ticket be do go get make see say ask know check what how why when where who which " +
    "yes no ok okay sure thanks thank hi hello hey hmm um umm uh erm huh idk dunno maybe whatever sorry lol oops oh ah ugh " +
    "yeah yep nah nobody none nothing anyone anybody wait help human agent operator representative " +
    // nlu7: words after a lower-case first name that are not its surname ("send 20 to mike asap").
    "asap rn plz thx ty tmrw later soon first quickly instead too also right away real fast " +
    // …and what a payment is for ("pay Jordan 12.50 for dinner" named "dinner").
    "dinner lunch breakfast groceries grocery food drinks coffee tickets gas utilities electricity water internet " +
    "phone tuition books gift gifts birthday christmas trip vacation holiday movie movies concert parking taxes tax " +
    "insurance repairs repair urgently urgent immediately promptly directly " +
    // nlu9: "send 45 to Ivan anyway" named "Ivan anyway"; "pay my creditcard" named "creditcard".
    "anyway anyways though then creditcard creditcards debitcard").split(" "),
);
const FAMILY = new Set("mom mum mother dad father sister brother wife husband son daughter aunt uncle grandma grandpa landlord roommate".split(" "));
// Verbs and their -ing / noun forms: "make a payment to Jordan", "sending 20 to Sam".
// crowd30: "shoot sam 15 dollars" (slang for sending), named nobody.
const VERB = String.raw`(?:send(?:ing)?|sent|snd|sned|sedn|semd|spot|transfer(?:ring)?|tr(?:an|na|asn|ns|as|nas)fer|tansfer|transfre|transfr|pay(?:ing|ment)?|paid|reimburs(?:e|ing)|repay(?:ing)?|wir(?:e|ing)|giv(?:e|ing)|zelle|venmo|shoot|mov(?:e|ing)|owe)`;
const AMOUNT = String.raw`(?:[$€£]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?(?:\s?(?:dollars?|bucks|usd|euros?|eur|pounds?|gbp|quid))?)`;
const NAME = String.raw`([\p{L}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?)`;
// An amount in words starts with one of these ("I owe my friend Carlos fifty dollars").
const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+thousand)\b[a-z\s-]{0,40}?\b(?:dollars?|bucks|euros?|pounds?|quid)\b`;
// nlu7: number words closing the message with no currency ("pay tyler two hundred").
const NUMBER_WORDS_LAST = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+thousand)\b[a-z\s-]{0,40}[.!]?\s*$`;
// "pay my friend Daniel 75": who they are, then the capitalised name (session 14).
// nlu7: and the trades one pays ("pay my plumber Luis"). The "i" flag makes \p{Lu} match any letter,
// so the words that cannot be a name are kept out by hand ("give 30 to my neighbor for the plants").
const WHO = String.raw`(?:(?:(?:business\s+)?partner|friend|buddy|pal|mate|colleague|coworker|co-worker|neighbou?r|cousin|roommate|flatmate|boss|plumber|electrician|contractor|gardener|landscaper|mechanic|tutor|trainer|coach|babysitter|nanny|cleaner|housekeeper|handyman|painter|barber|hairdresser|stylist|teacher|driver|accountant|therapist|dog\s+walker)\s+(?=\p{Lu})(?!(?:for|to|from|with|and|or|the|a|an|please|pls|back|today|tomorrow|tonight|now|on|at|in|by|via|some|money|cash)\b))?`;

// nlu9: "pay the landlord 1,350", "send 1,250 bucks to the landlord": "the" before a role, as "my".
const MY = String.raw`(?:my\s+|the\s+(?=(?:landlord|landlady|babysitter|nanny|plumber|contractor|cleaner|gardener|mechanic|tutor|electrician|handyman|painter)\b))`;
// nlu9: "to my sister I want send 100 dollars", "for my brother Ahmed send please 250": who first,
// then the request (non-native word order).
const NAME_FIRST = String.raw`^\s*(?:to|for)\s+(?:my\s+)?${WHO}${NAME}\s+(?:(?:i|we)\s+(?:want|wanna|need|would\s+like|'d\s+like)\s+(?:to\s+)?|please\s+|pls\s+)?${VERB}\b`;

const patterns = onFirstUse(() => [
  // "to" before "for": "pay my roommate for utilities, can you send 48 dollars to Priya" (session 14).
  new RegExp(String.raw`\b${VERB}\b(?:[^.?!]|\.(?=\d))*?\bto\s+${MY}?${WHO}${NAME}`, "iu"),
  // "pay Jordan 12.50", "send mom 50", "give Sam back 10" (nlu7: before "for …", which names a purpose
  // in "pay Jordan 12.50 for dinner")
  new RegExp(String.raw`\b${VERB}\s+(?:back\s+)?${MY}?${WHO}${NAME}(?=\s+(?:back\s+)?(?:the\s+)?(?:${AMOUNT}|${NUMBER_WORD}|${NUMBER_WORDS_LAST}))`, "iu"),
  // "send 20 to Jordan", "transfer $5 over to alex", "pay 30 to my sister"
  // (a decimal point is not the end of the sentence: "send $50.25 to my landlord")
  new RegExp(String.raw`\b${VERB}\b(?:[^.?!]|\.(?=\d))*?\b(?:to|too|for)\s+${MY}?${WHO}${NAME}`, "iu"),
  // nlu9: "just get 90 to Rosa", "get 300 over to my dad": "get" with an amount is sending it.
  new RegExp(String.raw`\bget\s+${AMOUNT}\s+(?:over\s+)?to\s+${MY}?${WHO}${NAME}`, "iu"),
  // nlu9: "could emma get 50 from me": the person who gets it, asked the other way round.
  new RegExp(String.raw`\b(?:can|could)\s+(?:my\s+)?${NAME}\s+get\s+${AMOUNT}\s+from\s+me\b`, "iu"),
  new RegExp(NAME_FIRST, "iu"),
  // "send my mom some money", "give Sam the cash": the name before the money, with no amount.
  new RegExp(String.raw`\b${VERB}\s+(?:my\s+)?${NAME}\s+(?:(?:some|the|a\s+little|a\s+bit\s+of)\s+)?(?:money|cash|funds)\b`, "iu"),
  // "split the bill with Sam and send him $22.50": the name, then a pronoun after the verb (session 14).
  new RegExp(String.raw`\b(?:with|for)\s+(?:my\s+)?${WHO}${NAME}\s+and\s+${VERB}\s+(?:him|her|them)\b`, "iu"),
  // crowd31: "my roommate Dana paid the electric bill so I need to send her 45 dollars", "split the
  // cabin with Ravi, so send him $215", "sold my bike to Kevin and need to refund him 40": a
  // capitalised name said first (case matters here: no "i" flag), then "him" or "her" sent to.
  new RegExp(String.raw`(?:\b[Mm]y\s+[a-z]+(?:\s+[a-z]+)?\s+|\b(?:[Ww]ith|to|for)\s+)(\p{Lu}\p{Ll}+)\b[^.?!]{0,80}?\b(?:${VERB}|refund(?:ing)?)\s+(?:him|her)\b`, "u"),
  // "Let's do a transfer. Six hundred dollars to Tom.": an amount, then who it is for (session 14).
  // nlu7: also in fragments, "Transfer. 75 dollars. To Priya."
  new RegExp(String.raw`(?:\b(?:dollars?|bucks|usd|euros?|pounds?|quid)|[$€£]\s?\d[\d,]*(?:\.\d+)?)[.,]?\s+(?:over\s+)?to\s+(?:my\s+)?${NAME}`, "iu"),
  // defects17: "same again but to Jordan": a repeat of the last transfer to someone else, with no verb
  // before "to" (the dialogue says a name that is no saved payee back, as for "send 10 to Jordan").
  new RegExp(String.raw`\b(?:again|same|once\s+more|one\s+more\s+time)[,\s]+(?:but|only|just)\s+(?:only\s+|just\s+)?(?:to|for)\s+${MY}?${WHO}${NAME}`, "iu"),
  // The whole message "to Morgan": the answer to "Who should I send it to?"
  new RegExp(String.raw`^\s*to\s+(?:my\s+)?${NAME}\s*[.!]?\s*$`, "iu"),
]);

// nlu7: after a lower-case name, the end of the message or the amount ("send 200 dollars to mike
// johnson", "wire money to kate brown 200 dollars"): the second word is a surname there too.
const NAME_ENDS = lazyPattern(String.raw`^\s*(?:[.!?]+\s*)?$|^\s+(?:${AMOUNT}|${NUMBER_WORD})`, "iu");

// crowd31: "I need to send her 45", "from my savings to pay my friend": "to" before a verb names no one.
const A_VERB = lazyPattern(String.raw`^${VERB}$`, "i");

function clean(candidate: string, rest = ""): string | undefined {
  // "to Mahmoud's account" names Mahmoud.
  const words = candidate.split(/\s+/).map((word) => word.replace(/['’]s$/iu, ""));
  // Keep a second word when it is capitalised like a surname, or closes the request, and is not a known non-name.
  const kept = [words[0]!];
  if (words[1] && !NOT_A_NAME.has(words[1].toLowerCase()) && (/^\p{Lu}/u.test(words[1]) || NAME_ENDS.test(rest))) kept.push(words[1]);
  const first = kept[0]!.toLowerCase();
  // Session 25: "send twenty five to savings" named "twenty" beside savings ("I can send to one recipient at a time").
  if (NOT_A_NAME.has(first) || /\d/.test(first) || NUMBER_WORDS.has(first.split("-")[0]!) || A_VERB.test(first)) return undefined;
  // "move 50 to savngs": an account's name with a slip, not a second recipient beside it.
  if (typoKind(first, /^(?:card|account|acct)$/i.test(words[1] ?? "")) !== undefined) return undefined;
  // nlu7: "my daughter emma", "my son Leo": the name after who they are.
  if (FAMILY.has(first) && kept[1]) return kept[1];
  return kept.join(" ");
}

// nlu7: "I'd like to pay back my friend Jessica, I owe her 45", "pay my brother back": who is paid
// back, with the amount elsewhere or not at all. Only a capitalised name or a relative ("pay back
// my loan" names nobody).
const PAID_BACK = lazyPattern(String.raw`\b(?:pay|repay|reimburse)\s+(?:back\s+)?(?:my\s+)?${WHO}${NAME}`, "iu");

/** The recipient a payment request names, or undefined. */
export function extractRecipientName(text: string): string | undefined {
  for (const pattern of patterns()) {
    const m = pattern.exec(text);
    if (!m) continue;
    const name = clean(m[1]!, text.slice(m.index + m[0].length));
    if (name) return FAMILY.has(name.toLowerCase()) ? name.toLowerCase() : name;
  }
  const back = /\bback\b/i.test(text) ? PAID_BACK.exec(text) : null;
  const name = back ? clean(back[1]!, text.slice(back.index + back[0].length)) : undefined;
  if (name && FAMILY.has(name.toLowerCase())) return name.toLowerCase();
  return name && /^\p{Lu}/u.test(name) ? name : undefined;
}

// A message that is nothing but a name ("Morgan", "sam taylor", "my landlord"): up to three words.
const BARE_NAME = lazyPattern(String.raw`^\s*(?:to\s+)?(?:my\s+)?([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,2})\s*[.!]?\s*$`, "iu");

/**
 * The name a message that is only a name gives, or undefined. For the answer to "Who should I send
 * it to?" alone: anywhere else a lone word is far more often something other than a name.
 */
export function bareRecipientName(text: string): string | undefined {
  const m = BARE_NAME.exec(text);
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/).map((word) => word.replace(/['’]s$/iu, ""));
  if (words.some((word) => NOT_A_NAME.has(word.toLowerCase()))) return undefined;
  const name = words.join(" ");
  return FAMILY.has(name.toLowerCase()) ? name.toLowerCase() : name;
}
