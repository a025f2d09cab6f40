import type { ChatSessionEnv } from "./chat-session.env.js";
import { parseRetentionDays } from "../packages/db/transcript-policy.js";

/** Parsed once per configuration object (tests swap a session's env for a new one). */
const parsed = new WeakMap<ChatSessionEnv, number>();

/**
 * The days a transcript is kept, as the session tells the customer (the dialogue's settings) and
 * as its alarm trims its own turns: TRANSCRIPT_RETENTION_DAYS, read once; a value that is no
 * whole number of days is logged once and the default used (packages/db/transcript-policy.ts).
 */
export function retentionDays(env: ChatSessionEnv): number {
  const known = parsed.get(env);
  if (known !== undefined) return known;
  const { days, error } = parseRetentionDays(env.TRANSCRIPT_RETENTION_DAYS);
  if (error) console.error(JSON.stringify({ msg: "bad configuration", error }));
  parsed.set(env, days);
  return days;
}
