import { describe, expect, it } from "vitest";
import { joinedText, leftText } from "./texts.js";

describe("what the customer reads about the bank's people", () => {
  it("names the agent by first name when they join and leave", () => {
    expect(joinedText("Dana")).toBe("Dana from the bank joined the chat.");
    expect(leftText("Dana", true)).toMatch(/^Dana marked this conversation as resolved\./);
    expect(leftText("Dana", false)).toMatch(/^Dana handed you back to Teller\./);
  });
});
