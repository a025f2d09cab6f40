import { describe, expect, it } from "vitest";
import { FakeBank, Session, cardStatement, fixtures, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";
import type { AccountNumbersView, CreditStatementView, Effect, EffectResult, InterestRateView, RewardsView, TransferLimitsView } from "../types.js";
import { MAX_CHAT_TRANSFER_MINOR } from "../config.js";
import { asksCardStatus, asksForFullNumber, percentText } from "./bank-facts.js";

const NUMBERS: AccountNumbersView[] = [
  { accountId: "acc-chk", name: "Checking", type: "checking", mask: "1234", accountNumber: "000098761234", routingNumber: "074001239" },
  { accountId: "acc-sav", name: "Savings", type: "savings", mask: "5678", accountNumber: "000012345678", routingNumber: "074001239" },
  { accountId: "acc-cc", name: "Credit card", type: "credit", mask: "9012", accountNumber: "000055559012", routingNumber: null },
];
const RATES: InterestRateView[] = [
  { accountId: "acc-chk", name: "Checking", type: "checking", mask: "1234", annualRateBps: 1, kind: "apy" },
  { accountId: "acc-sav", name: "Savings", type: "savings", mask: "5678", annualRateBps: 375, kind: "apy" },
  { accountId: "acc-cc", name: "Credit card", type: "credit", mask: "9012", annualRateBps: 2249, kind: "apr" },
];
const STATEMENT = cardStatement({ statementBalance: usd(412.35), minimumPayment: usd(25), currentBalance: usd(120) });

/** The fake bank plus the facts loads, masking account numbers unless the effect asks to reveal. */
class FactsBank extends FakeBank {
  rates: InterestRateView[] = RATES;
  statements: CreditStatementView[] = [STATEMENT];
  rewards: RewardsView[] = [{ accountId: "acc-cc", name: "Credit card", mask: "9012", points: 4250 }];
  limits: TransferLimitsView[] = [{ perTransfer: usd(10_000), daily: usd(25_000), sentToday: usd(150.5) }];

  override execute(effect: Effect): EffectResult {
    if (effect.kind !== "load" || this.failures.some((f) => f.match === effect.what)) return super.execute(effect);
    switch (effect.what) {
      case "account_numbers":
        this.executed.push(effect);
        return { ok: true, data: NUMBERS.map((n) => ({ ...n, accountNumber: effect.reveal ? n.accountNumber : null })) };
      case "interest_rates":
        this.executed.push(effect);
        return { ok: true, data: this.rates };
      case "rewards":
        this.executed.push(effect);
        return { ok: true, data: this.rewards };
      case "credit_statements":
        this.executed.push(effect);
        return { ok: true, data: this.statements };
      case "transfer_limits":
        this.executed.push(effect);
        return { ok: true, data: this.limits };
      default:
        return super.execute(effect);
    }
  }
}

function withoutCreditCard(): FactsBank {
  const data = fixtures();
  const bank = new FactsBank({ ...data, accounts: data.accounts.filter((a) => a.type !== "credit") });
  bank.statements = [];
  bank.rewards = [];
  bank.rates = RATES.filter((r) => r.kind !== "apr");
  return bank;
}

describe("account and routing numbers", () => {
  it("masks account numbers by default and offers the full number", () => {
    const session = new Session(new FactsBank());
    const turn = session.say("what's my routing number", understood("account_numbers"));
    expect(turn.effects[0]).toMatchObject({ kind: "load", what: "account_numbers", reveal: false });
    const reply = lastReply(turn);
    expect(reply.text).toContain("Checking ••1234: account number ending 1234, routing number 074001239");
    expect(reply.text).toContain("Credit card ••9012: account number ending 9012.");
    expect(reply.text).not.toMatch(/0000\d{8}/);
    expect(reply.actions.map((a) => ("text" in a ? a.text : a.label))).toEqual(["What is my full account number?"]);
    expect(session.state.task).toBeNull();
  });

  it("shows the full number only when asked for explicitly, for the account named", () => {
    const session = new Session(new FactsBank());
    const turn = session.say("show me my full savings account number", understood("account_numbers", { accountRefs: ["savings"] }));
    expect(turn.effects[0]).toMatchObject({ what: "account_numbers", reveal: true });
    expect(lastReply(turn).text).toMatch(/^Savings ••5678: account number 000012345678, routing number 074001239\. Please keep/);
    expect(lastReply(turn).text).not.toContain("000098761234");
  });

  it("'show me the full number' right after one account's masked number reveals that account's only", () => {
    const session = new Session(new FactsBank());
    session.say("what's my checking account number", understood("account_numbers", { accountRefs: ["checking"] }));
    const turn = session.say("show me the full number", understood("account_numbers"));
    expect(lastReply(turn).text).toMatch(/^Checking ••1234: account number \d+/);
    expect(lastReply(turn).text).not.toMatch(/Savings|Credit card/);
    // Asked afresh, not right after a named account: every account, as before.
    const again = session.say("show my full account number", understood("account_numbers"));
    expect(lastReply(again).text).toMatch(/Savings ••5678: account number 000012345678/);
  });

  // Session 31: "and the routing number" right after checking's number listed every account's.
  it("'and the routing number' right after one account's number is that account's; asked afresh, every account's", () => {
    const session = new Session(new FactsBank());
    session.say("what's my checking account number", understood("account_numbers", { accountRefs: ["checking"] }));
    const turn = session.say("and the routing number", understood("account_numbers"));
    expect(lastReply(turn).text).toMatch(/^Checking ••1234: account number ending 1234, routing number 074001239\./);
    expect(lastReply(turn).text).not.toMatch(/Savings|Credit card/);
    const fresh = new Session(new FactsBank()).say("and the routing number", understood("account_numbers"));
    expect(lastReply(fresh).text).toMatch(/Savings ••5678/);
  });

  it.each([
    ["show my full account number", true],
    ["what is my complete account number", true],
    ["read me all the digits of my account number", true],
    ["what's my account number", false],
    ["routing number please", false],
  ])("%j asks for the full number: %s", (text, expected) => {
    expect(asksForFullNumber(text)).toBe(expected);
  });
});

describe("credit card statement, limit, rates, expiry, rewards", () => {
  it("answers the statement balance, minimum payment and due date from the data", () => {
    const turn = new Session(new FactsBank()).say("when is my credit card bill due", understood("credit_statement"));
    expect(lastReply(turn).text).toBe(
      "Credit card ••9012: your statement of 14 Nov 2026 shows a balance of $412.35. The minimum payment is $25.00, due 9 Dec 2026. Your current balance is $120.00.",
    );
    expect(lastReply(turn).actions.map((a) => ("text" in a ? a.text : a.label))).toContain("Pay my credit card bill");
  });

  it.each(["credit_statement", "credit_limit", "rewards_balance"])("%s without a credit card says so", (intent) => {
    const turn = new Session(withoutCreditCard()).say("…", understood(intent));
    expect(lastReply(turn).text).toMatch(/You don't have (a|a rewards) card with us|You don't have a credit card with us\./);
  });

  it("gives the credit limit and the available credit", () => {
    const data = fixtures();
    data.accounts[2] = { ...data.accounts[2]!, available: usd(4880), creditLimit: usd(5000) };
    const turn = new Session(new FactsBank(data)).say("what's my credit limit", understood("credit_limit"));
    expect(lastReply(turn).text).toBe("Credit card ••9012: your credit limit is $5,000.00 and you have $4,880.00 of available credit.");
    expect(lastReply(turn).data).toMatchObject({ kind: "accounts", accounts: [{ id: "acc-cc" }] });
  });

  it("treats a credit account without its limit as a failed load, never guessing", () => {
    const turn = new Session(new FactsBank()).say("what's my credit limit", understood("credit_limit"));
    expect(lastReply(turn).text).toMatch(/Something went wrong/);
  });

  it("lists rates per account, APY for deposits and APR for the card, or the one asked for", () => {
    const all = new Session(new FactsBank()).say("interest rates", understood("interest_rate"));
    expect(lastReply(all).text).toBe("Checking ••1234: 0.01% APY; Savings ••5678: 3.75% APY; Credit card ••9012: 22.49% APR on purchases.");
    const card = new Session(new FactsBank()).say("what's the APR on my card", understood("interest_rate", { accountRefs: ["credit"] }));
    expect(lastReply(card).text).toBe("Credit card ••9012: 22.49% APR on purchases.");
    expect(percentText(400)).toBe("4.00%");
  });

  it("answers 'what's my APR?' with the card's rate, and without a card says so instead of listing APYs", () => {
    const card = new Session(new FactsBank()).say("what's my APR?", understood("interest_rate"));
    expect(lastReply(card).text).toBe("Credit card ••9012: 22.49% APR on purchases.");
    const none = new Session(withoutCreditCard()).say("what is my APR", understood("interest_rate"));
    expect(lastReply(none).text).toBe(
      "You don't have a credit card with us. An APR is what a card charges; your accounts earn Checking ••1234: 0.01% APY; Savings ••5678: 3.75% APY.",
    );
  });

  // Session 31: "how much interest am i paying on the card" listed every account's rate.
  it("answers interest a customer pays, or a card's interest, with the card's APR", () => {
    for (const t of ["how much interest am i paying on the card", "what interest do you charge on the card", "whats the interest on my card"]) {
      expect(lastReply(new Session(new FactsBank()).say(t, understood("interest_rate"))).text, t).toBe("Credit card ••9012: 22.49% APR on purchases.");
    }
    expect(lastReply(new Session(new FactsBank()).say("what interest rates do you have", understood("interest_rate"))).text).toMatch(/APY.*APR/);
  });

  it("tells card expiry dates, for the card named, and admits a missing one", () => {
    const data = fixtures();
    data.cards[0] = { ...data.cards[0]!, expiry: { month: 8, year: 2029 } };
    const one = new Session(new FactsBank(data)).say("when does my card ending 4242 expire", understood("card_expiry", { accountRefs: [{ last4: "4242" }] }));
    expect(lastReply(one).text).toBe("Visa ••4242 expires at the end of 08/2029.");
    expect(lastReply(one).data).toMatchObject({ kind: "cards", cards: [{ id: "card-1" }] });
    const visa = new Session(new FactsBank(data)).say("when does my visa expire", understood("card_expiry", { cardBrand: "visa" }));
    expect(lastReply(visa).text).toBe("Visa ••4242 expires at the end of 08/2029.");
    const all = new Session(new FactsBank(data)).say("card expiry dates", understood("card_expiry"));
    expect(lastReply(all).text).toBe("Visa ••4242 expires at the end of 08/2029 and I don't have an expiry date on record for Mastercard ••8888.");
  });

  it("answers 'are my cards frozen?' with each card's state, freezing nothing, even when the model reads it as freeze_card", () => {
    const session = new Session();
    const turn = session.say("are my cards frozen?", understood("freeze_card", { query: { question: true } }, 0.88));
    expect(lastReply(turn).text).toBe("Visa ••4242 is active and Mastercard ••8888 is frozen.");
    expect(turn.effects.some((e) => e.kind === "set_card_status")).toBe(false);
    expect(session.bank.cards.map((c) => c.status)).toEqual(["active", "frozen"]);
    const unsure = new Session().say("is my card ending 4242 frozen", understood("freeze_card", { accountRefs: [{ last4: "4242" }] }, 0.47));
    expect(lastReply(unsure).text).toBe("Visa ••4242 is active.");
  });

  it("tells a card-status question from a request to freeze", () => {
    for (const text of ["is my card frozen?", "are my cards locked", "Is my visa still frozen", "what's the status of my card", "card status"]) {
      expect(asksCardStatus(text), text).toBe(true);
    }
    // Also questions about something else of the card's: an application, a payment.
    const others = ["freeze my card", "why is my card frozen", "my card is frozen, unfreeze it", "is my card on its way", "lock my card", "what's the status of my credit card application", "status of my card payment to amazon"];
    for (const text of others) {
      expect(asksCardStatus(text), text).toBe(false);
    }
  });

  it("gives the rewards points balance", () => {
    const turn = new Session(new FactsBank()).say("how many points do I have", understood("rewards_balance"));
    expect(lastReply(turn).text).toBe("You have 4,250 rewards points on Credit card ••9012.");
  });

  it("explains plainly when the bank can't be reached", () => {
    const bank = new FactsBank();
    bank.failNext("credit_statements", "unavailable");
    const turn = new Session(bank).say("minimum payment?", understood("credit_statement"));
    expect(lastReply(turn).text).toMatch(/can't reach your accounts/);
  });

  it("rejects malformed data rather than showing it", () => {
    const session = new Session(new FactsBank());
    session.autoExecute = false;
    const start = session.say("routing number", understood("account_numbers"));
    const turn = session.feed(start.effects[0]!.effectId, { ok: true, data: [{ ...NUMBERS[0], accountNumber: "12; DROP TABLE" }] });
    expect(lastReply(turn).text).toMatch(/Something went wrong/);
  });
});

describe("transfer limits (limits15)", () => {
  it("gives the limit per transfer, the daily limit and what is left of today's, from one load", () => {
    const session = new Session(new FactsBank());
    const turn = session.say("what's my daily transfer limit", understood("transfer_limits"));
    expect(turn.effects.map((e) => e.kind === "load" && e.what)).toEqual(["transfer_limits"]);
    expect(lastReply(turn).text).toBe(
      "You can send up to $10,000.00 in one transfer and $25,000.00 a day in all. Today you've sent $150.50, so $24,849.50 is left until midnight UTC. " +
        "The limits count every transfer across all your accounts, to your own accounts and to payees alike, and a scheduled transfer on the day it's made.",
    );
    expect(lastReply(turn).actions.map((a) => ("text" in a ? a.text : a.label))).toEqual(["I want to make a transfer", "Can you raise my transfer limit?"]);
    expect(session.state.task).toBeNull();
  });

  it("says when nothing was sent today, and when nothing more can go out", () => {
    const bank = new FactsBank();
    bank.limits = [{ perTransfer: usd(10_000), daily: usd(25_000), sentToday: usd(0) }];
    expect(lastReply(new Session(bank).say("…", understood("transfer_limits"))).text).toContain("You haven't sent anything today, so all $25,000.00 is left until midnight UTC.");
    bank.limits = [{ perTransfer: usd(10_000), daily: usd(25_000), sentToday: usd(25_000) }];
    expect(lastReply(new Session(bank).say("…", understood("transfer_limits"))).text).toContain("Today you've sent $25,000.00, so nothing more can go out until midnight UTC.");
  });

  it("never states a limit per transfer above the chat's own guard", () => {
    const bank = new FactsBank();
    bank.limits = [{ perTransfer: usd(50_000), daily: usd(100_000), sentToday: usd(0) }];
    const guard = (MAX_CHAT_TRANSFER_MINOR.USD / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });
    expect(lastReply(new Session(bank).say("…", understood("transfer_limits"))).text).toMatch(new RegExp(`^You can send up to \\$${guard} in one transfer`));
  });

  it("answers mid-transfer and goes back to the transfer", () => {
    const session = new Session(new FactsBank());
    session.say("send 40 to Jordan Lee", understood("transfer", { amount: usd(40), payeeName: "Jordan Lee" }));
    const turn = session.say("what's my transfer limit?", understood("transfer_limits", { query: { question: true } }));
    expect(turn.replies.map((r) => r.text).join(" ")).toMatch(/You can send up to \$10,000\.00 in one transfer[\s\S]*Back to your transfer/);
  });
});

describe("'is it frozen now?' of the card just changed (sweep16)", () => {
  it("says yes or no of that card, not every card's state", () => {
    const session = new Session();
    session.say("freeze my visa", understood("freeze_card", { cardBrand: "visa" }));
    expect(session.bank.cards[0]!.status).toBe("frozen");
    expect(lastReply(session.say("is it frozen now?", understood("out_of_scope", {}, 0.6))).text).toBe("Yes — Visa ••4242 is frozen.");
    expect(lastReply(session.say("is it unlocked?", understood("out_of_scope", {}, 0.6))).text).toBe("No — Visa ••4242 is frozen.");
  });

  it("lists every card when no card was changed lately", () => {
    const session = new Session();
    expect(lastReply(session.say("is it frozen now?", understood("out_of_scope", {}, 0.6))).text).toBe("Visa ••4242 is active and Mastercard ••8888 is frozen.");
    session.say("freeze my visa", understood("freeze_card", { cardBrand: "visa" }));
    session.now += 11 * 60 * 1000;
    expect(lastReply(session.say("is it frozen now?", understood("out_of_scope", {}, 0.6))).text).toBe("Visa ••4242 is frozen and Mastercard ••8888 is frozen.");
  });
});

describe("a declined card and the customer's own frozen card (session 23)", () => {
  it("'why was my card declined?': the written answer, then the frozen card named with the way to unfreeze it", () => {
    const session = new Session();
    const turn = session.say("my card got declined at the store why", understood("declined_card_payment", { query: { question: true } }));
    expect(turn.replies[0]!.intent.name).toBe("declined_card_payment");
    expect(lastReply(turn).text).toMatch(/^Mastercard ••8888 is frozen, so payments and withdrawals with it are declined until you unfreeze it\.$/);
    expect(lastReply(turn).actions.map((a) => a.label)).toEqual(["Unfreeze my card"]);
  });

  it("says nothing more when no card is frozen, or the card named is not, or the cards cannot be read", () => {
    const active = fixtures();
    active.cards = active.cards.map((c) => ({ ...c, status: "active" as const }));
    const quiet = new Session(new FakeBank(active));
    expect(quiet.say("why isn't my card working", understood("card_not_working", {})).replies).toHaveLength(1);
    const visa = new Session();
    expect(visa.say("my visa got declined", understood("declined_card_payment", { cardBrand: "visa" })).replies).toHaveLength(1);
    const down = new Session();
    down.bank.failNext("cards", "unavailable");
    const turn = down.say("my card was declined", understood("declined_card_payment", {}));
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]!.intent.name).toBe("declined_card_payment");
  });
});
