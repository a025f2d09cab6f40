import { describe, expect, it } from "vitest";
import { notAFreeze } from "./freeze-guard";
import { createIntentModel } from "./model";
import { SHIPPED_ARTIFACT } from "./shipped-artifact";

describe("notAFreeze (nlu9)", () => {
  it.each(["please don't freeze my card", "don't freeze it", "i don't want to freeze my card", "i do not want my card frozen", "no don't block my card", "can you not lock the visa"])(
    "%s is a refusal: nothing is frozen",
    (text) => {
      expect(notAFreeze(text)).toBe("out_of_scope");
    },
  );

  it.each(["why did you freeze my card", "why is my debit card blocked"])("%s asks why", (text) => {
    expect(notAFreeze(text)).toBe("account_blocked");
  });

  it.each(["freeze my card", "lock my card now", "freeze my card, don't cancel it", "please freeze my card, not my account", "i don't know where my card is, freeze it"])(
    "%s still asks for the freeze",
    (text) => {
      expect(notAFreeze(text)).toBeUndefined();
    },
  );

  it("classify() never reads a refused freeze as freeze_card (shipped model)", () => {
    const model = createIntentModel(SHIPPED_ARTIFACT);
    expect(model.classify("please don't freeze my card").intent).not.toBe("freeze_card");
    expect(model.classify("why did you freeze my card").intent).not.toBe("freeze_card");
    expect(model.classify("freeze my card please").intent).toBe("freeze_card");
  });
});
