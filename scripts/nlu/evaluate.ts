// Metrics for an intent model on a labelled slice; shared by the trainer (validation) and the
// benchmark (held-out), so both report the same definitions.

import type { IntentModel } from "../../packages/nlu/model";
import { OUT_OF_SCOPE } from "../../packages/nlu/intents";
import type { Example } from "./dataset";

export interface SliceMetrics {
  /** BANKING77 examples: top in-scope intent correct, out_of_scope not allowed (closed set). */
  banking77ClosedAccuracy: number;
  /** BANKING77 examples: full classify() output (a threshold reject counts as an error). */
  banking77Accuracy: number;
  /** Macro-F1 over BANKING77 + action intents, full classify() output. */
  macroF1: number;
  actionAccuracy: number;
  /** In-scope (BANKING77 + action) examples not rejected as out_of_scope. */
  inScopeAcceptRate: number;
  /** Our out-of-domain examples classified out_of_scope. */
  outOfScopeRejectRate: number;
  /** BANKING77 examples predicted as an action intent, and the reverse. */
  banking77ToAction: number;
  actionToBanking77: number;
  counts: { banking77: number; action: number; outOfDomain: number };
}

export interface Prediction {
  example: Example;
  intent: string;
  closedIntent: string;
  confidence: number;
}

export function predictAll(model: IntentModel, examples: Example[], threshold?: number): Prediction[] {
  const outOfScopeIndex = model.intents.indexOf(OUT_OF_SCOPE);
  return examples.map((example) => {
    const probs = model.probabilities(example.text);
    let closed = -1;
    for (let c = 0; c < probs.length; c++) {
      if (c !== outOfScopeIndex && (closed < 0 || probs[c]! > probs[closed]!)) closed = c;
    }
    const result = model.classify(
      example.text,
      threshold === undefined ? {} : { outOfScopeThreshold: threshold },
    );
    return {
      example,
      intent: result.intent,
      closedIntent: model.intents[closed]!,
      confidence: result.confidence,
    };
  });
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

export function scorePredictions(predictions: Prediction[], actionIntents: readonly string[]): SliceMetrics {
  const isAction = new Set(actionIntents);
  let b77 = 0, b77Closed = 0, b77Open = 0, b77ToAction = 0;
  let act = 0, actOk = 0, actToB77 = 0;
  let inScope = 0, accepted = 0, ood = 0, rejected = 0;
  const tp = new Map<string, number>(), fp = new Map<string, number>(), fn = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const p of predictions) {
    const gold = p.example.intent;
    if (gold === OUT_OF_SCOPE) {
      ood++;
      if (p.intent === OUT_OF_SCOPE) rejected++;
      else bump(fp, p.intent);
      continue;
    }
    inScope++;
    if (p.intent !== OUT_OF_SCOPE) accepted++;
    if (p.intent === gold) bump(tp, gold);
    else {
      bump(fn, gold);
      if (p.intent !== OUT_OF_SCOPE) bump(fp, p.intent);
    }
    if (isAction.has(gold)) {
      act++;
      if (p.intent === gold) actOk++;
      if (!isAction.has(p.closedIntent)) actToB77++;
    } else {
      b77++;
      if (p.closedIntent === gold) b77Closed++;
      if (p.intent === gold) b77Open++;
      if (isAction.has(p.closedIntent)) b77ToAction++;
    }
  }
  const labels = new Set<string>();
  for (const p of predictions) if (p.example.intent !== OUT_OF_SCOPE) labels.add(p.example.intent);
  let f1Sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const precision = ratio(t, t + (fp.get(label) ?? 0));
    const recall = ratio(t, t + (fn.get(label) ?? 0));
    f1Sum += ratio(2 * precision * recall, precision + recall);
  }
  return {
    banking77ClosedAccuracy: ratio(b77Closed, b77),
    banking77Accuracy: ratio(b77Open, b77),
    macroF1: ratio(f1Sum, labels.size),
    actionAccuracy: ratio(actOk, act),
    inScopeAcceptRate: ratio(accepted, inScope),
    outOfScopeRejectRate: ratio(rejected, ood),
    banking77ToAction: b77ToAction,
    actionToBanking77: actToB77,
    counts: { banking77: b77, action: act, outOfDomain: ood },
  };
}

/**
 * The threshold on p(out_of_scope) that maximises min(reject rate, accept rate) on the slice
 * (ties: the higher threshold, which keeps more in-scope answers). Candidates are log-spaced
 * because calibrated p(out_of_scope) of in-scope text is usually tiny.
 */
export function chooseThreshold(model: IntentModel, examples: Example[]): number {
  const outOfScopeIndex = model.intents.indexOf(OUT_OF_SCOPE);
  const rows = examples.map((e) => {
    const probs = model.probabilities(e.text);
    let best = 0;
    for (let c = 1; c < probs.length; c++) if (probs[c]! > probs[best]!) best = c;
    return { ood: e.intent === OUT_OF_SCOPE, pOos: probs[outOfScopeIndex]!, oosWins: best === outOfScopeIndex };
  });
  const inScope = rows.filter((r) => !r.ood).length;
  const ood = rows.length - inScope;
  let bestThreshold = 0.5;
  let bestScore = -1;
  for (let step = 0; step <= 60; step++) {
    const t = Number((0.001 * Math.pow(500, step / 60)).toPrecision(3)); // 0.001 … 0.5
    let accepted = 0, rejected = 0;
    for (const r of rows) {
      const reject = r.oosWins || r.pOos >= t;
      if (r.ood && reject) rejected++;
      if (!r.ood && !reject) accepted++;
    }
    const score = Math.min(ratio(accepted, inScope), ratio(rejected, ood));
    if (score >= bestScore - 1e-12) {
      bestScore = score;
      bestThreshold = t;
    }
  }
  return bestThreshold;
}

/** A rate in 0..1 as a percentage with two decimals, as every NLU report prints it. */
export const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

export function formatMetrics(m: SliceMetrics): string {
  return [
    `  BANKING77 accuracy (closed set)   ${pct(m.banking77ClosedAccuracy)}  (n=${m.counts.banking77})`,
    `  BANKING77 accuracy (with reject)  ${pct(m.banking77Accuracy)}`,
    `  macro-F1 (all in-scope intents)   ${pct(m.macroF1)}`,
    `  action intent accuracy            ${pct(m.actionAccuracy)}  (n=${m.counts.action})`,
    `  in-scope accepted                 ${pct(m.inScopeAcceptRate)}`,
    `  out-of-domain rejected            ${pct(m.outOfScopeRejectRate)}  (n=${m.counts.outOfDomain})`,
    `  BANKING77→action / action→BANKING77 confusions: ${m.banking77ToAction} / ${m.actionToBanking77}`,
  ].join("\n");
}
