import { describe, expect, it } from "vitest";
import { createIntentModel } from "./model";
import { insteadOfRefused } from "./refusal-guard";
import { SHIPPED_ARTIFACT } from "./shipped-artifact";

describe("insteadOfRefused: a freeze refused or asked about (nlu9)", () => {
  it.each(["please don't freeze my card", "don't freeze it", "i don't want to freeze my card", "i do not want my card frozen", "no don't block my card", "can you not lock the visa"])(
    "%s is a refusal: nothing is frozen",
    (text) => {
      expect(insteadOfRefused("freeze_card", text)).toBe("out_of_scope");
    },
  );

  it.each(["I lost my card but don't freeze it", "my card was stolen, don't block it yet", "i lost my visa, please don't freeze it", "my card is missing but i don't want it frozen"])(
    "%s: a lost or stolen card whose freeze is refused gets the lost-card answer (defects18: it was out of scope)",
    (text) => {
      expect(insteadOfRefused("freeze_card", text)).toBe("lost_or_stolen_card");
    },
  );

  it.each(["why did you freeze my card", "why is my debit card blocked"])("%s asks why", (text) => {
    expect(insteadOfRefused("freeze_card", text)).toBe("account_blocked");
  });

  it.each(["I lost my card, should I freeze it?", "I lost my wallet, should I freeze my cards?", "my card was stolen, do I need to block it?"])(
    "%s: a freeze asked about for a lost card is the lost-card question (wallet19)",
    (text) => {
      expect(insteadOfRefused("freeze_card", text)).toBe("lost_or_stolen_card");
    },
  );

  it.each(["should I freeze my card?", "my wallet got stolen, block them all"])("%s stays a freeze", (text) => {
    expect(insteadOfRefused("freeze_card", text)).toBeUndefined();
  });

  it.each(["freeze my card", "lock my card now", "freeze my card, don't cancel it", "please freeze my card, not my account", "i don't know where my card is, freeze it"])(
    "%s still asks for the freeze",
    (text) => {
      expect(insteadOfRefused("freeze_card", text)).toBeUndefined();
    },
  );

  it("classify() never reads a refused freeze as freeze_card (shipped model)", () => {
    const model = createIntentModel(SHIPPED_ARTIFACT);
    expect(model.classify("please don't freeze my card").intent).not.toBe("freeze_card");
    expect(model.classify("why did you freeze my card").intent).not.toBe("freeze_card");
    expect(model.classify("freeze my card please").intent).toBe("freeze_card");
  });
});

describe("insteadOfRefused: a payment refused and nothing else said (nlu11)", () => {
  it("is out of scope for a message that only refuses a transfer or payment", () => {
    for (const text of ["don't send it", "no don't pay the bill", "Do not transfer anything yet.", "please don't pay it", "no, don't send that", "dont move any money"]) {
      expect(insteadOfRefused("transfer", text), text).toBe("out_of_scope");
      expect(insteadOfRefused("pay_bill", text), text).toBe("out_of_scope");
    }
  });

  it("leaves the reading when something is asked for, instead or at all", () => {
    for (const text of ["send it", "pay the bill", "don't send it to Jordan, send it to Sam", "don't transfer anything until i see my balance", "why don't my transfers go through", "i don't know how to pay the bill"]) {
      expect(insteadOfRefused("transfer", text), text).toBeUndefined();
    }
  });

  it("classify() reads 'don't send it' as asking for nothing (shipped model)", () => {
    const model = createIntentModel(SHIPPED_ARTIFACT);
    expect(model.classify("don't send it").intent).toBe("out_of_scope");
    expect(model.classify("send it to Jordan").intent).not.toBe("out_of_scope");
  });
});

describe("insteadOfRefused: other readings", () => {
  it("leaves every other intent as the model read it, whatever the refusal names", () => {
    expect(insteadOfRefused("balance", "don't freeze my card")).toBeUndefined();
    expect(insteadOfRefused("freeze_card", "don't send it")).toBeUndefined();
    expect(insteadOfRefused("cancel_transfer", "don't send it")).toBeUndefined();
  });
});
