import { describe, expect, it } from "vitest";
import { mayConfirm } from "./may-confirm.js";

describe("mayConfirm", () => {
  it("is true for a Yes button and short typed yeses, false otherwise", () => {
    expect(mayConfirm({ text: "whatever", confirmation: { answer: "yes" } })).toBe(true);
    expect(mayConfirm({ text: "yes", confirmation: { answer: "no" } })).toBe(false);
    for (const text of ["yes", "Yes please", "ok", "go ahead", "  yep", "k", "kk"]) expect(mayConfirm({ text }), text).toBe(true);
    for (const text of ["what's my balance?", "no", "yesterday's transactions please", "kindly send 20"]) expect(mayConfirm({ text }), text).toBe(false);
  });
});
