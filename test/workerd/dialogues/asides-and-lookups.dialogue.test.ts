import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { runScript } from "./script.js";
import { withTestDb } from "../helpers.js";
import { listCards } from "../../../packages/banking/index.js";
import { chatEvents } from "../../../packages/db/schema/events.js";
import { disputes } from "../../../packages/db/schema/disputes.js";

/**
 * Conversations as customers have them (sweep 12 probe, written before the flow code was read):
 * asking for time with nothing open, a question answering a question, a person asked for and
 * then not, a charge described instead of picked, a freeze checked on, and accounts the customer
 * doesn't have. Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee ••7788
 * and City Power & Light ••9911; cards Visa ••4242 (checking) and Mastercard ••5151 (Teller Card).
 */

const nothingMoved = { checking: 1_000_00, savings: 5_000_00 };
const didntCatch = /didn't catch|can't help with that|still not getting it/i;
const day = 86_400_000;

async function cardStatus(customerId: string, last4: string) {
  const cards = await withTestDb((db) => listCards(db, customerId));
  if (!cards.ok) throw new Error(cards.message);
  return cards.value.find((c) => c.last4 === last4)?.status;
}

async function handoffCount(customerId: string) {
  const rows = await withTestDb((db) =>
    db.select().from(chatEvents).where(and(eq(chatEvents.customerId, customerId), eq(chatEvents.type, "handoff.requested"))),
  );
  return rows.length;
}

describe("sweep12: asking for time with nothing open", () => {
  it("'wait' and 'hold on' with no task: a calm answer, never a fallback, never a hand-off", async () => {
    const ctx = await runScript("s12-wait-idle", {
      soft: true,
      turns: [
        { say: "wait", expect: { confirmation: false, notText: didntCatch } },
        { say: "hold on", expect: { confirmation: false, notText: didntCatch } },
        { say: "one sec", expect: { confirmation: false, notText: didntCatch } },
        { say: "what's my balance?", expect: { data: "accounts" } },
      ],
    });
    // Three "wait"s are not three misunderstandings: nobody was put in the staff queue.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await handoffCount(ctx.customer.customerId)).toBe(0);
  });

  it("'hold on' after a finished transfer does not bring the transfer back", async () => {
    await runScript("s12-wait-after-done", {
      soft: true,
      turns: [
        { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 990_00 } },
        { say: "hold on", expect: { confirmation: false, notText: didntCatch } },
        { say: "yes", expect: { confirmation: false, notText: /^Done/ }, balances: { checking: 990_00 } },
      ],
    });
  });

  it("'wait' at the account question keeps the question; 'savings' then answers it", async () => {
    await runScript("s12-wait-question", {
      soft: true,
      turns: [
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
        { say: "hold on", expect: { confirmation: false, text: /which account/i, notText: didntCatch } },
        { say: "savings", expect: { confirmation: true, text: /Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { savings: 4_960_00 } },
      ],
    });
  });

  it("'cancel' with nothing open says there is nothing to cancel", async () => {
    await runScript("s12-cancel-idle", {
      soft: true,
      turns: [{ say: "cancel", expect: { confirmation: false, notText: didntCatch } }],
    });
  });
});

