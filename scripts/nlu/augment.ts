// Training-only data augmentation for the hand-written action utterances (applied after the
// split, to the training part only, so no variant of a validation/held-out sentence is trained on).
// Variants add the typos and politeness wrappers real chat messages have.

import { mulberry32 as seededRandom } from "../../packages/seeded-random/random";
import type { Example } from "./example";

const PREFIXES = ["please ", "can you ", "could you ", "hey ", "hi, ", "ok ", "i want to ", "quick one: ", "teller, "];
const SUFFIXES = [" please", " pls", " now", " thanks", " thx", "?", " for me", " asap", "!"];

/** One keyboard slip: drop, double or swap adjacent letters inside a word of 4+ letters. */
export function addTypo(text: string, random: () => number): string {
  const positions: number[] = [];
  const words = text.matchAll(/[a-z]{4,}/gi);
  for (const m of words) for (let i = 1; i < m[0].length - 1; i++) positions.push((m.index ?? 0) + i);
  if (positions.length === 0) return text;
  const p = positions[Math.floor(random() * positions.length)]!;
  const kind = Math.floor(random() * 3);
  if (kind === 0) return text.slice(0, p) + text.slice(p + 1);
  if (kind === 1) return text.slice(0, p) + text[p] + text.slice(p);
  return text.slice(0, p) + text[p + 1] + text[p] + text.slice(p + 2);
}

export function addWrapper(text: string, random: () => number): string {
  const r = random();
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  if (r < 0.4) return pick(PREFIXES) + text;
  if (r < 0.8) return text + pick(SUFFIXES);
  return pick(PREFIXES) + text + pick(SUFFIXES);
}

/** Adds `variants` augmented copies of every example whose source is in `sources`. */
export function augment(examples: Example[], sources: Example["source"][], variants: number, seed: number): Example[] {
  const random = seededRandom(seed);
  const out = [...examples];
  for (const e of examples) {
    if (!sources.includes(e.source)) continue;
    for (let v = 0; v < variants; v++) {
      const text = v % 2 === 0 ? addTypo(e.text, random) : addWrapper(e.text, random);
      if (text !== e.text) out.push({ ...e, text, augmented: true });
    }
  }
  return out;
}

// Hand-written banking thesaurus for paraphrase augmentation of BANKING77 training sentences.
// Only swaps that keep the intent (never e.g. card ↔ account or top up ↔ transfer).
const THESAURUS: string[][] = [
  ["money", "funds", "cash"],
  ["get", "receive"],
  ["received", "gotten", "got"],
  ["want", "would like", "need"],
  ["how do i", "how can i", "what do i do to"],
  ["can i", "am i able to", "is it possible to"],
  ["why", "how come"],
  ["still", "yet"],
  ["help", "assist"],
  ["fee", "charge"],
  ["fees", "charges"],
  ["charged", "billed"],
  ["payment", "purchase"],
  ["buy", "purchase"],
  ["show up", "appear"],
  ["showing up", "appearing"],
  ["wrong", "incorrect"],
  ["cancel", "stop"],
  ["quickly", "fast"],
  ["arrive", "come"],
  ["phone", "mobile"],
  ["app", "application"],
  ["problem", "issue"],
  ["tell me", "let me know"],
  ["days", "business days"],
  ["is there", "are there"],
  ["i think", "i believe"],
  ["my", "the"],
];

/** Drops each word with probability p (keeps at least two), a cheap "bag of words noise" copy. */
export function dropWords(text: string, p: number, random: () => number): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= 3) return text;
  const kept = words.filter(() => random() >= p);
  return kept.length >= 2 ? kept.join(" ") : text;
}

/** Replaces one thesaurus phrase found in the text with another member of its group. */
export function swapSynonym(text: string, random: () => number): string {
  const lower = text.toLowerCase();
  const hits: { start: number; end: number; group: string[]; phrase: string }[] = [];
  for (const group of THESAURUS) {
    for (const phrase of group) {
      const re = new RegExp(`\\b${phrase}\\b`, "g");
      for (const m of lower.matchAll(re)) hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + phrase.length, group, phrase });
    }
  }
  if (hits.length === 0) return text;
  const hit = hits[Math.floor(random() * hits.length)]!;
  const others = hit.group.filter((p) => p !== hit.phrase);
  const replacement = others[Math.floor(random() * others.length)]!;
  return text.slice(0, hit.start) + replacement + text.slice(hit.end);
}

