import { resume, step, type DialogueState, type Effect, type EffectResult, type EngineEvent, type Reply } from "../../packages/dialogue/index.js";

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
const MAX_EFFECTS_PER_TURN = 16;

/**
 * Drives the pure engine for one event: step, persist, execute each effect in order, feed its
 * result back, persist again. Handoff effects are fire-and-forget (the executor queues them).
 */
export async function runTurn(state: DialogueState, event: EngineEvent, hooks: TurnHooks): Promise<TurnOutcome> {
  const first = step(state, event);
  return drive(first.state, first.replies, first.effects, hooks);
}

/** After a restart: finishes a confirmed transfer/card change that has no result yet. */
export async function resumeExecution(state: DialogueState, hooks: TurnHooks): Promise<TurnOutcome> {
  if (!state.executing) return { state, replies: [] };
  const resumed = resume(state, hooks.now());
  return drive(resumed.state, resumed.replies, resumed.effects, hooks);
}

async function drive(state: DialogueState, replies: Reply[], effects: Effect[], hooks: TurnHooks): Promise<TurnOutcome> {
  const all: Reply[] = [];
  const emit = (more: Reply[]) => {
    for (const reply of more) {
      all.push(reply);
      hooks.onReply?.(reply);
    }
  };
  hooks.save(state);
  emit(replies);
  const queue = [...effects];
  let executed = 0;
  while (queue.length > 0 && executed < MAX_EFFECTS_PER_TURN) {
    const effect = queue.shift()!;
    executed++;
    const result = await hooks.executor.execute(effect);
    if (effect.kind === "handoff") continue;
    const next = step(state, { type: "effect_result", effectId: effect.effectId, now: hooks.now(), newId: hooks.newId(), result });
    state = next.state;
    hooks.save(state);
    emit(next.replies);
    queue.push(...next.effects);
  }
  return { state, replies: all };
}

/**
 * One reply per HTTP turn: the texts of several replies joined, the rich data, actions and
 * confirmation of the last that has them.
 */
export function combineReplies(replies: Reply[]): Reply {
  if (replies.length === 0) {
    return { text: "Sorry, something went wrong on our side. Please try again.", intent: { name: "error", confidence: 0 }, actions: [] };
  }
  if (replies.length === 1) return replies[0]!;
  const last = replies[replies.length - 1]!;
  const combined: Reply = {
    text: replies.map((r) => r.text).join("\n\n"),
    intent: last.intent,
    actions: [...replies].reverse().find((r) => r.actions.length > 0)?.actions ?? [],
  };
  const data = [...replies].reverse().find((r) => r.data)?.data;
  if (data) combined.data = data;
  const confirmation = [...replies].reverse().find((r) => r.confirmation)?.confirmation;
  if (confirmation) combined.confirmation = confirmation;
  return combined;
}
