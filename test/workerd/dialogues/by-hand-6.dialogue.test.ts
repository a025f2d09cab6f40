/**
 * Wave 3, session 31: what using Teller by hand showed it answered wrongly or unhelpfully, end to end
 * through the gateway. Each was a wrong answer before (said in each case). No answer depends on the
 * hour or weekday the test runs: rows are booked days ago or minutes ago.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { daysAgo, runScript, type HistoryItem } from "./script.js";

const rows = (reply: Reply) => (reply.data?.kind === "transactions" ? reply.data.transactions : []);
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

// Five latest rows (booked minutes apart); an older, much bigger payment outside them.
const FIVE: HistoryItem[] = [
  { merchant: "Bluebird Coffee", category: "Dining", amount: -6_68, postedAt: minutesAgo(5) },
  { merchant: "City Bikes", category: "Transport", amount: -11_80, postedAt: minutesAgo(10) },
  { merchant: "The Green Bowl", category: "Dining", amount: -61_83, postedAt: minutesAgo(15) },
  { merchant: "Steam & Bean", category: "Dining", amount: -6_71, postedAt: minutesAgo(20) },
  { merchant: "Streamflix", category: "Subscriptions", amount: -15_49, postedAt: minutesAgo(25) },
];
const RENT: HistoryItem = { merchant: "Harbor View Apartments", category: "Rent", amount: -800_00, postedAt: daysAgo(4) };

describe("a superlative about the list just shown", () => {
  // "which of those was the most expensive": "Your biggest payment in the last 30 days was $800.00 at
  // “Harbor View Apartments”", not one of the five shown.
  it.each([
    ["which of those was the most expensive", /^The biggest of those: \$61\.83 at “The Green Bowl” on /],
    ["which one was the biggest", /^The biggest of those: \$61\.83 at “The Green Bowl”/],
    ["and the cheapest one?", /^The smallest of those: \$6\.68 at “Bluebird Coffee”/],
  ])("'%s' after 'show me my last 5 transactions' picks from those five", async (say, text) => {
    await runScript(`by-hand-6-list-${say.length}`, {
      history: [...FIVE, RENT],
      turns: [
        { say: "show me my last 5 transactions", check: (r) => expect(rows(r)).toHaveLength(5) },
        { say, expect: { intent: "transactions", text, notText: /Harbor View/ }, check: (r) => expect(rows(r)).toHaveLength(1) },
      ],
    });
  });

  it("a superlative of its own, not about a list, still searches everything", async () => {
    await runScript("by-hand-6-list-own-superlative", {
      history: [...FIVE, RENT],
      turns: [
        { say: "show me my last 5 transactions" },
        { say: "what was my biggest purchase this month", expect: { text: /\$800\.00 at “Harbor View Apartments”|\$61\.83/ } },
      ],
    });
  });
});

describe("charged twice for anything", () => {
  // "did i get charged twice for anything": "I couldn't find a charge from “anything” in the last 90 days".
  it("looks for any charge made twice, and finds it", async () => {
    await runScript("by-hand-6-twice-anything", {
      history: [
        { merchant: "Corner Grocer", category: "Groceries", amount: -23_10, postedAt: daysAgo(3) },
        { merchant: "Corner Grocer", category: "Groceries", amount: -23_10, postedAt: daysAgo(3) },
        { merchant: "Bluebird Coffee", category: "Dining", amount: -4_50, postedAt: daysAgo(2) },
      ],
      turns: [{ say: "did i get charged twice for anything", expect: { intent: "dispute", text: /same charge made twice.*\$23\.10.*Corner Grocer/s, notText: /“anything”/ } }],
    });
  });
});

describe("a weekend, and the weekend before", () => {
  // "and the weekend before" after a weekend's spending answered the same weekend again.
  it("'and the weekend before' is the same two days a week earlier", async () => {
    await runScript("by-hand-6-weekend-before", {
      history: [{ merchant: "Bluebird Coffee", category: "Dining", amount: -4_50, postedAt: daysAgo(20) }],
      turns: [
        { say: "how much did i spend last weekend", expect: { intent: "spending" } },
        {
          say: "and the weekend before",
          expect: { intent: "spending" },
          check: (r, c) => {
            const before = /between (\d{1,2} \w{3} \d{4}) and (\d{1,2} \w{3} \d{4})/.exec(r.text);
            const first = /between (\d{1,2} \w{3} \d{4}) and (\d{1,2} \w{3} \d{4})/.exec((c.turns.at(-2)!.reply as Reply).text);
            expect(before && first).toBeTruthy();
            const week = 7 * 86_400_000;
            expect(Date.parse(`${before![1]} UTC`)).toBe(Date.parse(`${first![1]} UTC`) - week);
            expect(Date.parse(`${before![2]} UTC`)).toBe(Date.parse(`${first![2]} UTC`) - week);
          },
        },
      ],
    });
  });
});

describe("interest on the card", () => {
  // "how much interest am i paying on the card": every account's rate, APYs and all.
  it.each(["how much interest am i paying on the card", "what interest do you charge on the card", "whats the interest on my card"])(
    "'%s' is the card's APR alone",
    async (say) => {
      await runScript(`by-hand-6-apr-${say.length}`, {
        customer: { credit: true },
        turns: [{ say, expect: { intent: "interest_rate", text: /^Teller Card ••\d{4}: 22\.49% APR on purchases\.$/, notText: /APY/ } }],
      });
    },
  );
});

describe("what a freeze stops", () => {
  // After a lost card's freeze, "will my direct debits still go out" opened a dispute (the charges listed),
  // and "can i still use apple pay" was told how to add a card to Apple Pay.
  it("after a lost card's freeze: direct debits go on, Apple Pay is declined", async () => {
    await runScript("by-hand-6-while-frozen", {
      turns: [
        { say: "i lost my card" },
        { say: "the visa", expect: { confirmation: true, text: /Shall I freeze Visa ••4242 now\?/ } },
        { say: "yes", press: "yes", expect: { intent: "freeze_card", text: /is frozen/ } },
        { say: "will my direct debits still go out", expect: { intent: "freeze_card", text: /^Yes: freezing your card ••\d{4} doesn't stop transfers, your scheduled payments or direct debits/, notText: /dispute/i } },
        { say: "can i still use apple pay", expect: { intent: "freeze_card", text: /^No: while it is frozen, payments made with it are declined: .*Apple Pay/ } },
      ],
    });
  });
});

describe("what Teller keeps, and deleting it", () => {
  // "delete my chat history" listed transactions; "who can see this conversation" said goodbye; "is this chat
  // recorded" and "what data do you keep about me" got "Sorry, I can't help with that."
  it("is said as kept, with the way to delete it", async () => {
    await runScript("by-hand-6-privacy", {
      turns: [
        { say: "is this chat recorded", expect: { intent: "privacy", text: /^I keep this conversation .*90 days\. You can delete it yourself any time: choose “Delete history”/ } },
        { say: "who can see this conversation", expect: { intent: "privacy", text: /^Only you, and a person on our team/ } },
        { say: "what data do you keep about me", expect: { intent: "privacy", notText: /Sorry/ } },
        { say: "delete my chat history", expect: { intent: "privacy", text: /^You can delete this conversation's history yourself: choose “Delete history” at the top of the chat\./ } },
      ],
    });
  });
});

describe("another merchant, named alone", () => {
  // "how much did i spend on uber last month", then "what about lyft": "Sorry, I can't help with that."
  it("'what about sakura sushi' after Bluebird Coffee's total is Sakura Sushi's, over the same days", async () => {
    await runScript("by-hand-6-other-merchant", {
      history: [
        { merchant: "Bluebird Coffee", category: "Dining", amount: -4_50, postedAt: daysAgo(3) },
        { merchant: "Sakura Sushi", category: "Dining", amount: -42_00, postedAt: daysAgo(2) },
      ],
      turns: [
        { say: "how much did i spend at bluebird coffee in the last 30 days", expect: { intent: "spending", text: /\$4\.50/ } },
        { say: "what about sakura sushi", expect: { intent: "spending", text: /\$42\.00/, notText: /Sorry/ } },
      ],
    });
  });
});

describe("is that a lot", () => {
  // "how much did i spend on groceries in november", then "is that a lot": "Sorry, I can't help with that."
  it("sets the total against the customer's usual month", async () => {
    await runScript("by-hand-6-a-lot", {
      history: [
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -64_20, postedAt: daysAgo(40) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -30_00, postedAt: daysAgo(70) },
      ],
      turns: [
        { say: "how much did i spend on groceries in the last 90 days", expect: { intent: "spending" } },
        { say: "is that a lot", expect: { intent: "spending", text: /on average/, notText: /Sorry/ } },
      ],
    });
  });
});

describe("and the routing number", () => {
  // "whats my checking account number", then "and the routing number": every account's numbers.
  it("right after checking's number is checking's", async () => {
    await runScript("by-hand-6-routing", {
      turns: [
        { say: "whats my checking account number", expect: { intent: "account_numbers", text: /^Everyday Checking ••1001: account number ending 1001/, notText: /Savings/ } },
        { say: "and the routing number", expect: { intent: "account_numbers", text: /^Everyday Checking ••1001: account number ending 1001, routing number \d{9}\./, notText: /Savings/ } },
      ],
    });
  });
});

describe("what the points are for", () => {
  // "how many points do i have", then "what can i use them for": "Sorry, I can't help with that."
  it("right after the points balance is how to redeem them", async () => {
    await runScript("by-hand-6-points-use", {
      customer: { credit: true },
      turns: [
        { say: "how many points do i have", expect: { intent: "rewards_balance", text: /rewards points/ } },
        { say: "what can i use them for", expect: { intent: "redeem_rewards", text: /^You can redeem your rewards points in the app/ } },
      ],
    });
  });
});

describe("checking and savings", () => {
  // "what's the difference between my checking and savings": "Sorry, I can't help with that." (session 30's leftover)
  it("says what each is for, then what each earns", async () => {
    await runScript("by-hand-6-account-kinds", {
      turns: [
        {
          say: "what's the difference between my checking and savings",
          expect: { text: /^Checking is your everyday account: your debit card spends from it.*no fee\. What each earns:\n\nEveryday Checking ••1001: [\d.]+% APY; Rainy Day Savings ••2002: [\d.]+% APY\.$/s, notText: /Sorry/ },
        },
      ],
    });
  });
});
