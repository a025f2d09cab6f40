import { describe, expect, it } from "vitest";
import { emojiIntent } from "./emoji";

describe("a message of emoji only", () => {
  it("reads acknowledgements as thanks and a wave as a greeting, whatever the skin tone", () => {
    for (const text of ["👍", "👍🏽", "🙏", "😊😊", "❤️", " 👍 "]) expect(emojiIntent(text), text).toBe("thanks");
    expect(emojiIntent("👋")).toBe("greeting");
    expect(emojiIntent("👋🏿")).toBe("greeting");
  });

  it("leaves anything with words, or other emoji, to the model", () => {
    for (const text of ["👍 send 50 to savings", "💰💰?", "🤔", "yes", "", "👍👎"]) expect(emojiIntent(text), text).toBeUndefined();
  });
});
