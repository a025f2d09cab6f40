// npx tsx scripts/nlu/moved-lines.ts before.json after.json
// The lines of probes 1–8 whose intent is right with one model and wrong with the other (nlu13:
// a retrained artifact ships only if the older probes lose no more lines than they gain). Probe 9,
// the measure set, is counted only: its lines are never printed.
import path from "node:path";
import { createIntentModel, type IntentModel } from "../../packages/nlu/model";
import { readArtifactFiles } from "./artifact-files";
import { PROBE as FIRST } from "./probe-set";
import { PROBE_2 } from "./probe-set-2";
import { PROBE_3 } from "./probe-set-3";
import { PROBE_4 } from "./probe-set-4";
import { PROBE_5 } from "./probe-set-5";
import { PROBE_6 } from "./probe-set-6";
import { PROBE_7 } from "./probe-set-7";
import { PROBE_8 } from "./probe-set-8";
import { PROBE_9 } from "./probe-set-9";

const load = (file: string): IntentModel => createIntentModel(readArtifactFiles(path.dirname(file), path.basename(file, ".json")));
const [before, after] = process.argv.slice(2).map(load) as [IntentModel, IntentModel];
const probes: [string, readonly { text: string; intent: string }[]][] = [
  ["own (1+2)", [...FIRST, ...PROBE_2]], ["3", PROBE_3], ["4", PROBE_4], ["5", PROBE_5], ["6", PROBE_6], ["7", PROBE_7], ["8", PROBE_8], ["9", PROBE_9],
];
let lost = 0, gained = 0;
for (const [name, rows] of probes) {
  let a = 0, b = 0;
  for (const row of rows) {
    const x = before.classify(row.text), y = after.classify(row.text);
    const ok0 = x.intent === row.intent, ok1 = y.intent === row.intent;
    if (ok0) a++;
    if (ok1) b++;
    if (name === "9" || ok0 === ok1) continue;
    if (ok0) lost++; else gained++;
    console.log(`  ${ok0 ? "LOST  " : "GAINED"} probe ${name}: ${row.intent}: ${x.intent} (${x.confidence.toFixed(2)}) → ${y.intent} (${y.confidence.toFixed(2)}): ${row.text}`);
  }
  console.log(`probe ${name}: ${a} → ${b} / ${rows.length}`);
}
console.log(`probes 1–8: lost ${lost}, gained ${gained}`);
