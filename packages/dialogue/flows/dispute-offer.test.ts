/** The dispute offered after the written answer about a charge (flows/dispute-offer.ts). */
import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";

function bank(): FakeBank {
  const b = new FakeBank();
  b.transactions = [
    { id: "t1", postedAt: "2026-11-20T10:00:00.000Z", merchant: "Bluebird Coffee", category: "Coffee", amount: usd(-4.5), status: "posted", accountId: "acc-chk" },
  ];
  return b;
}

const yes = () => understood("out_of_scope", { yes: true }, 0.2);
const no = () => understood("out_of_scope", { no: true }, 0.2);

describe("dispute offer", () => {
  it("offers a dispute after the answer about an unrecognised charge; yes lists the charges", () => {
    const session = new Session(bank());
    let turn = session.say("I don't recognise a charge", understood("card_payment_not_recognised", { query: { disputeReason: "unrecognised" } }));
    expect(lastReply(turn).text).toMatch(/Would you like me to open a dispute for it\?$/);
    expect(lastReply(turn).actions.map((a) => a.label)).toEqual(["Yes, dispute it", "No", "Freeze my card"]);
    turn = session.say("yes", yes());
    expect(lastReply(turn).text).toMatch(/^Is this the charge you mean\? 1\. \$4\.50 at “Bluebird Coffee”/);
    expect(session.state.task).toMatchObject({ kind: "dispute", reason: "unrecognised" });
  });

  it("a figure said with the question narrows the charges the yes lists ('i dont recognise a charge of 12.99')", () => {
    const b = bank();
    b.transactions.push({ id: "t2", postedAt: "2026-11-21T10:00:00.000Z", merchant: "Tunely Music", category: "Subscriptions", amount: usd(-12.99), status: "posted", accountId: "acc-chk" });
    const session = new Session(b);
    session.say("i dont recognise a charge of 12.99", understood("card_payment_not_recognised", { amount: usd(12.99) }));
    expect(session.state.offer).toMatchObject({ hints: { amounts: [12_99] } });
    expect(session.state.offer?.hints).not.toHaveProperty("words");
    const turn = session.say("yes", yes());
    expect(lastReply(turn).text).toMatch(/Tunely Music/);
    expect(lastReply(turn).text).not.toMatch(/Bluebird Coffee/);
  });

  it("opens nothing on no, and lasts for the next message only", () => {
    const session = new Session(bank());
    session.say("I was charged twice?", understood("transaction_charged_twice", { query: { question: true } }));
    expect(lastReply(session.say("no", no())).text).toMatch(/haven't opened a dispute/);
    expect(session.state.task).toBeNull();

    session.say("I don't recognise a charge", understood("card_payment_not_recognised", {}));
    session.say("what's my balance?", understood("balance", {}));
    expect(lastReply(session.say("yes", yes())).text).toMatch(/nothing waiting for your confirmation/);
    expect(session.state.task).toBeNull();
  });

  it("is not made while a task is set aside for the question", () => {
    const session = new Session(bank());
    session.say("send 40 to Jordan", understood("transfer", { amount: usd(40) }));
    const turn = session.say("what if I don't recognise a charge?", understood("card_payment_not_recognised", { query: { question: true } }));
    expect(turn.replies.map((r) => r.text).join(" ")).not.toMatch(/open a dispute/);
    expect(session.state.offer ?? null).toBeNull();
  });

  it("after a merchant's charges were listed as not twice, 'the 79.84 one' offers that charge; a message that points at none drops it (explore30)", () => {
    const b = bank();
    b.transactions.push(
      { id: "t3", postedAt: "2026-11-22T10:00:00.000Z", merchant: "Trader Bay", category: "Groceries", amount: usd(-79.84), status: "posted", accountId: "acc-chk" },
      { id: "t4", postedAt: "2026-11-12T10:00:00.000Z", merchant: "Trader Bay", category: "Groceries", amount: usd(-52.31), status: "posted", accountId: "acc-chk" },
    );
    const session = new Session(b);
    let turn = session.say("i was charged twice at trader bay", understood("dispute", { merchant: "trader bay", query: { disputeReason: "duplicate" } }));
    expect(lastReply(turn).text).toMatch(/^I can't see “Trader Bay” charging you twice/);
    expect(session.state.offer).toMatchObject({ merchant: "trader bay" });
    turn = session.say("the 79.84 one", understood("transfer", { amount: usd(79.84) }, 0.96));
    expect(lastReply(turn).text).toMatch(/^Is this the charge you mean\? 1\. \$79\.84 at “Trader Bay”/);
    expect(session.state.task).toMatchObject({ kind: "dispute" });

    const other = new Session(b);
    other.say("i was charged twice at trader bay", understood("dispute", { merchant: "trader bay", query: { disputeReason: "duplicate" } }));
    other.say("send 79.84 to jordan", understood("transfer", { amount: usd(79.84), payeeName: "Jordan" }));
    expect(other.state.task).toMatchObject({ kind: "transfer" });
  });
});
