/**
 * Starts an insight (flows/insights.ts): a lookup task that waits for one or more loads and is
 * answered from all of them. Its own module so that flows answering from several loads
 * (flows/card-limit.ts) can start one without importing insights.ts, which answers them.
 */
import { derivedId, type StepContext } from "../context.js";
import type { AccountRef, Insight, IntentTag, LookupTask } from "../types.js";

export type Load =
  | { what: "accounts" }
  | { what: "cards" }
  | { what: "transactions"; query: { from?: string; to?: string; merchant?: string; category?: string; direction?: "out"; account?: AccountRef; limit: number } }
  | { what: "spending"; query: { from: string; to: string; category?: string; account?: AccountRef } };

export function begin(ctx: StepContext, intent: IntentTag, insight: Insight, loads: Load[]): true {
  const ids = loads.map((_, i) => derivedId(ctx, `insight-${i}`));
  const task: LookupTask = {
    kind: "lookup",
    intent,
    what: "transactions",
    waitingFor: ids[0]!,
    accountRefs: [],
    insight,
    gathered: loads.map(() => null),
    waitingForMore: ids.slice(1),
  };
  ctx.state.task = task;
  loads.forEach((load, i) => ctx.effects.push({ kind: "load", effectId: ids[i]!, ...load } as never));
  return true;
}
