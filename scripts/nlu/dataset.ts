// Node-only data plumbing for the NLU trainer: CSV parsing, seeded shuffles and the fixed
// train / validation / held-out split that every tool (train, bench, tests) shares.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ACTION_TRAINING_EXTRA } from "../../packages/nlu/data/action-extra";
import { ACTION_UTTERANCES } from "../../packages/nlu/data/action-utterances";
import { ACTION_TRAINING_EXTRA_3 } from "../../packages/nlu/data/action-extra-3";
import { ACTION_TRAINING_EXTRA_4, FAQ_PROBLEMS_4 } from "../../packages/nlu/data/action-extra-4";
import { ACTION_TRAINING_EXTRA_2, ACTION_UTTERANCES_2, RECURRING_TRANSFERS } from "../../packages/nlu/data/action-utterances-2";
import { OUT_OF_DOMAIN } from "../../packages/nlu/data/out-of-domain";
import { OUT_OF_SCOPE_TRAINING_EXTRA } from "../../packages/nlu/data/out-of-scope-extra";
import { OUT_OF_SCOPE_TRAINING_EXTRA_2 } from "../../packages/nlu/data/out-of-scope-extra-2";
import { normalizeText, tokenize } from "../../packages/nlu/features";
import { OUT_OF_SCOPE } from "../../packages/contract/intents";
import { mulberry32 } from "../../packages/seeded-random/random";
import { wrappedValidation } from "./augment";
import type { Batch4Kind, Example } from "./example";
import { CHECK_SET } from "./check-set";
import { loadClinc } from "./clinc";
import { PROBE_TEXTS } from "./probe-texts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Where the public training sets live: $TELLER_DATA_DIR, default ../shared/data beside the repo.
 * The product never reads them (the trained artifact is committed); only nlu:train, the bench and
 * a few tests do. $BANKING77_DIR / $CLINC150_DIR override one set each.
 */
export function dataDir(): string {
  return path.resolve(repoRoot, process.env.TELLER_DATA_DIR || "../shared/data");
}

export function banking77Dir(): string {
  return process.env.BANKING77_DIR || path.join(dataDir(), "banking77");
}

export function clincDir(): string {
  return process.env.CLINC150_DIR || path.join(dataDir(), "clinc150");
}

const REQUIRED_FILES = [
  () => path.join(banking77Dir(), "train.csv"),
  () => path.join(banking77Dir(), "categories.json"),
  () => path.join(clincDir(), "train.jsonl"),
  () => path.join(clincDir(), "val.jsonl"),
  () => path.join(clincDir(), "oos_train.jsonl"),
  () => path.join(clincDir(), "oos_val.jsonl"),
];

/** Why the training data cannot be read, with where to get it; undefined when it is all there. */
export function missingTrainingData(): string | undefined {
  const missing = REQUIRED_FILES.map((f) => f()).filter((f) => !existsSync(f));
  if (missing.length === 0) return undefined;
  return (
    `NLU training data not found (missing ${missing.join(", ")}). Set TELLER_DATA_DIR to a directory holding ` +
    "banking77/ (train.csv and categories.json from https://github.com/PolyAI-LDN/task-specific-datasets, " +
    "banking_data/) and clinc150/ (train.jsonl, val.jsonl, oos_train.jsonl, oos_val.jsonl: one JSON object " +
    '{"text","intent","domain"} per line, converted from data/data_full.json and data/domains.json of ' +
    "https://github.com/clinc/oos-eval). Default: ../shared/data beside the repository. " +
    "The shipped model does not need them; only nlu:train, bench:nlu and the data tests do."
  );
}

/** Throws the missingTrainingData() message when the data sets are absent. */
export function requireTrainingData(): void {
  const message = missingTrainingData();
  if (message) throw new Error(message);
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export type { Example };

export function loadBanking77(dir = banking77Dir()): { examples: Example[]; categories: string[] } {
  const rows = parseCsv(readFileSync(path.join(dir, "train.csv"), "utf8"));
  const header = rows.shift();
  if (header?.[0] !== "text" || header[1] !== "category") throw new Error("unexpected train.csv header");
  const examples: Example[] = [];
  for (const r of rows) {
    if (r.length === 1 && r[0] === "") continue;
    if (r.length !== 2) throw new Error(`bad CSV row: ${JSON.stringify(r)}`);
    examples.push({ text: r[0]!, intent: r[1]!, source: "banking77" });
  }
  const categories = JSON.parse(readFileSync(path.join(dir, "categories.json"), "utf8")) as string[];
  return { examples, categories };
}

/** The shared seeded PRNG (packages/seeded-random/random.ts), under the name the trainer uses. */
export const seededRandom = mulberry32;

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}

