/**
 * Wave 3, session 25 (explore25): three new customers using Teller by hand, for real errands in their
 * own words. Each test is something that went wrong for them, end to end through the gateway.
 * Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee ••7788 and the biller
 * City Power & Light ••9911; cards Visa ••4242 and Mastercard ••5151, both active.
 */
import { describe, expect, it } from "vitest";
import { listCards } from "../../../packages/banking/index.js";
import { withTestDb } from "../helpers.js";
import { daysAgo, lastMonth, runScript, type ScriptContext } from "./script.js";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "1 Oct 2026" for the first of the month `back` months before this one (UTC). */
function firstOfMonthBack(back: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return `1 ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

async function cardStatuses(ctx: ScriptContext): Promise<Record<string, string>> {
  const result = await withTestDb((db) => listCards(db, ctx.customer.customerId));
  if (!result.ok) throw new Error(result.message);
  return Object.fromEntries(result.value.map((c) => [c.last4, c.status]));
}

const cardsUntouched = async (_reply: unknown, ctx: ScriptContext) => {
  expect(await cardStatuses(ctx)).toEqual({ "4242": "active", "5151": "active" });
};

describe("a bill asked for while a transfer waits for its Yes", () => {
  it("'pay my internet bill' offers to drop the transfer; the amount then goes to the bill, never to the first payee", async () => {
    await runScript("nc-bill-switch", {
      payees: [{ name: "Bright Broadband", mask: "5028", kind: "biller" }],
      turns: [
        { say: "send 25 to jordan", expect: { intent: "transfer" } },
        { say: "checking", expect: { confirmation: true, text: /Jordan Lee/ } },
        // It got "Let's finish this one first." with Jordan's card, and "45 from checking" made it $45 to Jordan.
        {
          say: "pay my internet bill",
          expect: { confirmation: false, text: /^We're in the middle of a transfer\. Do you want to drop it and pay your internet bill instead\?$/ },
        },
        { say: "yes", expect: { text: /^OK, I've dropped the transfer\. Nothing was sent\.[\s\S]*Bright Broadband/, notText: /Jordan/ } },
        { say: "45 from checking", expect: { confirmation: true, text: /^Pay \$45\.00 to “Bright Broadband” ••5028 from Everyday Checking ••\d{4}\?/ } },
        { say: "yes", press: "yes", expect: { text: /Bright Broadband/ }, balances: { checking: 955_00 } },
      ],
    });
  });

  it("'no' keeps the transfer as it was, still waiting for its own Yes", async () => {
    await runScript("nc-bill-keep", {
      payees: [{ name: "Bright Broadband", mask: "5028", kind: "biller" }],
      turns: [
        { say: "send 25 to jordan from checking", expect: { confirmation: true } },
        { say: "actually pay my internet bill", expect: { confirmation: false, text: /drop it and pay your internet bill instead\?/ } },
        { say: "no", expect: { confirmation: true, text: /Send \$25\.00 from Everyday Checking ••\d{4} to “Jordan Lee” ••7788\?/ }, balances: { checking: 1000_00 } },
      ],
    });
  });
});

describe("a lost card found again", () => {
  it("'oh wait found it in my jacket' at 'Which card would you like to freeze?' drops the freeze, nothing frozen", async () => {
    await runScript("nc-found-card", {
      turns: [
        { say: "i think i lost my card", expect: { text: /Which card would you like to freeze\?/ }, check: cardsUntouched },
        // It got "Sorry, I didn't catch that. Which card do you mean?", and the question came back after every answer.
        { say: "oh wait found it in my jacket", expect: { text: /^Glad you found it!/, notText: /Which card/ }, check: cardsUntouched },
        { say: "whats my balance", expect: { intent: "balance", notText: /card freeze|Which card/ } },
      ],
    });
  });
});

describe("one charge looked up by its figure", () => {
  const threeDaysAgo = daysAgo(3);
  const history = [
    { merchant: "Corner Grocer", category: "Groceries", amount: -61_63, postedAt: threeDaysAgo },
    { merchant: "Steam & Bean", category: "Coffee", amount: -5_57, postedAt: threeDaysAgo },
    { merchant: "Trader Bay", category: "Groceries", amount: -61_00, postedAt: daysAgo(5) },
  ];

  it(`'whats that 61.63 from ${WEEKDAYS[threeDaysAgo.getUTCDay()]}' is that charge (it got 'Sorry, I can't help with that.')`, async () => {
    await runScript("nc-charge-figure", {
      history,
      turns: [
        {
          say: `whats that 61.63 from ${WEEKDAYS[threeDaysAgo.getUTCDay()]}`,
          expect: { intent: "transactions", data: "transactions", text: /\$61\.63/, notText: /Sorry/ },
          check: (reply) => {
            const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
            expect(rows.map((t) => t.merchant)).toEqual(["Corner Grocer"]);
          },
        },
        {
          say: "what was the 5.57 charge",
          expect: { intent: "transactions", data: "transactions", notText: /extra charge/ },
          check: (reply) => {
            const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
            expect(rows.map((t) => t.merchant)).toEqual(["Steam & Bean"]);
          },
        },
      ],
    });
  });
});

