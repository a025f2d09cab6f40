import {
  bareRecipientName,
  extractAccountRefs,
  extractCardBrand,
  extractCardKind,
  emojiIntent,
  extractEntities,
  extractRecipientName,
  isInvalidAmount,
  loadIntentModel,
  looksNonEnglish,
  resolveIntent,
  type CascadeLogEntry,
  type PayeeLike,
  type TextGenerator,
} from "../nlu/index.js";
import { answeredAlikeConfidence, asksSameAgainBut, asksTransferToo, isFallback, secondRequestSplits, tellerSense, type Entities, type Understanding } from "../dialogue/index.js";

/**
 * Turns a customer's text into the dialogue's typed Understanding: intent from the in-Worker model
 * (Workers AI only breaks ties when it is bound and the model is unsure), entities from the NLU's
 * extractors. Payee names resolve only against the customer's saved payees.
 */
export interface UnderstandContext {
  /** The customer's calendar date, YYYY-MM-DD. */
  today: string;
  /** The customer's saved payees, fetched only when a payee could matter. */
  payees(): Promise<readonly PayeeLike[]>;
  /** A transfer is being set up: a bare name may be its payee. */
  transferInProgress: boolean;
  /** That transfer's last question was "Who should I send it to?": a message that is only a name answers it. */
  askingWho?: boolean;
  ai?: TextGenerator;
  log?: (entry: CascadeLogEntry) => void;
}

/** Intents whose message may name a saved payee ("pay City Power", "send Jordan $20"). */
const PAYEE_INTENTS: readonly string[] = ["transfer", "payees", "pay_bill"];

export async function understand(text: string, context: UnderstandContext): Promise<Understanding> {
  // "yes, and also 30 to savings", "show me my transactions and send 20 to Jordan": two requests,
  // each read on its own; the second waits for the first (flows/two-requests.ts). The model read
  // one of them, and the other was dropped or, under a card, taken as a correction of it.
  // Each part is read only while the split may still stand: a first part that cannot lead a second
  // request ("thanks and send 20 to Jordan") leaves the second to the reading of the whole.
  for (const split of secondRequestSplits(text)) {
    const answer = yesOrNo(split.first);
    if (split.firstIsYes ? answer !== "yes" : answer !== null) continue;
    const first = await understandOne(split.first, context);
    if (!split.firstFits(first)) continue;
    const second = await understandOne(split.second, { ...context, transferInProgress: false, askingWho: false });
    if (split.secondFits(second, isFallback(second))) {
      return { ...first, entities: { ...first.entities, then: { text: split.second, intent: second.intent, confidence: second.confidence, entities: second.entities, ...(split.secondSaidFirst ? { saidFirst: true } : {}) } } };
    }
  }
  return understandOne(text, context);
}