describe("sweep12: a question answering a question", () => {
  it("'which one has more money?' to 'which account?': balances, then the question again", async () => {
    await runScript("s12-q-for-q-account", {
      soft: true,
      turns: [
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
        { say: "which one has more money?", expect: { confirmation: false, text: /Which account/ } },
        { say: "savings", expect: { confirmation: true, text: /\$40\.00 from Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 4_960_00 } },
      ],
    });
  });

  it("'how much do I have in checking?' to 'how much?': the balance, then the amount question", async () => {
    await runScript("s12-q-for-q-amount", {
      soft: true,
      turns: [
        { say: "I want to send money to Jordan Lee", expect: { text: /how much/i } },
        { say: "how much do I have in checking?", expect: { confirmation: false, text: /\$1,000\.00[\s\S]*how much/i } },
        { say: "100 from checking", expect: { confirmation: true, text: /\$100\.00/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 900_00 } },
      ],
    });
  });

  it("'is there a fee?' under the card: answered, and the card is still there for a yes", async () => {
    await runScript("s12-q-under-card", {
      soft: true,
      turns: [
        { say: "send 25 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "is there a fee for this?", expect: { notText: didntCatch }, balances: nothingMoved },
        { say: "ok yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("'yes' to the account question is not an account: the question stands", async () => {
    await runScript("s12-yes-to-which", {
      soft: true,
      turns: [
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
        { say: "yes", expect: { confirmation: false, text: /which account/i }, balances: nothingMoved },
        { say: "checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 960_00 } },
      ],
    });
  });
});

describe("sweep12: a person asked for, then not", () => {
  it("'never mind' after asking for a person: no fallback; a later request is served by Teller", async () => {
    await runScript("s12-person-nvm", {
      soft: true,
      turns: [
        { say: "I want to talk to a person", expect: { intent: /handoff|human|agent/ } },
        { say: "never mind", expect: { confirmation: false, notText: didntCatch } },
        { say: "what's my balance?", expect: { data: "accounts" } },
      ],
    });
  });

  it("a person asked for under a card, then 'never mind, just send it': nothing moves without a new card", async () => {
    await runScript("s12-person-under-card", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "can I speak to someone?", expect: { confirmation: false }, balances: nothingMoved },
        { say: "never mind, just send it", expect: { notText: /^Done/ }, balances: nothingMoved },
        { say: "yes", press: "yes", pressOf: 0, expect: { notText: /^Done/ }, balances: nothingMoved },
      ],
    });
  });
});

describe("sweep12: a charge described instead of picked", () => {
  const yesterday = new Date(Date.now() - day);
  const threeDaysAgo = new Date(Date.now() - 3 * day);
  const history = [
    { merchant: "Shell", category: "Gas", amount: -42_10, postedAt: yesterday },
    { merchant: "Shell", category: "Gas", amount: -30_00, postedAt: threeDaysAgo },
    { merchant: "Bluebird Coffee", category: "Dining", amount: -4_50, postedAt: yesterday },
  ];

  it("'dispute the 42.10 at shell yesterday' finds that charge and no other", async () => {
    await runScript("s12-dispute-described", {
      soft: true,
      history,
      turns: [
        { say: "I want to dispute the 42.10 at shell yesterday", expect: { text: /\$42\.10/, notText: /\$30\.00|Bluebird/ } },
      ],
    });
  });

  it("'the 42.10 one' picks it from the list of Shell charges, recorded once", async () => {
    const ctx = await runScript("s12-dispute-pick-amount", {
      soft: true,
      history,
      turns: [
        { say: "I want to dispute a charge from Shell", expect: { text: /Which charge[\s\S]*\$42\.10[\s\S]*\$30\.00|Which charge[\s\S]*\$30\.00[\s\S]*\$42\.10/ } },
        { say: "the 42.10 one", expect: { text: /DSP-[0-9A-Z]{6}[\s\S]*\$42\.10/ } },
      ],
    });
    const rows = await withTestDb((db) => db.select().from(disputes).where(eq(disputes.customerId, ctx.customer.customerId)));
    expect(rows).toHaveLength(1);
  });

  it("'the one from yesterday' picks the Shell charge of yesterday", async () => {
    await runScript("s12-dispute-pick-day", {
      soft: true,
      history,
      turns: [
        { say: "dispute my shell charge", expect: { text: /Which charge/ } },
        { say: "the one from yesterday", expect: { text: /DSP-[0-9A-Z]{6}[\s\S]*\$42\.10/ } },
      ],
    });
  });
});

describe("sweep12: a freeze checked on", () => {
  it("'freeze my visa', then 'did it work?': says the Visa is frozen", async () => {
    const ctx = await runScript("s12-freeze-worked", {
      soft: true,
      turns: [
        { say: "freeze my visa", expect: { intent: "freeze_card", data: "cards" } },
        // Both got "Sorry, I can't help with that.", the second "Sorry, I'm still not getting it." and a hand-off.
        { say: "did it work?", expect: { text: /^Yes — that's done\.$/ } },
        { say: "is it frozen now?", expect: { text: /Visa ••4242 is frozen/, notText: didntCatch } },
      ],
    });
    expect(await cardStatus(ctx.customer.customerId, "4242")).toBe("frozen");
    expect(await cardStatus(ctx.customer.customerId, "5151")).toBe("active");
  });

  it("'send Jordan 40 from checking and freeze my visa': the card is frozen first, and no transfer is set up", async () => {
    const ctx = await runScript("s12-freeze-and-send", {
      soft: true,
      turns: [
        // It confirmed the transfer ("Send $40.00 …?") and never froze the card.
        { say: "send Jordan Lee 40 from checking and freeze my visa", expect: { confirmation: false, text: /^Your card comes first, so I haven't set up the transfer[\s\S]*Visa ••4242 is frozen/ }, balances: nothingMoved },
        { say: "yes", expect: { confirmation: false, notText: /^Done — I sent/ }, balances: nothingMoved },
      ],
    });
    expect(await cardStatus(ctx.customer.customerId, "4242")).toBe("frozen");
  });

  it("'someone stole my card': passed to the team, the freeze offered; 'yes please' freezes", async () => {
    const ctx = await runScript("s12-stolen", {
      soft: true,
      turns: [
        { say: "someone stole my visa card", expect: { notText: didntCatch } },
        { say: "yes please", expect: { notText: didntCatch } },
      ],
    });
    expect(await cardStatus(ctx.customer.customerId, "4242")).toBe("frozen");
  });
});

describe("sweep12: accounts the customer doesn't have", () => {
  it("'what's my mortgage balance?' says there is no mortgage, not every balance", async () => {
    await runScript("s12-no-mortgage", {
      soft: true,
      // It got "Your balances: …" as if that were the answer.
      turns: [{ say: "what's my mortgage balance?", expect: { text: /^You don't have a mortgage with us\. Here are your accounts\. Your balances:/ } }],
    });
  });

  it("'how much is in my business account?' says there is no business account", async () => {
    await runScript("s12-no-business", {
      soft: true,
      turns: [{ say: "how much is in my business account?", expect: { text: /^You don't have a business account with us\. Here are your accounts\./ } }],
    });
  });

  it("a customer without a credit card asking its balance is told so", async () => {
    await runScript("s12-no-credit-balance", {
      soft: true,
      customer: { credit: false },
      turns: [{ say: "what's my credit card balance?", expect: { text: /^You don't have a credit card with us\./ } }],
    });
  });

  it("money from an account they don't have: 'send 50 from my investment account to Jordan'", async () => {
    await runScript("s12-no-investment", {
      soft: true,
      turns: [
        // It got a bare "Which account should I send it from?".
        { say: "send 50 from my investment account to Jordan Lee", expect: { confirmation: false, text: /^You don't have an investment account with us\. Which account should I send it from\?/ } },
        { say: "yes", expect: { notText: /^Done/ }, balances: nothingMoved },
      ],
    });
  });
});
