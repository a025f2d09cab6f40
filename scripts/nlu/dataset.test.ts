import { describe, expect, it } from "vitest";
import { ACTION_TRAINING_EXTRA } from "../../packages/nlu/data/action-extra";
import { ACTION_TRAINING_EXTRA_3 } from "../../packages/nlu/data/action-extra-3";
import { ACTION_UTTERANCES } from "../../packages/nlu/data/action-utterances";
import { ACTION_TRAINING_EXTRA_2, ACTION_UTTERANCES_2, RECURRING_TRANSFERS } from "../../packages/nlu/data/action-utterances-2";
import { OUT_OF_DOMAIN } from "../../packages/nlu/data/out-of-domain";
import { OUT_OF_SCOPE_TRAINING_EXTRA } from "../../packages/nlu/data/out-of-scope-extra";
import { ACTION_INTENTS } from "../../packages/contract/intents";
import { CHECK_SET } from "./check-set";
import { CLINC_BANK_MAPPING, loadClinc } from "./clinc";
import { PROBE_TEXTS } from "./probe-texts";
import {
  batch4Extras,
  clincDir,
  featureKey,
  loadBanking77,
  loadSplit,
  missingTrainingData,
  outOfScopeExtras,
  parseCsv,
  stratifiedSplit,
  type Example,
} from "./dataset";

const mainActions = new Set([...Object.values(ACTION_UTTERANCES).flat(), ...Object.values(ACTION_UTTERANCES_2).flat()]);
// The public data sets are not in the repository: without them these tests skip (and say why).
const missing = missingTrainingData();
if (missing) console.warn(`skipping the NLU data tests: ${missing}`);
const withData = it.skipIf(missing !== undefined);

describe("parseCsv", () => {
  it("handles quoted commas, doubled quotes, line breaks and CRLF", () => {
    expect(parseCsv('text,category\r\n"a, b",x\n"say ""hi""",y\n"two\nlines",z\n')).toEqual([
      ["text", "category"],
      ["a, b", "x"],
      ['say "hi"', "y"],
      ["two\nlines", "z"],
    ]);
  });

  withData("reads all 10,003 BANKING77 training rows with 77 intents", () => {
    const { examples, categories } = loadBanking77();
    expect(examples).toHaveLength(10_003);
    expect(new Set(examples.map((e) => e.intent)).size).toBe(77);
    expect(categories).toHaveLength(77);
  });
});

