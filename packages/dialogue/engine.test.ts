import { describe, expect, it } from "vitest";
import { FALLBACK_CONFIDENCE, FALLBACKS_BEFORE_HANDOFF, clearHandoff, initialState, step } from "./index.js";
import { Session, allText, lastReply, moneyEffects, understood } from "./test-support.js";
import type { Effect } from "./types.js";

const handoffs = (effects: Effect[]) => effects.filter((e) => e.kind === "handoff");

describe("balances, transactions, spending, payees", () => {
  it("shows every balance with masks and formatted money, as structured data too", () => {
    const turn = new Session().say("what's my balance", understood("balance"));
    const reply = lastReply(turn);
    expect(reply.text).toBe(
      "Your balances: Checking ••1234: $500.00 ($450.00 available); Savings ••5678: $2,000.00; Credit card ••9012: -$120.00.",
    );
    expect(reply.data).toMatchObject({ kind: "accounts" });
    expect(reply.intent).toEqual({ name: "balance", confidence: 0.95 });
  });

  it("shows only the account asked for", () => {
    const turn = new Session().say("savings balance", understood("balance", { accountRefs: ["savings"] }));
    expect(lastReply(turn).text).toBe("Savings ••5678: $2,000.00.");
  });

  it("passes the customer's filters to the transactions query, bounded", () => {
    const session = new Session();
    const turn = session.say(
      "coffee at starbucks in november",
      understood("transactions", { merchant: "Starbucks", dateRange: { from: "2026-11-01", to: "2026-11-30" } }),
    );
    const load = turn.effects.find((e) => e.kind === "load");
    expect(load).toMatchObject({ what: "transactions", query: { merchant: "Starbucks", from: "2026-11-01", to: "2026-11-30" } });
    expect(lastReply(turn).text).toMatch(/couldn't find any transactions/);
  });

  it("renders transactions as a table the web app can show", () => {
    const session = new Session();
    const rows = [
      { id: "t1", postedAt: "2026-11-23T10:00:00Z", merchant: "Cafe", category: "Dining", amount: { minor: -450, currency: "USD" }, status: "posted" },
    ];
    session.autoExecute = false;
    const start = session.say("recent transactions", understood("transactions"));
    const load = start.effects[0]!;
    const turn = session.feed(load.effectId, { ok: true, data: rows });
    expect(lastReply(turn).text).toBe("Here is your most recent transaction.");
    expect(lastReply(turn).data).toEqual({ kind: "transactions", transactions: rows, query: { limit: 10 } });
  });

  it("totals spending for this month so far when no period is given", () => {
    const session = new Session();
    const turn = session.say("how much did I spend", understood("spending"));
    expect(turn.effects[0]).toMatchObject({ what: "spending", query: { from: "2026-11-01", to: "2026-11-24" } });
    expect(lastReply(turn).text).toBe("You spent $0.00 between 1 Nov 2026 and 24 Nov 2026.");
  });

  it("lists payees with quoted names", () => {
    const turn = new Session().say("who are my payees", understood("payees"));
    expect(lastReply(turn).text).toBe("Your saved payees: “Alex Kim” ••4321, “Sam Lee”.");
  });

  it("says plainly when accounts can't be reached, while FAQ answers keep working", () => {
    const session = new Session();
    session.bank.failNext("accounts", "unavailable");
    const down = session.say("balance", understood("balance"));
    expect(lastReply(down).text).toMatch(/can't reach your accounts right now/);
    expect(session.state.task).toBeNull();
    const faq = session.say("when will my card arrive", understood("card_arrival"));
    expect(lastReply(faq).text).toMatch(/delivery window/);
  });

  it("treats a malformed load result as a failure, never as data", () => {
    const session = new Session();
    session.autoExecute = false;
    const start = session.say("balance", understood("balance"));
    const turn = session.feed(start.effects[0]!.effectId, { ok: true, data: [{ id: "x", balance: "lots" }] });
    expect(lastReply(turn).text).toMatch(/Something went wrong/);
  });

  it("ignores results nobody is waiting for", () => {
    const session = new Session();
    const before = session.state;
    const turn = session.feed("unknown-effect", { ok: true, data: [] });
    expect(turn).toEqual({ replies: [], effects: [] });
    expect(session.state).toEqual(before);
  });
});

describe("cards", () => {
  it("freezes the only active card at once, without a confirmation", () => {
    const session = new Session();
    const turn = session.say("freeze my card", understood("freeze_card"));
    expect(moneyEffects(turn)).toMatchObject([{ kind: "set_card_status", cardId: "card-1", status: "frozen" }]);
    expect(lastReply(turn).text).toMatch(/Visa ••4242 is frozen/);
    expect(session.bank.cards.find((c) => c.id === "card-1")?.status).toBe("frozen");
  });

  it("asks which card when more than one matches, then freezes the one named", () => {
    const session = new Session();
    session.bank.cards[1]!.status = "active";
    let turn = session.say("freeze my card", understood("freeze_card"));
    expect(moneyEffects(turn)).toEqual([]);
    expect(lastReply(turn).text).toBe("Which card would you like to freeze? Visa ••4242 and Mastercard ••8888.");
    turn = session.say("the card ending 8888", understood("freeze_card", { accountRefs: [{ last4: "8888" }] }, 0.4));
    expect(moneyEffects(turn)).toMatchObject([{ cardId: "card-2", status: "frozen" }]);
  });

  it("needs a confirmation to unfreeze", () => {
    const session = new Session();
    const turn = session.say("unfreeze my card", understood("unfreeze_card"));
    expect(moneyEffects(turn)).toEqual([]);
    const confirmation = lastReply(turn).confirmation!;
    expect(confirmation.summary).toMatch(/^Unfreeze Mastercard ••8888\?/);
    const done = session.press(confirmation.id, "yes");
    expect(moneyEffects(done)).toMatchObject([{ cardId: "card-2", status: "active", idempotencyKey: `card:${confirmation.id}` }]);
  });

  it("says when the card is already in the wanted state", () => {
    const turn = new Session().say("freeze card 8888", understood("freeze_card", { accountRefs: [{ last4: "8888" }] }));
    expect(lastReply(turn).text).toBe("Mastercard ••8888 is already frozen.");
  });
});

describe("hand-off to a person", () => {
  it("on request: marks the session, tells the customer what happens, emits one handoff", () => {
    const session = new Session();
    const turn = session.say("can I talk to a human", understood("human_agent"));
    expect(handoffs(turn.effects)).toMatchObject([{ reason: "customer_request", intent: "human_agent" }]);
    expect(session.state.handoff?.reason).toBe("customer_request");
    expect(lastReply(turn).text).toMatch(/reply here in this chat/);
    const again = session.say("human please", understood("human_agent"));
    expect(handoffs(again.effects)).toEqual([]);
    expect(lastReply(again).text).toMatch(/already in the queue/);
    expect(clearHandoff(session.state).handoff).toBeNull();
  });

  it(`after ${FALLBACKS_BEFORE_HANDOFF} fallbacks in a row, including low-confidence turns`, () => {
    const session = new Session();
    const first = session.say("blorp", understood("out_of_scope", {}, 0.9));
    expect(handoffs(first.effects)).toEqual([]);
    expect(lastReply(first).text).toMatch(/I can show your balances/);
    const second = session.say("what about the thing", understood("card_arrival", {}, FALLBACK_CONFIDENCE - 0.01));
    expect(handoffs(second.effects)).toMatchObject([{ reason: "repeated_fallback" }]);
  });

  it("does not hand off when an understood turn sits between two fallbacks", () => {
    const session = new Session();
    session.say("blorp", understood("out_of_scope"));
    session.say("hi", understood("greeting"));
    const turn = session.say("blorp", understood("out_of_scope"));
    expect(handoffs(turn.effects)).toEqual([]);
  });

  it("counts unusable answers during a transfer and hands off on the second", () => {
    const session = new Session();
    session.say("send money", understood("transfer"));
    const first = session.say("purple", understood("out_of_scope"));
    expect(lastReply(first).text).toMatch(/didn't catch that.*how much/i);
    const second = session.say("purple!!", understood("out_of_scope"));
    expect(handoffs(second.effects)).toHaveLength(1);
    expect(session.state.task).toBeNull();
  });

  it.each(["compromised_card", "lost_or_stolen_card", "card_payment_not_recognised", "lost_or_stolen_phone"])(
    "fraud-related %s: answers, offers protection and hands off",
    (intent) => {
      const session = new Session();
      const turn = session.say("help", understood(intent));
      expect(handoffs(turn.effects)).toMatchObject([{ reason: "fraud_risk", intent }]);
      expect(lastReply(turn).actions.map((a) => a.label)).toContain("Freeze my card");
      expect(moneyEffects(turn)).toEqual([]); // offering to freeze is not freezing
    },
  );
});

describe("small talk and out of scope", () => {
  it.each(["greeting", "thanks", "goodbye"])("%s gets a short friendly answer", (intent) => {
    const turn = new Session().say("…", understood(intent));
    expect(turn.replies).toHaveLength(1);
    expect(lastReply(turn).text.length).toBeLessThan(250);
    expect(turn.effects).toEqual([]);
  });

  it("out of scope says what Teller can do", () => {
    const turn = new Session().say("what's the weather", understood("out_of_scope"));
    expect(lastReply(turn).text).toMatch(/^Sorry, I can't help with that\. I can show your balances/);
  });
});

describe("state", () => {
  it("is plain JSON and the input state is never mutated", () => {
    const state = initialState();
    const frozen = JSON.stringify(state);
    const out = step(state, {
      type: "message",
      messageId: "m1",
      text: "send 30 to Alex",
      now: 0,
      newId: "id-1",
      understanding: understood("transfer"),
    });
    expect(JSON.stringify(state)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(out.state))).toEqual(out.state);
  });

  it("keeps no conversation history: only the open task and bounded bookkeeping", () => {
    const session = new Session();
    for (let i = 0; i < 30; i++) {
      session.say("hi", understood("greeting"));
      session.say("balance", understood("balance"));
    }
    expect(JSON.stringify(session.state).length).toBeLessThan(300);
    expect(allText(session.say("hi", understood("greeting")))).toMatch(/^Hi!/);
  });
});
