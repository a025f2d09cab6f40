import { failErasureRequest, pendingErasureRequests } from "../../packages/db/erasure-requests.repo.js";
import { describeError } from "../../packages/logging/log-error.js";
import type { ChatEnv } from "./env.js";
import { requestDb } from "./db.js";
import { customerSession } from "./object-ids.js";

export interface ErasureRun {
  completed: number;
  failed: number;
}

/**
 * Completes operators' erasures (`npm run ops -- erase`) in the customers' Durable Objects, on
 * the 15-minute Cron Trigger: the object drops its turns, queued words and data key, then erases
 * again in Postgres what arrived meanwhile and marks the request complete, in one transaction
 * (same audit id: one audit record). A request that fails stays pending with its error and is
 * retried on the next tick. The list is read, and errors written, with no Durable Object call in
 * between holding a connection (the embedded Postgres serves one session at a time).
 */
export async function runErasureRequests(env: ChatEnv, ctx: { waitUntil(promise: Promise<unknown>): void }, limit = 50): Promise<ErasureRun> {
  const listing = await requestDb(env, ctx);
  let pending;
  try {
    pending = await pendingErasureRequests(listing.db, limit);
  } finally {
    await listing.end();
  }
  const failures: { id: string; error: string }[] = [];
  for (const request of pending) {
    try {
      const session = customerSession(env, request.customerId);
      const result = await session.eraseConversation(request.customerId, "operator", request.id);
      if (!result.ok) failures.push({ id: request.id, error: `${result.code}: ${result.message}` });
    } catch (thrown) {
      failures.push({ id: request.id, error: describeError(thrown) });
    }
  }
  if (failures.length > 0) {
    const recording = await requestDb(env, ctx);
    try {
      for (const failure of failures) await failErasureRequest(recording.db, failure.id, failure.error);
    } finally {
      await recording.end();
    }
  }
  const run = { completed: pending.length - failures.length, failed: failures.length };
  if (pending.length > 0) (run.failed > 0 ? console.error : console.log)(JSON.stringify({ msg: "erasure requests", ...run }));
  return run;
}