/**
 * Paraphrase copies of training sentences: even variants drop words, odd ones swap a thesaurus
 * phrase. Used for BANKING77's training split only (applied after the split).
 */
export function paraphrase(examples: Example[], sources: Example["source"][], variants: number, seed: number, dropout: number): Example[] {
  const random = seededRandom(seed ^ 0x9e3779b9);
  const out = [...examples];
  for (const e of examples) {
    if (!sources.includes(e.source)) continue;
    for (let v = 0; v < variants; v++) {
      const text = v % 2 === 0 ? dropWords(e.text, dropout, random) : swapSynonym(e.text, random);
      if (text !== e.text) out.push({ ...e, text, paraphrase: true, augmented: true });
    }
  }
  return out;
}

// Small talk around a request (issue item 3). Two disjoint template sets: TRAINING_* wrap training
// utterances (augmentation), VALIDATION_* build the wrapped validation set from validation
// utterances only, so the validation figure does not reward memorised wrappers.
const TRAINING_BEFORE = [
  "hi! ", "hello, ", "thanks. now ", "thank you! ", "ok, ", "okay so ", "great, ", "hey there. ", "good morning. ",
  "cool. ", "alright, ", "perfect, thanks. ", "no worries. ", "sure. ", "maybe later. ", "not now. ", "hmm, ",
  "thanks for that. also ", "got it. ", "yes. ", "no. ", "hello teller, ", "hi, thanks. ", "that's fine. ",
  "oh and ", "one more thing, ", "actually, ", "well, ", "ok thanks. ",
];
const TRAINING_AFTER = [
  " thanks", ". thank you!", ", thanks a lot", ". bye", " ok?", ". cheers", " :)", " thx", ". have a good one",
  ", thanks in advance", " please and thank you", ". that's all", ". much appreciated",
];
export const VALIDATION_BEFORE = [
  "Thanks. Now ", "Hello! ", "Maybe later. ", "Hi there! ", "Good afternoon. ", "Awesome, thank you. ", "Ok, ",
  "Great. Next, ", "Hey. ", "Sounds good. ", "Thank you so much! Next ", "Okay. ", "Hello again. ", "Nice, ",
];
export const VALIDATION_AFTER = [" Thanks!", ". Thank you so much.", ". Have a nice day.", " Cheers.", " Goodbye.", " Thank you."];

function wrapWith(text: string, before: string[], after: string[], random: () => number): string {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const r = random();
  if (r < 0.55) return pick(before) + text;
  if (r < 0.85) return text + pick(after);
  return pick(before) + text + pick(after);
}

const SMALL_TALK = new Set(["greeting", "thanks", "goodbye"]);

/** Adds `variants[source]` small-talk-wrapped copies of each request (never of small talk itself). */
export function wrapInSmallTalk(
  examples: Example[],
  variants: Partial<Record<Example["source"], number>>,
  seed: number,
): Example[] {
  const random = seededRandom(seed ^ 0x51f15eed);
  const out = [...examples];
  for (const e of examples) {
    const n = variants[e.source] ?? 0;
    if (n <= 0 || SMALL_TALK.has(e.intent) || e.intent === "out_of_scope") continue;
    // Fractions: 0.3 copies = a copy for ~30% of the examples.
    const copies = Math.floor(n) + (random() < n - Math.floor(n) ? 1 : 0);
    for (let v = 0; v < copies; v++) out.push({ ...e, text: wrapWith(e.text, TRAINING_BEFORE, TRAINING_AFTER, random), paraphrase: true, augmented: true });
  }
  return out;
}

/** The wrapped validation set: each request once, with a validation-only wrapper. */
export function wrappedValidation(examples: Example[], seed: number): Example[] {
  const random = seededRandom(seed ^ 0x7a11da7e);
  return examples
    .filter((e) => !SMALL_TALK.has(e.intent) && e.intent !== "out_of_scope")
    .map((e) => ({ ...e, text: wrapWith(e.text, VALIDATION_BEFORE, VALIDATION_AFTER, random), source: "wrapped" as const }));
}
