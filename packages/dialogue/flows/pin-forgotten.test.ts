import { describe, expect, it } from "vitest";
import { asksForgottenPin } from "./pin-forgotten.js";

describe("a forgotten PIN (session 32)", () => {
  it.each(["i forgot my pin number", "I forgot my PIN and now it is blocked.", "i can't remember my debit card pin", "whats my pin", "what's my pin number?", "i need my pin"])("'%s' asks where to see the PIN", (text) => {
    expect(asksForgottenPin(text)).toBe(true);
  });

  it.each(["how do i change my pin", "my pin is blocked", "where do i get a pin for my new card", "what is a pin"])("'%s' is something else", (text) => {
    expect(asksForgottenPin(text)).toBe(false);
  });
});
