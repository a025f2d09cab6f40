// npx tsx bench/reading-gates.bench.ts — the reading rules' word gates, A/B in one process (nlu8):
// "each rule looks up each of its words" (before) against "each distinct word looked up at most once
// per message, whichever rules share it" (plainRequestIntent now), on the same rules and the same
// texts (BANKING77 train, CLINC150 val, the probes), interleaved rounds. Checks both give the same intent.

import { loadavg } from "node:os";
import { lowerAscii, plainRequestIntent, READING_RULES } from "../packages/nlu/requests";
import { loadClinc } from "../scripts/nlu/clinc";
import { clincDir, loadBanking77, missingTrainingData } from "../scripts/nlu/dataset";
import { PROBE } from "../scripts/nlu/probe-set";
import { PROBE_2 } from "../scripts/nlu/probe-set-2";
import { PROBE_3 } from "../scripts/nlu/probe-set-3";
import { PROBE_4 } from "../scripts/nlu/probe-set-4";
import { PROBE_5 } from "../scripts/nlu/probe-set-5";

const missing = missingTrainingData();
if (missing) throw new Error(missing);
const texts = [
  ...loadBanking77().examples.map((e) => e.text),
  ...loadClinc(clincDir(), "val").map((r) => r.text),
  ...[...PROBE, ...PROBE_2, ...PROBE_3, ...PROBE_4, ...PROBE_5].map((r) => r.text),
];

// The loop before nlu8, over the same rules.
function perRule(text: string): string | undefined {
  const t = lowerAscii(text.trim().replace(/[\u2018\u2019\u02bc`]/g, "'"));
  if (t.length > 80) return undefined;
  for (const [words, pattern, intent] of READING_RULES) {
    let named = false;
    for (let i = 0; i < words.length && !named; i++) named = t.includes(words[i]!);
    if (named && pattern.test(t)) return intent;
  }
  return undefined;
}

for (const text of texts) {
  if (perRule(text) !== plainRequestIntent(text)) throw new Error(`different intents for: ${text}`);
}
const time = (read: (text: string) => string | undefined): number => {
  const start = performance.now();
  for (const text of texts) read(text);
  return ((performance.now() - start) * 1000) / texts.length;
};
console.log(`load average before ${loadavg().map((l) => l.toFixed(2)).join(" ")}; ${texts.length} texts, ${READING_RULES.length} rules`);
const before: number[] = [];
const after: number[] = [];
for (let round = 0; round < 8; round++) {
  before.push(time(perRule));
  after.push(time(plainRequestIntent));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`per rule (before): ${before.map((x) => x.toFixed(2)).join(" ")} µs per text`);
console.log(`once per word (now): ${after.map((x) => x.toFixed(2)).join(" ")} µs per text`);
console.log(`median ${median(before).toFixed(2)} → ${median(after).toFixed(2)} µs (ratio ${(median(after) / median(before)).toFixed(2)}); now faster in ${before.filter((b, i) => after[i]! < b).length} of 8 rounds`);
console.log(`load average after ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
