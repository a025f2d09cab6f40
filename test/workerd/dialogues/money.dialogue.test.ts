import { describe, expect, it } from "vitest";
import { balancesOf, runScript } from "./script.js";
import { postJson, withTestDb } from "../helpers.js";
import { transfer } from "../../../packages/banking/index.js";
import type { Reply } from "../../../packages/dialogue/index.js";

describe("dialogue: balances, transactions and spending", () => {
  it("shows every balance, as account cards", async () => {
    await runScript("balance", {
      turns: [
        {
          say: "what's my balance?",
          expect: { intent: "balance", text: /\$1,000\.00[\s\S]*\$5,000\.00/, data: "accounts" },
          check: (reply) => {
            expect(reply.data?.kind === "accounts" && reply.data.accounts.length).toBe(3);
          },
        },
      ],
    });
  });

  it("shows recent transactions as table data", async () => {
    await runScript("transactions", {
      turns: [{ say: "show me my recent transactions", expect: { intent: "transactions", data: "transactions" } }],
    });
  });

  it("totals spending for a category and period", async () => {
    await runScript("spending", {
      turns: [{ say: "how much did I spend on groceries last month?", expect: { intent: "spending", data: "spending", text: /^(?:You spent \$[\d,.]+ on groceries|I couldn.t find any spending on groceries) between / } }],
    });
  });
});

