/** The events that carry what was said; audit events (money, cards, sign-ins) are kept. */
export const CONVERSATION_EVENT_TYPES = ["message.received", "reply.sent", "handoff.requested", "handoff.agent_message"] as const;
/** Of those, the ones whose payload holds the customer's or Teller's words: sealed with the data key. */
export const SEALED_EVENT_TYPES: ReadonlySet<string> = new Set(["message.received", "reply.sent", "handoff.agent_message"]);
/** How long conversation events are kept, unless TRANSCRIPT_RETENTION_DAYS says otherwise. */
export const DEFAULT_TRANSCRIPT_RETENTION_DAYS = 90;
/** The longest retention accepted (100 years): far past any policy, and the cutoff stays a date. */
export const MAX_TRANSCRIPT_RETENTION_DAYS = 36_500;

/**
 * TRANSCRIPT_RETENTION_DAYS as configured: a whole number of days from 1 to
 * MAX_TRANSCRIPT_RETENTION_DAYS. Anything else ("30d", "0", "1.5", "") is the default, with the
 * reason in `error` for the caller to log: the chat tells customers this figure, and the
 * Durable Object's alarm and the Postgres Cron Trigger delete by it, so all three use the same one.
 * Refusing a bad value instead left transcripts undeleted (the cron threw; the alarm skipped its
 * trim) while the chat still promised a number of days.
 */
export function parseRetentionDays(raw: string | undefined): { days: number; error?: string } {
  if (raw === undefined) return { days: DEFAULT_TRANSCRIPT_RETENTION_DAYS };
  const trimmed = raw.trim();
  const days = /^[0-9]+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (days >= 1 && days <= MAX_TRANSCRIPT_RETENTION_DAYS) return { days };
  return {
    days: DEFAULT_TRANSCRIPT_RETENTION_DAYS,
    error: `TRANSCRIPT_RETENTION_DAYS must be a whole number of days from 1 to ${MAX_TRANSCRIPT_RETENTION_DAYS} (it is ${JSON.stringify(raw)}); using ${DEFAULT_TRANSCRIPT_RETENTION_DAYS}`,
  };
}
