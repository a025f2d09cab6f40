// Money amounts in free text → integer minor units + currency. Never goes through a float: digits
// are joined as strings and converted once, so "0.1 + 0.2" problems cannot appear. Negative
// amounts, scientific notation and absurd values come back as invalid rather than being "fixed".

import { CURRENCIES, type Currency } from "../../money/money";
import { lazyPattern, mentionsAny } from "../lazy-pattern";
import { NUMBER_WORD, NUMBER_WORD_LIST, addNumberWords, parseNumberWords, spokenPrice } from "./number-words";

export { parseNumberWords };

// "currency": a currency Teller does not hold ("100 bitcoin", "50 pesos"): never read as dollars.
// "vague": no exact sum ("a couple hundred", "a few hundred bucks"): asked for, never guessed.
export type AmountIssue = "negative" | "too_large" | "format" | "currency" | "vague";

export interface Amount {
  minor: number;
  currency: Currency;
  /** False when no currency was written and `defaultCurrency` was used. */
  currencySpecified: boolean;
  /** The matched text, for confirmations ("send $25.00 — you wrote '25 bucks'"). */
  text: string;
}

export interface InvalidAmount {
  invalid: AmountIssue;
  /** Why, in a few words (for logs, not for customers). */
  detail: string;
  text: string;
  /** A spoken price ("twenty five fifty"): the two sums it could be, to ask which ($25.50 or $2,550.00). */
  readings?: [Amount, Amount];
}

export interface AmountOptions {
  /** Currency when none is written (default USD). */
  defaultCurrency?: Currency;
  /** Largest believable amount in minor units (default 1,000,000.00). */
  maxMinor?: number;
}

const SYMBOL_CURRENCY: Record<string, Currency | null> = {
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": null,
  usd: "USD",
  eur: "EUR",
  gbp: "GBP",
  dollar: "USD",
  dollars: "USD",
  buck: "USD",
  bucks: "USD",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  quid: "GBP",
  sterling: "GBP",
  yen: null,
  jpy: null,
};
// sweep19: currencies and coins a customer may name that Teller never holds ("send 100 bitcoin to
// Mom" was $100.00). Each is refused as a currency, never taken for dollars.
const FOREIGN = "bitcoin bitcoins btc eth ether ethereum crypto dogecoin rupee rupees peso pesos yuan rmb franc francs ruble rubles rouble roubles dirham dirhams reais lira kronor krona kroner zloty".split(" ");
for (const w of FOREIGN) SYMBOL_CURRENCY[w] = null;
const FOREIGN_WORDS = FOREIGN.join("|");
const MINOR_WORDS = new Set(["cent", "cents", "pence", "p"]);

interface Candidate {
  start: number;
  result: Amount | InvalidAmount;
  /** 3: currency written, 2: decimal point, 1: bare number in an amount position. */
  rank: number;
}

