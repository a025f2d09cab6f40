// Wave 3, nlu8 (issue 12): the part of a message that carries its request, when the rest is
// something else — a negated request ("don't move anything yet, just show my balance"), a second
// request ("what's my balance and also show me my transactions": the first is answered first) or a
// story before the ask ("the heating bill was way higher than i expected, do i still have money in
// checking"). A fifth fresh probe (scripts/nlu/probe-set-5.ts) showed the model reading the whole
// message as whatever its other part talks about. These functions only cut the text; model.ts reads
// the part (rules first, then the model) and keeps it only for the everyday requests.

import { lowerAscii } from "./requests";
import { GREETING } from "./small-talk";

// A request negated at the start of the message, up to the punctuation, "but" or "until I see"
// that ends it: "don't transfer anything", "no transfer", "not the balance", "i don't need my
// balance", "i'm not asking about spending", "never mind the transfer", "not 50".
const NEGATED = new RegExp(
  String.raw`^(?:(?:no|nope|nah)[\s,.!]+)?(?:` +
    String.raw`(?:please\s+)?(?:don'?t|do\s+not)\s+(?:transfer|send|move|pay|show|wait|bother|check|spend|give|list|freeze|block|lock)\b` +
    String.raw`|never\s*mind|forget(?:\s+about)?\s+(?:the|my)\b` +
    String.raw`|not\s+(?:the|my|\$?\d|today'?s|yesterday'?s|spending|transactions?|balances?|transfers?)\b` +
    String.raw`|no\s+(?:transfers?|balances?|transactions?|spending)\b` +
    String.raw`|i\s+(?:don'?t|do\s+not)\s+(?:need|want)\s+(?:the|my|a|an|every|all|any|to\s+(?:pay|send|transfer|move|spend|check|see|freeze|block|lock))\b` +
    String.raw`|(?:i'?m|i\s+am)\s+not\s+(?:asking|trying|sending|disputing|paying|moving|transferring|sure)\b` +
    String.raw`)[^,.;!?]*?(?:\s*[,.;!?]+\s*|\s+but\s+|\s+(?=(?:until|before)\s+i\s+(?:see|know|check|get)\b))`,
);
// A word NEGATED cannot match without (cold start: most messages never build NEGATED).
const MAY_NEGATE = /\b(?:no|nah|don|not|never|forget)/;
// What opens the rest without asking anything: "just", "only", "instead", "I mean".
const FILLER = /^(?:(?:just|only|instead|rather|first|i\s+mean|but)\s+)+/;
const UNTIL = /^(?:until|before)\s+i\s+/;

/** The request after a negated one ("no transfer, just the balance please" → "the balance please"), or undefined. */
export function afterNegation(message: string): string | undefined {
  const text = message.trim();
  const t = fold(text);
  if (!MAY_NEGATE.test(t)) return undefined;
  const m = NEGATED.exec(t);
  if (!m) return undefined;
  let at = m[0].length;
  // "don't transfer anything until i see my balance": what is wanted first.
  const until = UNTIL.exec(t.slice(at));
  if (until) return `i want to ${text.slice(at + until[0].length).trim()}`;
  at += FILLER.exec(t.slice(at))?.[0].length ?? 0;
  const rest = text.slice(at).trim();
  return /[a-z]{2}/i.test(rest) ? rest : undefined;
}

// Where a second request starts: after a question mark, "and also", ". also", ", then", " plus ",
// "? if so", "second,", or "and" before a request's verb.
const SECOND = new RegExp(
  String.raw`\?+\s*(?:(?:and|also|plus|then)\s+|if\s+so,?\s+|second(?:ly)?,?\s+)?(?=\S)` +
    String.raw`|[.!]+\s+(?:and\s+)?(?:also|then|after\s+that|plus|second(?:ly)?)\b,?\s*` +
    String.raw`|,?\s+(?:and\s+)?(?:also|then|after\s+that|plus)\s+(?=\S)` +
    String.raw`|,?\s+and\s+(?=(?:show|tell|send|move|transfer|pay|check|list|let\s+me\s+know|what|whats|how|did|has|can|could|give|is\s+there)\b)`,
);
// What SECOND cannot match without: a sentence after a question mark, or one of its joining words.
const MAY_JOIN = /\?\s*\S|\b(?:and|also|then|plus|after|second)/;
const FIRST_OPENER = /^(?:first(?:ly)?|two\s+things|2\s+things|a\s+couple\s+of\s+things|quick\s+questions?)\s*[,:;.\-]?\s*/;

/** The first of two requests in one message and the rest, or undefined when no second part is joined on. */
export function twoRequests(message: string): { first: string; second: string } | undefined {
  const text = message.trim();
  const t = fold(text);
  if (!MAY_JOIN.test(t)) return undefined;
  const m = SECOND.exec(t);
  if (!m) return undefined;
  const open = FIRST_OPENER.exec(t)?.[0].length ?? 0;
  if (m.index <= open) return undefined;
  const first = text.slice(open, m.index).replace(/[\s,;:]+$/, "");
  const second = text.slice(m.index + m[0].length).trim();
  // After a bare question mark the next sentence must ask too: "Can you help me with a transfer? My
  // card got declined." tells a problem, which the whole message is about.
  if (!/[a-z]/.test(m[0]) && !ASK.test(t.slice(m.index + m[0].length))) return undefined;
  // The first request is one short clause: a long first part with sentences in it is a story
  // (and reading it apart cost long BANKING77 questions two more model passes).
  if (first.length > 80 || /[.!?]\s/.test(first)) return undefined;
  return words(first) >= 2 && words(second) >= 2 ? { first, second } : undefined;
}

