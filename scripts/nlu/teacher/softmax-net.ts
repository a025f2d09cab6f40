// The teacher's classifier over sentence embeddings: softmax regression, or one hidden ReLU layer
// when `hidden` > 0. Plain SGD with a linearly decaying step and L2; small and dense, training time only.

import { mulberry32 } from "../../../packages/seeded-random/random";

export interface NetConfig {
  hidden: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export interface Net {
  dim: number;
  hidden: number;
  classes: number;
  /** dim × hidden (or dim × classes without a hidden layer), then hidden × classes. */
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/** Softmax probabilities of one input (out has `classes` entries). */
export function predict(net: Net, x: Float32Array, out: Float64Array, h = new Float64Array(net.hidden)): void {
  const { dim, hidden: H, classes: C } = net;
  if (H > 0) {
    h.set(net.b1);
    for (let d = 0; d < dim; d++) {
      const v = x[d]!;
      if (v === 0) continue;
      const base = d * H;
      for (let j = 0; j < H; j++) h[j]! += net.w1[base + j]! * v;
    }
    for (let j = 0; j < H; j++) if (h[j]! < 0) h[j] = 0;
    out.set(net.b2);
    for (let j = 0; j < H; j++) {
      const hj = h[j]!;
      if (hj === 0) continue;
      const base = j * C;
      for (let c = 0; c < C; c++) out[c]! += net.w2[base + c]! * hj;
    }
  } else {
    out.set(net.b1);
    for (let d = 0; d < dim; d++) {
      const v = x[d]!;
      const base = d * C;
      for (let c = 0; c < C; c++) out[c]! += net.w1[base + c]! * v;
    }
  }
  let max = -Infinity;
  for (let c = 0; c < C; c++) max = Math.max(max, out[c]!);
  let sum = 0;
  for (let c = 0; c < C; c++) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < C; c++) out[c]! /= sum;
}

export function trainNet(xs: Float32Array[], ys: number[], classes: number, config: NetConfig): Net {
  const dim = xs[0]!.length;
  const H = config.hidden;
  const C = classes;
  const random = mulberry32(config.seed);
  const fanOut = H > 0 ? H : C;
  const a1 = Math.sqrt(6 / (dim + fanOut));
  const net: Net = {
    dim,
    hidden: H,
    classes: C,
    w1: Float32Array.from({ length: dim * fanOut }, () => (H > 0 ? (random() * 2 - 1) * a1 : 0)),
    b1: new Float32Array(fanOut).fill(H > 0 ? 0.01 : 0),
    w2: Float32Array.from({ length: H * C }, () => (random() * 2 - 1) * Math.sqrt(6 / (H + C))),
    b2: new Float32Array(H > 0 ? C : 0),
  };
  const order = Array.from(xs.keys());
  const h = new Float64Array(H);
  const p = new Float64Array(C);
  const gh = new Float64Array(H);
  const total = config.epochs * xs.length;
  let t = 0;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = xs[i]!;
      const lr = config.learningRate * (1 - t++ / total) + config.learningRate * 0.02;
      const decay = 1 - lr * config.l2;
      predict(net, x, p, h);
      p[ys[i]!]! -= 1;
      if (H > 0) {
        for (let j = 0; j < H; j++) {
          gh[j] = 0;
          if (h[j] === 0) continue;
          const base = j * C;
          let g = 0;
          for (let c = 0; c < C; c++) {
            g += net.w2[base + c]! * p[c]!;
            net.w2[base + c] = net.w2[base + c]! * decay - lr * p[c]! * h[j]!;
          }
          gh[j] = g;
        }
        for (let c = 0; c < C; c++) net.b2[c]! -= lr * p[c]!;
        for (let d = 0; d < dim; d++) {
          const v = x[d]!;
          const base = d * H;
          for (let j = 0; j < H; j++) net.w1[base + j] = net.w1[base + j]! * decay - lr * gh[j]! * v;
        }
        for (let j = 0; j < H; j++) net.b1[j]! -= lr * gh[j]!;
      } else {
        for (let d = 0; d < dim; d++) {
          const v = x[d]!;
          const base = d * C;
          for (let c = 0; c < C; c++) net.w1[base + c] = net.w1[base + c]! * decay - lr * p[c]! * v;
        }
        for (let c = 0; c < C; c++) net.b1[c]! -= lr * p[c]!;
      }
    }
  }
  return net;
}
