// npx tsx scripts/nlu/rule-check.ts
// Every reading rule (reading.ts: requests.ts after the small-talk stripping and declines of
// small-talk.ts, as classify() applies them, and a closing alone read as goodbye) run over every labelled public row we have: BANKING77 train, CLINC150 train and
// val with their out-of-scope rows. Prints each row a rule claims whose label differs (there must
// be none: rule-check.test.ts) and how many rows each intent's rules claim.

import { pathToFileURL } from "node:url";
import { ruleReading } from "../../packages/nlu/reading";
import { isClosing } from "../../packages/nlu/small-talk";
import { spellOutTexting } from "../../packages/nlu/texting";
import { loadClinc } from "./clinc";
import { clincDir, loadBanking77, requireTrainingData } from "./dataset";

export interface RuleCheck {
  rows: number;
  claimed: Record<string, number>;
  conflicts: { source: string; label: string; rule: string; text: string }[];
}

export function checkRules(): RuleCheck {
  requireTrainingData();
  const rows = [
    ...loadBanking77().examples.map((e) => ({ text: e.text, intent: e.intent, source: "banking77" })),
    ...loadClinc(clincDir(), "train").map((r) => ({ text: r.text, intent: r.intent, source: `clinc train ${r.clincIntent}` })),
    ...loadClinc(clincDir(), "val").map((r) => ({ text: r.text, intent: r.intent, source: `clinc val ${r.clincIntent}` })),
  ];
  const result: RuleCheck = { rows: rows.length, claimed: {}, conflicts: [] };
  for (const row of rows) {
    // A closing alone ("no, that will be all") reads as goodbye unless the model says thanks.
    // Texting shorthand spelled out first, as classify() does (nlu8).
    const rule = ruleReading(spellOutTexting(row.text))?.intent ?? (isClosing(row.text) ? "goodbye" : undefined);
    if (!rule) continue;
    if (rule === "goodbye" && row.intent === "thanks") continue;
    result.claimed[rule] = (result.claimed[rule] ?? 0) + 1;
    if (rule !== row.intent) result.conflicts.push({ source: row.source, label: row.intent, rule, text: row.text });
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { rows, claimed, conflicts } = checkRules();
  for (const c of conflicts) console.log(`  [${c.source}] ${c.label} → ${c.rule}: ${c.text}`);
  console.log(`${rows} rows; rules claim ${JSON.stringify(claimed)}; ${conflicts.length} with another label`);
}
