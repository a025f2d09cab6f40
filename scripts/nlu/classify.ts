// npm run --silent nlu:classify < utterances.txt
// One utterance per input line → one JSON line per utterance on stdout:
// {"intent": "...", "confidence": 0..1, "alternatives": [{"intent", "confidence"}, ...]}
// Uses exactly the artifact the chat Worker ships (packages/nlu/model/intent-model.json), local
// model only (never the Workers AI cascade).

import { createInterface } from "node:readline";
import { loadIntentModel } from "../../packages/nlu/classifier";

const model = loadIntentModel();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  const { intent, confidence, alternatives } = model.classify(line);
  process.stdout.write(
    `${JSON.stringify({
      intent,
      confidence,
      alternatives: alternatives.map((a) => ({ intent: a.intent, confidence: a.confidence })),
    })}\n`,
  );
});
