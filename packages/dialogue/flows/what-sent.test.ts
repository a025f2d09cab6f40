import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, pendingTransfer, understood } from "../../../test/support/dialogue-session.js";
import type { TransactionView } from "../types.js";
import { asksWhatSent } from "./what-sent.js";

const row = (id: string, day: string, merchant: string, minor: number, transferId: string | null): TransactionView => ({
  id,
  accountId: "acc-chk",
  postedAt: `2026-11-${day}T10:00:00.000Z`,
  merchant,
  category: transferId ? "Transfers" : "Shopping",
  amount: { minor, currency: "USD" },
  status: "posted",
  transferId,
});

describe("what did i just send (facts24)", () => {
  it("nothing sent in this conversation: says so and shows the latest transfers out", () => {
    const bank = new FakeBank();
    bank.transactions = [
      row("t1", "22", "Transfer to Alex Kim", -40_00, "tr_1"),
      row("t2", "21", "Transfer from Savings", 100_00, "tr_2"),
      row("t3", "20", "Transfer to Savings", -25_00, "tr_3"),
    ];
    const turn = new Session(bank).say("what did i just send", understood("spending", {}, 0.43));
    expect(turn.effects[0]).toMatchObject({ kind: "load", what: "transactions", query: { category: "Transfers", direction: "out", limit: 5 } });
    const reply = lastReply(turn);
    expect(reply.text).toBe(
      "I haven't sent any money for you in this conversation. The latest transfer out of your accounts was $40.00, “Transfer to Alex Kim”, on 22 Nov 2026. Here are your 2 latest transfers out.",
    );
    expect(reply.data).toMatchObject({ kind: "transactions", transactions: [{ id: "t1" }, { id: "t3" }] });
  });

  it("no transfers out at all: says so, nothing invented", () => {
    const turn = new Session(new FakeBank()).say("what did i just send", understood("out_of_scope"));
    expect(lastReply(turn).text).toBe("I haven't sent any money for you in this conversation. I don't see any transfers out of your accounts either.");
  });

  it("right after a transfer: that transfer", () => {
    const { session, confirmation } = pendingTransfer();
    session.press(confirmation.id, "yes");
    const turn = session.say("what did i just send", understood("spending", {}, 0.43));
    expect(turn.effects).toEqual([]);
    expect(lastReply(turn).text).toBe("The last money I sent for you was $30.00 to “Alex Kim” ••4321, just now.");
  });

  it.each([
    ["what did i just send", true],
    ["who did i just pay?", true],
    ["how much did i just transfer", true],
    ["what was the last transfer i made", true],
    ["what did i send to Jordan last week", false],
    ["what did i spend", false],
  ])("%j: %s", (text, expected) => {
    expect(asksWhatSent(text)).toBe(expected);
  });
});
