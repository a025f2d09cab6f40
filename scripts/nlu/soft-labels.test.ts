// The teacher's soft labels: the file round-trips, perturbed copies are reproducible (the trainer
// must rebuild the teacher's texts), and only rows the section knows get soft targets.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  decodeSoftLabels,
  distillationSet,
  encodeSoftLabels,
  loadSoftLabels,
  mixTarget,
  perturb,
  textKey,
  topK,
  type SoftLabelSection,
} from "./soft-labels";

describe("soft labels", () => {
  it("keeps the k most probable classes, quantised to 1/255", () => {
    const label = topK([0.1, 0.6, 0.05, 0.25], 2);
    expect(Array.from(label.classes)).toEqual([1, 3]);
    expect(label.probs[0]).toBeCloseTo(0.6, 2);
    expect(label.probs[1]).toBeCloseTo(0.25, 2);
  });

  it("round-trips sections through the file format", () => {
    const train: SoftLabelSection = new Map([[textKey("a b c"), topK([0.7, 0.2, 0.1], 2)]]);
    const full: SoftLabelSection = new Map([
      [textKey("a b c"), topK([0.5, 0.5, 0], 2)],
      [textKey("d e f"), topK([0, 0.1, 0.9], 2)],
    ]);
    const decoded = decodeSoftLabels(encodeSoftLabels({ train, full }, 2));
    expect([...decoded.full!.keys()].sort()).toEqual([...full.keys()].sort());
    const label = decoded.train!.get(textKey("a b c"))!;
    expect(Array.from(label.classes)).toEqual([0, 1]);
    expect(label.probs[0]).toBeCloseTo(0.7, 2);
  });

  it("refuses a file that is not a soft-label file", () => {
    expect(() => decodeSoftLabels(new Uint8Array([1, 2, 3, 4, 0, 0]))).toThrow(/not a soft-label file/);
  });

  it("loads nothing when the file is absent, and needs both sections when present", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "soft-"));
    expect(loadSoftLabels(path.join(dir, "none.bin"))).toBeUndefined();
    writeFileSync(path.join(dir, "one.bin"), encodeSoftLabels({ train: new Map() }, 1));
    expect(() => loadSoftLabels(path.join(dir, "one.bin"))).toThrow(/sections/);
  });

  it("perturbs a sentence the same way every time, and never returns it unchanged", () => {
    const text = "I would like to know why my top up was reverted yesterday";
    for (const v of [0, 1]) {
      const copy = perturb(text, v);
      expect(copy).toBe(perturb(text, v));
      expect(copy).not.toBe(text);
    }
    expect(perturb("hi there", 0)).toBeUndefined();
  });

  it("mixes the teacher's distribution with the label", () => {
    const target = mixTarget(topK([0.8, 0.2, 0], 2), 1, 0.5, 3);
    expect(Array.from(target, (v) => Number(v.toFixed(2)))).toEqual([0.4, 0.6, 0]);
  });

  it("adds perturbed copies of original rows of teacher classes, soft targets where the section knows the text", () => {
    const texts = ["why was my top up reverted today", "where is my new card please", "send money to savings now", "why was my top up reverted today!"];
    const copies = [perturb(texts[0]!, 0)!, perturb(texts[0]!, 1)!, perturb(texts[1]!, 0)!, perturb(texts[1]!, 1)!];
    const section: SoftLabelSection = new Map([
      [textKey(texts[0]!), topK([0.6, 0.4], 2)],
      [textKey(copies[0]!), topK([0.3, 0.7], 2)],
    ]);
    // Model label 5 is teacher class 0, 6 is class 1, 9 is not a teacher class; the last row is an augmented copy.
    const teacherClass = (y: number) => (y === 5 ? 0 : y === 6 ? 1 : undefined);
    const rows = [texts[0], texts[1], texts[2], undefined];
    const set = distillationSet(rows, texts, Int32Array.of(5, 6, 9, 5), teacherClass, 2, section, { alpha: 1, copies: 2 }, (t) => t);
    expect(set.vectors).toEqual([...texts, ...copies]);
    expect(Array.from(set.labels)).toEqual([5, 6, 9, 5, 5, 5, 6, 6]);
    expect(set.targets[0]![0]).toBeCloseTo(0.6, 2);
    expect(set.targets[4]![1]).toBeCloseTo(0.7, 2);
    expect([1, 2, 3, 5, 6, 7].map((i) => set.targets[i])).toEqual(Array(6).fill(undefined));
    // alpha 0 (or no section): the same copies, every target the hard label.
    const hard = distillationSet(rows, texts, Int32Array.of(5, 6, 9, 5), teacherClass, 2, undefined, { alpha: 0, copies: 2 }, (t) => t);
    expect(hard.vectors).toEqual(set.vectors);
    expect(hard.targets.every((t) => t === undefined)).toBe(true);
  });
});
