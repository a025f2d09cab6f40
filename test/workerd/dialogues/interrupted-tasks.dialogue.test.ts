import { describe, expect, it } from "vitest";
import { listCards } from "../../../packages/banking/index.js";
import { withTestDb } from "../helpers.js";
import { runScript, type ScriptContext } from "./script.js";

/**
 * Conversations as customers have them (sweep 11 probe, written before it was run): a question
 * mid-task and back, a card freeze interrupted, a person asked for mid-task, "yes" said again
 * after a transfer went through, typos. Opening balances: checking $1,000.00, savings $5,000.00;
 * payee Jordan Lee ••7788; cards Visa ••4242 (checking) and Mastercard ••5151 (credit).
 */

const asksFrom = /which account/i;
const nothingSent = { checking: 1_000_00, savings: 5_000_00 };

function cardsAre(expected: Record<string, "active" | "frozen">) {
  return async (_: unknown, ctx: ScriptContext) => {
    const cards = await withTestDb((db) => listCards(db, ctx.customer.customerId));
    if (!cards.ok) throw new Error(cards.message);
    const actual = Object.fromEntries(cards.value.map((c) => [c.last4, c.status]));
    expect.soft(actual).toMatchObject(expected);
  };
}

describe("probe: a question mid-task, then back", () => {
  it("a balance question while asked which account: answered, the question comes back, the transfer goes on", async () => {
    await runScript("aside-balance-from", {
      soft: true,
      turns: [
        { say: "send 100 to Jordan Lee", expect: { confirmation: false, text: asksFrom } },
        { say: "what's my balance?", expect: { text: /\$1,000\.00[\s\S]*which account/i } },
        { say: "checking", expect: { confirmation: true, text: /\$100\.00/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 900_00 } },
      ],
    });
  });

  it("an FAQ under the confirmation: answered without 'didn't catch', and the yes after it still sends", async () => {
    await runScript("aside-faq-confirm", {
      soft: true,
      turns: [
        { say: "send 20 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "how long does a transfer take?", expect: { notText: /didn't catch/ }, balances: nothingSent },
        { say: "ok yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00 } },
      ],
    });
  });

  it("the checking balance asked while asked how much: answered, then '300 from checking' confirms", async () => {
    await runScript("aside-balance-amount", {
      soft: true,
      turns: [
        { say: "I'd like to transfer to my savings", expect: { confirmation: false, text: /how much/i } },
        { say: "how much is in my checking?", expect: { text: /\$1,000\.00/ } },
        { say: "300 from checking", expect: { confirmation: true, text: /\$300\.00 from Everyday Checking/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 700_00, savings: 5_300_00 } },
      ],
    });
  });
});

describe("probe: a card freeze interrupted", () => {
  it("a balance question while asked which card: answered, then 'the visa' freezes that card only", async () => {
    await runScript("freeze-aside", {
      soft: true,
      turns: [
        { say: "freeze my card", expect: { intent: "freeze_card", text: /which card/i } },
        { say: "what's my checking balance?", expect: { text: /\$1,000\.00/ } },
        { say: "the visa", expect: { data: "cards" }, check: cardsAre({ "4242": "frozen", "5151": "active" }) },
      ],
    });
  });

  it("'never mind' at the card question freezes nothing, and the next question is no card question", async () => {
    await runScript("freeze-never-mind", {
      soft: true,
      turns: [
        { say: "freeze my card", expect: { text: /which card/i } },
        { say: "actually never mind", check: cardsAre({ "4242": "active", "5151": "active" }) },
        { say: "what's my balance", expect: { text: /\$1,000\.00/, notText: /which card/i } },
      ],
    });
  });

  it("an unfreeze confirmation, a question, then yes: the card is active again", async () => {
    await runScript("unfreeze-aside", {
      soft: true,
      turns: [
        { say: "freeze my card ending 4242", expect: { data: "cards" }, check: cardsAre({ "4242": "frozen" }) },
        { say: "unfreeze my visa", expect: { intent: "unfreeze_card", confirmation: true }, check: cardsAre({ "4242": "frozen" }) },
        { say: "what's my balance?", expect: { text: /\$1,000\.00/ }, check: cardsAre({ "4242": "frozen" }) },
        { say: "yes", check: cardsAre({ "4242": "active" }) },
      ],
    });
  });
});

describe("probe: a person asked for mid-task", () => {
  it("'let me talk to a person' under a confirmation: no money moves on a later yes", async () => {
    await runScript("handoff-mid-transfer", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "let me talk to a person", expect: { text: /(agent|person|team|transfer)/i }, balances: nothingSent },
        { say: "yes", balances: nothingSent },
      ],
    });
  });
});

describe("probe: yes said again after the transfer went through", () => {
  it("typed 'yes' twice more: the money moved once", async () => {
    await runScript("again-typed", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00 } },
        { say: "yes", expect: { confirmation: false, notText: /sent \$50/i }, balances: { checking: 950_00 } },
        { say: "yes!", expect: { confirmation: false }, balances: { checking: 950_00 } },
      ],
    });
  });

  it("the Yes button pressed again on the old card: already done, once", async () => {
    await runScript("again-pressed", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00 } },
        { say: "yes", press: "yes", pressOf: 0, expect: { text: /already done/i }, balances: { checking: 950_00 } },
      ],
    });
  });
});

describe("probe: typos", () => {
  it("'tranfser', 'savngs' and 'yess' are understood", async () => {
    await runScript("typos-transfer", {
      soft: true,
      turns: [
        { say: "tranfser 30 to jordan lee", expect: { intent: "transfer", confirmation: false, text: asksFrom } },
        { say: "savngs", expect: { confirmation: true, text: /Rainy Day Savings/ } },
        { say: "yess", expect: { data: "transfer_receipt" }, balances: { savings: 4_970_00 } },
      ],
    });
  });

  // explore19: "savngs" after "to" was also read as a payee's name: "I can send to one recipient at a time."
  it("'move 50 to savngs from chekcing' is one transfer between own accounts", async () => {
    await runScript("typos-both-accounts", {
      turns: [
        { say: "move 50 to savngs from chekcing", expect: { confirmation: true, text: /\$50\.00 from Everyday Checking ••1001 to Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00 } },
      ],
    });
  });

  // explore19: "put 40 in savings" took savings for the source: "Who should I send it to?".
  it("'put 40 in savings' confirms Checking → Savings (the one account it can come from)", async () => {
    await runScript("put-in-savings", {
      turns: [
        { say: "put 40 in savings", expect: { intent: "transfer", confirmation: true, text: /\$40\.00 from Everyday Checking ••1001 to Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 960_00 } },
      ],
    });
  });

  it("'cancle that' cancels, and a yes after it moves nothing", async () => {
    await runScript("typos-cancel", {
      soft: true,
      turns: [
        { say: "send 20 to Jordan Lee from chekcing", expect: { confirmation: true, text: /Everyday Checking/ } },
        { say: "cancle that", expect: { confirmation: false }, balances: nothingSent },
        { say: "yes", expect: { confirmation: false }, balances: nothingSent },
      ],
    });
  });
});
