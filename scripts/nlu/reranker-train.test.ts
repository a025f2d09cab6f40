// The reranker's trainer: it learns from the rows of its own classes only, separates them, and
// quantises into tables the runtime accepts.
import { describe, expect, it } from "vitest";
import { bucketOf, Reranker } from "../../packages/nlu/reranker";
import { bucketize, quantizeReranker, trainReranker, type RerankerConfig } from "./reranker-train";

const config: RerankerConfig = { buckets: 16, hidden: 8, epochs: 30, learningRate: 0.1, dropout: 0, weight: 1, classBalance: 0.5 };
const hashes = Uint32Array.from({ length: 8 }, (_, i) => (i + 1) * 0x1f000001);
const vector = (rows: number[]) => ({ indices: Int32Array.from(rows), values: Float32Array.from(rows, () => 1 / Math.sqrt(rows.length)) });

describe("reranker training", () => {
  it("folds a vector into buckets, adding colliding features", () => {
    const folded = bucketize(vector([0, 1]), Uint32Array.of(5, 5), 16);
    expect(Array.from(folded.indices)).toEqual([bucketOf(5, 16)]);
    expect(folded.values[0]).toBeCloseTo(2 / Math.sqrt(2), 6);
  });

  it("learns to tell its classes apart and skips rows of other classes", () => {
    // Class 0 texts have rows 0 and 1 together, class 1 texts rows 0 and 2: only the pair tells them apart.
    const vectors = [vector([0, 1]), vector([0, 2]), vector([0, 1, 3]), vector([0, 2, 3]), vector([4])];
    const labels = Int32Array.of(0, 1, 0, 1, 2);
    const trained = trainReranker(vectors, labels, hashes, [0, 1], config, 7);
    const tables = quantizeReranker(trained, 1);
    const reranker = new Reranker(tables.header, tables.input, tables.output, 3);
    const ranked = (rows: number[]) => {
      const probs = Float64Array.from([0.45, 0.45, 0.1]);
      const v = vector(rows);
      reranker.apply(probs, v.indices, v.values, (row) => hashes[row]!, 2);
      return probs;
    };
    expect(ranked([0, 1])[0]!).toBeGreaterThan(ranked([0, 1])[1]!);
    expect(ranked([0, 2])[1]!).toBeGreaterThan(ranked([0, 2])[0]!);
    expect(tables.header.classes).toEqual([0, 1]);
    expect(tables.input.length).toBe(16 * 8);
    expect(tables.output.length).toBe(8 * 2);
  });

  it("is deterministic for a seed", () => {
    const vectors = [vector([0, 1]), vector([0, 2])];
    const a = trainReranker(vectors, Int32Array.of(0, 1), hashes, [0, 1], config, 7);
    const b = trainReranker(vectors, Int32Array.of(0, 1), hashes, [0, 1], config, 7);
    expect(Array.from(a.input)).toEqual(Array.from(b.input));
  });

  it("follows soft targets where given instead of the one-hot label", () => {
    // Same inputs, labelled 0, but the targets say class 1: the network follows the targets.
    const vectors = [vector([0, 1]), vector([0, 1, 3])];
    const targets = [Float32Array.of(0, 1), Float32Array.of(0.1, 0.9)];
    const trained = trainReranker(vectors, Int32Array.of(0, 0), hashes, [0, 1], config, 7, targets);
    const tables = quantizeReranker(trained, 1);
    const reranker = new Reranker(tables.header, tables.input, tables.output, 3);
    const probs = Float64Array.from([0.45, 0.45, 0.1]);
    const v = vector([0, 1]);
    reranker.apply(probs, v.indices, v.values, (row) => hashes[row]!, 2);
    expect(probs[1]!).toBeGreaterThan(probs[0]!);
  });
});
