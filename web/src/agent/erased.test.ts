import { describe, expect, it } from "vitest";
import { erasedFrom } from "./erased.js";
import type { HandoffDetail } from "./staffApi.js";

const detail = (id: string): HandoffDetail =>
  ({ handoff: { id, status: "assigned" }, transcript: [{ id: "m1", from: "customer", text: "my card number is …", at: "2026-12-05T10:00:00.000Z" }] }) as unknown as HandoffDetail;

describe("erasedFrom", () => {
  it("empties the transcript of the conversation erased, and keeps it open", () => {
    const after = erasedFrom(detail("h1"), "h1");
    expect(after?.transcript).toEqual([]);
    expect(after?.handoff.status).toBe("assigned");
  });

  it("leaves another conversation, or none, as it is", () => {
    const other = detail("h2");
    expect(erasedFrom(other, "h1")).toBe(other);
    expect(erasedFrom(null, "h1")).toBeNull();
  });
});
