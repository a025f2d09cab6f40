// Soft labels from a sentence-encoder teacher (scripts/nlu/teacher/label.ts), read by the trainer
// to distil the teacher into the reranker. The teacher itself is never a dependency: its output is
// a file (teacher/soft-labels.bin) that label.ts writes. It is not committed: the experiment it
// served did not ship (packages/nlu/README.md, wave 7), and nlu:train never needs it.
//
// File (little-endian): "TSL1", u8 k, u8 sections; per section: u8 name length, name (ASCII),
// u32 rows; per row: u32 FNV-1a of the exact text, then k × (u8 class index into
// BANKING77_INTENTS, u8 probability × 255), best first. Sections: "train" = labels of
// training-split rows from teachers cross-fitted on the training split only (the validation model
// may read only these); "full" = train + validation rows, cross-fitted over both (the refit).

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../../packages/seeded-random/random";

export const SOFT_LABELS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "teacher/soft-labels.bin");

/** Top-k teacher probabilities over the BANKING77 intents (indices into BANKING77_INTENTS). */
export interface SoftLabel {
  classes: Uint8Array;
  probs: Float32Array;
}

export type SoftLabelSection = Map<number, SoftLabel>;
export type SoftLabels = Record<"train" | "full", SoftLabelSection>;

/** 32-bit FNV-1a of the exact text: the key the teacher and the trainer agree on. */
export function textKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A perturbed copy of a sentence for the teacher to label (variant 0: word dropout; 1: a crop of
 * the first or last words, or two neighbours swapped). Deterministic in (text, variant), so the
 * trainer rebuilds exactly the texts the teacher saw. Undefined when it would equal the text.
 */
export function perturb(text: string, variant: number): string | undefined {
  const random = mulberry32(textKey(text) ^ Math.imul(variant + 1, 0x9e3779b1));
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 3) return undefined;
  let out: string[];
  if (variant % 2 === 0) {
    out = words.filter(() => random() >= 0.2);
    if (out.length < 2 || out.length === words.length) out = words.filter((_, i) => i !== Math.floor(random() * words.length));
  } else if (random() < 0.6 && words.length >= 5) {
    const cut = 1 + Math.floor(random() * Math.max(1, Math.floor(words.length * 0.3)));
    out = random() < 0.5 ? words.slice(cut) : words.slice(0, words.length - cut);
  } else {
    const i = Math.floor(random() * (words.length - 1));
    out = [...words];
    [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  }
  const result = out.join(" ");
  return result === words.join(" ") ? undefined : result;
}

