// npx tsx scripts/nlu/rule-check.ts
// Every reading rule (requests.ts, after the small-talk stripping of small-talk.ts, as classify()
// applies them) run over every labelled public row we have: BANKING77 train, CLINC150 train and
// val with their out-of-scope rows. Prints each row a rule claims whose label differs (there must
// be none, or each must be justified in the README) and how many rows each intent's rules claim.

import { plainRequestIntent } from "../../packages/nlu/requests";
import { stripSmallTalk } from "../../packages/nlu/small-talk";
import { loadClinc } from "./clinc";
import { clincDir, loadBanking77, requireTrainingData } from "./dataset";

requireTrainingData();
const rows = [
  ...loadBanking77().examples.map((e) => ({ text: e.text, intent: e.intent, source: "banking77" })),
  ...loadClinc(clincDir(), "train").map((r) => ({ text: r.text, intent: r.intent, source: `clinc train ${r.clincIntent}` })),
  ...loadClinc(clincDir(), "val").map((r) => ({ text: r.text, intent: r.intent, source: `clinc val ${r.clincIntent}` })),
];
const claimed: Record<string, number> = {};
let wrong = 0;
for (const row of rows) {
  const got = plainRequestIntent(stripSmallTalk(row.text) || row.text);
  if (!got) continue;
  claimed[got] = (claimed[got] ?? 0) + 1;
  if (got !== row.intent) {
    wrong++;
    console.log(`  [${row.source}] ${row.intent} → ${got}: ${row.text}`);
  }
}
console.log(`${rows.length} rows; rules claim ${JSON.stringify(claimed)}; ${wrong} with another label`);
