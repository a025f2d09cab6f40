/** "and on my savings?" / "and for savings?" / "and my mastercard?" right after a fact (flows/fact-follow-up.ts). */
import { describe, expect, it } from "vitest";
import { FakeBank, Session, allText, moneyEffects, understood } from "../../../test/support/dialogue-session.js";
import type { AccountNumbersView, Effect, EffectResult, InterestRateView } from "../types.js";
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { answerRewardsUse } from "./fact-follow-up.js";

const NUMBERS: AccountNumbersView[] = [
  { accountId: "acc-chk", name: "Checking", type: "checking", mask: "1234", accountNumber: "000098761234", routingNumber: "074001239" },
  { accountId: "acc-sav", name: "Savings", type: "savings", mask: "5678", accountNumber: "000012345678", routingNumber: "074001239" },
];
const RATES: InterestRateView[] = [
  { accountId: "acc-sav", name: "Savings", type: "savings", mask: "5678", annualRateBps: 375, kind: "apy" },
  { accountId: "acc-cc", name: "Credit card", type: "credit", mask: "9012", annualRateBps: 2249, kind: "apr" },
];

class FactsBank extends FakeBank {
  override execute(effect: Effect): EffectResult {
    if (effect.kind === "load" && effect.what === "interest_rates") return { ok: true, data: RATES };
    if (effect.kind === "load" && effect.what === "account_numbers") {
      return { ok: true, data: NUMBERS.map((n) => ({ ...n, accountNumber: effect.reveal ? n.accountNumber : null })) };
    }
    return super.execute(effect);
  }
}

describe("a follow-up right after an account or card fact", () => {
  it("'and on my savings?' after the card's APR, heard unsure by the model: the savings rate", () => {
    const session = new Session(new FactsBank());
    session.say("what's the apr on my credit card", understood("interest_rate", { accountRefs: ["credit"] }));
    const turn = session.say("and on my savings?", understood("interest_rate", { accountRefs: ["savings"] }, 0.42));
    expect(allText(turn)).toMatch(/3\.75%/);
    expect(allText(turn)).not.toMatch(/Sorry|22\.49%/);
  });

  // explore27: "and the full account number for checking" got the masked number again.
  it("'and the full account number for checking' after the masked numbers: checking's in full, only checking's", () => {
    const session = new Session(new FactsBank());
    session.say("whats my routing number", understood("account_numbers"));
    const turn = session.say("and the full account number for checking", understood("account_numbers", { accountRefs: ["checking"] }));
    expect(allText(turn)).toMatch(/000098761234/);
    expect(allText(turn)).not.toMatch(/000012345678/);
    const masked = new Session(new FactsBank());
    masked.say("whats my routing number", understood("account_numbers"));
    expect(allText(masked.say("and for checking?", understood("account_numbers", { accountRefs: ["checking"] })))).not.toMatch(/000098761234/);
  });

  it("'and for savings?' after an account number, read as a transfer: savings' masked number, no money asked", () => {
    const session = new Session(new FactsBank());
    session.say("whats my account number", understood("account_numbers"));
    const turn = session.say("and for savings?", understood("transfer", { accountRefs: ["savings"] }, 0.81));
    expect(allText(turn)).toMatch(/Savings ••5678/);
    expect(allText(turn)).not.toMatch(/000012345678|How much|Checking/);
    expect(turn.effects).toContainEqual(expect.objectContaining({ what: "account_numbers", reveal: false }));
    expect(session.state.task).toBeNull();
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("'and my mastercard?' after the visa's expiry, read as the card-network question: the mastercard's date", () => {
    const session = new Session();
    session.say("when does my visa expire", understood("card_expiry", { cardBrand: "visa" }));
    const turn = session.say("and my mastercard?", understood("visa_or_mastercard", { cardBrand: "mastercard" }, 0.85));
    expect(turn.effects).toContainEqual(expect.objectContaining({ kind: "load", what: "cards" }));
    expect(allText(turn)).toMatch(/Mastercard ••8888/);
    expect(allText(turn)).not.toMatch(/Visa ••4242/);
  });

  it("is no follow-up once too old, after a balance answered since, or when the message asks for something else", () => {
    const old = new Session(new FactsBank());
    old.say("whats my account number", understood("account_numbers"));
    old.now += READ_FOLLOW_UP_MS + 1;
    expect(allText(old.say("and for savings?", understood("transfer", { accountRefs: ["savings"] }, 0.81)))).toMatch(/How much/);

    const read = new Session(new FactsBank());
    read.say("whats my account number", understood("account_numbers"));
    read.now += 1_000;
    read.say("what's in checking", understood("balance", { accountRefs: ["checking"] }));
    expect(read.say("and savings?", understood("transfer", { accountRefs: ["savings"] }, 0.7)).effects).toContainEqual(expect.objectContaining({ what: "accounts" }));

    const send = new Session(new FactsBank());
    send.say("whats my account number", understood("account_numbers"));
    expect(allText(send.say("and send 50 to savings", understood("transfer", { accountRefs: ["savings"], amount: { minor: 50_00, currency: "USD" } })))).not.toMatch(/••5678: account number/);
  });
});

// Session 31: "how many points do i have", then "what can i use them for" got "Sorry".
describe("answerRewardsUse", () => {
  const ctxAfterPoints = (at: number) =>
    ({ state: { settled: [], task: null, lastFact: { intent: { name: "rewards_balance", confidence: 1 }, what: "rewards_balance", at: 0 } }, now: at, replies: [], effects: [] }) as unknown as StepContext;

  it("right after the points balance, 'what can i use them for' is how to redeem them", () => {
    for (const t of ["what can i use them for", "how do i redeem them?", "ok what are they worth", "can i cash them out"]) {
      const ctx = ctxAfterPoints(60_000);
      expect(answerRewardsUse(ctx, t), t).toBe(true);
      expect(ctx.replies[0]!.text).toMatch(/^You can redeem your rewards points in the app/);
    }
  });

  it("not once stale, nor for a message of its own", () => {
    expect(answerRewardsUse(ctxAfterPoints(READ_FOLLOW_UP_MS + 1), "what can i use them for")).toBe(false);
    expect(answerRewardsUse(ctxAfterPoints(60_000), "what can i use my card for abroad")).toBe(false);
  });
});
