/** The working set of one step: a private copy of the state plus what the step has produced. */
import type { DialogueState, Effect, Reply } from "./types.js";

export interface StepContext {
  state: DialogueState;
  now: number;
  /** Fresh per event; every id a step creates derives from it, so ids never collide across steps. */
  newId: string;
  /** The customer message being answered, when the event is one. */
  messageId: string | null;
  replies: Reply[];
  effects: Effect[];
  /** For a message: how long since the customer's message before it (undefined for the first). */
  quietMs?: number;
}

export function derivedId(ctx: StepContext, suffix: string): string {
  return `${ctx.newId}:${suffix}`;
}
