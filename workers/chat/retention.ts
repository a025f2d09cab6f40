import { deleteExpiredTranscripts, type RetentionRun } from "../../packages/db/retention.js";
import { parseRetentionDays } from "../../packages/db/transcript-policy.js";
import { requestDb } from "./db.js";
import type { ChatEnv } from "./env.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The chat Worker's Cron Trigger: transcripts older than TRANSCRIPT_RETENTION_DAYS (default 90) go.
 * A value that is no whole number of days is logged and the default used, the figure the chat then
 * tells customers (it threw before, and then nothing was deleted at all).
 */
export async function runRetention(env: ChatEnv, ctx: { waitUntil(promise: Promise<unknown>): void }, now: number, batchSize?: number): Promise<RetentionRun> {
  const { days, error } = parseRetentionDays(env.TRANSCRIPT_RETENTION_DAYS);
  if (error) console.error(JSON.stringify({ msg: "bad configuration", error }));
  const { db, end } = await requestDb(env, ctx);
  try {
    const run = await deleteExpiredTranscripts(db, new Date(now - days * DAY_MS), batchSize);
    console.log(JSON.stringify({ msg: "transcript retention", days, ...run }));
    return run;
  } finally {
    await end();
  }
}
