import { describe, expect, it } from "vitest";
import { CONVERSATION_EVENT_TYPES, DEFAULT_TRANSCRIPT_RETENTION_DAYS, SEALED_EVENT_TYPES } from "./transcript-policy.js";

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
});
