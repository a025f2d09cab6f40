import { describe, expect, it } from "vitest";
import { asksMerchantBlock } from "./merchant-block.js";

describe("one company's charges blocked (session 32)", () => {
  it.each(["can you block amazon charges", "block all charges from uber", "stop netflix from charging me", "please stop payments from spotify", "how do i block future charges from apple music"])(
    "'%s' asks to block a company",
    (text) => {
      expect(asksMerchantBlock(text)).toBe(true);
    },
  );

  it.each(["block my card", "stop all payments on my card", "block the card", "stop my transfer", "stop the payment to jordan", "cancel netflix", "block it", "Can I stop a transaction?"])("'%s' is something else", (text) => {
    expect(asksMerchantBlock(text)).toBe(false);
  });
});