async function understandOne(text: string, context: UnderstandContext): Promise<Understanding> {
  // The model knows English only: whatever it made of another language would be a guess.
  if (looksNonEnglish(text)) return { intent: "out_of_scope", confidence: 1, entities: { accountRefs: [], otherLanguage: true } };
  const emoji = emojiIntent(text);
  if (emoji) return { intent: emoji, confidence: 1, entities: { accountRefs: [] } };
  const resolved = await resolveIntent(text, { model: loadIntentModel(), ai: context.ai, log: context.log });
  // A bare answer ("yes", "ok", "no") is an answer, never a payee's name: no "yes" may turn into
  // the payee Yves (one typo away) and replace the destination of the transfer it confirms.
  // The text lower-cased with only letters, apostrophes and single spaces, read once for the answer
  // and the hold below.
  const plain = plainWords(text);
  const answer = answerIn(plain);
  // "what's my balance and send 10 to Jordan" is read as the balance; its transfer needs the payee too,
  // and so does "same again but to Sam" (flows/after-sent.ts), whatever the model made of it.
  const payeesMatter =
    answer === null &&
    (context.transferInProgress || PAYEE_INTENTS.includes(resolved.intent) || asksTransferToo(resolved.intent, text) || asksSameAgainBut(text));
  const payees = payeesMatter ? await context.payees() : [];
  const extracted = extractEntities(text, { today: context.today, payees, defaultCurrency: "USD" });
  const entities: Entities = { accountRefs: extracted.accountRefs };
  if (extracted.amount) {
    entities.amount = isInvalidAmount(extracted.amount)
      ? { invalid: extracted.amount.invalid, ...(extracted.amount.readings ? { readings: extracted.amount.readings.map((a) => ({ minor: a.minor, currency: a.currency })) } : {}) }
      : { minor: extracted.amount.minor, currency: extracted.amount.currency };
    if (extracted.amountChoices && !isInvalidAmount(extracted.amount)) {
      entities.amountChoices = extracted.amountChoices.map((a) => ({ minor: a.minor, currency: a.currency }));
    }
  }
  if (extracted.fromRef !== undefined) entities.fromRef = extracted.fromRef;
  if (extracted.toRef !== undefined) entities.toRef = extracted.toRef;
  if (extracted.payee.status === "matched") entities.payeeName = extracted.payee.payee.name;
  if (extracted.payee.status === "matched" && extracted.payee.how === "typo") {
    const typed = extractRecipientName(text);
    if (typed !== undefined) entities.payeeSlip = typed;
  }
  if (extracted.otherPayee) entities.otherRecipient = extracted.otherPayee.name;
  // A name that fits several saved payees, or none, is said back rather than dropped in silence
  // (the transfer then asked "which account?" as if no one had been named).
  if (extracted.payee.status === "ambiguous") entities.payeeChoices = extracted.payee.candidates.map((p) => p.name);
  if (extracted.payee.status === "none" && payeesMatter) {
    // A lone "Morgan" read as out of scope got "didn't catch that", twice a hand-off to staff;
    // a message the model reads as something else ("balance") is that, not a name.
    const bare = context.askingWho && (isFallback(resolved) || PAYEE_INTENTS.includes(resolved.intent));
    const named = extractRecipientName(text) ?? (bare ? bareRecipientName(text) : undefined);
    // sweep19: "to savngs" names an account with a slip, not a second recipient beside savings.
    if (named !== undefined && extractAccountRefs(named).refs.length === 0) entities.unknownPayee = named;
  }
  if (extracted.dateRange) entities.dateRange = { from: extracted.dateRange.from, to: extracted.dateRange.to };
  if (extracted.merchant) entities.merchant = extracted.merchant;
  if (extracted.category) entities.category = extracted.category;
  if (extracted.timing) entities.timing = extracted.timing;
  const day = mentionedWeekday(text);
  if (day !== undefined) entities.weekday = day;
  if (CANCEL_WORDS.test(text)) entities.cancelRequest = true;
  // HOLD reads letters only: the apostrophes become spaces, as they did when it normalised on its own.
  // Digits are no letters, so "wait, 40" read "wait": a figure makes it a correction, never a hold.
  if (!/\d/.test(text) && HOLD.test(plain.includes("'") ? plain.replace(/'/g, " ").replace(/\s+/g, " ").trim() : plain)) entities.hold = true;
  const brand = extractCardBrand(text);
  if (brand) entities.cardBrand = brand;
  const cardKind = extractCardKind(text);
  if (cardKind) entities.cardKind = cardKind;
  if (Object.keys(extracted.query).length > 0) entities.query = extracted.query;
  if (answer === "yes") entities.yes = true;
  if (answer === "no") entities.no = true;
  if (answer === null && isNearYes(plain)) entities.nearYes = true;
  // Questions answered alike (faq/answered-alike.ts) are answered when together they are likely enough;
  // a BANKING77 label that asked of Teller wants another written answer gets it (faq/teller-senses.ts).
  return { intent: tellerSense(resolved.intent, text), confidence: answeredAlikeConfidence(resolved, resolved.alternatives), entities };
}

// A message that is only a request for time ("wait", "hmm, let me think", "one sec").
const HOLD =
  /^(?:(?:wait(?: a (?:sec|second|moment|minute|min))?|hold on|hang on|one (?:sec|second|moment|minute|min)|just a (?:sec|second|moment|minute|min)|give me a (?:sec|second|moment|minute|min)|a (?:sec|second|moment|minute)|h+m+|u+m+|u+h+|er+m*|let me think(?: about it)?|i need to think(?: about it)?|not yet|still thinking|no+(?= wait)|nope(?= wait)|(?<=wait )no+)(?: |$))+$/;
const CANCEL_WORDS = /\b(?:cancel|stop|delete|remove|end)\b/i;
const WEEKDAY_WORDS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** "my Friday payment" → 5. */
function mentionedWeekday(text: string): number | undefined {
  const m = /\b(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?s?\b/i.exec(text);
  return m ? WEEKDAY_WORDS.indexOf(m[1]!.toLowerCase().slice(0, 3)) : undefined;
}

// Only a message that is nothing but an answer counts: "I confirmed earlier, just do it" is not a yes.
const YES = new Set([
  "yes", "y", "yep", "yeah", "yea", "yes please", "yes send it", "yes do it", "confirm", "confirmed",
  "i confirm", "go ahead", "ok", "okay", "sure", "correct", "do it", "send it", "approve",
  "yep do it", "yeah do it", "yes go ahead", "ok go ahead", "okay go ahead", "sure go ahead", "go for it", "yes do that",
  "fine", "alright", "all right", "yup", "sounds good", "that's right",
  // explore23: "k" as it is texted was a misunderstanding (the second one handed off to a person).
  "k", "kk", "kay",
]);
const NO = new Set([
  "no", "n", "nope", "nah", "no thanks", "no thank you", "cancel", "cancel it", "stop", "don't",
  "dont", "do not", "never mind", "nevermind", "nvm", "abort", "no cancel", "no cancel it",
  "cancel that", "cancel this", "stop it", "stop that", "forget it", "forget that", "scrap it", "scrap that", "no cancel that",
  // sweep23: a change of mind in plain words ("on second thought leave it" got "Sorry, I didn't
  // catch that." under the card, and the next yes sent the money).
  "leave it", "leave it then", "don't bother", "dont bother", "skip it", "changed my mind", "i changed my mind",
  "i've changed my mind", "ive changed my mind", "i have changed my mind",
]);

export function yesOrNo(text: string): "yes" | "no" | null {
  return answerIn(plainWords(text));
}

/** Lower case, straight apostrophes, every other run of non-letters one space, trimmed. */
function plainWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function answerIn(text: string): "yes" | "no" | null {
  // "on second thought(s), leave it": a lead-in of three words, only before an answer.
  const normalised = text.replace(/^on second thoughts? (?=\S)/, "");
  if (YES.has(normalised)) return "yes";
  if (NO.has(normalised)) return "no";
  // "ok yes", "yep go ahead", "yess", "nope, cancel": whole answers of one kind in a row, with a
  // "please" anywhere. Anything else in the message ("sure but make it 150") makes it no answer.
  const said = normalised.split(" ").filter((w) => w !== "" && !PLEASE.has(w.replace(/(.)\1+/g, "$1"))).map(respell);
  // "actually no", "hmm yes": a word that only leads in (it got "Sorry, I didn't catch that."),
  // also between the answers (sweep19: "no actually dont").
  const words = said.length > 1 ? said.filter((w) => !LEAD_INS.has(w)) : said;
  if (words.length === 0) return null;
  if (answers(words, YES)) return "yes";
  if (answers(words, NO)) return "no";
  return cancelAfterPause(words);
}

// explore31: "wait no forget it", "hold on, cancel that" under a card got "Sorry, I didn't catch
// that.": a pause first, then a cancel in words. Only before a no, and only one said in more than a
// bare "no" ("wait no" alone asks for time: HOLD).
const PAUSES = ["wait", "hold on", "hang on", "one sec", "one second"];
const BARE_NO = new Set(["no", "n", "nope", "nah"]);

function cancelAfterPause(words: readonly string[]): "no" | null {
  let rest = words.join(" ");
  let paused = false;
  for (let again = true; again; ) {
    again = false;
    for (const pause of PAUSES) {
      if (rest.startsWith(`${pause} `)) (rest = rest.slice(pause.length + 1)), (paused = again = true);
    }
  }
  const after = rest.split(" ");
  if (!paused || after.every((w) => BARE_NO.has(w))) return null;
  return answers(after, NO) ? "no" : null;
}

// flows24: "yse" got "Sorry, I didn't catch that." under the card and "ya" (read as goodbye) dropped
// the transfer. A slip of yes is asked about at a card (flows/near-yes.ts), never taken as one:
// letters swapped or one dropped, and the short forms people type for yes.
const NEAR_YES = new Set(["yse", "eys", "sye", "ys", "ye", "yas", "ya", "yah", "yeh", "yesa", "yeas", "tes", "ues", "yws", "yeha", "yaeh", "yeap", "yeo", "yuo"]);

/** Whether `plain` is only a slip of "yes" (with a "please" at most). */
function isNearYes(plain: string): boolean {
  const words = plain.split(" ").filter((w) => w !== "" && !PLEASE.has(w.replace(/(.)\1+/g, "$1")));
  return words.length === 1 && NEAR_YES.has(words[0]!.replace(/(.)\1+/g, "$1"));
}

/** A held-down letter ("yesss", "nooo", "okk") and the one common misspelling of "cancel". */
function respell(word: string): string {
  if (word === "cancle") return "cancel";
  const single = word.replace(/(.)\1+/g, "$1");
  return HELD_LETTER.has(single) ? single : word;
}
// "please" as it is texted ("yes pls", "ok plz", "yes pleeease"): it got "Sorry, I didn't catch that."
const PLEASE = new Set(["please", "pls", "plz", "plse", "pleas", "pleaz", "plis"]);
const LEAD_INS = new Set(["actually", "hmm", "um", "umm", "well"]);
const HELD_LETTER = new Set(["yes", "yep", "yeah", "yup", "ok", "okay", "sure", "no", "nope", "nah", "k"]);

/** Whether `words` split, in order, into phrases of `phrases` (each at most four words). */
function answers(words: readonly string[], phrases: ReadonlySet<string>): boolean {
  const fits: boolean[] = new Array(words.length + 1).fill(false);
  fits[0] = true;
  for (let end = 1; end <= words.length; end++) {
    for (let start = Math.max(0, end - 4); start < end && !fits[end]; start++) {
      fits[end] = fits[start]! && phrases.has(words.slice(start, end).join(" "));
    }
  }
  return fits[words.length]!;
}
