import { describe, it } from "vitest";
import { runScript } from "./script.js";
import { withTestDb } from "../helpers.js";
import { transfer } from "../../../packages/banking/index.js";
import { statementDates } from "../../../scripts/db/fixtures.js";

/**
 * Session 24 (facts24): questions about the customer's own cards, statements, limits and recent
 * sends that seeded customers asked and got a wrong or unhelpful answer to. The test customer holds
 * a Visa debit card ••4242 on Everyday Checking ••1001 and a Mastercard ••5151 on Teller Card ••3003.
 */
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

describe("dialogue: the customer's own cards, statements, limits and recent sends", () => {
  it("a debit card has no credit limit; the credit card's limit is still answered", async () => {
    await runScript("debit-card-limit", {
      turns: [
        // Was "Teller Card ••3003: your credit limit is $1,000.00 and …": the credit card's.
        {
          say: "whats my card limit on the visa",
          expect: { text: /^Visa ••4242 is a debit card, so it has no credit limit: what you spend with it comes straight out of Everyday Checking ••1001, which has \$1,000\.00 available now\./, data: "cards" },
        },
        { say: "credit limit on my mastercard", expect: { text: /^Mastercard ••5151 is a credit card: your credit limit is \$1,000\.00 and you have \$1,000\.00 of available credit\.$/ } },
        { say: "what is my credit limit", expect: { intent: "credit_limit", text: /credit limit is \$1,000\.00 and you have \$1,000\.00 of available credit/, notText: /debit/ } },
      ],
    });
  });

  it("a month's statement is the credit card's statement closed that month, or the months there are", async () => {
    const end = statementDates(new Date()).periodEnd;
    const closedAt = Number(end.slice(5, 7)) - 1;
    const closed = MONTHS[closedAt]!;
    const other = MONTHS[(closedAt + 8) % 12]!; // four months before the statement's
    const now = new Date();
    const lastMonthAt = (now.getUTCMonth() + 11) % 12;
    const title = (m: string) => m[0]!.toUpperCase() + m.slice(1);
    await runScript("statement-month", {
      turns: [
        // Was out of scope ("statement for …") and a transactions list ("show me my … statement").
        { say: `statement for ${other}`, expect: { intent: "credit_statement", text: new RegExp(`^There's no statement for ${title(other)} \\d{4} on your credit card\\. The statement I have is for ${title(closed)} \\d{4} \\(closed `) } },
        { say: `show me my ${other} statement`, expect: { intent: "credit_statement", text: new RegExp(`^There's no statement for ${title(other)} `) } },
        { say: `show me my ${closed} statement`, expect: { intent: "credit_statement", text: /^Teller Card ••3003: your statement of .* shows a balance of \$412\.35\./ } },
        {
          say: "my credit card statement for last month",
          expect: { intent: "credit_statement", text: lastMonthAt === closedAt ? /\$412\.35/ : new RegExp(`^There's no statement for ${title(MONTHS[lastMonthAt]!)} `) },
        },
      ],
    });
  });

  it("what did i just send, with nothing sent here: says so and shows the latest transfers out", async () => {
    await runScript("just-sent-nothing", {
      turns: [
        // Was "Sorry, I can't answer that one here."
        { say: "what did i just send", expect: { text: /^I haven't sent any money for you in this conversation\. I don't see any transfers out of your accounts either\.$/ } },
        {
          say: "hi",
          // A transfer made elsewhere (the app, another day): the ledger has it, this conversation does not.
          check: async (_reply, ctx) => {
            const c = ctx.customer;
            await withTestDb((db) => transfer(db, c.customerId, { idempotencyKey: `facts24-${c.customerId}`, fromAccountId: c.checkingId, to: { accountId: c.savingsId }, amount: { minor: 25_00, currency: "USD" } }));
          },
        },
        {
          say: "what did i just send",
          expect: { text: /^I haven't sent any money for you in this conversation\. The latest transfer out of your accounts was \$25\.00, “Transfer to Rainy Day Savings[^”]*”, on /, data: "transactions" },
        },
      ],
    });
  });

  it("can i increase my limit, holding a credit card: which limit, a button for each; an ATM limit is not guessed", async () => {
    await runScript("which-limit", {
      turns: [
        // Was the transfer-limit answer alone.
        { say: "can i increase my limit", expect: { text: /^Which limit do you mean: the credit limit on Teller Card ••3003, or your transfer limit\?$/ } },
        // The buttons' own words.
        { say: "Can I increase my credit limit?", expect: { intent: "credit_limit_change", text: /higher credit limit in the app/ } },
        { say: "Can you raise my transfer limit?", expect: { intent: "transfer_limit_change", text: /^I can't change your transfer limits here in the chat/ } },
        // Was out of scope.
        { say: "whats my daily atm limit", expect: { text: /^I can't see an ATM or cash withdrawal limit for your cards here, so I won't guess one\./, notText: /\$/ } },
      ],
    });
  });

  it("without a credit card: the transfer limit's answer, and the card limit is the debit card's", async () => {
    await runScript("which-limit-no-card", {
      customer: { credit: false },
      turns: [
        { say: "can i increase my limit", expect: { intent: "transfer_limit_change", text: /^I can't change your transfer limits here in the chat/ } },
        // Was "You don't have a credit card with us."
        { say: "whats my card limit", expect: { text: /^Visa ••4242 is a debit card, so it has no credit limit/ } },
      ],
    });
  });
});
