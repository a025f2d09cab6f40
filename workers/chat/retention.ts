import { DEFAULT_TRANSCRIPT_RETENTION_DAYS, deleteExpiredTranscripts, type RetentionRun } from "../../packages/db/retention.js";
import { requestDb } from "./db.js";
import type { ChatEnv } from "./env.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The chat Worker's Cron Trigger: transcripts older than TRANSCRIPT_RETENTION_DAYS (default 90) go. */
export async function runRetention(env: ChatEnv, ctx: { waitUntil(promise: Promise<unknown>): void }, now: number, batchSize?: number): Promise<RetentionRun> {
  const days = Number(env.TRANSCRIPT_RETENTION_DAYS ?? DEFAULT_TRANSCRIPT_RETENTION_DAYS);
  if (!Number.isInteger(days) || days < 1) throw new Error("TRANSCRIPT_RETENTION_DAYS must be a whole number of days ≥ 1");
  const { db, end } = await requestDb(env, ctx);
  try {
    const run = await deleteExpiredTranscripts(db, new Date(now - days * DAY_MS), batchSize);
    console.log(JSON.stringify({ msg: "transcript retention", days, ...run }));
    return run;
  } finally {
    await end();
  }
}