export interface Split {
  train: Example[];
  validation: Example[];
  heldOut: Example[];
  /** Small-talk-wrapped copies of validation requests: scored only, never trained or tuned on. */
  wrapped?: Example[];
}

/**
 * Per class: shuffle with a fixed seed, put `heldOutFraction` aside for the final estimate,
 * `validationFraction` for tuning, the rest for training. Deterministic for a given input order.
 */
export function stratifiedSplit(
  examples: Example[],
  heldOutFraction: number,
  validationFraction: number,
  seed: number,
): Split {
  const byIntent = new Map<string, Example[]>();
  for (const e of examples) {
    const list = byIntent.get(e.intent) ?? [];
    list.push(e);
    byIntent.set(e.intent, list);
  }
  const split: Split = { train: [], validation: [], heldOut: [] };
  const random = seededRandom(seed);
  for (const intent of [...byIntent.keys()].sort()) {
    const list = shuffleInPlace([...byIntent.get(intent)!], random);
    const held = Math.max(1, Math.round(list.length * heldOutFraction));
    const validation = Math.max(1, Math.round(list.length * validationFraction));
    split.heldOut.push(...list.slice(0, held));
    split.validation.push(...list.slice(held, held + validation));
    split.train.push(...list.slice(held + validation));
  }
  return split;
}

/** Two texts with the same key get identical word features. */
export function featureKey(text: string): string {
  return tokenize(normalizeText(text)).join(" ");
}

/** The split seed is fixed forever: changing it would leak held-out examples into training. */
export const SPLIT_SEED = 20240077;

/**
 * All labelled data, split once:
 * - BANKING77 and our action utterances: 10% held out, 10% validation, 80% train (per intent);
 * - our out-of-domain queries: 50% held out, 20% validation (threshold tuning), 30% train
 *   (the trained reject class);
 * - ACTION_TRAINING_EXTRA: train only.
 */
export function loadSplit(dir = banking77Dir()): Split & { categories: string[] } {
  requireTrainingData();
  const { examples, categories } = loadBanking77(dir);
  const inScope = stratifiedSplit(examples, 0.1, 0.1, SPLIT_SEED);
  const actions: Example[] = [];
  for (const [intent, texts] of Object.entries(ACTION_UTTERANCES)) {
    for (const text of texts) actions.push({ text, intent, source: "action" });
  }
  const actionSplit = stratifiedSplit(actions, 0.1, 0.1, SPLIT_SEED + 1);
  // Split on its own so that adding these lists did not reshuffle the slices of the first ones.
  const actions2: Example[] = [];
  for (const [intent, texts] of Object.entries(ACTION_UTTERANCES_2)) {
    for (const text of texts) actions2.push({ text, intent, source: "action" });
  }
  const action2Split = stratifiedSplit(actions2, 0.1, 0.1, SPLIT_SEED + 3);
  // CLINC150 keeps its own split: train → train, val → validation (its test split is not here).
  const clinc = (split: "train" | "val"): Example[] =>
    loadClinc(clincDir(), split).map((r) => ({
      text: r.text,
      intent: r.intent,
      source: r.intent === OUT_OF_SCOPE ? "clinc_oos" : "clinc",
      clincIntent: r.clincIntent,
    }));
  const clincValidation = clinc("val");
  // Training-only extras, minus any that look identical to the model (same tokens) to an
  // utterance that might sit in validation or held-out, or in our check-set.
  const seenTokens = new Set(
    [...actions, ...actions2, ...clincValidation].map((e) => featureKey(e.text)).concat(Object.values(CHECK_SET).flat().map(featureKey)),
  );
  const extras: Example[] = [];
  const extraLists = [
    ...Object.entries(ACTION_TRAINING_EXTRA),
    ...Object.entries(ACTION_TRAINING_EXTRA_2),
    ["transfer", RECURRING_TRANSFERS] as const,
    ...Object.entries(ACTION_TRAINING_EXTRA_3),
  ];
  for (const [intent, texts] of extraLists) {
    for (const text of texts) {
      if (!seenTokens.has(featureKey(text))) extras.push({ text, intent, source: "action" });
    }
  }
  const ood = OUT_OF_DOMAIN.map((text): Example => ({ text, intent: OUT_OF_SCOPE, source: "out_of_domain" }));
  const oodSplit = stratifiedSplit(ood, 0.5, 0.2, SPLIT_SEED + 2);
  const oosExtras = outOfScopeExtras([
    ...[inScope, actionSplit, action2Split, oodSplit].flatMap((s) => [...s.validation, ...s.heldOut]),
    ...clincValidation,
    ...ood,
  ]);
  const evaluated = [...[inScope, actionSplit, action2Split, oodSplit].flatMap((s) => [...s.validation, ...s.heldOut]), ...clincValidation];
  const batch4 = batch4Extras(evaluated, clinc("train"));
  return {
    categories,
    train: [...inScope.train, ...actionSplit.train, ...action2Split.train, ...extras, ...oodSplit.train, ...clinc("train"), ...oosExtras, ...batch4],
    validation: [...inScope.validation, ...actionSplit.validation, ...action2Split.validation, ...oodSplit.validation, ...clincValidation],
    wrapped: wrappedValidation(
      [...clincValidation.filter((e) => e.source === "clinc"), ...actionSplit.validation, ...action2Split.validation],
      SPLIT_SEED,
    ),
    heldOut: [...inScope.heldOut, ...actionSplit.heldOut, ...action2Split.heldOut, ...oodSplit.heldOut],
  };
}

