import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, transactionRow, understood } from "../../../test/support/dialogue-session.js";

function bank(): FakeBank {
  const b = new FakeBank();
  b.transactions = [
    transactionRow("Bluebird Coffee", -4_50, "2026-11-23", { status: "pending" }),
    transactionRow("Fresh Market", -32_10, "2026-11-22", { status: "pending" }),
    transactionRow("Northwind Payroll", 2_850_00, "2026-11-20", { category: "Income" }),
  ];
  return b;
}

describe("the pending transactions asked for as a list (session 30)", () => {
  it.each([
    ["is there any pending transactions", "out_of_scope"],
    ["any pending charges on my account?", "pending_card_payment"],
    ["can you show me my pending payments", "pending_transfer"],
  ])("%j (read as %s) lists them", (text, intent) => {
    const reply = lastReply(new Session(bank()).say(text, understood(intent, {}, intent === "out_of_scope" ? 0.9 : 0.8)));
    expect(reply.text).toBe("Here are your 2 pending transactions.");
  });

  it("keeps the written answer for why one payment is pending", () => {
    const reply = lastReply(new Session(bank()).say("why is my card payment still pending", understood("pending_card_payment", {}, 0.95)));
    expect(reply.text).not.toMatch(/^Here are/);
  });
});
