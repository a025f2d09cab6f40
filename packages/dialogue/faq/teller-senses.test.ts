import { describe, expect, it } from "vitest";
import { tellerSense } from "./teller-senses.js";

describe("tellerSense: the written answer Teller gives for a BANKING77 label", () => {
  it.each(["do you charge for transfers", "how much does it cost to send money?", "is there a fee for a payment to jordan", "what does a wire cost"])(
    "'%s' (top_up_by_bank_transfer_charge) asks about Teller's transfers: transfer_fee_charged",
    (text) => {
      expect(tellerSense("top_up_by_bank_transfer_charge", text)).toBe("transfer_fee_charged");
    },
  );

  it.each(["is there a fee to top up by bank transfer", "will i be charged for receiving a transfer", "do you charge for SEPA transfers", "is there a charge for adding money by transfer", "will i be charged for a transfer into my account", "is there a fee"])(
    "'%s' keeps the top-up answer",
    (text) => {
      expect(tellerSense("top_up_by_bank_transfer_charge", text)).toBe("top_up_by_bank_transfer_charge");
    },
  );

  it("leaves every other label as the model read it", () => {
    expect(tellerSense("transfer_timing", "do you charge for transfers")).toBe("transfer_timing");
    expect(tellerSense("top_up_by_card_charge", "do you charge for transfers")).toBe("top_up_by_card_charge");
  });
});

describe("tellerSense: a credit card applied for", () => {
  it.each(["can i apply for a credit card", "i'd like to apply for a new credit card", "how do i sign up for one of your credit cards", "where's my credit card application"])(
    "'%s' (order_physical_card) is opening an account",
    (text) => {
      expect(tellerSense("order_physical_card", text)).toBe("open_account");
    },
  );

  it.each(["i need a new credit card", "order me a new card", "can i get a physical card"])("'%s' stays a card ordered", (text) => {
    expect(tellerSense("order_physical_card", text)).toBe("order_physical_card");
  });

  // Session 30: money that went is what was spent, not where money came from.
  it.each(["where did my money go", "where has all my money gone", "where did all of my paycheck go"])("'%s' read as source of funds is the spending", (text) => {
    expect(tellerSense("verify_source_of_funds", text)).toBe("spending");
  });

  it.each(["where did my money come from", "do i need to prove where my money comes from"])("'%s' stays source of funds", (text) => {
    expect(tellerSense("verify_source_of_funds", text)).toBe("verify_source_of_funds");
  });

  // explore31: money moved to the customer's own account here is a transfer Teller makes.
  it.each(["how do i transfer money to my savings account", "how can i move money into savings", "I would like to transfer money from my checking account to my savings account"])(
    "'%s' (transfer_into_account) is a transfer",
    (text) => {
      expect(tellerSense("transfer_into_account", text)).toBe("transfer");
    },
  );

  it.each(["how do i transfer money from another bank to my savings", "how do i put money into my account", "can i deposit a check into savings", "transfer from paypal to my checking"])("'%s' stays money coming in", (text) => {
    expect(tellerSense("transfer_into_account", text)).toBe("transfer_into_account");
  });
});
