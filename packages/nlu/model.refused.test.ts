import { describe, expect, it } from "vitest";
import { createIntentModel } from "./model";
import { SHIPPED_ARTIFACT } from "./shipped-artifact";

// nlu9: a refused request, then something a bank assistant declines, through the shipped model
// (lines not in the probes; probe-set-5.ts's "no i don't need a transfer, i need a taxi" was
// cancel_transfer 0.59).
describe("classify: what is wanted instead of a refused request", () => {
  const shipped = createIntentModel(SHIPPED_ARTIFACT);
  it.each(["no i don't need a transfer, i need a plumber", "i don't want to send money, i want to order sushi", "no i don't want to lock my card, what's the weather like"])(
    "declines %s rather than read the refused request",
    (text) => {
      expect(shipped.classify(text).intent).toBe("out_of_scope");
    },
  );

  it("still reads a bank request wanted instead", () => {
    expect(shipped.classify("no i don't want to transfer, i want to know why my transfer failed").intent).toBe("failed_transfer");
    expect(shipped.classify("don't freeze my card, just show my balance").intent).toBe("balance");
  });
});
