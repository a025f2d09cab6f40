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
}
