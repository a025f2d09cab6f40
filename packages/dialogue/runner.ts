import { resume, step } from "./engine.js";
import type { DialogueState, Effect, EffectResult, EngineEvent, Reply, StepResult } from "./types.js";
import { loadViewSchemas } from "./views.js";
import { isContinuation } from "./continuation.js";

/** Runs effects against the bank; never throws (a failure is an EffectResult). */
export interface EffectExecutor {
  execute(effect: Effect): Promise<EffectResult>;
}

export interface TurnHooks {
  executor: EffectExecutor;
  /** Persists the dialogue state; called before each effect runs, so `executing` is durable first. */
  save(state: DialogueState): void;
  /** Each reply as soon as it exists (the WebSocket streams them). */
  onReply?(reply: Reply): void;
  now(): number;
  newId(): string;
}

export interface TurnOutcome {
  state: DialogueState;
  replies: Reply[];
}

/** A safety net: a dialogue that kept asking for effects would otherwise never answer. */
export const MAX_EFFECTS_PER_TURN = 16;

/**
 * Drives the pure engine for one event: step, persist, execute each effect in order, feed its
 * result back, persist again. Handoff effects are fire-and-forget (the executor queues them).
 */
export async function runTurn(state: DialogueState, event: EngineEvent, hooks: TurnHooks): Promise<TurnOutcome> {
  return drive(step(state, event), hooks);
}

/** After a restart: finishes a confirmed transfer/card change that has no result yet. */
export async function resumeExecution(state: DialogueState, hooks: TurnHooks): Promise<TurnOutcome> {
  if (!state.executing) return { state, replies: [] };
  return drive(resume(state, hooks.now()), hooks);
}

async function drive(first: StepResult, hooks: TurnHooks): Promise<TurnOutcome> {
  const replies: Reply[] = [];
  const loop = effectLoop(first, {
    ...hooks,
    emit: (reply) => {
      replies.push(reply);
      hooks.onReply?.(reply);
    },
  });
  let next = loop.next();
  // The engine parses each effect's result with the view schemas, which load on first need.
  if (!next.done) await loadViewSchemas();
  while (!next.done) next = loop.next(await hooks.executor.execute(next.value));
  return { state: next.value, replies };
}

export interface LoopHooks {
  save(state: DialogueState): void;
  emit(reply: Reply): void;
  now(): number;
  newId(): string;
}

/**
 * The effect loop itself, as a generator: it yields each effect to run and takes its result
 * back. The runner above feeds it asynchronously; the dialogue tests feed it synchronously from
 * an in-memory bank, so both go through this one loop (save before execute, the effect cap).
 */
export function* effectLoop(first: StepResult, hooks: LoopHooks): Generator<Effect, DialogueState, EffectResult> {
  let state = first.state;
  hooks.save(state);
  for (const reply of first.replies) hooks.emit(reply);
  const queue = [...first.effects];
  let executed = 0;
  while (queue.length > 0 && executed < MAX_EFFECTS_PER_TURN) {
    const effect = queue.shift()!;
    executed++;
    const result = yield effect;
    if (effect.kind === "handoff") continue;
    const next = step(state, { type: "effect_result", effectId: effect.effectId, now: hooks.now(), newId: hooks.newId(), result });
    state = next.state;
    hooks.save(state);
    for (const reply of next.replies) hooks.emit(reply);
    queue.push(...next.effects);
  }
  return state;
}

/**
 * One reply per HTTP turn: the texts of several replies joined, the rich data, actions and
 * confirmation of the last that has them; the intent of the last that answers the message (a
 * "Back to your transfer: …" after a side answer does not make the turn a transfer's).
 */
export function combineReplies(replies: Reply[]): Reply {
  if (replies.length === 0) {
    return { text: "Sorry, something went wrong on our side. Please try again.", intent: { name: "error", confidence: 0 }, actions: [] };
  }
  if (replies.length === 1) return replies[0]!;
  const last = replies[replies.length - 1]!;
  const combined: Reply = {
    text: replies.map((r) => r.text).join("\n\n"),
    intent: ([...replies].reverse().find((r) => !isContinuation(r)) ?? last).intent,
    actions: [...replies].reverse().find((r) => r.actions.length > 0)?.actions ?? [],
  };
  const data = [...replies].reverse().find((r) => r.data)?.data;
  if (data) combined.data = data;
  const confirmation = [...replies].reverse().find((r) => r.confirmation)?.confirmation;
  if (confirmation) combined.confirmation = confirmation;
  return combined;
}