/**
 * The training-only out-of-scope lines (wave 9), minus any whose tokens equal an evaluated row
 * (validation, held-out, CLINC150 val and oos_val), a check-set line or one of our out-of-domain
 * lines, and minus repeats: they must never teach the model a row it is scored on.
 */
export function outOfScopeExtras(evaluated: Example[], lines: readonly string[] = OUT_OF_SCOPE_TRAINING_EXTRA): Example[] {
  const seen = new Set(evaluated.map((e) => featureKey(e.text)).concat(Object.values(CHECK_SET).flat().map(featureKey)));
  const out: Example[] = [];
  for (const text of lines) {
    const key = featureKey(text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text, intent: OUT_OF_SCOPE, source: "out_of_domain", outOfScopeExtra: true });
  }
  return out;
}

/**
 * The fourth batch of training-only lines (nlu12: data/action-extra-4.ts, in-scope, and
 * data/out-of-scope-extra-2.ts), minus any whose tokens equal an evaluated row (validation,
 * held-out, CLINC150 val and oos_val), a check-set or probe line, a training row of another label,
 * or an earlier line. Tagged by kind (`batch4`): trained only when TrainConfig.batch4 names that kind.
 */
export function batch4Extras(
  evaluated: Example[],
  trainRows: Example[] = [],
  lists: { action: Record<string, readonly string[]>; faq: Record<string, readonly string[]>; outOfScope: readonly string[] } = {
    action: ACTION_TRAINING_EXTRA_4,
    faq: FAQ_PROBLEMS_4,
    outOfScope: OUT_OF_SCOPE_TRAINING_EXTRA_2,
  },
): Example[] {
  const seen = new Set([...evaluated.map((e) => featureKey(e.text)), ...Object.values(CHECK_SET).flat().map(featureKey), ...PROBE_TEXTS.map(featureKey)]);
  const trainedAs = new Map(trainRows.map((e) => [featureKey(e.text), e.intent]));
  const out: Example[] = [];
  const entries = (kind: Batch4Kind, table: Record<string, readonly string[]>) =>
    Object.entries(table).flatMap(([intent, texts]) => texts.map((text) => ({ kind, intent, text })));
  const lines = [
    ...entries("action", lists.action),
    ...entries("faq", lists.faq),
    ...lists.outOfScope.map((text) => ({ kind: "out_of_scope" as const, intent: OUT_OF_SCOPE, text })),
  ];
  for (const { kind, intent, text } of lines) {
    const key = featureKey(text);
    const other = trainedAs.get(key);
    if (seen.has(key) || (other !== undefined && other !== intent)) continue;
    seen.add(key);
    out.push({ text, intent, source: kind === "out_of_scope" ? "out_of_domain" : "action", batch4: kind });
  }
  return out;
}

/** The first `limit` examples of each intent, in order (small deterministic subsets for tests). */
export function firstPerIntent(examples: Example[], limit: number): Example[] {
  const seen = new Map<string, number>();
  return examples.filter((e) => {
    const n = seen.get(e.intent) ?? 0;
    seen.set(e.intent, n + 1);
    return n < limit;
  });
}