describe("questions about limits and disputes answered, not acted on", () => {
  it("'whats the max i can transfer in a day' gets the daily limit (it got the biggest payment of the month)", async () => {
    await runScript("nc-max-a-day", {
      turns: [{ say: "whats the max i can transfer in a day", expect: { intent: "transfer_limits", text: /\$25,000\.00 a day/ } }],
    });
  });

  it("'how long does a dispute take' is answered, with no charge list to pick from (it started a dispute)", async () => {
    await runScript("nc-dispute-time", {
      history: [{ merchant: "Corner Grocer", category: "Groceries", amount: -61_63, postedAt: daysAgo(2) }],
      turns: [
        { say: "how long does a dispute take", expect: { text: /disputes team/, notText: /Which charge/ } },
        { say: "whats my balance", expect: { intent: "balance", notText: /dispute/ } },
      ],
    });
  });
});

describe("spending follow-ups going back in time", () => {
  it("'and the month before that' after last month is the month before it (it answered last month again), and 'and before that?' one more", async () => {
    await runScript("nc-month-before-that", {
      history: [
        { merchant: "Corner Grocer", category: "Groceries", amount: -40_00, postedAt: lastMonth(10) },
        { merchant: "Corner Grocer", category: "Groceries", amount: -30_00, postedAt: (() => { const d = lastMonth(10); d.setUTCMonth(d.getUTCMonth() - 1); return d; })() },
      ],
      turns: [
        { say: "how much did i spend on groceries last month", expect: { intent: "spending", text: new RegExp(`\\$40\\.00 on groceries between ${firstOfMonthBack(1)}`) } },
        { say: "and the month before that", expect: { intent: "spending", text: new RegExp(`\\$30\\.00 on groceries between ${firstOfMonthBack(2)}`) } },
        { say: "and before that?", expect: { intent: "spending", text: new RegExp(`between ${firstOfMonthBack(3)}`), notText: /Sorry/ } },
      ],
    });
  });
});

describe("a repeating transfer's next payment", () => {
  it("'skip the next one' says it can't be skipped and offers what can be done (it got 'Sorry, I can't help with that.')", async () => {
    await runScript("nc-skip-next", {
      turns: [
        { say: "move 50 to savings every friday", expect: { confirmation: true } },
        { say: "yes", press: "yes", expect: { text: /scheduled/ } },
        { say: "skip the next one", expect: { text: /can't skip/, notText: /Sorry, I can't help/ } },
        { say: "Cancel a scheduled payment", expect: { confirmation: true, text: /^Cancel your scheduled payment of \$50\.00/ } },
        { say: "no", press: "no", expect: { confirmation: false } },
      ],
    });
  });
});

describe("more of a list of transactions", () => {
  it("'more' and 'older ones' after the 10 most recent list more of them (they got the checks FAQ and 'Sorry')", async () => {
    const rows = (reply: { data?: unknown }) => ((reply.data as { kind?: string; transactions?: unknown[] })?.transactions ?? []).length;
    await runScript("nc-more", {
      history: Array.from({ length: 24 }, (_, i) => ({ merchant: `Shop ${i + 1}`, category: "Shopping", amount: -(10_00 + i), postedAt: daysAgo(i + 1) })),
      turns: [
        { say: "show my recent transactions", expect: { intent: "transactions", text: /^Here are your 10 most recent transactions\.$/ }, check: (reply) => expect(rows(reply)).toBe(10) },
        { say: "more", expect: { intent: "transactions", data: "transactions", notText: /checks/ }, check: (reply) => expect(rows(reply)).toBeGreaterThan(20) },
        { say: "show me older ones", expect: { intent: "transactions", data: "transactions", notText: /Sorry/ }, check: (reply) => expect(rows(reply)).toBeGreaterThan(24) },
      ],
    });
  });
});

describe("a month's average at one merchant", () => {
  it("'how much do i spend at trader bay a month' averages Trader Bay alone (it averaged all spending: the rent too)", async () => {
    const monthsAgo = (n: number) => {
      const d = lastMonth(12);
      d.setUTCMonth(d.getUTCMonth() - (n - 1));
      return d;
    };
    await runScript("nc-average-merchant", {
      history: [
        ...[1, 2, 3].map((n) => ({ merchant: "Trader Bay", category: "Groceries", amount: -6_00, postedAt: monthsAgo(n) })),
        { merchant: "Harbor View Apartments", category: "Rent", amount: -900_00, postedAt: monthsAgo(1) },
      ],
      turns: [
        {
          say: "how much do i spend at trader bay a month",
          expect: { intent: "spending", text: /^Over the last 3 full months you spent \$6\.00 a month at “trader bay” on average/i, notText: /\$30[0-9]\./ },
        },
      ],
    });
  });
});
