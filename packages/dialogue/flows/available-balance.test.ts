import { describe, expect, it } from "vitest";
import { asksWhyAvailableDiffers } from "./available-balance.js";

describe("why the available balance differs (session 32)", () => {
  it.each([
    "why is my available balance different",
    "why is my available balance lower than my balance",
    "how come my available funds are less",
    "what's the difference between available balance and current balance",
    "what does available balance mean",
  ])("'%s' asks what available means", (text) => {
    expect(asksWhyAvailableDiffers(text)).toBe(true);
  });

  it.each(["what's my available balance", "how much is available in checking", "why is my balance wrong", "what is my available credit"])("'%s' is something else", (text) => {
    expect(asksWhyAvailableDiffers(text)).toBe(false);
  });
});
