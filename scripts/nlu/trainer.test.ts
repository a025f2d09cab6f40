// The per-source training knobs used by the wave-5 error analysis (experiment.ts only; the shipped
// recipe leaves them off, so its artifact is unchanged).
import { describe, expect, it } from "vitest";
import type { Example } from "./example";
import { textKey, topK, type SoftLabelSection } from "./soft-labels";
import { DEFAULT_CONFIG, sampleWeights, trainModel, type TrainConfig } from "./trainer";
import { BANKING77_INTENTS } from "../../packages/contract/intents";

const intents = ["change_pin", "balance", "out_of_scope"];
const examples: Example[] = [
  { text: "how do I change my PIN", intent: "change_pin", source: "banking77" },
  { text: "can I pick a new PIN", intent: "change_pin", source: "banking77" },
  { text: "change my pin number to 1234", intent: "change_pin", source: "clinc", clincIntent: "pin_change" },
  { text: "what is my balance", intent: "balance", source: "action" },
  { text: "how much money do I have", intent: "balance", source: "clinc", clincIntent: "balance" },
  { text: "what's the weather like", intent: "out_of_scope", source: "out_of_domain" },
];
const small: TrainConfig = {
  ...DEFAULT_CONFIG,
  minDf: 1,
  learners: DEFAULT_CONFIG.learners.map((l) => ({ ...l, epochs: 2, averageEpochs: 1 })),
};

describe("trainer knobs", () => {
  it("weights CLINC150 rows by their CLINC intent and leaves every other row at 1", () => {
    expect(sampleWeights(examples, small)).toBeUndefined();
    const weights = sampleWeights(examples, { ...small, clincWeights: { pin_change: 0.5 } });
    expect(Array.from(weights!)).toEqual([1, 1, 0.5, 1, 1, 1]);
  });

  it("weights the fourth batch's lines (and their copies) by batch4Weight, with the CLINC150 weights alongside (nlu13)", () => {
    const rows: Example[] = [...examples, { text: "shift some cash to savings", intent: "balance", source: "action", batch4: "action" }];
    expect(sampleWeights(rows, { ...small, batch4Weight: 1 })).toBeUndefined();
    const weights = sampleWeights(rows, { ...small, batch4Weight: 0.5, clincWeights: { pin_change: 0.25 } });
    expect(Array.from(weights!)).toEqual([1, 1, 0.25, 1, 1, 1, 0.5]);
  });

  it("leaves CLINC150 rows of weight 0 out of training", () => {
    const all = trainModel(examples, intents, small);
    const dropped = trainModel(examples, intents, { ...small, clincWeights: { pin_change: 0 } });
    expect(all.labels.length).toBe(6);
    expect(dropped.labels.length).toBe(5);
  });

  it("trains the same model with one bag as without the option", () => {
    const plain = trainModel(examples, intents, small);
    const oneBag = trainModel(examples, intents, { ...small, bags: 1 });
    expect(Array.from(oneBag.model.weights)).toEqual(Array.from(plain.model.weights));
    const twoBags = trainModel(examples, intents, { ...small, bags: 2 });
    expect(Array.from(twoBags.model.weights)).not.toEqual(Array.from(plain.model.weights));
  });

  it("balances a class's CLINC150 rows and its other rows as separate groups when asked", () => {
    const plain = trainModel(examples, intents, small);
    const bySource = trainModel(examples, intents, { ...small, balanceBySource: true });
    expect(Array.from(bySource.model.weights)).not.toEqual(Array.from(plain.model.weights));
  });

  it("distils into the reranker only: perturbed copies, then soft labels, leave the linear model alone", () => {
    const plain = trainModel(examples, intents, small);
    const copies = trainModel(examples, intents, { ...small, reranker: { ...small.reranker!, distill: { alpha: 0, copies: 2 } } });
    const teacher = Array.from(BANKING77_INTENTS, (name) => (name === "card_arrival" ? 1 : 0));
    const section: SoftLabelSection = new Map([[textKey("how do I change my PIN"), topK(teacher, 2)]]);
    const distilled = trainModel(examples, intents, { ...small, reranker: { ...small.reranker!, distill: { alpha: 0.5, copies: 2 } } }, section);
    expect(Array.from(copies.model.weights)).toEqual(Array.from(plain.model.weights));
    expect(Array.from(distilled.model.weights)).toEqual(Array.from(plain.model.weights));
    expect(Array.from(copies.reranker!.output)).not.toEqual(Array.from(plain.reranker!.output));
    expect(Array.from(distilled.reranker!.output)).not.toEqual(Array.from(copies.reranker!.output));
  });
});
