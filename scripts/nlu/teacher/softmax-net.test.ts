// The teacher's classifier over embeddings: with and without a hidden layer it separates classes
// and gives probabilities that sum to one.
import { describe, expect, it } from "vitest";
import { predict, trainNet } from "./softmax-net";

const xs = [Float32Array.of(1, 0, 0), Float32Array.of(0.9, 0.1, 0), Float32Array.of(0, 1, 0), Float32Array.of(0, 0.9, 0.2)];
const ys = [0, 0, 1, 1];

describe("teacher softmax net", () => {
  for (const hidden of [0, 8]) {
    it(`separates two classes (hidden ${hidden})`, () => {
      const net = trainNet(xs, ys, 2, { hidden, epochs: 200, learningRate: 0.2, l2: 0, seed: 1 });
      const p = new Float64Array(2);
      predict(net, Float32Array.of(1, 0.05, 0), p);
      expect(p[0]).toBeGreaterThan(0.8);
      expect(p[0]! + p[1]!).toBeCloseTo(1, 9);
      predict(net, Float32Array.of(0.05, 1, 0.1), p);
      expect(p[1]).toBeGreaterThan(0.8);
    });
  }
});