describe("dialogue: transfers", () => {
  it("fills missing slots one question at a time, confirms, then moves the money once", async () => {
    await runScript("transfer-slots", {
      turns: [
        { say: "I want to make a transfer", expect: { intent: "transfer", text: /how much/i, confirmation: false } },
        // To whom, then from which account (it asked which account first).
        { say: "$30", expect: { text: /^Who should I send it to\?/, confirmation: false } },
        { say: "Jordan", expect: { text: /^Which account should I send it from\?$/, confirmation: false } },
        {
          say: "checking",
          expect: { confirmation: true, text: /Send \$30\.00 from Everyday Checking ••1001 to .Jordan Lee. ••7788\?/ },
          balances: { checking: 1_000_00 },
        },
        { say: "yes", expect: { data: "transfer_receipt", confirmation: false }, balances: { checking: 970_00 } },
        { say: "yes", expect: { text: /already/i }, balances: { checking: 970_00 } },
      ],
    });
  });

  it("moves money between the customer's own accounts, both balances changing exactly", async () => {
    await runScript("transfer-own", {
      turns: [
        { say: "move $250.50 from savings to checking", expect: { confirmation: true, text: /\$250\.50/ } },
        { say: "yes", balances: { savings: 5_000_00 - 250_50, checking: 1_000_00 + 250_50 } },
      ],
    });
  });

  it("reads slang and texting: 'move 50 bucks 2 savings' goes to savings", async () => {
    await runScript("transfer-slang", {
      turns: [
        { say: "whats my balanse", expect: { intent: "balance", data: "accounts" } },
        // Checking is the one account that can send to savings, so it is proposed.
        { say: "move 50 bucks 2 savings", expect: { confirmation: true, text: /^Send \$50\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002\?/ } },
        { say: "yes", balances: { savings: 5_000_00 + 50_00, checking: 1_000_00 - 50_00 } },
      ],
    });
  });

  it("takes a thumbs-up as thanks, never as the yes to a transfer", async () => {
    await runScript("transfer-emoji", {
      turns: [
        { say: "👍", expect: { intent: "thanks", text: /^You're welcome/ } },
        { say: "move $40 from checking to savings", expect: { confirmation: true } },
        { say: "👍", balances: { checking: 1_000_00, savings: 5_000_00 } },
        { say: "yes", balances: { checking: 1_000_00 - 40_00, savings: 5_000_00 + 40_00 } },
      ],
    });
  });

  it("proposes the only account that can send, and still asks when two could", async () => {
    await runScript("transfer-sole-source", {
      turns: [
        // Checking is the one account that can send to savings (it asked "Which account…?" with one button).
        { say: "transfer 50 to savings", expect: { confirmation: true, text: /^Send \$50\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002\?$/ }, balances: { checking: 1_000_00 } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00, savings: 5_050_00 } },
        { say: "send $20 to Jordan", expect: { confirmation: false, text: /which account should I send it from/i } },
      ],
    });
  });

  it("accepts corrections before confirming", async () => {
    await runScript("transfer-correct", {
      turns: [
        { say: "send $20 to Jordan from checking", expect: { confirmation: true, text: /\$20\.00 from Everyday Checking/ } },
        { say: "make it 30", expect: { confirmation: true, text: /\$30\.00 from Everyday Checking/ } },
        { say: "no, from savings", expect: { confirmation: true, text: /\$30\.00 from Rainy Day Savings/ } },
        { say: "yes", balances: { checking: 1_000_00, savings: 5_000_00 - 30_00 } },
      ],
    });
  });

  it("cancels on no, moving nothing; a question in between answers and shows the same confirmation again", async () => {
    await runScript("transfer-cancel", {
      turns: [
        { say: "send $40 to Jordan from checking", expect: { confirmation: true } },
        { say: "no", expect: { confirmation: false } },
        { say: "yes", expect: { notText: /sent/i }, balances: { checking: 1_000_00 } },
        { say: "send $40 to Jordan from checking", expect: { confirmation: true } },
        {
          say: "what's my balance?",
          expect: { confirmation: true, text: /Your balances:[\s\S]*Back to your transfer: Send \$40\.00 .* Please answer Yes or No\./ },
        },
        { say: "no", expect: { text: /cancelled that transfer\. Nothing was sent/ }, balances: { checking: 1_000_00 } },
        { say: "yes", expect: { notText: /sent/i }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("executes a confirmation button only for the confirmation it belongs to", async () => {
    await runScript("transfer-button", {
      turns: [
        { say: "send $15 to Jordan from checking", expect: { confirmation: true } },
        { say: "Yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 985_00 } },
        // The same button again (a double click) moves nothing.
        { say: "send $15 to Jordan from checking", expect: { confirmation: true } },
      ],
      customer: {},
    }).then(async (ctx) => {
      const stale = ctx.turns[0]!.reply as Reply;
      const response = await postJson("/api/chat/messages", ctx.token, {
        id: "stale-button",
        text: "Yes",
        confirmation: { id: stale.confirmation!.id, answer: "yes" },
      });
      expect(response.status).toBe(200);
      expect((await balancesOf(ctx.customer)).checking).toBe(985_00);
    });
  });

  // A button on a card a correction replaced acts on nothing, and the customer is shown the
  // question that is current (with its own buttons) instead of being left without one.
  it("shows the current confirmation after a replaced one's button is pressed", async () => {
    await runScript("transfer-replaced-button", {
      turns: [
        { say: "send $40 to Jordan from checking", expect: { confirmation: true, text: /Send \$40\.00/ } },
        { say: "actually make it 45", expect: { confirmation: true, text: /Send \$45\.00/ } },
        {
          say: "Yes",
          press: "yes",
          pressOf: 0,
          expect: { confirmation: true, text: /replaced, so I haven't done anything\.[\s\S]*Send \$45\.00 from Everyday Checking ••1001 .*\? Please answer Yes or No\.$/ },
          balances: { checking: 1_000_00 },
          check: (reply, ctx) => expect(reply.confirmation?.id).toBe((ctx.turns[1]!.reply as Reply).confirmation?.id),
        },
        { say: "Yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 955_00 } },
      ],
    });
  });

  it("moves money once when the same yes arrives concurrently", async () => {
    const ctx = await runScript("transfer-concurrent", {
      turns: [{ say: "send $25 to Jordan from checking", expect: { confirmation: true } }],
    });
    const yeses = await Promise.all(
      ["c1", "c2", "c3"].map((id) => postJson("/api/chat/messages", ctx.token, { id, text: "yes" })),
    );
    expect(yeses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await balancesOf(ctx.customer)).checking).toBe(975_00);
  });

  it("explains insufficient funds and the per-transfer limit plainly, moving nothing", async () => {
    await runScript("transfer-refused", {
      customer: { checking: 50_00 },
      turns: [
        { say: "send $80 to Jordan from checking", expect: { text: /(enough|insufficient|available)/i, confirmation: false } },
        { say: "send $50,000 to Jordan from savings", expect: { text: /up to \$10,000\.00 in one transfer/i, confirmation: false }, balances: { savings: 5_000_00 } },
      ],
    });
  });

  it("lets the ledger have the last word when the balance drops after the confirmation", async () => {
    const ctx = await runScript("transfer-drained", {
      customer: { checking: 100_00 },
      turns: [{ say: "send $80 to Jordan from checking", expect: { confirmation: true } }],
    });
    // Money leaves checking elsewhere (another channel) before the customer says yes.
    const drained = await withTestDb((db) =>
      transfer(db, ctx.customer.customerId, {
        idempotencyKey: "elsewhere-0001",
        fromAccountId: ctx.customer.checkingId,
        to: { accountId: ctx.customer.savingsId },
        amount: { minor: 60_00, currency: "USD" },
      }),
    );
    expect(drained.ok).toBe(true);
    const response = await postJson("/api/chat/messages", ctx.token, { id: "drained-yes", text: "yes" });
    const reply = ((await response.json()) as { reply: Reply }).reply;
    expect(reply.text).toMatch(/(enough|insufficient|available)/i);
    expect((await balancesOf(ctx.customer)).checking).toBe(40_00);
  });
});

describe("dialogue: a length of time used as a measure", () => {
  it("invents no amount and no date from 'a month of rent' or 'a week's groceries'", async () => {
    await runScript("measure-not-amount", {
      turns: [
        // "When should it go: now, or on a date …?" ("a month" read as a date it could not pin).
        { say: "send a month of rent to Jordan Lee", expect: { intent: "transfer", confirmation: false, text: /^How much would you like to send\?$/ } },
        { say: "cancel", expect: { text: /Nothing was sent/ } },
        // "Send … tomorrow"-style scheduling a week ahead: "a week's" was read as the date.
        { say: "send a week's groceries to Jordan Lee", expect: { confirmation: false, text: /^How much would you like to send\?$/ } },
        { say: "60", expect: { text: /^Which account should I send it from\?$/ } },
        { say: "checking", expect: { confirmation: true, text: /^Send \$60\.00 from Everyday Checking ••1001 to .Jordan Lee. ••7788\?$/ } },
        { say: "no", balances: { checking: 1_000_00 } },
      ],
    });
  });
});
