/** The kinds of the fourth batch's lines: actions (and CLINC150-mapped questions), FAQ problems, declines. */
export type Batch4Kind = "action" | "faq" | "out_of_scope";

/** One labelled utterance of the training and evaluation sets. */
export interface Example {
  text: string;
  intent: string;
  source: "banking77" | "action" | "out_of_domain" | "clinc" | "clinc_oos" | "wrapped";
  /** CLINC150's own label, for per-intent figures. */
  clincIntent?: string;
  /** A paraphrase copy made by augment.ts: trained on, but not counted for vocabulary and idf. */
  paraphrase?: boolean;
  /** A copy made by augment.ts (typo, wrapper, small talk): the teacher never labelled it, so it gets no distillation copies. */
  augmented?: boolean;
  /** A training-only out-of-scope line (data/out-of-scope-extra.ts): trained only when TrainConfig.outOfScopeExtra is on. */
  outOfScopeExtra?: boolean;
  /** A training-only line of the fourth batch (nlu12: data/action-extra-4.ts, data/out-of-scope-extra-2.ts), by kind: trained only when TrainConfig.batch4 names it. */
  batch4?: Batch4Kind;
}