describe("split", () => {
  const examples: Example[] = Array.from({ length: 200 }, (_, i) => ({
    text: `t${i}`,
    intent: `c${i % 4}`,
    source: "banking77",
  }));

  it("is stratified, disjoint and deterministic", () => {
    const a = stratifiedSplit(examples, 0.1, 0.1, 5);
    const b = stratifiedSplit(examples, 0.1, 0.1, 5);
    expect(a).toEqual(b);
    for (const c of ["c0", "c1", "c2", "c3"]) {
      expect(a.heldOut.filter((e) => e.intent === c)).toHaveLength(5);
      expect(a.validation.filter((e) => e.intent === c)).toHaveLength(5);
    }
    const seen = new Set<string>();
    for (const e of [...a.train, ...a.validation, ...a.heldOut]) {
      expect(seen.has(e.text)).toBe(false);
      seen.add(e.text);
    }
    expect(seen.size).toBe(200);
  });

  withData("partitions all labelled data: every row in exactly one part", () => {
    const split = loadSplit();
    const clincTrain = loadClinc(clincDir(), "train").length;
    const clincVal = loadClinc(clincDir(), "val").length;
    const extras = new Set([
      ...Object.values(ACTION_TRAINING_EXTRA).flat(),
      ...Object.values(ACTION_TRAINING_EXTRA_2).flat(),
      ...RECURRING_TRANSFERS,
      ...Object.values(ACTION_TRAINING_EXTRA_3).flat(),
    ]);
    const isExtra = (e: Example) =>
      (e.source === "action" && extras.has(e.text) && !mainActions.has(e.text)) || e.outOfScopeExtra === true || e.batch4 !== undefined;
    const all = [...split.train, ...split.validation, ...split.heldOut].filter((e) => !isExtra(e));
    const total = 10_003 + mainActions.size + OUT_OF_DOMAIN.length + clincTrain + clincVal;
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    // Training-only extras never reach validation or held-out, and none duplicates their features.
    expect([...split.validation, ...split.heldOut].some(isExtra)).toBe(false);
    // (Against our own evaluated slices: one-word CLINC150 greetings like "hello" are in both its train and val.)
    const evaluated = new Set([...split.validation, ...split.heldOut].filter((e) => !e.source.startsWith("clinc")).map((e) => featureKey(e.text)));
    expect(split.train.filter(isExtra).some((e) => evaluated.has(featureKey(e.text)))).toBe(false);
    expect(split.heldOut.filter((e) => e.source === "out_of_domain").length).toBeGreaterThanOrEqual(150);
    expect(split.heldOut.filter((e) => e.source === "banking77").length).toBeGreaterThanOrEqual(900);
    // CLINC150 keeps its own split: its train rows train, its val rows validate, nothing is held out.
    expect(split.train.filter((e) => e.source.startsWith("clinc"))).toHaveLength(clincTrain);
    expect(split.validation.filter((e) => e.source.startsWith("clinc"))).toHaveLength(clincVal);
    expect(split.heldOut.some((e) => e.source.startsWith("clinc"))).toBe(false);
    // The wrapped validation set is made from validation requests only.
    const validationTexts = new Set(split.validation.map((e) => e.text));
    expect(split.wrapped!.length).toBeGreaterThan(600);
    for (const w of split.wrapped!) expect([...validationTexts].some((t) => w.text.includes(t)), w.text).toBe(true);
  });

  withData("keeps our check-set and CLINC150's val rows out of training (no training text has their tokens)", () => {
    const split = loadSplit();
    const trained = new Set(split.train.map((e) => featureKey(e.text)));
    for (const text of Object.values(CHECK_SET).flat()) expect(trained.has(featureKey(text)), text).toBe(false);
    const extras = new Set(split.train.filter((e) => e.source === "action" && !mainActions.has(e.text)).map((e) => featureKey(e.text)));
    for (const e of split.validation.filter((v) => v.source === "clinc")) expect(extras.has(featureKey(e.text)), e.text).toBe(false);
  });

  it("drops a training-only out-of-scope line whose tokens equal an evaluated row, a check-set line or an earlier line", () => {
    const evaluated: Example[] = [{ text: "What is the capital of Peru?", intent: "out_of_scope", source: "clinc_oos" }];
    const balanceCheck = Object.values(CHECK_SET).flat()[0]!;
    const kept = outOfScopeExtras(evaluated, ["what is the capital of peru", balanceCheck, "how tall is k2", "How tall is K2?"]);
    expect(kept.map((e) => e.text)).toEqual(["how tall is k2"]);
    expect(kept[0]).toMatchObject({ intent: "out_of_scope", source: "out_of_domain", outOfScopeExtra: true });
  });

  it("keeps a fourth-batch line only when no evaluated row, check-set or probe line, other-label training row or earlier line has its tokens", () => {
    const evaluated: Example[] = [{ text: "What is the capital of Peru?", intent: "out_of_scope", source: "clinc_oos" }];
    const trainRows: Example[] = [{ text: "freeze my card now", intent: "freeze_card", source: "action" }];
    const kept = batch4Extras(evaluated, trainRows, {
      action: { freeze_card: ["Freeze my card now!", "put my card on ice"], balance: [Object.values(CHECK_SET).flat()[0]!] },
      faq: { failed_transfer: ["my transfer failed, why", PROBE_TEXTS[0]!] },
      outOfScope: ["what is the capital of peru", "freeze my card now", "can i freeze cooked rice", "Can I freeze cooked rice?"],
    });
    expect(kept.map((e) => [e.text, e.intent, e.batch4, e.source])).toEqual([
      ["Freeze my card now!", "freeze_card", "action", "action"],
      ["put my card on ice", "freeze_card", "action", "action"],
      ["my transfer failed, why", "failed_transfer", "faq", "action"],
      ["can i freeze cooked rice", "out_of_scope", "out_of_scope", "out_of_domain"],
    ]);
  });

  withData("trains the fourth batch (training split only), none with the tokens of an evaluated row", () => {
    const split = loadSplit();
    const trained = split.train.filter((e) => e.batch4 !== undefined);
    expect(trained.length).toBeGreaterThanOrEqual(350);
    const evaluated = new Set([...split.validation, ...split.heldOut].map((e) => featureKey(e.text)));
    for (const e of trained) expect(evaluated.has(featureKey(e.text)), e.text).toBe(false);
    expect([...split.validation, ...split.heldOut].some((e) => e.batch4 !== undefined)).toBe(false);
  });

  withData("trains the out-of-scope extras (training split only), none with the tokens of a validation, held-out or oos_val row", () => {
    const split = loadSplit();
    const trained = split.train.filter((e) => e.outOfScopeExtra);
    expect(trained.length).toBeGreaterThanOrEqual(600);
    const evaluated = new Set([...split.validation, ...split.heldOut].map((e) => featureKey(e.text)));
    for (const e of trained) expect(evaluated.has(featureKey(e.text)), e.text).toBe(false);
    expect([...split.validation, ...split.heldOut].some((e) => e.outOfScopeExtra)).toBe(false);
  });

  withData("labels CLINC150: 30 bank intents through the mapping, small talk, the rest out of scope", () => {
    const rows = loadClinc(clincDir(), "val");
    const bank = rows.filter((r) => r.domain === "banking" || r.domain === "credit_cards");
    expect(new Set(bank.map((r) => r.clincIntent))).toEqual(new Set(Object.keys(CLINC_BANK_MAPPING)));
    for (const r of bank) expect(r.intent).toBe(CLINC_BANK_MAPPING[r.clincIntent]);
    expect(rows.filter((r) => r.clincIntent === "thank_you").every((r) => r.intent === "thanks")).toBe(true);
    expect(rows.filter((r) => r.clincIntent === "weather").every((r) => r.intent === "out_of_scope")).toBe(true);
    expect(rows.filter((r) => r.clincIntent === "oos")).toHaveLength(100);
  });
});

describe("hand-written training data", () => {
  it("has at least 60 distinct utterances per action intent that CLINC150 does not cover", () => {
    const fromClinc = new Set(Object.values(CLINC_BANK_MAPPING));
    for (const intent of ACTION_INTENTS) {
      if (fromClinc.has(intent) && !ACTION_UTTERANCES[intent]) continue;
      const list = ACTION_UTTERANCES[intent] ?? ACTION_UTTERANCES_2[intent] ?? [];
      expect(new Set(list.map((t) => t.toLowerCase())).size, intent).toBeGreaterThanOrEqual(60);
    }
  });

  it("has several hundred distinct training-only out-of-scope queries", () => {
    expect(new Set(OUT_OF_SCOPE_TRAINING_EXTRA).size).toBe(OUT_OF_SCOPE_TRAINING_EXTRA.length);
    expect(OUT_OF_SCOPE_TRAINING_EXTRA.length).toBeGreaterThanOrEqual(600);
  });

  it("has a few hundred distinct out-of-domain queries", () => {
    expect(new Set(OUT_OF_DOMAIN).size).toBe(OUT_OF_DOMAIN.length);
    expect(OUT_OF_DOMAIN.length).toBeGreaterThanOrEqual(300);
  });
});
