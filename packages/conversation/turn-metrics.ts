import { redactForModel } from "../redaction/redact-for-model.js";
import type { DialogueState, Effect, EffectResult } from "../dialogue/index.js";
import type { TurnHooks } from "../dialogue/runner.js";

/**
 * One Workers Analytics Engine data point per chat turn (binding TURN_METRICS). The layout is a
 * contract with the Analytics Engine SQL in docs/operations.md and with `npm run report`:
 *
 *   index1   environment (the sampling key)
 *   blob1    environment          blob2  intent (out_of_scope when not understood)
 *   blob3    decidedBy (local | ai | fallback)
 *   blob4    outcome (TurnOutcome) blob5  transfer result ("" | posted | pending | <error code>)
 *   blob6    the customer's words, redacted — only when Teller did not understand them (fallback)
 *   double1  latency in ms (the whole turn inside the Durable Object)
 *   double2  intent confidence
 *
 * No customer id, no amounts; utterances only for fallbacks, redacted like text sent to Workers AI.
 */
export type TurnOutcome = "answered" | "fallback" | "handoff" | "money_moved" | "refused" | "error";

/** Analytics Engine's own shape (positions as in the table above). */
export interface TurnDataPoint {
  indexes: string[];
  blobs: string[];
  doubles: number[];
}

/** What Analytics Engine's binding offers; the local stand-in's RPC answers with a promise. */
export interface TurnMetricsSink {
  writeDataPoint(point: TurnDataPoint): void | Promise<void>;
}

export interface SeenEffect {
  kind: Effect["kind"];
  ok: boolean;
  /** Transfer: posted | pending; a failure: its error code. */
  detail: string;
}

/** Wraps the executor so the turn can tell afterwards which effects ran and how they ended. */
export function observeEffects(hooks: TurnHooks): { hooks: TurnHooks; seen: SeenEffect[] } {
  const seen: SeenEffect[] = [];
  const execute = async (effect: Effect): Promise<EffectResult> => {
    const result = await hooks.executor.execute(effect);
    const detail = result.ok ? ((result.data as { status?: unknown } | null)?.status as string | undefined) ?? "" : result.error.code;
    seen.push({ kind: effect.kind, ok: result.ok, detail: typeof detail === "string" ? detail : "" });
    return result;
  };
  return { hooks: { ...hooks, executor: { execute } }, seen };
}

export interface TurnFacts {
  environment: string;
  intent: string;
  confidence: number;
  decidedBy: string;
  /** The customer's text as received (redacted here before it is written, fallbacks only). */
  text: string;
  before: DialogueState;
  after: DialogueState;
  seen: readonly SeenEffect[];
  latencyMs: number;
}

/**
 * The outcome, most consequential first: a hand-off (not contained), money moved, a money
 * movement the bank refused, a back end that failed, a fallback (not understood), else answered.
 */
export function turnOutcome(facts: Pick<TurnFacts, "before" | "after" | "seen">): TurnOutcome {
  const { before, after, seen } = facts;
  if (seen.some((e) => e.kind === "handoff")) return "handoff";
  if (seen.some((e) => e.kind === "transfer" && e.ok)) return "money_moved";
  const failed = seen.filter((e) => !e.ok);
  if (failed.some((e) => e.kind !== "load" && e.detail !== "unavailable")) return "refused";
  if (failed.length > 0) return "error";
  if (after.consecutiveFallbacks > before.consecutiveFallbacks) return "fallback";
  return "answered";
}

export function turnDataPoint(facts: TurnFacts): TurnDataPoint {
  const outcome = turnOutcome(facts);
  const transfer = facts.seen.find((e) => e.kind === "transfer");
  const fallback = outcome === "fallback" || (outcome === "handoff" && facts.after.handoff?.reason === "repeated_fallback");
  return {
    indexes: [facts.environment],
    blobs: [
      facts.environment,
      // Not understood: the turn was a fallback, whatever the model's unsure guess (double2 keeps its confidence).
      fallback ? "out_of_scope" : facts.intent,
      facts.decidedBy,
      outcome,
      transfer?.detail ?? "",
      fallback ? redactForModel(facts.text).slice(0, 200) : "",
    ],
    doubles: [Math.max(0, Math.round(facts.latencyMs)), facts.confidence],
  };
}

/** Writes the turn's point; metrics never fail a turn. */
export async function recordTurn(sink: TurnMetricsSink | undefined, facts: TurnFacts): Promise<void> {
  if (!sink) return;
  try {
    await sink.writeDataPoint(turnDataPoint(facts));
  } catch (error) {
    console.warn(JSON.stringify({ msg: "turn metrics write failed", error: String(error) }));
  }
}
