import { describe, expect, it } from "vitest";
import { closedAs, isClosed } from "./closed.js";
import { handoffDetail } from "./fixtures.js";

const open = handoffDetail({}, [{ id: "l1", from: "customer", text: "hello", at: 1 }]);

describe("a conversation once closed", () => {
  it("keeps its transcript and takes the closing status, only for the conversation that closed", () => {
    const resolved = closedAs(open, "h1", "resolved");
    expect(resolved?.handoff.status).toBe("resolved");
    expect(resolved?.transcript).toBe(open.transcript);
    expect(isClosed(resolved!.handoff.status)).toBe(true);
    expect(closedAs(open, "h2", "resolved")).toBe(open);
    expect(closedAs(null, "h1", "left")).toBeNull();
  });

  it("is open while queued or held", () => {
    expect(isClosed("queued")).toBe(false);
    expect(isClosed("assigned")).toBe(false);
    for (const status of ["resolved", "returned", "left", "expired"]) expect(isClosed(status)).toBe(true);
  });
});
