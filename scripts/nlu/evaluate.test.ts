import { describe, expect, it } from "vitest";
import type { IntentModel } from "../../packages/nlu/model";
import { chooseThreshold } from "./evaluate";
import type { Example } from "./example";

// A stand-in model whose p(out_of_scope) is written in the text itself ("0.2 #7").
const model: IntentModel = {
  version: "test",
  intents: ["balance", "out_of_scope"],
  outOfScopeThreshold: 0.5,
  classify: () => {
    throw new Error("not used");
  },
  probabilities: (text) => {
    const p = Number(text.split(" ")[0]);
    return Float64Array.from([1 - p, p]);
  },
};

const rows = (n: number, p: number, example: Omit<Example, "text">): Example[] =>
  Array.from({ length: n }, (_, i) => ({ ...example, text: `${p} #${i}` }));

// 100 easy in-scope rows and 4 that look a little out of scope; 100 easy other-domain rows and 4
// CLINC150 oos rows that only a threshold at or below 0.15 rejects (rejecting them costs the 4).
const examples: Example[] = [
  ...rows(100, 0.005, { intent: "balance", source: "banking77" }),
  ...rows(4, 0.2, { intent: "balance", source: "banking77" }),
  ...rows(100, 0.9, { intent: "out_of_scope", source: "clinc_oos", clincIntent: "weather" }),
  ...rows(4, 0.15, { intent: "out_of_scope", source: "clinc_oos", clincIntent: "oos" }),
];

describe("chooseThreshold", () => {
  it("keeps the in-scope rows when the oos rows count like any other out-of-domain row", () => {
    expect(chooseThreshold(model, examples)).toBeGreaterThan(0.2);
  });

  it("rejects the oos rows when they weigh more in the reject rate", () => {
    expect(chooseThreshold(model, examples, 10)).toBeLessThanOrEqual(0.15);
  });
});
