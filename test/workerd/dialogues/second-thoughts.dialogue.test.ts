import { describe, expect, it } from "vitest";
import { listScheduledTransfers } from "../../../packages/banking/index.js";
import { listCards } from "../../../packages/banking/index.js";
import { withTestDb } from "../helpers.js";
import { runScript } from "./script.js";

/**
 * A second round of conversations as customers have them (sweep 11), written after the first
 * round's fixes and before running, as a check that those fixes hold for other wordings.
 * Opening balances: checking $1,000.00, savings $5,000.00; payee Jordan Lee ••7788.
 */

const nothingSent = { checking: 1_000_00, savings: 5_000_00 };

describe("second round: yes, no and in between", () => {
  it("'yeah sure' confirms", async () => {
    await runScript("r2-yeah-sure", {
      soft: true,
      turns: [
        { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yeah sure", expect: { data: "transfer_receipt" }, balances: { checking: 990_00 } },
      ],
    });
  });

  it("'no wait, make it 70' corrects the amount; nothing moves before the yes", async () => {
    await runScript("r2-no-wait-70", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "no wait, make it 70", expect: { confirmation: true, text: /\$70\.00/ }, balances: nothingSent },
        { say: "okay", expect: { data: "transfer_receipt" }, balances: { checking: 930_00 } },
      ],
    });
  });

  it("'change the amount to 25' under the confirmation", async () => {
    await runScript("r2-change-amount", {
      soft: true,
      turns: [
        { say: "send 50 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "change the amount to 25", expect: { confirmation: true, text: /\$25\.00/ }, balances: nothingSent },
        { say: "yes please", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("'sure, from savings' to the account question fills it", async () => {
    await runScript("r2-sure-from-savings", {
      soft: true,
      turns: [
        { say: "send 40 to Jordan Lee", expect: { confirmation: false, text: /which account/i } },
        { say: "sure, from savings", expect: { confirmation: true, text: /\$40\.00 from Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { savings: 4_960_00 } },
      ],
    });
  });
});

describe("second round: changes of mind and asides", () => {
  it("'hold on, what's my savings balance?' under the confirmation: answered, and 'go ahead' still sends", async () => {
    await runScript("r2-hold-question", {
      soft: true,
      turns: [
        { say: "send 30 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "hold on, what's my savings balance?", expect: { text: /\$5,000\.00/ }, balances: nothingSent },
        { say: "go ahead", expect: { data: "transfer_receipt" }, balances: { checking: 970_00 } },
      ],
    });
  });

  it("'forget it', then a new request: only that one moves, once", async () => {
    await runScript("r2-forget-restart", {
      soft: true,
      turns: [
        { say: "send 80 to Jordan Lee", expect: { confirmation: false } },
        { say: "forget it", expect: { confirmation: false }, balances: nothingSent },
        { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true, text: /\$10\.00/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 990_00 } },
        { say: "yes", expect: { confirmation: false }, balances: { checking: 990_00 } },
      ],
    });
  });

  it("'wait, not Jordan, send it to my savings' under the confirmation changes the recipient", async () => {
    await runScript("r2-not-jordan", {
      soft: true,
      turns: [
        { say: "send 40 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "wait, not Jordan, send it to my savings", expect: { confirmation: true, text: /Rainy Day Savings/ }, balances: nothingSent },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 960_00, savings: 5_040_00 } },
      ],
    });
  });

  it("a person asked for while Teller asks which account: a later 'checking' moves nothing", async () => {
    await runScript("r2-person-mid-question", {
      soft: true,
      turns: [
        { say: "send 40 to Jordan Lee", expect: { confirmation: false } },
        { say: "I want to speak to someone", expect: { text: /(agent|person|team)/i } },
        { say: "checking", expect: { confirmation: false }, balances: nothingSent },
      ],
    });
  });

  it("'the one ending 5151' to the card question freezes the Mastercard only", async () => {
    await runScript("r2-freeze-5151", {
      soft: true,
      turns: [
        { say: "can you freeze my card", expect: { text: /which card/i } },
        { say: "the one ending 5151", expect: { data: "cards" } },
      ],
    }).then(async (ctx) => {
      const cards = await withTestDb((db) => listCards(db, ctx.customer.customerId));
      if (!cards.ok) throw new Error(cards.message);
      expect(Object.fromEntries(cards.value.map((c) => [c.last4, c.status]))).toEqual({ "4242": "active", "5151": "frozen" });
    });
  });
});

describe("second round: after it is done, and typos", () => {
  it("'yes' again after a transfer scheduled for tomorrow: one schedule, nothing sent", async () => {
    const ctx = await runScript("r2-scheduled-twice", {
      soft: true,
      turns: [
        { say: "send 20 to Jordan Lee from checking tomorrow", expect: { confirmation: true } },
        { say: "yes", expect: { text: /scheduled/i }, balances: nothingSent },
        { say: "yes", expect: { confirmation: false }, balances: nothingSent },
      ],
    });
    const result = await withTestDb((db) => listScheduledTransfers(db, ctx.customer.customerId));
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toHaveLength(1);
  });

  it("'thanks' after a transfer, then 'yes': nothing more moves", async () => {
    await runScript("r2-thanks-yes", {
      soft: true,
      turns: [
        { say: "send 20 to Jordan Lee from checking", expect: { confirmation: true } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00 } },
        { say: "thanks", balances: { checking: 980_00 } },
        { say: "yes", expect: { confirmation: false }, balances: { checking: 980_00 } },
      ],
    });
  });

  it("'trasnfer 20 from savigns to chequing' is understood", async () => {
    await runScript("r2-typos", {
      soft: true,
      turns: [
        { say: "trasnfer 20 from savigns to chequing", expect: { confirmation: true, text: /\$20\.00 from Rainy Day Savings/ } },
        { say: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_020_00, savings: 4_980_00 } },
      ],
    });
  });
});
