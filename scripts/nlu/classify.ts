// npm run --silent nlu:classify < utterances.txt
// One utterance per input line → one JSON line per utterance on stdout:
// {"intent": "...", "confidence": 0..1, "alternatives": [{"intent", "confidence"}, ...], "entities": {...}}
// Uses exactly the artifact the chat Worker ships (packages/nlu/model/intent-model.{json,bin}), local
// model only (never the Workers AI cascade). `entities` (packages/nlu/entities/summary.ts): amount
// {minor, currency}, accounts, from_account / to_account, recipient, dates {from, to} (a past
// period) or date (a day ahead), merchant, category. Relative dates count from today (UTC), or
// from $NLU_TODAY (YYYY-MM-DD) when set.

import { createInterface } from "node:readline";
import { createIntentModel } from "../../packages/nlu/model";
import { summarizeEntities } from "../../packages/nlu/entities/summary";
import { readArtifactFiles } from "./artifact-files";

const today = process.env.NLU_TODAY || new Date().toISOString().slice(0, 10);
const model = createIntentModel(readArtifactFiles());
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  const { intent, confidence, alternatives } = model.classify(line);
  process.stdout.write(
    `${JSON.stringify({
      intent,
      confidence,
      alternatives: alternatives.map((a) => ({ intent: a.intent, confidence: a.confidence })),
      entities: summarizeEntities(line, today),
    })}\n`,
  );
});