/** Keeps the k most probable classes, quantised to 1/255 (at least 1 for each kept class). */
export function topK(probs: ArrayLike<number>, k: number): SoftLabel {
  const order = Array.from({ length: probs.length }, (_, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b);
  const kept = order.slice(0, k);
  return {
    classes: Uint8Array.from(kept),
    probs: Float32Array.from(kept, (c) => Math.max(1, Math.round(probs[c]! * 255)) / 255),
  };
}

export function encodeSoftLabels(sections: Record<string, SoftLabelSection>, k: number): Uint8Array {
  const names = Object.keys(sections);
  const size = 6 + names.reduce((n, name) => n + 1 + name.length + 4 + sections[name]!.size * (4 + 2 * k), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set([0x54, 0x53, 0x4c, 0x31, k, names.length]);
  let at = 6;
  for (const name of names) {
    const rows = sections[name]!;
    out[at++] = name.length;
    for (let i = 0; i < name.length; i++) out[at++] = name.charCodeAt(i);
    view.setUint32(at, rows.size, true);
    at += 4;
    for (const key of [...rows.keys()].sort((a, b) => a - b)) {
      const label = rows.get(key)!;
      view.setUint32(at, key, true);
      at += 4;
      for (let j = 0; j < k; j++) {
        out[at++] = label.classes[j] ?? 0;
        out[at++] = label.probs[j] === undefined ? 0 : Math.round(label.probs[j]! * 255);
      }
    }
  }
  return out;
}

export function decodeSoftLabels(bytes: Uint8Array): Record<string, SoftLabelSection> {
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== "TSL1") throw new Error("not a soft-label file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const k = bytes[4]!;
  const sections: Record<string, SoftLabelSection> = {};
  let at = 6;
  for (let s = 0; s < bytes[5]!; s++) {
    const length = bytes[at++]!;
    const name = String.fromCharCode(...bytes.subarray(at, at + length));
    at += length;
    const rows = view.getUint32(at, true);
    at += 4;
    const section: SoftLabelSection = new Map();
    for (let r = 0; r < rows; r++) {
      const key = view.getUint32(at, true);
      at += 4;
      const classes: number[] = [];
      const probs: number[] = [];
      for (let j = 0; j < k; j++, at += 2) {
        if (bytes[at + 1] === 0) continue;
        classes.push(bytes[at]!);
        probs.push(bytes[at + 1]! / 255);
      }
      section.set(key, { classes: Uint8Array.from(classes), probs: Float32Array.from(probs) });
    }
    sections[name] = section;
  }
  if (at !== bytes.length) throw new Error("soft-label file has trailing bytes");
  return sections;
}

/** The soft labels label.ts wrote, or undefined when the file is absent (then training uses hard labels). */
export function loadSoftLabels(file = SOFT_LABELS_FILE): SoftLabels | undefined {
  if (!existsSync(file)) return undefined;
  const sections = decodeSoftLabels(new Uint8Array(readFileSync(file)));
  if (!sections.train || !sections.full) throw new Error(`${file}: expected sections "train" and "full"`);
  return { train: sections.train, full: sections.full };
}

/** A soft label spread over `size` classes and mixed with the one-hot label: alpha × teacher + (1 − alpha) × label. */
export function mixTarget(label: SoftLabel, y: number, alpha: number, size: number): Float32Array {
  const target = new Float32Array(size);
  let mass = 0;
  for (let j = 0; j < label.classes.length; j++) mass += label.probs[j]!;
  for (let j = 0; j < label.classes.length; j++) target[label.classes[j]!]! += (alpha * label.probs[j]!) / mass;
  target[y]! += 1 - alpha;
  return target;
}

export interface DistillationSet<V> {
  vectors: V[];
  labels: Int32Array;
  /** Per vector: its target over the teacher's classes, or undefined (hard label). */
  targets: (Float32Array | undefined)[];
}

/**
 * The reranker's training set with the teacher's soft labels: each row of a teacher class gets
 * `copies` perturbed copies appended, and each original or copy the section knows (matched by
 * exact text) gets its mixed target; the others keep their hard label (so without a section, or
 * with alpha 0, this is plain perturbation augmentation). `teacherClass` maps a model label to the
 * teacher's class index (undefined: not one).
 */
export function distillationSet<V>(
  /** Per vector: its text, or undefined for augmented rows (no copies, no soft label). */
  texts: (string | undefined)[],
  vectors: V[],
  labels: Int32Array,
  teacherClass: (label: number) => number | undefined,
  classes: number,
  section: SoftLabelSection | undefined,
  options: { alpha: number; copies: number },
  vectorize: (text: string) => V,
): DistillationSet<V> {
  const outVectors = [...vectors];
  const outLabels = Array.from(labels);
  const targets: (Float32Array | undefined)[] = vectors.map(() => undefined);
  texts.forEach((text, i) => {
    const y = teacherClass(labels[i]!);
    if (y === undefined || text === undefined) return;
    const soft = (t: string) => {
      const label = options.alpha > 0 ? section?.get(textKey(t)) : undefined;
      return label ? mixTarget(label, y, options.alpha, classes) : undefined;
    };
    targets[i] = soft(text);
    for (let v = 0; v < options.copies; v++) {
      const copy = perturb(text, v);
      if (copy === undefined) continue;
      outVectors.push(vectorize(copy));
      outLabels.push(labels[i]!);
      targets.push(soft(copy));
    }
  });
  return { vectors: outVectors, labels: Int32Array.from(outLabels), targets };
}
