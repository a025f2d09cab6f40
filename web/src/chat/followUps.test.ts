import { describe, expect, it } from "vitest";
import { withFollowUps } from "./followUps.js";
import type { Reply } from "./protocol.js";

const base: Reply = { text: "Here you are", intent: { name: "transactions", confidence: 1 }, actions: [] };
const labels = (reply: Reply) => withFollowUps(reply).map((a) => a.label);

describe("withFollowUps", () => {
  it("suggests the likely next step after data the server gave no chips for", () => {
    expect(labels({ ...base, data: { kind: "transactions", query: { limit: 10 }, transactions: [] } })).toEqual(["Spending this month", "Check my balance"]);
  });

  it("keeps the server's own suggestions, and adds nothing under a confirmation or to plain text", () => {
    const own: Reply = { ...base, actions: [{ type: "reply", label: "Make a transfer", text: "I want to make a transfer" }], data: { kind: "accounts", accounts: [] } };
    expect(labels(own)).toEqual(["Make a transfer"]);
    const confirming: Reply = { ...base, data: { kind: "accounts", accounts: [] }, confirmation: { id: "c", summary: "Send $5?", expiresAt: 1 } };
    expect(labels(confirming)).toEqual([]);
    expect(labels(base)).toEqual([]);
  });
});
