import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, transactionRow, understood } from "../../../test/support/dialogue-session.js";
import { billAsked } from "./bill-afford.js";

describe("enough for a household bill (explore31)", () => {
  it.each([
    ["i'm worried i won't have enough for rent", "rent"],
    ["Im really worried I dont have enough money for my rent this month", "rent"],
    ["do i have enough for rent", "rent"],
    ["will i have enough money to pay the water bill?", "water bill"],
    ["can i afford my rent", "rent"],
    ["is there enough in checking to cover the phone bill", "phone bill"],
    ["do i have enough for rent now", "rent"],
  ])("reads %j as asking about %s", (text, bill) => {
    expect(billAsked(text)).toBe(bill);
  });

  it.each(["do i have enough to pay my card off", "can i afford a 300 dollar tv", "do i have enough for groceries", "how much is my rent", "can i afford rent in new york"])("leaves %j alone", (text) => {
    expect(billAsked(text)).toBeUndefined();
  });

  function rentSession(): Session {
    const bank = new FakeBank();
    bank.transactions = [
      transactionRow("Harbor View Apartments", -600_00, "2026-11-01", { category: "Rent" }),
      transactionRow("Harbor View Apartments", -600_00, "2026-10-01", { category: "Rent" }),
    ];
    return new Session(bank);
  }

  it("sets the last payment against checking's available balance, with savings beside a shortfall", () => {
    const reply = lastReply(rentSession().say("i'm worried i won't have enough for rent", understood("out_of_scope", {}, 0.4)));
    expect(reply.intent.name).toBe("balance");
    expect(reply.text).toBe(
      "Your last rent payment was $600.00 to “Harbor View Apartments” on 1 Nov 2026. Checking ••1234 has $450.00 available, $150.00 short of $600.00. You could move money from Savings ••5678 first.",
    );
  });

  it("with no such payment found, says so and what checking has", () => {
    const reply = lastReply(new Session(new FakeBank()).say("do i have enough for the water bill", understood("balance")));
    expect(reply.text).toBe("I can't find a water bill payment in your transactions from the last 120 days, so I can't say what it usually is. Checking ••1234 has $450.00 available.");
  });
});
