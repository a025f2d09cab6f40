/**
 * Wave 3, session 22: what using Teller by hand showed it misread, end to end through the gateway.
 * Each was a wrong or empty answer before: a statement request out of scope, interest earned answered
 * with the rates, the full number of every account revealed after one was asked about, an average
 * month answered with this month's total, subscriptions answered with this month's total.
 * Opening balances: checking $1,000.00, savings $5,000.00.
 */
import { describe, expect, it } from "vitest";
import { daysAgo, lastMonth, runScript, type HistoryItem } from "./script.js";

const HISTORY: HistoryItem[] = [
  { merchant: "Interest", category: "Income", amount: 7_25, postedAt: daysAgo(1) },
  { merchant: "Streamflix", category: "Subscriptions", amount: -15_49, postedAt: daysAgo(2) },
  { merchant: "Tunely Music", category: "Subscriptions", amount: -9_99, postedAt: daysAgo(9) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -32_10, postedAt: daysAgo(3) },
];

describe("questions found by hand", () => {
  it("a statement gets a written answer and the offer of last month's transactions", async () => {
    await runScript("by-hand-statement", {
      turns: [
        { say: "can i get a copy of my statement", expect: { intent: "account_statement", text: /^I can't send or download a statement here in the chat/ } },
        { say: "how do i get my bank statement", expect: { intent: "account_statement", notText: /credit card/ } },
      ],
    });
  });

  it("interest earned is the interest paid in, not the rates", async () => {
    await runScript("by-hand-interest", {
      history: HISTORY,
      turns: [{ say: "how much interest did i earn this year", expect: { text: /^You earned \$7\.25 in interest between 1 Jan \d{4} and .*, in 1 payment\.$/, notText: /APY/ } }],
    });
  });

  it("'show me the full number' after the checking number reveals checking's only", async () => {
    await runScript("by-hand-full-number", {
      turns: [
        { say: "what's my checking account number", expect: { intent: "account_numbers", text: /ending/, notText: /Savings/ } },
        { say: "show me the full number", expect: { intent: "account_numbers", text: /account number \d{6,}/, notText: /Savings/ } },
      ],
    });
  });

  it("an average month, and subscriptions listed", async () => {
    await runScript("by-hand-average", {
      history: HISTORY,
      turns: [
        { say: "what's my average monthly spending", expect: { intent: "spending", text: /^Over the last 3 full months you spent \$[\d,.]+ a month on average \(.*\)\. This month so far: \$[\d,.]+/ } },
        { say: "do i have any subscriptions", expect: { intent: "transactions", data: "transactions", text: /^Here are 2 transactions in “subscriptions” between / } },
        { say: "is my paycheck in yet", expect: { intent: "transactions", text: /^Your latest pay came in on / } },
      ],
    });
  });

  // Session 23: "i dont recognise a charge of 12.99" was "Sorry, I can't help with that."
  it("a charge not recognised, said with its figure, gets the answer and the offer of a dispute for that charge", async () => {
    await runScript("by-hand-unrecognised", {
      history: HISTORY,
      turns: [
        { say: "i dont recognise a charge of 9.99", expect: { intent: "card_payment_not_recognised", text: /open a dispute/, notText: /can't help/ } },
        { say: "yes", expect: { text: /Tunely Music/, notText: /Streamflix|Fresh Fields/ } },
      ],
    });
  });

  // Session 23: "when will it arrive" mid-transfer got the card-delivery answer.
  it("'when will it arrive' while a transfer waits: when that transfer arrives, then its question again; nothing moves", async () => {
    await runScript("by-hand-arrival-pending", {
      turns: [
        { say: "send 40 to savings", expect: { confirmation: true } },
        { say: "when will it arrive", expect: { text: /^A transfer between your own accounts arrives at once: it's made as soon as you confirm it\.[\s\S]*Back to your transfer:/, notText: /card/i } },
        { say: "no", balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  // Session 23: the answer to a declined card never said the customer's own card was frozen.
  it("'my card got declined, why?' with the card frozen: the answer names the frozen card and offers to unfreeze it", async () => {
    await runScript("by-hand-declined-frozen", {
      turns: [
        { say: "my card got declined at the store why", expect: { intent: "declined_card_payment", notText: /is frozen, so/ } },
        { say: "freeze my debit card", expect: { text: /frozen/ } },
        { say: "my card got declined at the store why", expect: { text: /A payment can be declined[\s\S]*••\d{4} is frozen, so payments and withdrawals with it are declined until you unfreeze it\./ } },
      ],
    });
  });
});

describe("a nod after an answer (session 24)", () => {
  it("'ok' after an answer or a transfer is taken as a nod; a bare 'yes' with nothing waiting is still told so", async () => {
    await runScript("by-hand-ok-nod", {
      turns: [
        { say: "what's my balance?", expect: { intent: "balance" } },
        // Before: "There's nothing waiting for your confirmation right now, so I haven't done anything."
        { say: "ok", expect: { text: /^OK\. Is there anything else I can help with\?$/ } },
        { say: "send $20 to savings", expect: { confirmation: true } },
        { say: "yes", expect: { text: /Done — I sent \$20\.00/ }, balances: { checking: 980_00 } },
        { say: "ok thanks", expect: { notText: /already done|nothing waiting/ }, balances: { checking: 980_00 } },
        { say: "yes", expect: { text: /already done/ }, balances: { checking: 980_00 } },
      ],
    });
  });
});

describe("savings goals and budgets (session 24)", () => {
  it("are not kept: Teller says so and offers a repeating transfer, spending by category and the savings balance", async () => {
    await runScript("by-hand-goals", {
      history: HISTORY,
      turns: [
        // Before: "Sorry, I can't help with that." (a transfer at 0.37, too unsure to start one).
        { say: "set a savings goal", expect: { text: /^I can't set up or track savings goals or budgets here/, notText: /How much/ } },
        // Before: "Sorry, I can't help with that."
        { say: "can i set a budget for groceries", expect: { text: /savings goals or budgets/ } },
        { say: "What did I spend this month by category?", expect: { intent: "spending" } },
      ],
    });
  });
});

describe("paying the card in full under 'How much?' (session 24)", () => {
  const CARD_SPEND: HistoryItem[] = [{ account: "credit", merchant: "Hardware Barn", category: "Shopping", amount: -250_00, postedAt: daysAgo(2) }];

  it("'the full balance' pays what the card owes now, confirmed first, paid once", async () => {
    await runScript("by-hand-card-full", {
      history: CARD_SPEND,
      turns: [
        { say: "pay my credit card bill from checking", expect: { text: /your current balance is \$250\.00\.$/ } },
        // Before: every account's balance, then "Back to your card payment: How much …?"
        { say: "the full balance", expect: { confirmation: true, text: /Pay \$250\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/, notText: /Your balances/ }, balances: { checking: 1_000_00 } },
        { say: "yes", press: "yes", expect: { text: /^Done — I paid \$250\.00 to Teller Card ••3003\./ }, balances: { checking: 750_00, credit: 0 } },
      ],
    });
  });

  it("'pay it off' and 'everything' mean the same there (they got 'Let's finish this one first.' and a greeting)", async () => {
    for (const [label, answer] of [["by-hand-card-off", "pay it off"], ["by-hand-card-all", "everything"]] as const) {
      await runScript(label, {
        history: CARD_SPEND,
        turns: [
          { say: "pay my credit card bill from checking", expect: { text: /How much would you like to pay/ } },
          { say: answer, expect: { confirmation: true, text: /Pay \$250\.00 to Teller Card ••3003 from Everyday Checking ••1001\?$/ } },
          { say: "no", expect: { text: /Nothing was paid/ }, balances: { checking: 1_000_00 } },
        ],
      });
    }
  });
});

describe("amounts said or typed loosely (session 25)", () => {
  it("'twenty five' to savings is $25.00 (it got 'I can send to one recipient at a time', 'twenty' taken for a name)", async () => {
    await runScript("by-hand-words-amount", {
      turns: [
        { say: "send twenty five to savings", expect: { confirmation: true, text: /^Send \$25\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002\?$/, notText: /one recipient/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });

  it("'twenty five fifty' is asked about, never guessed; the figure typed then is confirmed", async () => {
    await runScript("by-hand-spoken-price", {
      turns: [
        {
          say: "send twenty five fifty to savings",
          expect: { confirmation: false, text: /^I couldn't tell whether you meant \$25\.50 or \$2,550\.00\. How much would you like to send\?$/ },
          // One tap answers it (session 26: the question came with no buttons).
          check: (reply) => expect(reply.actions.map((a) => [a.label, a.type === "reply" ? a.text : null])).toEqual([["$25.50", "$25.50"], ["$2,550.00", "$2,550.00"]]),
        },
        { say: "25.50", expect: { confirmation: true, text: /^Send \$25\.50 from Everyday Checking ••1001 to Rainy Day Savings ••2002\?$/ } },
        { say: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("'20.5.5' is no amount (it was $20.50) and '25 50' is two (it was $25.00): the amount is asked for", async () => {
    await runScript("by-hand-loose-figures", {
      turns: [
        { say: "send 20.5.5 to savings", expect: { confirmation: false, text: /How much would you like to send\?$/, notText: /\$20\.50/ } },
        { say: "cancel", expect: { text: /Nothing was sent/ } },
        {
          say: "send 25 50 to savings",
          expect: { confirmation: false, text: /^You said \$25\.00 and \$50\.00: I can send one amount at a time\. How much would you like to send\?$/ },
          check: (reply) => expect(reply.actions.map((a) => a.label)).toEqual(["$25.00", "$50.00"]),
        },
        { say: "$50.00", expect: { confirmation: true, text: /^Send \$50\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002\?$/ }, check: (reply) => expect(reply.actions.map((a) => a.label)).toEqual(["Yes", "No"]) },
        { say: "cancel", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00, savings: 5_000_00 } },
      ],
    });
  });
});

describe("the most one can send (session 25)", () => {
  it("'whats the most i can send' and 'how much can i send' get the transfer limits (out of scope and the credit limit before)", async () => {
    await runScript("by-hand-most-i-can-send", {
      turns: [
        { say: "whats the most i can send", expect: { intent: "transfer_limits", text: /^You can send up to \$10,000\.00 in one transfer/ } },
        { say: "how much can i send", expect: { intent: "transfer_limits", text: /^You can send up to \$10,000\.00 in one transfer/ } },
        { say: "what is the maximum transfer amount", expect: { intent: "transfer_limits" } },
      ],
    });
  });
});

describe("a new card after a stolen one (session 25)", () => {
  it("'how do i get a new one' after the card was frozen tells how to order a replacement (it was 'Sorry, I can't help with that.')", async () => {
    await runScript("by-hand-new-one", {
      turns: [
        { say: "i think someone stole my card", expect: { intent: "lost_or_stolen_card", text: /Which card would you like to freeze\?/ } },
        { say: "the visa", expect: { confirmation: true, text: /^Shall I freeze Visa ••4242 now\?/ } },
        { say: "yes", press: "yes", expect: { text: /Visa ••4242 is frozen/ } },
        { say: "how do i get a new one", expect: { intent: "order_physical_card", text: /^To get a new card, open Cards in the app and order a replacement/, notText: /can't help/ } },
      ],
    });
  });
});

describe("a comparison after a spending answer (session 25)", () => {
  // The first of this month (today, whatever day it is) and the middle of last month.
  const now = new Date();
  const GROCERIES: HistoryItem[] = [
    { merchant: "Fresh Fields Market", category: "Groceries", amount: -32_10, postedAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 0, 30)) },
    { merchant: "Fresh Fields Market", category: "Groceries", amount: -80_00, postedAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12)) },
  ];

  it("'how does that compare to this month' and 'is that more than usual' set last month's groceries against them (they got 'Sorry, I can't help with that.', then a person)", async () => {
    await runScript("by-hand-compare-that", {
      history: GROCERIES,
      turns: [
        { say: "what did i spend on groceries last month", expect: { intent: "spending", text: /^You spent \$[\d,.]+ on groceries between 1 / } },
        { say: "how does that compare to this month", expect: { intent: "spending", text: /^You spent \$[\d,.]+ on groceries in \w+ \d{4} so far, and \$[\d,.]+ in the same days of \w+ \d{4} \(1(?:–\d+)? \w{3}\): .* \w+ \d{4} in all: \$/, notText: /can't help/ } },
        { say: "is that more than usual", expect: { intent: "spending", text: /on average/, notText: /not getting it/ } },
      ],
    });
  });
});

describe("pending items (session 25)", () => {
  it("'pending transactions' and 'what's pending on my account' list them (they got the written answer on why a card payment is pending)", async () => {
    await runScript("by-hand-pending", {
      history: HISTORY,
      turns: [
        { say: "pending transactions", expect: { intent: "transactions", text: /^You don't have any pending transactions right now\.$/ } },
        { say: "what's pending on my account", expect: { intent: "transactions", text: /pending transactions/ } },
      ],
    });
  });
});

describe("the biggest category (session 25)", () => {
  it("'whats my biggest expense category' names the categories, not the biggest payment", async () => {
    await runScript("by-hand-biggest-category", {
      history: [
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -60_00, postedAt: daysAgo(2) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -70_00, postedAt: daysAgo(3) },
        { merchant: "Hardware Barn", category: "Shopping", amount: -90_00, postedAt: daysAgo(4) },
      ],
      turns: [{ say: "whats my biggest expense category", expect: { intent: "spending", text: /Groceries/, notText: /biggest payment/ } }],
    });
  });
});

describe("what was paid at a merchant (session 26)", () => {
  // The most recent Tuesday (today counts), as the date reader takes "on tuesday".
  const tuesday = daysAgo((new Date().getUTCDay() - 2 + 7) % 7);
  const history: HistoryItem[] = [
    { merchant: "Costco", category: "Groceries", amount: -61_63, postedAt: tuesday },
    { merchant: "Steam & Bean", category: "Coffee", amount: -5_57, postedAt: tuesday },
    { merchant: "Costco", category: "Groceries", amount: -80_10, postedAt: new Date(tuesday.getTime() - 2 * 86_400_000) },
  ];

  it("'what did i pay at costco on tuesday' lists that day's Costco payments (it got 'Sorry, I can't help with that.')", async () => {
    await runScript("by-hand-paid-at", {
      history,
      turns: [
        {
          say: "what did i pay at costco on tuesday",
          expect: { intent: "transactions", data: "transactions", notText: /Sorry/ },
          check: (reply) => {
            const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
            expect(rows.map((t) => [t.merchant, t.amount.minor])).toEqual([["Costco", -61_63]]);
          },
        },
        {
          say: "what i paid for at costco",
          expect: { intent: "transactions", data: "transactions" },
          check: (reply) => {
            const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
            expect(rows.map((t) => t.merchant)).toEqual(["Costco", "Costco"]);
          },
        },
      ],
    });
  });
});

describe("slang with the sum first (session 26)", () => {
  it("'shoot 25 over to ben' is a $25.00 transfer to Ben, confirmed first (it got 'Sorry, I can't help with that.')", async () => {
    await runScript("by-hand-shoot-over", {
      payees: [{ name: "Ben Carter", mask: "4411" }],
      turns: [
        { say: "shoot 25 over to ben", expect: { intent: "transfer", confirmation: false, text: /^Which account should I send it from\?/ } },
        { say: "checking", expect: { confirmation: true, text: /^Send \$25\.00 from Everyday Checking ••1001 to “Ben Carter” ••4411\?$/ } },
        { say: "No", press: "no", expect: { text: /Nothing was sent/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });
});

describe("a refund looked up (session 26)", () => {
  it("'did my refund from amazon come through' finds the money back, or says it isn't there (it got the written answer alone)", async () => {
    await runScript("by-hand-refund", {
      history: [
        { merchant: "Amazon", category: "Shopping", amount: -42_00, postedAt: daysAgo(9) },
        { merchant: "Amazon", category: "Shopping", amount: 23_99, postedAt: daysAgo(2) },
      ],
      turns: [
        {
          say: "did my refund from amazon come through",
          expect: { intent: "Refund_not_showing_up", data: "transactions", text: /^Yes — \$23\.99 came back from “Amazon” on / },
          check: (reply) => {
            const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
            expect(rows.map((t) => t.amount.minor)).toEqual([23_99]);
          },
        },
        { say: "has the zara refund arrived", expect: { intent: "Refund_not_showing_up", text: /^I don't see any money back from “zara” in your transactions from the last \d+ days\. Refunds can take several working days/ } },
      ],
    });
  });
});

describe("money in asked in other words (session 26)", () => {
  it("'how much came in last month' and 'how much did i receive last month' total the money in (they got last month's spending)", async () => {
    await runScript("by-hand-came-in", {
      history: [
        { merchant: "Acme Payroll", category: "Income", amount: 2_000_00, postedAt: lastMonth(10) },
        { merchant: "Corner Grocer", category: "Groceries", amount: -50_00, postedAt: lastMonth(10) },
      ],
      turns: [
        { say: "how much came in last month", expect: { intent: "transactions", data: "transactions", text: /^You received \$2,000\.00 /, notText: /spent/ } },
        { say: "how much did i receive last month", expect: { intent: "transactions", text: /^You received \$2,000\.00 / } },
      ],
    });
  });
});

describe("a charge asked about by its merchant (session 26)", () => {
  it("'what's this charge from uber' lists the Uber payments (it began a dispute)", async () => {
    await runScript("by-hand-charge-from", {
      history: [
        { merchant: "Uber", category: "Transport", amount: -18_40, postedAt: daysAgo(1) },
        { merchant: "Corner Grocer", category: "Groceries", amount: -30_00, postedAt: daysAgo(1) },
      ],
      turns: [
        {
          say: "what's this charge from uber",
          expect: { intent: "transactions", data: "transactions", notText: /dispute/i },
          check: (reply) => {
            const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
            expect(rows.map((t) => [t.merchant, t.amount.minor])).toEqual([["Uber", -18_40]]);
          },
        },
      ],
    });
  });
});

describe("a reminder to pay (session 26)", () => {
  it("'can you remind me to pay rent' offers to schedule the payment (it got 'Sorry, I can't help with that.'); a reminder naming no money is still declined", async () => {
    await runScript("by-hand-reminder", {
      turns: [
        { say: "can you remind me to pay rent", expect: { intent: "payment_reminder", text: /^I can't set reminders\. What I can do is schedule the payment itself/, notText: /Sorry/ } },
        { say: "remind me to call my dentist", expect: { notText: /schedule the payment/ } },
      ],
    });
  });
});

describe("a new repeating payment (session 26)", () => {
  it("'set up a monthly payment of 200 to harbor view on the 1st' is a monthly schedule, confirmed first (it got 'Sorry, I can't help with that.')", async () => {
    await runScript("by-hand-monthly-payment", {
      payees: [{ name: "Harbor View", mask: "6120" }],
      turns: [
        { say: "set up a monthly payment of 200 to harbor view on the 1st", expect: { intent: "transfer", notText: /Sorry/ } },
        { say: "checking", expect: { confirmation: true, text: /^Send \$200\.00 from Everyday Checking ••1001 to “Harbor View” ••6120 every month on the 1st, starting / } },
        { say: "No", press: "no", expect: { text: /Nothing was/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });
});

describe("half an account's balance (session 26)", () => {
  it("'send half my savings to checking' works out half of what savings holds and shows it before anything moves (it asked 'How much?')", async () => {
    await runScript("by-hand-half-savings", {
      turns: [
        {
          say: "send half my savings to checking",
          expect: {
            confirmation: true,
            text: /^Half of the \$5,000\.00 available in Rainy Day Savings ••2002 is \$2,500\.00\. Send \$2,500\.00 from Rainy Day Savings ••2002 to Everyday Checking ••1001\?$/,
          },
          balances: { checking: 1_000_00, savings: 5_000_00 },
        },
        { say: "Yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 3_500_00, savings: 2_500_00 } },
      ],
    });
  });
});

describe("the next paycheck (session 26)", () => {
  it("'when is my next paycheck' says it can't be known and shows the money that came in (it got 'Sorry, I can't help with that.')", async () => {
    await runScript("by-hand-next-paycheck", {
      history: [{ merchant: "Acme Payroll", category: "Income", amount: 2_000_00, postedAt: lastMonth(15) }],
      turns: [
        {
          say: "when is my next paycheck",
          expect: { intent: "transactions", data: "transactions", text: /^I can't see when your next paycheck is due: your employer decides that\. Here / },
          check: (reply) => {
            const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
            expect(rows.map((t) => t.merchant)).toContain("Acme Payroll");
            expect(rows.every((t) => t.amount.minor > 0)).toBe(true);
          },
        },
      ],
    });
  });
});