const CURRENCY_WORD = `usd|eur|gbp|dollars?|bucks?|euros?|pounds?|quid|sterling|yen|jpy|${FOREIGN_WORDS}|cents?|pence|p(?![a-z])`;
const NUMERIC = new RegExp(
  String.raw`(?<![\w.,])(?<neg>(?:minus|negative)\s+|[-−–]\s?)?(?<pre>[$€£¥]|(?:usd|eur|gbp)\s?)?(?<neg2>[-−–])?` +
    String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)(?<exp>e[+-]?\d+)?(?<k>k(?![a-z]))?` +
    // "2 hundred bucks", "1.5 thousand dollars", "2 hundred and fifty": digits times a scale word,
    // plus the number words after it.
    String.raw`(?:\s+(?<scale>hundred|thousand|grand|million)(?<rest>(?:\s+(?:and\s+)?${NUMBER_WORD})*))?` +
    // nlu9: "12 dollars and 50 cents", "5 dollars 5 cents": cents said after the currency word.
    // nlu11: …and after a symbol before the figure ("$12 and 50c", "€3 and 20 cents"): the cents clause
    // follows the figure or its currency word, with "c" for cents when written against the digits.
    String.raw`(?:\s?(?<post>[$€£¥]|${CURRENCY_WORD}))?(?:\s+(?:and\s+)?(?:(?<cents>\d{1,2}|${NUMBER_WORD}(?:\s+${NUMBER_WORD})?)\s+(?:cents?|pence|p(?![a-z]))|(?<centsc>\d{1,2})c(?![a-z])))?(?![\w])`,
  "gi",
);
// Bare numbers that are something else: "ending 4242", "last 30 days", "the 3rd", "top 5". crowd32:
// whole words only: "send jason 25", "pay my son 45" read no amount ("on" at the end of the name).
const NOT_AMOUNT_BEFORE = /(?<![a-z])(?:ending(?:\s+in)?|last|past|next|top|first|card|account|number|no\.?|#|in|of|since|from|on|the)\s*$/i;
// …but "a transfer of 300", "the amount of 1,320" name money after "of" (not "the sum of 3 plus 5").
// nlu8: also with the account between ("a transfer to savings of 400"). nlu9: "my half of 32".
const MONEY_OF = /\b(?:transfers?|payments?|deposits?|withdrawals?|amount|refund|loan|gift|half|share|portion)\s+(?:(?:to|into|from)\s+(?:my\s+|the\s+)?(?:savings|checking)(?:\s+account)?\s+)?of\s*$/i;
// nlu7: …and "the 30 I owe him", "the 20 that I borrowed", "the 60 back" name a sum owed, not a day.
const OWED_AFTER = /^\s+(?:(?:that\s+)?(?:i|we)\s+(?:owe|owed|borrowed|promised)\b|back\b)/i;
// Session 30: "move 20% of my balance to savings" confirmed a $20.00 transfer: "%" is no word, so the
// "\b" after it never matched; a share is not an amount.
const NOT_AMOUNT_AFTER = /^\s*(?:(?:st|nd|rd|th|days?|weeks?|months?|years?|hours?|mins?|minutes?|transactions?|payments?|purchases?|items?|am|pm|percent|per\s+cent|pct)\b|[:/%])/i;
// Session 32: "is there enough for a 500 payment": after "a", one payment's figure is money ("3 payments" counts).
const ONE_SUM = /^\s*(?:payment|purchase|transaction|charge|bill)\b(?!\s+plans?\b)/i;
const A_BEFORE = /\ban?\s*$/i;
// sweep16: "pay my credit card 50 from checking": after paying a card, a figure that is not its last
// four digits is the payment ("card 1234", "pay my card ending 1234" stay the card's number).
const PAID_CARD_BEFORE = /\b(?:pay|paying|pay\s+off|pay\s+down|pay\s+towards?)\s+(?:off\s+)?(?:my|the)\s+(?:[a-z]+\s+){0,2}?card\s*$/i;
// nlu9: "the 42.10 one": a figure with cents is money after "the" too; only a card or account
// number's words keep it from being one.
const NOT_AMOUNT_BEFORE_CENTS = lazyPattern(String.raw`(?:ending(?:\s+in)?|card|account|number|no\.?|#)\s*$`, "i");
// nlu9: "i have three kids and two dogs", "my two sons": a bare number before a plural noun counts
// things. Words ending in "s" that are not things counted (and the currency words) are listed.
const COUNTED_AFTER = lazyPattern(String.raw`^\s+(?:more\s+|other\s+|extra\s+|little\s+|young\s+|old\s+)?([a-z]{3,}s)\b`, "i");
const NOT_COUNTED = new Set(
  "was has his its yes this plus less thus towards afterwards across unless thanks thx perhaps always besides sometimes whereas does goes says pls dollars bucks euros pounds cents pence usd eur gbp".split(" "),
);

function countsThings(after: string): boolean {
  const m = COUNTED_AFTER.exec(after);
  if (m === null) return false;
  const word = m[1]!.toLowerCase();
  // A slip of a currency word ("dollers", "dolalrs", "buks") is not a thing counted.
  return !NOT_COUNTED.has(word) && !/^(?:dol|dl|bu[ck]|eur|pou|cen)/.test(word);
}

function validate(
  minorDigits: string,
  currency: Currency,
  specified: boolean,
  text: string,
  options: AmountOptions,
): Amount | InvalidAmount {
  const minor = Number(minorDigits);
  const max = options.maxMinor ?? 100_000_000;
  if (!Number.isSafeInteger(minor) || minor > max) {
    return { invalid: "too_large", detail: `above ${max} minor units`, text };
  }
  return { minor, currency, currencySpecified: specified, text };
}

function parseNumeric(m: RegExpExecArray, options: AmountOptions): Candidate | null {
  const g = m.groups ?? {};
  const text = m[0].trim();
  const pre = g.pre?.trim().toLowerCase();
  const post = g.post?.toLowerCase();
  const num = g.num!;
  const marker = pre ?? (post !== undefined && !MINOR_WORDS.has(post) ? post : undefined);
  const minorUnitsWritten = post !== undefined && MINOR_WORDS.has(post);
  const hasCurrency = marker !== undefined || minorUnitsWritten;
  const start = m.index + (m[0].length - m[0].trimStart().length);
  // Session 30: "a few 100 dollars", "a couple 1000" (read as $100.00): a rough sum in digits is asked for,
  // as "a couple hundred" is (parseWords).
  if (/^(?:100|1,?000)$/.test(num) && g.scale === undefined && g.k === undefined) {
    const rough = VAGUE_BEFORE.exec(m.input.slice(0, m.index));
    if (rough) return { start: rough.index, rank: 3, result: { invalid: "vague", detail: "a rough sum", text: `${rough[0].trim()} ${text}` } };
  }
  // "20.5.5", "12.05.2026", "1,000,00": a dotted run is no one sum (it was read as $20.50); money-marked, it is unreadable.
  if (/^[.,]\d/.test(m.input.slice(m.index + m[0].length))) {
    return hasCurrency ? { start, rank: 3, result: { invalid: "format", detail: "dotted digits", text } } : null;
  }
  if (!hasCurrency) {
    const before = m.input.slice(0, m.index);
    const after = m.input.slice(m.index + m[0].length);
    const paidCard = g.scale === undefined && g.k === undefined && !/^\d{4}$/.test(num) && PAID_CARD_BEFORE.test(before);
    const notAmountBefore = paidCard
      ? false
      : /^\d+\.\d{2}$/.test(num)
        ? NOT_AMOUNT_BEFORE_CENTS.test(before)
        : NOT_AMOUNT_BEFORE.test(before) && !MONEY_OF.test(before) && !(/\bthe\s*$/i.test(before) && OWED_AFTER.test(after));
    if (g.neg === undefined && (notAmountBefore || (NOT_AMOUNT_AFTER.test(after) && !(A_BEFORE.test(before) && ONE_SUM.test(after))) || (g.scale === undefined && g.k === undefined && countsThings(after)))) return null;
  }
  const rank = hasCurrency ? 3 : num.includes(".") ? 2 : 1;
  if (g.neg !== undefined || g.neg2 !== undefined) {
    return { start, rank, result: { invalid: "negative", detail: "amount has a minus sign", text } };
  }
  if (g.exp !== undefined) {
    return { start, rank, result: { invalid: "format", detail: "scientific notation", text } };
  }
  let currency: Currency = options.defaultCurrency ?? "USD";
  if (marker !== undefined) {
    const c = SYMBOL_CURRENCY[marker];
    if (!c) return { start, rank, result: { invalid: "currency", detail: `unsupported currency ${marker}`, text } };
    currency = c;
  } else if (post === "p" || post === "pence") currency = "GBP";
  // "25,50" is a European decimal comma or a typo; refuse to guess which.
  if (/^\d+,\d{1,2}$/.test(num)) return { start, rank, result: { invalid: "format", detail: "decimal comma", text } };
  const plain = num.replace(/,/g, "");
  const [whole = "", fraction = ""] = plain.split(".");
  if (minorUnitsWritten) {
    if (fraction !== "") return { start, rank, result: { invalid: "format", detail: "fractional cents", text } };
    return { start, rank, result: validate(whole, currency, true, text, options) };
  }
  if (fraction.length > 2) return { start, rank, result: { invalid: "format", detail: "more than 2 decimals", text } };
  let digits = `${whole || "0"}${fraction.padEnd(2, "0")}`;
  const centsText = g.cents ?? g.centsc;
  if (centsText !== undefined) {
    // Cents need the units before them named as money: "12 and 50 cents" has no currency on the 12.
    if (pre === undefined && post === undefined) return { start, rank, result: { invalid: "format", detail: "cents without units", text } };
    const cents = /^\d+$/.test(centsText) ? Number(centsText) : parseNumberWords(centsText.toLowerCase().split(/\s+/));
    if (cents === null || cents > 99 || fraction !== "" || g.k !== undefined || g.scale !== undefined) {
      return { start, rank, result: { invalid: "format", detail: "bad cents", text } };
    }
    digits = String(Number(digits) + cents);
  }
  if (g.k !== undefined) digits += "000";
  if (g.scale !== undefined) {
    const words = `${g.scale} ${g.rest ?? ""}`.trim().toLowerCase().split(/\s+/);
    const minor = addNumberWords(words, Number(digits), 100, true);
    if (minor === null) return { start, rank, result: { invalid: "format", detail: "bad number words", text } };
    digits = String(minor);
  }
  return { start, rank, result: validate(digits, currency, hasCurrency, text, options) };
}

const WORDS_AMOUNT = new RegExp(
  String.raw`(?<![\w-])(?<neg>(?:minus|negative)\s+)?(?<half>half\s+(?=a\s))?(?<words>(?:a\s+)?${NUMBER_WORD}(?:\s+(?:and\s+)?${NUMBER_WORD})*)` +
    String.raw`(?:\s+(?<cur>usd|eur|gbp|dollars?|bucks?|euros?|pounds?|quid|yen|${FOREIGN_WORDS}))?` +
    String.raw`(?:\s+(?:and\s+)?(?<cents>${NUMBER_WORD}(?:\s+${NUMBER_WORD})*)\s+(?:cents?|pence|p))?(?![\w-])`,
  "gi",
);

// What makes a scale word after it a rough sum ("a couple hundred", "a few thousand", "several hundred").
const VAGUE_BEFORE = /\b(?:a\s+)?(?:couple(?:\s+of)?|few|several|some|many)\s*$/i;

function parseWords(m: RegExpExecArray, options: AmountOptions): Candidate | null {
  const g = m.groups ?? {};
  const text = m[0].trim();
  const words = g.words!.toLowerCase().split(/\s+/);
  const parsed = parseNumberWords(words);
  // "twenty five fifty": either of two sums, asked about rather than dropped (it was read as no amount at all).
  const spoken = parsed === null && g.half === undefined && g.cents === undefined ? spokenPrice(words) : undefined;
  if (parsed === null && spoken === undefined) return null;
  const whole = parsed ?? spoken![0] / 100;
  // nlu7: "half a grand", "half a thousand dollars" (was read as the whole).
  const value = g.half !== undefined ? whole / 2 : whole;
  const cur = g.cur?.toLowerCase();
  // "one" or "a" on their own are too common in ordinary speech to be taken as money.
  if (cur === undefined && (value <= 1 || /^(?:a|one)$/.test(g.words!.trim().toLowerCase()))) return null;
  // nlu9: "after two weeks", "three kids": a count, not money.
  if (cur === undefined && g.cents === undefined) {
    const after = m.input.slice(m.index + m[0].length);
    if (NOT_AMOUNT_AFTER.test(after) || countsThings(after)) return null;
  }
  const start = m.index + (m[0].length - m[0].trimStart().length);
  const rank = cur !== undefined ? 3 : 1;
  if (g.neg !== undefined) return { start, rank, result: { invalid: "negative", detail: "minus in words", text } };
  // explore30: "pay a couple hundred to my landlord" was $100.00: a scale word after "couple", "few",
  // "several" is no exact sum, so it is asked for rather than read as one hundred.
  const rough = /^(?:hundred|thousand|grand)\b/i.test(g.words!) ? VAGUE_BEFORE.exec(m.input.slice(0, start)) : null;
  if (rough) return { start: rough.index, rank: 3, result: { invalid: "vague", detail: "a rough sum", text: `${rough[0].trim()} ${text}` } };
  let currency: Currency = options.defaultCurrency ?? "USD";
  if (cur !== undefined) {
    const c = SYMBOL_CURRENCY[cur];
    if (!c) return { start, rank, result: { invalid: "currency", detail: `unsupported currency ${cur}`, text } };
    currency = c;
  }
  if (spoken) {
    const [small, large] = spoken.map((minor) => validate(String(minor), currency, cur !== undefined, text, options));
    if (isInvalidAmount(small!) || isInvalidAmount(large!)) return { start, rank, result: { invalid: "format", detail: "spoken price", text } };
    return { start, rank, result: { invalid: "format", detail: "spoken price", text, readings: [small!, large!] } };
  }
  const cents = g.cents === undefined ? 0 : parseNumberWords(g.cents.toLowerCase().split(/\s+/));
  if (cents === null || cents > 99) return { start, rank, result: { invalid: "format", detail: "bad cents", text } };
  // Whole units times 100 (halved: times 50, so "half a hundred and five" stays in whole cents).
  const digits = String((g.half !== undefined ? whole * 50 : whole * 100) + cents);
  return { start, rank, result: validate(digits, currency, cur !== undefined, text, options) };
}

// Each pattern runs only on a text with what it cannot match without (a digit; a number word, in
// any case): a fresh isolate compiles a pattern on its first run, and these two were ~5 ms of the
// first message's entities, which mostly has neither.

function collect(text: string, options: AmountOptions): Candidate[] {
  const candidates: Candidate[] = [];
  const taken: Array<[number, number]> = [];
  const numerals = /\d/.test(text) ? text.matchAll(NUMERIC) : [];
  for (const m of numerals) {
    const c = parseNumeric(m, options);
    if (c) {
      candidates.push(c);
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  const lower = text.toLowerCase();
  const words = mentionsAny(lower, NUMBER_WORD_LIST) ? text.matchAll(WORDS_AMOUNT) : [];
  for (const m of words) {
    const overlaps = taken.some(([a, b]) => m.index < b && m.index + m[0].length > a);
    const c = overlaps ? null : parseWords(m, options);
    if (c) candidates.push(c);
  }
  return candidates;
}

// What comes right before a sum that is not meant.
const NEGATED_SUM = /\b(?:not|instead\s+of|rather\s+than)\s+\$?$/i;
// The words that take back what was just said.
const CORRECTION = /\b(?:no\s+sorry|no\s+wait|sorry|i\s+mean|i\s+meant|make\s+(?:that|it)|actually|correction|or\s+rather)\b/i;

// nlu9: the verb of a request to move money, and what follows a sum sent somewhere ("50 to jo").
const MONEY_VERB = lazyPattern(String.raw`\b(?:send|transfer|move|pay|wire|give|put|zelle|venmo)\b`, "i");
const SENT_SOMEWHERE = lazyPattern(String.raw`^\s*(?:[$€£¥a-z]+\s+)?(?:to|into|from|over)\b`, "i");

/**
 * nlu9: "my rent is 1400 but i only need to move 300", "the bill came to 64, send my half of 32 to
 * eric": sums in the story before the request are not the one it sends, when the request names one.
 * A sum before the verb that is itself sent somewhere ("$50 to jo and put 20 in savings") stays.
 */
function afterTheRequest(text: string, candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const verb = MONEY_VERB.exec(text);
  if (!verb) return candidates;
  const after = candidates.filter((c) => c.start > verb.index);
  if (after.length === 0 || after.length === candidates.length) return candidates;
  const story = candidates.filter((c) => c.start < verb.index);
  const sent = story.some((c) => SENT_SOMEWHERE.test(text.slice(c.start + c.result.text.length)));
  return sent ? candidates : after;
}

/**
 * nlu7: "send 60 euros, no sorry, 60 dollars to Pierre", "30 quid... I mean 30 dollars": an amount
 * said after a correction replaces the ones before it.
 */
function notTakenBack(text: string, all: Candidate[]): Candidate[] {
  // nlu8: "not 50, send 70 to luke", "send 70 instead of 50": a sum said with "not" before it is not meant.
  const negated = all.length > 1 ? all.filter((c) => NEGATED_SUM.test(text.slice(Math.max(0, c.start - 16), c.start))) : [];
  const candidates = negated.length > 0 && negated.length < all.length ? all.filter((c) => !negated.includes(c)) : all;
  const correction = candidates.length > 1 ? CORRECTION.exec(text) : null;
  if (!correction) return afterTheRequest(text, candidates);
  const after = candidates.filter((c) => c.start >= correction.index);
  return after.length > 0 && after.length < candidates.length ? after : afterTheRequest(text, candidates);
}

/** The amount mentions a message still stands by, in text order: those after a correction if it has one. */
export function amountsMeant(text: string, options: AmountOptions = {}): Array<Amount | InvalidAmount> {
  return notTakenBack(text, collect(text, options))
    .sort((a, b) => a.start - b.start)
    .map((c) => c.result);
}

/** All amount-like mentions, in text order (including invalid ones). */
export function extractAmounts(text: string, options: AmountOptions = {}): Array<Amount | InvalidAmount> {
  return collect(text, options)
    .sort((a, b) => a.start - b.start)
    .map((c) => c.result);
}

export interface AmountReading {
  /** The amount the request is about (see extractAmount). */
  amount: Amount | InvalidAmount | null;
  /** Two different sums said side by side for it ("send 10 and 20 to Jordan", "$15 or $25"): the customer must pick one. */
  choices?: [Amount, Amount];
}

/** The amount a request is about, and the two sums it offers when it says two side by side. */
export function readAmount(text: string, options: AmountOptions = {}): AmountReading {
  const meant = notTakenBack(text, collect(text, options));
  const choices = sideBySide(text, [...meant].sort((a, b) => a.start - b.start));
  meant.sort((a, b) => b.rank - a.rank || a.start - b.start);
  return { amount: meant[0]?.result ?? null, ...(choices ? { choices } : {}) };
}

// Only a conjunction between two sums ("10 and 20", "$15, or $25", "10 and also 20"); at most three
// spaces each, since a schedule's words blanked out of the text ("10 tomorrow and 20") part them.
const SIDE_BY_SIDE = /^\s{0,3},?\s{1,3}(?:and|or|&|plus)\s{1,3}(?:(?:also|another)\s{1,3})?$/i;
const BARE_FIGURE = /^\d+$/;

/**
 * The first two sums in a row with only a conjunction between them, when both are valid, above
 * zero and different ("12 dollars and 50 cents" is one sum, "10 to Jordan and 20 to savings" two
 * apart). A bare figure takes the currency written on the other ("€10 or 20").
 */
function sideBySide(text: string, inOrder: Candidate[]): [Amount, Amount] | undefined {
  for (let i = 0; i + 1 < inOrder.length; i++) {
    const [a, b] = [inOrder[i]!, inOrder[i + 1]!];
    const [x, y] = [a.result, b.result];
    const gap = text.slice(a.start + a.result.text.length, b.start);
    // "send 25 50 to savings": two bare figures in a row are a slip ($25.50?) or two sums; it took $25.00.
    const bareRun = /^ {1,2}$/.test(gap) && BARE_FIGURE.test(x.text) && BARE_FIGURE.test(y.text);
    if (!SIDE_BY_SIDE.test(gap) && !bareRun) continue;
    if (isInvalidAmount(x) || isInvalidAmount(y) || x.minor <= 0 || y.minor <= 0 || x.minor === y.minor) return undefined;
    if (x.currencySpecified === y.currencySpecified) return [x, y];
    return x.currencySpecified ? [x, { ...y, currency: x.currency }] : [{ ...x, currency: y.currency }, y];
  }
  return undefined;
}

/**
 * The amount a request is about: the first mention with a currency, else the first with a
 * decimal point, else the first bare number in an amount-like position. Null if none.
 */
export function extractAmount(text: string, options: AmountOptions = {}): Amount | InvalidAmount | null {
  return readAmount(text, options).amount;
}

export function isInvalidAmount(value: Amount | InvalidAmount): value is InvalidAmount {
  return "invalid" in value;
}

