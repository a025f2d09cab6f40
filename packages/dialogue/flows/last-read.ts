/** The read a follow-up ("what about checking?") repeats: kept apart so lookup.ts may record it without a cycle. */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import type { LookupTask } from "../types.js";

/** Records a balance, transactions or spending lookup just started, for a follow-up to repeat. */
export function rememberRead(ctx: StepContext, task: LookupTask): void {
  const what = task.what;
  if (what !== "balance" && what !== "transactions" && what !== "spending") return;
  const q = what === "spending" ? task.spendingQuery : task.transactionQuery;
  const tq = task.transactionQuery;
  const modifiers = tq ? { ...(tq.status === "pending" ? { pending: true } : {}), ...(tq.direction === "in" ? { incoming: true } : {}), ...(tq.direction === "out" ? { outgoing: true } : {}) } : {};
  // Session 32: the same spending read just before, over another period ("which was more" compares them).
  const prev = ctx.state.lastRead;
  const range = q?.from && q.to ? { from: q.from, to: q.to } : undefined;
  const sameSpending = what === "spending" && prev?.what === "spending" && prev.category === q?.category && prev.merchant === q?.merchant;
  const before = sameSpending && prev.dateRange && range && prev.dateRange.from !== range.from && ctx.now - prev.at <= READ_FOLLOW_UP_MS ? prev.dateRange : undefined;
  ctx.state.lastRead = {
    at: ctx.now,
    intent: task.intent,
    what,
    accountRefs: task.accountRefs,
    ...(q?.from && q.to ? { dateRange: { from: q.from, to: q.to } } : {}),
    ...(q?.category ? { category: q.category } : {}),
    ...(q?.merchant ? { merchant: q.merchant } : {}),
    ...(Object.keys(modifiers).length > 0 ? { query: modifiers } : {}),
    ...(tq?.amount ? { amount: tq.amount } : {}),
    ...(tq && !(tq.from && tq.to) ? { shown: tq.limit } : {}),
    ...(before ? { before } : {}),
  };
}
