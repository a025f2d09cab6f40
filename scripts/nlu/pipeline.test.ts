import { describe, expect, it } from "vitest";
import type { Example } from "./example";
import { withAugmentation } from "./pipeline";
import { DEFAULT_CONFIG, type TrainConfig } from "./trainer";

// Eleven other-domain rows and three of CLINC150's own oos rows, interleaved as loadClinc never does.
const examples: Example[] = Array.from({ length: 14 }, (_, i) => ({
  text: `row number ${i} about the weather`,
  intent: "out_of_scope",
  source: "clinc_oos",
  clincIntent: i % 4 === 3 ? "oos" : "weather",
}));

const config = (extra: Partial<TrainConfig>): TrainConfig => ({
  ...DEFAULT_CONFIG,
  augmentation: {},
  smallTalkWrap: undefined,
  paraphrase: undefined,
  clincOosKeep: 0.5,
  keepClincOosRows: false,
  clincOosRowCopies: 0,
  ...extra,
});

const count = (rows: Example[], clincIntent: string) => rows.filter((e) => e.clincIntent === clincIntent).length;

describe("withAugmentation, CLINC150 out-of-domain rows", () => {
  it("thins every CLINC out-of-domain row alike without the oos-row knobs", () => {
    const out = withAugmentation(examples, config({}));
    expect(out).toHaveLength(7);
  });

  it("keeps every oos row and thins only the other domains when asked", () => {
    const out = withAugmentation(examples, config({ keepClincOosRows: true }));
    expect(count(out, "oos")).toBe(3);
    expect(count(out, "weather")).toBe(5);
  });

  it("adds augmented copies of the oos rows it keeps", () => {
    const out = withAugmentation(examples, config({ keepClincOosRows: true, clincOosRowCopies: 2 }));
    const copies = out.filter((e) => e.augmented);
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every((e) => e.clincIntent === "oos")).toBe(true);
    expect(count(out, "weather")).toBe(5);
  });
});

describe("withAugmentation, training-only out-of-scope lines (wave 9)", () => {
  const extra: Example[] = [
    { text: "why is the sky blue", intent: "out_of_scope", source: "out_of_domain", outOfScopeExtra: true },
    { text: "how do i fix a leaky faucet", intent: "out_of_scope", source: "out_of_domain", outOfScopeExtra: true },
  ];
  const base = config({ clincOosKeep: 1 });

  it("trains on them only when the recipe asks, leaving the rest exactly as before", () => {
    const without = withAugmentation([...examples, ...extra], { ...base, outOfScopeExtra: false });
    expect(without).toEqual(withAugmentation(examples, base));
    const withThem = withAugmentation([...examples, ...extra], { ...base, outOfScopeExtra: true });
    expect(withThem.filter((e) => e.outOfScopeExtra)).toHaveLength(2);
  });
});

describe("withAugmentation, the fourth batch's own number of copies (nlu13)", () => {
  const action: Example = { text: "move fifty bucks over to my savings", intent: "transfer", source: "action" };
  const batch: Example[] = [
    { text: "shift some cash across to the joint account", intent: "transfer", source: "action", batch4: "action" },
    { text: "can i freeze cooked rice", intent: "out_of_scope", source: "out_of_domain", batch4: "out_of_scope" },
  ];
  const base = config({ clincOosKeep: 1, augmentation: { action: 4, out_of_domain: 2 }, smallTalkWrap: { action: 1 }, batch4: ["action", "out_of_scope"] });
  const ofBatch = (rows: Example[]) => rows.filter((e) => e.batch4 !== undefined);

  it("copies the batch's lines like the rest of their source when the knob is absent", () => {
    const out = withAugmentation([action, ...batch], base);
    expect(ofBatch(out).some((e) => e.paraphrase)).toBe(true); // small-talk-wrapped copies, as every action line gets
    expect(ofBatch(out).length).toBeGreaterThan(5);
  });

  it("trains each line alone with 0 copies and no wrapped copy, leaving every other row as without the batch", () => {
    const out = withAugmentation([action, ...batch], { ...base, batch4Copies: 0 });
    expect(ofBatch(out).map((e) => e.text)).toEqual(batch.map((e) => e.text));
    expect(out.filter((e) => e.batch4 === undefined)).toEqual(withAugmentation([action], base));
  });

  it("adds at most n augmented copies of each line with n copies, none wrapped in small talk", () => {
    const out = ofBatch(withAugmentation([action, ...batch], { ...base, batch4Copies: 1 }));
    expect(out.filter((e) => e.augmented).length).toBeGreaterThan(0);
    expect(out.filter((e) => e.augmented).length).toBeLessThanOrEqual(2);
    expect(out.some((e) => e.paraphrase)).toBe(false);
  });
});
