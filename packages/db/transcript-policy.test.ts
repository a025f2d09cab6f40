import { describe, expect, it } from "vitest";
import { CONVERSATION_EVENT_TYPES, DEFAULT_TRANSCRIPT_RETENTION_DAYS, SEALED_EVENT_TYPES, parseRetentionDays } from "./transcript-policy.js";

describe("transcript policy", () => {
  it("names the sealed types among the conversation's", () => {
    for (const type of SEALED_EVENT_TYPES) expect(CONVERSATION_EVENT_TYPES).toContain(type);
    expect(SEALED_EVENT_TYPES.has("handoff.requested")).toBe(false);
  });

  it("keeps audit events out of the conversation, so erasure and retention keep them", () => {
    expect(CONVERSATION_EVENT_TYPES.filter((type) => type.startsWith("audit."))).toEqual([]);
  });

  it("keeps transcripts 90 days by default", () => {
    expect(DEFAULT_TRANSCRIPT_RETENTION_DAYS).toBe(90);
  });

  it("reads TRANSCRIPT_RETENTION_DAYS as a positive whole number of days, else the default with the reason", () => {
    expect(parseRetentionDays(undefined)).toEqual({ days: 90 });
    expect(parseRetentionDays("30")).toEqual({ days: 30 });
    expect(parseRetentionDays(" 7 ")).toEqual({ days: 7 });
    expect(parseRetentionDays("36500")).toEqual({ days: 36500 });
    for (const raw of ["", "0", "-5", "1.5", "30d", "ninety", "1e2", "36501", "NaN"]) {
      const parsed = parseRetentionDays(raw);
      expect(parsed.days, raw).toBe(90);
      expect(parsed.error, raw).toMatch(/^TRANSCRIPT_RETENTION_DAYS must be a whole number of days from 1 to 36500 \(it is ".*"\); using 90$/);
    }
  });
});