// How an ask opens after a story: a question, an imperative, "I need / want / 'd like / 'll".
const ASK = new RegExp(
  String.raw`^(?:(?:so|but|and|first|then|now|please|pls|ok|okay)\s+)*(?:` +
    String.raw`(?:can|could|would|will)\s+(?:you|u|i)|please|pls|what|whats|how|show|tell|check|give|send|transfer|pay|move|list|let\s+me|` +
    String.raw`do\s+i|did(?!\s+(?:you|u|they|the\s+bank)\b)|does|has|have\s+i|is\s+(?:there|my|it)|am\s+i|` +
    String.raw`i\s+(?:just\s+|really\s+|only\s+|still\s+)?(?:need|want|wanna|would\s+like|have\s+to|must)|i'?d\s+(?:just\s+|really\s+)?like|i'?ll\s+just|i\s+will\s+just` +
    String.raw`)\b`,
);
// What joins a story to the ask inside one sentence: "so", "but", "and I need / want", "and now";
// crowd31: a colon ("quick question before I book flights: how much do I have saved up?").
const MAY_CUT = /[.!?;,:]\s|\s(?:so|but|and)\s/;
const JOIN = /\s+(?:so|but|and(?=\s+(?:i\s+(?:just\s+|really\s+)?(?:need|want|wanna|have\s+to)|i'?d\s+like|now)\b))\s+/g;

/**
 * The ask after a story ("My paycheck was short this week. Can you show me what I have in
 * checking?" → the second sentence; "…, i'll just send her 100" → after the comma), or undefined.
 * The story must not ask anything itself.
 */
export function askAfterStory(message: string): string | undefined {
  const text = message.trim();
  const t = fold(text);
  // A story needs a sentence before the ask, a comma or a joining word (JOIN) to end it.
  if (!MAY_CUT.test(t)) return undefined;
  // Sentences: the last that asks, after sentences that only tell.
  const ends = [...t.matchAll(/[.!?;]+\s+(?=\S)/g)];
  for (let i = ends.length - 1; i >= 0; i--) {
    const start = ends[i]!.index + ends[i]![0].length;
    const head = t.slice(0, ends[i]!.index + 1);
    if (ASK.test(t.slice(start)) && !/\?/.test(head) && !opensAsk(head)) return text.slice(start).trim();
  }
  // Inside the last sentence: after the last ", ", ": " or joining word whose tail asks.
  const from = ends.length > 0 ? ends[ends.length - 1]!.index + ends[ends.length - 1]![0].length : 0;
  const cuts: number[] = [];
  for (const m of t.slice(from).matchAll(/[,:]\s+(?=[a-z])/g)) cuts.push(from + m.index + m[0].length);
  for (const m of t.slice(from).matchAll(JOIN)) cuts.push(from + m.index + m[0].length);
  cuts.sort((a, b) => b - a);
  for (const cut of cuts) {
    const tail = t.slice(cut);
    const head = t.slice(from, cut);
    if (ASK.test(tail) && words(tail) >= 4 && !opensAsk(head) && words(head) >= 3) return text.slice(cut).trim();
  }
  return undefined;
}

// Apologies and hedges before a request ("Sorry, silly question, but …", "I know you're busy, but
// …"), and "I'd be grateful if you would kindly …", which asks what "could you" asks.
const HEDGE = new RegExp(
  String.raw`^(?:(?:${GREETING})[\s,.!]+)?(?:(?:(?:i'?m\s+|i\s+am\s+)?(?:so\s+|really\s+|very\s+|terribly\s+)?sorry(?:\s+to\s+(?:bother|trouble|ask|be\s+a\s+pain)(?:\s+you)?)?|excuse\s+me|pardon(?:\s+me)?|(?:a\s+)?(?:silly|quick|dumb)\s+question|i\s+know\s+you'?re\s+busy|i\s+hate\s+to\s+ask|if\s+it'?s\s+not\s+too\s+much\s+trouble|if\s+you\s+don'?t\s+mind|if\s+i\s+may|no\s+rush)[\s,.!;:]+(?:but\s+)?)+`,
);
// The words HEDGE or GRATEFUL cannot match without.
const MAY_HEDGE = /sorry|excuse|pardon|question|busy|hate|trouble|mind|may|rush|obliged|grateful|thankful|appreciate|love|kindly/;
const GRATEFUL = /^(?:i'?d|i\s+would)\s+(?:be\s+(?:much\s+|so\s+|very\s+|really\s+|ever\s+so\s+)?(?:obliged|grateful|thankful)|(?:really\s+|so\s+)?(?:appreciate|love)\s+it)\s+if\s+you\s+(?:could|would|can)\s+(?:kindly\s+|please\s+)?|^(?:would|could|can)\s+you\s+kindly\s+/;

/** The request without the apologies and hedges before it, or undefined when it has none. */
export function withoutHedges(message: string): string | undefined {
  const text = message.trim();
  const t = fold(text);
  if (!MAY_HEDGE.test(t)) return undefined;
  const hedge = HEDGE.exec(t);
  const at = hedge ? hedge[0].length : 0;
  const grateful = GRATEFUL.exec(t.slice(at));
  if (!hedge && !grateful) return undefined;
  const rest = grateful ? `could you ${text.slice(at + grateful[0].length)}` : text.slice(at);
  return words(rest) >= 2 ? rest.trim() : undefined;
}

function opensAsk(head: string): boolean {
  const h = head.trim().replace(/^(?:(?:hi|hello|hey|ok|okay|so|um|uh|well)[\s,.!]+)*/, "");
  return ASK.test(h);
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
}

/** ASCII letters lower-cased and curly apostrophes straightened: the same positions as `text`. */
function fold(text: string): string {
  return lowerAscii(text).replace(/[\u2018\u2019\u02bc`]/g, "'");
}
