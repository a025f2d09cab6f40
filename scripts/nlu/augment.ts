// Training-only data augmentation for the hand-written action utterances (applied after the
// split, to the training part only, so no variant of a validation/held-out sentence is trained on).
// Variants add the typos and politeness wrappers real chat messages have.

import { seededRandom, type Example } from "./dataset";

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
      if (text !== e.text) out.push({ ...e, text });
    }
  }
  return out;
}
