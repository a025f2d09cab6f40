import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chatMessageFields } from "./chat.schema.js";

const Message = z.strictObject(chatMessageFields());

describe("the chat message schema", () => {
  it("refuses C0, DEL and C1 control characters but keeps newline and tab", () => {
    for (const bad of ["\u0000", "\u0001", "\r", "\u001b", "\u007f", "\u0085", "\u009f"]) {
      expect(Message.safeParse({ id: "m1", text: `a${bad}b` }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(Message.safeParse({ id: "m1", text: "line\n\ttab — 漢字 🙂" }).success).toBe(true);
  });

  it("refuses control characters in a confirmation id", () => {
    expect(Message.safeParse({ id: "m1", text: "yes", confirmation: { id: "c\u0000", answer: "yes" } }).success).toBe(false);
  });
});
