/**
 * The reranker (reranker.ts) over matrices the test chose: it moves probability only inside its
 * own classes, only when the linear model's best in-scope class is one of them, and never touches
 * out_of_scope or any other class.
 */
import { describe, expect, it } from "vitest";
import { ARTIFACT_FORMAT, checkArtifact, packTables, type IntentModelArtifact } from "./artifact";
import { FEATURE_SCHEME, featureHashes } from "./features";
import { createIntentModel } from "./model";
import { Reranker, bucketOf, type RerankerHeader } from "./reranker";

const BUCKETS = 4;
const hashOf = (row: number) => [0x10000000, 0x50000000, 0x90000000, 0xd0000000][row]!;

/** One hidden unit per bucket (identity input); the output sends unit k to class k. */
function reranker(weight: number, classes = [0, 1]): Reranker {
  const header: RerankerHeader = {
    buckets: BUCKETS,
    hidden: BUCKETS,
    classes,
    weight,
    inputScale: 1 / 100,
    outputScale: 1 / 10,
    hiddenBias: [0, 0, 0, 0],
    outputBias: classes.map(() => 0),
  };
  const input = new Int8Array(BUCKETS * BUCKETS);
  for (let b = 0; b < BUCKETS; b++) input[b * BUCKETS + b] = 100;
  const output = new Int8Array(BUCKETS * classes.length);
  for (let k = 0; k < classes.length; k++) output[bucketOf(hashOf(k), BUCKETS) * classes.length + k] = 100;
  return new Reranker(header, input, output, 4);
}

describe("reranker", () => {
  it("buckets a hash by its top bits", () => {
    expect(bucketOf(0, 4)).toBe(0);
    for (const h of [1, 0xffffffff, 0x12345678]) expect(bucketOf(h, 4)).toBeLessThan(4);
  });

  it("moves probability between its classes and keeps their total and every other class", () => {
    const probs = Float64Array.from([0.4, 0.3, 0.2, 0.1]);
    // The text's only feature is row 1, which the network reads as class 1.
    reranker(1).apply(probs, Int32Array.of(1), Float32Array.of(1), hashOf, 3);
    expect(probs[1]!).toBeGreaterThan(probs[0]!);
    expect(probs[0]! + probs[1]!).toBeCloseTo(0.7, 12);
    expect(probs[2]).toBe(0.2);
    expect(probs[3]).toBe(0.1);
  });

  it("leaves the probabilities alone when the best in-scope class is not one of its own", () => {
    const probs = Float64Array.from([0.2, 0.1, 0.4, 0.3]);
    reranker(1).apply(probs, Int32Array.of(1), Float32Array.of(1), hashOf, 3);
    expect(Array.from(probs)).toEqual([0.2, 0.1, 0.4, 0.3]);
  });

  it("changes nothing with weight 0", () => {
    const probs = Float64Array.from([0.4, 0.3, 0.2, 0.1]);
    reranker(0).apply(probs, Int32Array.of(1), Float32Array.of(1), hashOf, 3);
    expect(probs[0]).toBeCloseTo(0.4, 12);
    expect(probs[1]).toBeCloseTo(0.3, 12);
  });

  it("refuses tables or classes that do not fit its header", () => {
    expect(() => reranker(1, [0, 9])).toThrow(/out of range/);
    const header = { buckets: 3, hidden: 1, classes: [0], weight: 1, inputScale: 1, outputScale: 1, hiddenBias: [0], outputBias: [0] };
    expect(() => new Reranker(header, new Int8Array(3), new Int8Array(1), 2)).toThrow(/power of two/);
    expect(() => new Reranker({ ...header, buckets: 4 }, new Int8Array(3), new Int8Array(1), 2)).toThrow(/size mismatch/);
  });

  it("ships inside the artifact's tables and re-ranks the model's probabilities", () => {
    const intents = ["card_arrival", "card_delivery_estimate", "balance", "out_of_scope"];
    const word = (w: string) => featureHashes(w).word[0]!;
    const rows = [word("card"), word("when")].sort((a, b) => a - b);
    const weights = new Int8Array(rows.length * intents.length);
    // "card" votes equally for the two card intents; "when" adds nothing linear.
    const card = rows.indexOf(word("card"));
    weights[card * intents.length + 0] = 100;
    weights[card * intents.length + 1] = 100;
    const when = bucketOf(word("when"), BUCKETS);
    const header: RerankerHeader = {
      buckets: BUCKETS,
      hidden: 1,
      classes: [0, 1],
      weight: 1,
      inputScale: 1 / 10,
      outputScale: 1 / 10,
      hiddenBias: [0],
      outputBias: [0, 0],
    };
    const input = new Int8Array(BUCKETS);
    input[when] = 100; // the hidden unit fires on "when" …
    const output = Int8Array.of(0, 100); // … and votes for card_delivery_estimate
    const packed = packTables(Uint32Array.from(rows), new Uint8Array(rows.length).fill(16), weights, intents.length, { header, input, output });
    const artifact: IntentModelArtifact = {
      format: ARTIFACT_FORMAT,
      version: "test-1",
      featureScheme: FEATURE_SCHEME,
      intents,
      wordWeight: 1,
      charWeight: 0,
      temperature: 1,
      outOfScopeThreshold: 0.9,
      ...packed,
      scales: intents.map(() => 0.1),
      bias: intents.map(() => 0),
      reranker: header,
      training: {},
    };
    expect(checkArtifact(artifact).rerankInput?.length).toBe(BUCKETS);
    const withReranker = createIntentModel(artifact).probabilities("card when");
    const without = createIntentModel({ ...artifact, reranker: undefined, ...packTables(Uint32Array.from(rows), new Uint8Array(rows.length).fill(16), weights, intents.length) }).probabilities("card when");
    expect(without[0]).toBeCloseTo(without[1]!, 12);
    expect(withReranker[1]!).toBeGreaterThan(withReranker[0]!);
    expect(withReranker[0]! + withReranker[1]!).toBeCloseTo(without[0]! + without[1]!, 12);
    expect(withReranker[3]).toBeCloseTo(without[3]!, 12);
    expect(() => checkArtifact({ ...artifact, reranker: { ...header, hidden: 2, hiddenBias: [0, 0] } })).toThrow(/size mismatch/);
  });
});
