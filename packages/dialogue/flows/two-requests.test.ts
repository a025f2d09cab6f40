import { describe, expect, it } from "vitest";
import { asksBalanceAfter, asksBalanceToo, secondRequestSplits } from "./two-requests.js";
import { Session, allText, lastReply, moneyEffects, pendingTransfer, understood, usd } from "../../../test/support/dialogue-session.js";

describe("a balance question and a transfer in one message", () => {
  it("answers the balance, then sets up the transfer, which still needs its own yes", () => {
    const session = new Session();
    let turn = session.say("what's my balance and send 10 to Alex Kim", understood("transfer", { amount: usd(10), payeeName: "Alex Kim", query: { question: true } }));
    expect(turn.replies[0]?.data?.kind).toBe("accounts");
    expect(lastReply(turn).text).toMatch(/^Which account should I send it from\?/);
    expect(moneyEffects(turn)).toEqual([]);
    turn = session.say("checking", understood("balance", { accountRefs: ["checking"] }, 0.4));
    const confirmation = lastReply(turn).confirmation!;
    expect(confirmation.summary).toBe("Send $10.00 from Checking ••1234 to “Alex Kim” ••4321?");
    expect(session.bank.transfers).toHaveLength(0);
    turn = session.press(confirmation.id, "yes");
    expect(moneyEffects(turn)).toHaveLength(1);
    expect(session.bank.transfers).toHaveLength(1);
  });

  it("goes straight to the confirmation when the transfer was complete", () => {
    const session = new Session();
    const turn = session.say(
      "send 25 from checking to savings and show me my balances",
      understood("transfer", { amount: usd(25), fromRef: "checking", toRef: "savings", accountRefs: ["checking", "savings"] }),
    );
    expect(turn.replies.map((r) => r.data?.kind ?? null)).toEqual(["accounts", null]);
    expect(lastReply(turn).confirmation?.summary).toBe("Send $25.00 from Checking ••1234 to Savings ••5678?");
    expect(allText(turn)).not.toMatch(/Back to your/);
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("sets up the transfer after the answer when the message is read as the balance (the first of two requests)", () => {
    const session = new Session();
    let turn = session.say("what's my balance and send 10 to Alex Kim", understood("balance", { amount: usd(10), payeeName: "Alex Kim", query: { question: true } }));
    expect(turn.replies[0]?.data?.kind).toBe("accounts");
    expect(lastReply(turn).text).toMatch(/^Which account should I send it from\?/);
    expect(moneyEffects(turn)).toEqual([]);
    turn = session.say("checking", understood("balance", { accountRefs: ["checking"] }, 0.4));
    expect(lastReply(turn).confirmation?.summary).toBe("Send $10.00 from Checking ••1234 to “Alex Kim” ••4321?");
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("answers only the balance when the transfer is no instruction", () => {
    const session = new Session();
    const turn = session.say("what's my balance after I pay 10 to Alex Kim", understood("balance", { amount: usd(10), payeeName: "Alex Kim", query: { question: true } }));
    expect(turn.replies.map((r) => r.data?.kind ?? null)).toEqual(["accounts"]);
    expect(session.state.task).toBeNull();
    expect(session.state.paused ?? null).toBeNull();
  });

  it("shows the balances once the transfer is done when they are asked for after it (explore32)", () => {
    const session = new Session();
    let turn = session.say(
      "move 25 from checking to savings and then show me my balance",
      understood("transfer", { amount: usd(25), fromRef: "checking", toRef: "savings", accountRefs: ["checking", "savings"] }),
    );
    expect(turn.replies.map((r) => r.data?.kind ?? null)).toEqual([null]);
    const confirmation = lastReply(turn).confirmation!;
    expect(confirmation.summary).toBe("Send $25.00 from Checking ••1234 to Savings ••5678?");
    turn = session.press(confirmation.id, "yes");
    expect(session.bank.transfers).toHaveLength(1);
    expect(turn.replies.map((r) => r.data?.kind ?? null)).toEqual(["transfer_receipt", "accounts"]);
    expect(session.state.task).toBeNull();
  });

  it("tells a balance asked after the transfer from one asked beside it", () => {
    expect(asksBalanceAfter("move 100 to savings and then show me my balance")).toBe(true);
    expect(asksBalanceAfter("send 10 to jordan, after that tell me my balance")).toBe(true);
    expect(asksBalanceAfter("pay jordan 20 and once it's done show me my balances")).toBe(true);
    expect(asksBalanceAfter("what's my balance and then send 10 to savings")).toBe(false);
    expect(asksBalanceAfter("send 25 from checking to savings and show me my balances")).toBe(false);
  });

  it("tells a balance question from a balance used as the amount", () => {
    expect(asksBalanceToo("what's my balance and send 10 to Jordan Lee")).toBe(true);
    expect(asksBalanceToo("check my checking balance then pay Jordan 20")).toBe(true);
    expect(asksBalanceToo("send my whole balance to savings")).toBe(false);
    expect(asksBalanceToo("send 10 to Jordan Lee")).toBe(false);
  });
});

describe("a card freeze and a transfer in one message (sweep12)", () => {
  it("freezes the card first, and sets up no transfer until it is asked again", () => {
    const session = new Session();
    // "send Jordan 40 from checking and freeze my card" confirmed the transfer and never froze the card.
    const turn = session.say(
      "send Alex 40 from checking and freeze my visa",
      understood("transfer", { amount: usd(40), payeeName: "Alex Kim", fromRef: "checking", accountRefs: ["checking"], cardBrand: "visa" }),
    );
    expect(allText(turn)).toMatch(/^Your card comes first, so I haven't set up the transfer: ask me for it again once you're ready\.\n(?:.*\n)?Done — Visa ••4242 is frozen\./);
    expect(session.bank.cards.find((c) => c.id === "card-1")?.status).toBe("frozen");
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(session.state.task).toBeNull();
    expect(moneyEffects(session.say("yes", understood("out_of_scope", { yes: true }, 0.2))).filter((e) => e.kind === "transfer")).toEqual([]);
    expect(session.bank.transfers).toEqual([]);
  });
});

describe("a second request after the first (sweep13)", () => {
  it("a lookup and a transfer asked in the middle of a transfer: the answer, and the new transfer said to be left undone", () => {
    const session = new Session();
    session.say("send 30 to Alex", understood("transfer", { amount: usd(30), payeeName: "Alex" }));
    const turn = session.say(
      "what's my balance and send 10 to savings",
      understood("balance", { query: { question: true }, then: { text: "send 10 to savings", intent: "transfer", confidence: 0.99, entities: { accountRefs: ["savings"], toRef: "savings", amount: usd(10) } } }),
    );
    expect(allText(turn)).toMatch(/I haven't done anything about “send 10 to savings” yet/);
    expect(allText(turn)).toMatch(/Back to your transfer: Which account should I send it from\?/);
    expect(moneyEffects(turn)).toEqual([]);
  });

  const yesAnd = (then: { text: string; intent: string; entities: Record<string, unknown> }) =>
    understood("out_of_scope", { yes: true, then: { confidence: 0.99, ...then, entities: { accountRefs: [], ...then.entities } } }, 0.88);

  it("'yes, and also 30 to savings': the card shown is sent once, the $30 gets its own card, nothing more moves", () => {
    const { session, confirmation } = pendingTransfer();
    const turn = session.say("yes, and also 30 to savings", yesAnd({ text: "30 to savings", intent: "transfer", entities: { amount: usd(30), toRef: "savings", accountRefs: ["savings"] } }));
    expect(session.bank.transfers).toHaveLength(1);
    expect(session.bank.transfers[0]!.amount).toEqual(usd(30));
    expect(allText(turn)).toMatch(/^Done — I sent \$30\.00 to “Alex Kim” ••4321\.\n/);
    const second = lastReply(turn).confirmation!;
    expect(second.id).not.toBe(confirmation.id);
    expect(second.summary).toMatch(/to Savings ••5678\?$/);
    session.press(second.id, "yes");
    expect(session.bank.transfers).toHaveLength(2);
  });

  it("a second request that is not understood is said to be left undone, never dropped in silence", () => {
    const { session } = pendingTransfer();
    const turn = session.say("yes and the other thing", yesAnd({ text: "the other thing", intent: "out_of_scope", entities: {} }));
    expect(session.bank.transfers).toHaveLength(1);
    expect(allText(turn)).toMatch(/I didn't catch the rest of your message \(“the other thing”\), so I haven't done anything about it\./);
  });

  it("a lookup and a freeze: the answer first, then the freeze asks for a yes before the card changes", () => {
    const session = new Session();
    let turn = session.say(
      "what's my balance and freeze my visa",
      understood("balance", { query: { question: true }, then: { text: "freeze my visa", intent: "freeze_card", confidence: 0.99, entities: { accountRefs: [], cardBrand: "visa" } } }),
    );
    expect(turn.replies[0]?.data?.kind).toBe("accounts");
    const confirmation = lastReply(turn).confirmation!;
    expect(confirmation.summary).toMatch(/^Shall I freeze Visa ••4242 now\?/);
    expect(session.bank.cards.find((c) => c.id === "card-1")?.status).toBe("active");
    turn = session.press(confirmation.id, "yes");
    expect(session.bank.cards.find((c) => c.id === "card-1")?.status).toBe("frozen");
  });

  it("two questions: each answered, the second once the first is (sweep19: the second was dropped)", () => {
    const session = new Session();
    const turn = session.say(
      "what's my balance and show me my transactions",
      understood("balance", { query: { question: true }, then: { text: "show me my transactions", intent: "transactions", confidence: 0.99, entities: { accountRefs: [] } } }),
    );
    expect(turn.replies[0]?.data?.kind).toBe("accounts");
    // The test bank holds no transactions: the second answer is that none were found.
    expect(turn.replies[1]?.text).toMatch(/transactions/);
    expect(turn.replies).toHaveLength(2);
  });
});

describe("a fact asked after a lookup (explore27)", () => {
  it("'my balance and when my payment is due': the balance, then the statement's due date (it was dropped)", () => {
    const session = new Session();
    const turn = session.say(
      "what's my balance and when is my payment due",
      understood("balance", { query: { question: true }, then: { text: "when is my payment due", intent: "credit_statement", confidence: 0.99, entities: { accountRefs: [] } } }),
    );
    expect(turn.replies[0]?.data?.kind).toBe("accounts");
    expect(turn.replies).toHaveLength(2);
    expect(turn.replies[1]?.intent.name).toBe("credit_statement");
    // The test bank holds no credit card: the statement's own answer, not "I haven't done anything about …".
    expect(turn.replies[1]?.text).toBe("You don't have a credit card with us.");
  });
});

describe("a freeze said before a question (sweep19)", () => {
  it("answers the question, then freezes the card picked without another Yes: the freeze was asked plainly", () => {
    const session = new Session();
    let turn = session.say(
      "freeze my card and tell me my balance",
      understood("balance", { query: { question: true }, then: { text: "freeze my card", intent: "freeze_card", confidence: 0.99, saidFirst: true, entities: { accountRefs: [] } } }),
    );
    expect(turn.replies[0]?.data?.kind).toBe("accounts");
    if (lastReply(turn).confirmation === undefined && /which card/i.test(lastReply(turn).text)) {
      turn = session.say("the visa", understood("freeze_card", { accountRefs: [], cardBrand: "visa" }, 0.6));
    }
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(session.bank.cards.find((c) => c.id === "card-1")?.status).toBe("frozen");
  });
});

describe("where a message holds a second question (sweep19)", () => {
  const parts = (text: string) => secondRequestSplits(text).map((s) => [s.first, s.second]);
  it("splits two questions, and a freeze asked before a question (the question read first)", () => {
    expect(parts("what's my balance and show me my last 3 transactions")).toContainEqual(["what's my balance", "show me my last 3 transactions"]);
    expect(parts("how much is in checking and how much did i spend on dining last month")).toContainEqual(["how much is in checking", "how much did i spend on dining last month"]);
    expect(parts("freeze my card and tell me my balance")).toContainEqual(["tell me my balance", "freeze my card"]);
  });
  it("splits a second transfer after a first one to an account (explore26)", () => {
    expect(parts("send 10 to savings and then 20 to checking")).toContainEqual(["send 10 to savings", "20 to checking"]);
    expect(parts("move 20 from savings to checking and 30 from checking to savings")).toContainEqual(["move 20 from savings to checking", "30 from checking to savings"]);
    expect(parts("transfer 100 to savings, then send 50 to jordan")).toContainEqual(["transfer 100 to savings", "send 50 to jordan"]);
    const split = secondRequestSplits("send 10 and 20 to jordan").find((s) => s.first === "send 10");
    // "send 10" names nowhere: the two amounts keep their own answer.
    expect(split?.firstFits({ intent: "transfer", confidence: 1, entities: { accountRefs: [], amount: usd(10) } }) ?? false).toBe(false);
  });
  it("splits a second question said as a noun phrase (explore26)", () => {
    expect(parts("balance and my last 3 transactions")).toContainEqual(["balance", "my last 3 transactions"]);
    expect(parts("my balance and the transactions from last week")).toContainEqual(["my balance", "the transactions from last week"]);
    expect(parts("show my savings balance, and my payees")).toContainEqual(["show my savings balance", "my payees"]);
    expect(secondRequestSplits("how much did i spend on food and my groceries").filter((s) => !s.firstIsYes)).toEqual([]);
  });
  it("splits nothing from one question", () => {
    expect(secondRequestSplits("how much did i spend on food and drink last month").filter((s) => !s.firstIsYes)).toEqual([]);
  });
});
