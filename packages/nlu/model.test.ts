/**
 * The intent model's runtime (model.ts) over a small artifact built here, so each expectation follows
 * from weights the test chose: softmax probabilities, the out-of-scope rule, alternatives, and the
 * rules that read a plain request or a request inside small talk.
 */
import { describe, expect, it } from "vitest";
import { ARTIFACT_FORMAT, packTables, type IntentModelArtifact } from "./artifact";
import { FEATURE_SCHEME, featureHashes } from "./features";
import { createIntentModel } from "./model";

const INTENTS = ["balance", "transfer", "card_arrival", "out_of_scope"];
/** Word → the intent it votes for (int8 weight 100, scale 0.1: a logit of 10 for a one-word text). */
const VOTES: Record<string, string> = {
  balance: "balance",
  money: "transfer",
  arrive: "card_arrival",
  weather: "out_of_scope",
  // Small talk reads as out of scope to this model: only the wrapper rules can find the request around it.
  hello: "out_of_scope",
  thanks: "out_of_scope",
};

function artifact(overrides: Partial<IntentModelArtifact> = {}): IntentModelArtifact {
  const rows = Object.entries(VOTES)
    .map(([word, intent]) => ({ hash: featureHashes(word).word[0]!, intent: INTENTS.indexOf(intent) }))
    .sort((a, b) => a.hash - b.hash);
  const weights = new Int8Array(rows.length * INTENTS.length);
  rows.forEach((r, i) => (weights[i * INTENTS.length + r.intent] = 100));
  const tables = packTables(Uint32Array.from(rows, (r) => r.hash), new Uint8Array(rows.length).fill(16), weights, INTENTS.length);
  return {
    format: ARTIFACT_FORMAT,
    version: "test-1",
    featureScheme: FEATURE_SCHEME,
    intents: INTENTS,
    wordWeight: 1,
    charWeight: 1,
    temperature: 1,
    outOfScopeThreshold: 0.5,
    ...tables,
    scales: INTENTS.map(() => 0.1),
    bias: INTENTS.map(() => 0),
    training: {},
    ...overrides,
  };
}

describe("intent model", () => {
  const model = createIntentModel(artifact());

  it("exposes the artifact's version, intents and threshold, and refuses an artifact of other features", () => {
    expect(model.version).toBe("test-1");
    expect(model.intents).toEqual(INTENTS);
    expect(model.outOfScopeThreshold).toBe(0.5);
    expect(() => createIntentModel(artifact({ featureScheme: "other" }))).toThrow(/features/);
  });

  it("gives calibrated probabilities that sum to one, uniform for text it has no features for", () => {
    const p = model.probabilities("balance");
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(Math.exp(10) / (Math.exp(10) + 3), 6);
    expect(Array.from(model.probabilities("zzz"))).toEqual(INTENTS.map(() => 0.25));
    const hot = createIntentModel(artifact({ temperature: 2 })).probabilities("balance");
    expect(hot[0]).toBeCloseTo(Math.exp(5) / (Math.exp(5) + 3), 6);
  });

  it("names the best intent with its probability and ranked alternatives that never repeat it", () => {
    const c = model.classify("balance");
    expect(c.intent).toBe("balance");
    expect(c.confidence).toBeCloseTo(model.probabilities("balance")[0]!, 12);
    expect(c.alternatives.map((a) => a.intent)).toEqual(["transfer", "card_arrival", "out_of_scope"]);
    expect(model.classify("balance", { alternatives: 1 }).alternatives).toHaveLength(1);
  });

  it("rejects as out of scope when that class wins or reaches the threshold, with the larger of its two doubts", () => {
    const off = model.classify("weather");
    expect(off.intent).toBe("out_of_scope");
    const p = model.probabilities("weather");
    // 1 − p(best in-scope) is above p(out_of_scope) here: the other in-scope classes share the rest.
    expect(off.confidence).toBeCloseTo(1 - Math.max(p[0]!, p[1]!, p[2]!), 12);
    expect(off.confidence).toBeGreaterThan(p[3]!);
    // "arrive weather": card_arrival and out_of_scope tie just below 0.5; the lower index wins the tie.
    const tie = model.classify("arrive weather", { whole: true });
    expect(tie.intent).toBe("card_arrival");
    const strict = model.classify("arrive weather", { whole: true, outOfScopeThreshold: 0.3 });
    expect(strict.intent).toBe("out_of_scope");
    expect(strict.confidence).toBeCloseTo(1 - tie.confidence, 12);
  });

  it("takes a plain request the rules recognise at no less than 0.9, unless asked to read the whole text", () => {
    const rule = model.classify("I want to move money");
    expect(rule.intent).toBe("transfer");
    expect(rule.confidence).toBeGreaterThanOrEqual(0.9);
    const plain = model.classify("move some cash please");
    expect(plain).toMatchObject({ intent: "transfer", confidence: 0.9 }); // no known word: the rule alone
    expect(model.classify("move some cash please", { whole: true }).confidence).toBe(0.25);
  });

  it("reads the request out of surrounding small talk, or the most confident of several clauses", () => {
    const wrapped = "Hello! Thanks so much. When will my card arrive?";
    expect(model.classify(wrapped, { whole: true }).intent).toBe("out_of_scope");
    expect(model.classify(wrapped).intent).toBe("card_arrival");
    const clauses = "The weather, the weather. When will my card arrive?";
    expect(model.classify(clauses, { whole: true }).intent).toBe("out_of_scope");
    expect(model.classify(clauses).intent).toBe("card_arrival");
    expect(model.classify("Hello! Thanks so much.").intent).toBe("out_of_scope");
  });
});
