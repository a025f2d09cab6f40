/** Feature extraction shared by the trainer and the Worker (features.ts): normalising, hashing, tf-idf. */
import { describe, expect, it } from "vitest";
import { FEATURE_SCHEME, RowTable, featureHashes, normalizeText, smoothIdf, tokenize, vectorize, type FeatureIndex } from "./features";

/** An index that knows the given hashes, with idf 1 for every row. */
function indexOf(hashes: number[], wordWeight = 1, charWeight = 1): FeatureIndex {
  const rows = new Map(hashes.map((h, i) => [h, i]));
  return { rowOf: rows, idf: () => 1, wordWeight, charWeight };
}

const norm = (values: Float32Array, from = 0, to = values.length) => Math.hypot(...values.subarray(from, to));

describe("text features", () => {
  it("normalises case, accents, curly quotes, apostrophes and digits", () => {
    expect(normalizeText("What’s my CAFÉ bill? $42.50")).toBe("whats my cafe bill? $00.00");
    expect(normalizeText("don't")).toBe(normalizeText("dont"));
  });

  it("splits words and keeps currency symbols as tokens", () => {
    expect(tokenize(normalizeText("Send £30 to Sam-Lee!"))).toEqual(["send", "£", "00", "to", "sam", "lee"]);
    expect(tokenize("")).toEqual([]);
  });

  it("hashes word uni- and bigrams and character 2–5-grams inside word boundaries, the same for the same text", () => {
    const h = featureHashes("ab cd");
    expect(h.word).toHaveLength(3); // ab, cd, "ab cd"
    expect(h.char).toHaveLength(12); // " ab " and " cd ": 3 + 2 + 1 n-grams from each of 3 starts
    expect(featureHashes("AB  cd")).toEqual(h);
    expect(featureHashes("What's up")).toEqual(featureHashes("whats up"));
    expect(featureHashes("cd ab").word).not.toEqual(h.word); // the bigram keeps the order
    expect(h.word).not.toContain(featureHashes("ab").char[1]); // a word and a character n-gram never share a hash
    expect(h.word.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff)).toBe(true);
    expect(FEATURE_SCHEME).toBe("w12-cwb25-fnv1a-v1");
  });

  it("weighs known n-grams only, each block scaled to its weight", () => {
    const hashes = featureHashes("check balance");
    const index = indexOf([...hashes.word, ...hashes.char], 2, 0.5);
    const v = vectorize("check my balance", index);
    const words = 2; // "check" and "balance"; "my" and both bigrams are unknown
    expect(v.indices.length).toBeGreaterThan(words);
    expect(norm(v.values, 0, words)).toBeCloseTo(2, 5);
    expect(norm(v.values, words)).toBeCloseTo(0.5, 5);
    expect(vectorize("zzz", index)).toEqual({ indices: new Int32Array(0), values: new Float32Array(0) });
  });

  it("uses sublinear term frequency: a repeated word counts 1 + ln(tf)", () => {
    const [hi] = featureHashes("hi").word;
    const [there] = featureHashes("there").word;
    const v = vectorize("hi hi there", indexOf([hi!, there!], 1, 0));
    expect(v.values[0]! / v.values[1]!).toBeCloseTo(1 + Math.log(2), 5);
  });

  it("computes idf as scikit-learn's smooth idf", () => {
    expect(smoothIdf(9, 9)).toBe(1);
    expect(smoothIdf(3, 1)).toBeCloseTo(Math.log(2) + 1, 12);
  });

  it("finds the row of every known hash in the row table, and none for others", () => {
    const hashes = Uint32Array.from({ length: 1000 }, (_, i) => (i * 2_654_435_761) >>> 0);
    const table = new RowTable(hashes);
    hashes.forEach((h, row) => expect(table.get(h)).toBe(row));
    expect(table.get(7)).toBeUndefined();
    expect(new RowTable(new Uint32Array(0)).get(0)).toBeUndefined();
  });
});
