// Calibration of the trained linear model on validation: the softmax temperature, and the logit
// adjustment that lowers the bias of intents with many training examples (TrainConfig.logitAdjustment).

import type { SparseVector } from "../../packages/nlu/features";
import { scoreLogits, softmaxInPlace, type FloatModel } from "./linear-sgd";

/** Temperature minimising validation negative log-likelihood (grid search, deterministic). */
export function fitTemperature(model: FloatModel, vectors: SparseVector[], labels: Int32Array): number {
  const logits = vectors.map((x) => {
    const z = new Float64Array(model.classes);
    scoreLogits(model, x, z);
    return z;
  });
  let best = 1;
  let bestLoss = Infinity;
  const z = new Float64Array(model.classes);
  // Log-spaced 0.02 … 5: margin losses give small raw scores and need temperatures well below 1.
  for (let step = 0; step <= 80; step++) {
    const T = Number((0.02 * Math.pow(250, step / 80)).toPrecision(3));
    let loss = 0;
    logits.forEach((l, i) => {
      z.set(l);
      softmaxInPlace(z, 1 / T);
      loss -= Math.log(Math.max(z[labels[i]!]!, 1e-12));
    });
    if (loss < bestLoss) {
      bestLoss = loss;
      best = T;
    }
  }
  return best;
}

/**
 * Lowers each in-scope intent's bias by τ × temperature × (log of its share of `labels` − the mean
 * over in-scope intents), in place; intents absent from training and `keep` are left alone.
 */
export function adjustLogits(model: FloatModel, labels: Int32Array, tau: number, temperature: number, keep: number): void {
  if (!tau) return;
  const counts = new Float64Array(model.classes);
  for (const y of labels) counts[y]!++;
  const logShare: number[] = [];
  for (let c = 0; c < model.classes; c++) if (c !== keep && counts[c]! > 0) logShare.push(Math.log(counts[c]! / labels.length));
  const mean = logShare.reduce((a, b) => a + b, 0) / Math.max(1, logShare.length);
  for (let c = 0; c < model.classes; c++) {
    if (c === keep || counts[c] === 0) continue;
    model.bias[c]! -= tau * temperature * (Math.log(counts[c]! / labels.length) - mean);
  }
}
