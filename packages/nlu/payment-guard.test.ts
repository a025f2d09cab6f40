import { describe, expect, it } from "vitest";
import { refusesPaymentOnly } from "./payment-guard";

describe("refusesPaymentOnly", () => {
  it("is true for a message that only refuses a transfer or payment", () => {
    for (const text of ["don't send it", "no don't pay the bill", "Do not transfer anything yet.", "please don't pay it", "no, don't send that", "dont move any money"]) {
      expect(refusesPaymentOnly(text), text).toBe(true);
    }
  });

  it("is false when something is asked for, instead or at all", () => {
    for (const text of ["send it", "pay the bill", "don't send it to Jordan, send it to Sam", "don't transfer anything until i see my balance", "why don't my transfers go through", "i don't know how to pay the bill"]) {
      expect(refusesPaymentOnly(text), text).toBe(false);
    }
  });
});
