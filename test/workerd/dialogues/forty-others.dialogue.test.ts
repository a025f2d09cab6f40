import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { daysAgo, lastMonth, runScript, type HistoryItem, type Script } from "./script.js";

/**
 * sweep19: forty other conversations, written before they were run, in the words real customers
 * use: money to their own accounts, saved payees, bills and the card; reads; cards; a person; bank
 * questions; typos; small talk around a request; two requests in one message. Each runs soft.
 * Opening balances: checking $1,000.00 (Everyday Checking ••1001), savings $5,000.00 (Rainy Day
 * Savings ••2002), Teller Card ••3003 (statement $412.35, minimum $25.00); cards Visa ••4242 (debit)
 * and Mastercard ••5151; payees Jordan Lee ••7788 and City Power & Light ••9911.
 *
 * First run (written before running, 2026-12-04): 25 / 40. The 15 misses were marked `it.fails`
 * (03 04 06 07 08 10 12 15 16 21 22 23 32 37 38); each fix turned its mark back into `it`. One was
 * partly the script's (38 looked for checking's opening balance after history was booked on it).
 */
const untouched = { checking: 1_000_00, savings: 5_000_00 };

const LAST_MONTH: HistoryItem[] = [
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -82_40, postedAt: lastMonth(4) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -37_60, postedAt: lastMonth(18) },
  { merchant: "Sakura Sushi", category: "Dining", amount: -45_00, postedAt: lastMonth(9) },
  { merchant: "Metro Transit", category: "Transport", amount: -25_00, postedAt: lastMonth(12) },
];
const RECENT: HistoryItem[] = [
  { merchant: "Bluebird Coffee", category: "Dining", amount: -4_50, postedAt: daysAgo(1) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -61_20, postedAt: daysAgo(2) },
  { merchant: "Metro Transit", category: "Transport", amount: -2_75, postedAt: daysAgo(3) },
  { merchant: "Streamflix", category: "Entertainment", amount: -15_99, postedAt: daysAgo(4) },
  { merchant: "Corner Pharmacy", category: "Health", amount: -12_30, postedAt: daysAgo(5) },
  { merchant: "Sakura Sushi", category: "Dining", amount: -38_00, postedAt: daysAgo(6) },
  { merchant: "Acme Corp Payroll", category: "Income", amount: 2_100_00, postedAt: daysAgo(2) },
];
const OWES_STATEMENT: HistoryItem = { account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -412_35, postedAt: daysAgo(20) };
const MOM = { name: "Mom", mask: "4411" };
const JAKE = { name: "Jake Miller", mask: "6120" };

/** The reply's table holds `count` transactions. */
const rowsCount = (count: number) => (reply: Reply) => {
  const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
  expect.soft(rows.length, "rows in the table").toBe(count);
};

/** A soft script: every wrong step is reported, and the test fails if any was. */
const run = (label: string, script: Script) => runScript(label, { ...script, soft: true });

describe("forty others: money to own accounts and saved payees", () => {
  it("01 'can you move 200 bucks from savings into checking'", async () => {
    await run("o01", {
      turns: [
        { say: "can you move 200 bucks from savings into checking", expect: { confirmation: true, text: /\$200\.00 from Rainy Day Savings ••2002 to Everyday Checking ••1001/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_200_00, savings: 4_800_00 } },
      ],
    });
  });

  it("02 'send mom 40 from checking' (Mom is a saved payee)", async () => {
    await run("o02", {
      payees: [MOM],
      turns: [
        { say: "send mom 40 from checking", expect: { confirmation: true, text: /\$40\.00[\s\S]*Mom[\s\S]*4411/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 960_00 } },
      ],
    });
  });

  it("03 'pay my mum 25 from checking': mum is the saved Mom", async () => {
    await run("o03", {
      payees: [MOM],
      turns: [
        { say: "pay my mum 25 from checking", expect: { confirmation: true, text: /\$25\.00[\s\S]*Mom[\s\S]*4411/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("04 'send 100 bitcoin to Mom': refused as a currency Teller doesn't send, nothing set up", async () => {
    await run("o04", {
      payees: [MOM],
      turns: [{ say: "send 100 bitcoin to Mom", expect: { confirmation: false, text: /bitcoin|currenc|US dollars|USD/i, notText: /\$100\.00/ }, balances: untouched }],
    });
  });

  it("05 'transfer 50 euros to savings': refused, never moved as dollars", async () => {
    await run("o05", {
      turns: [{ say: "transfer 50 euros to savings", expect: { confirmation: false, text: /euro|currenc|US dollars|USD/i, notText: /\$50\.00/ }, balances: untouched }],
    });
  });

  it("06 'pay Mom 20 and Jake 30': one recipient at a time, nothing moves", async () => {
    await run("o06", {
      payees: [MOM, JAKE],
      turns: [{ say: "pay Mom 20 and Jake 30", expect: { confirmation: false, text: /one recipient at a time/i }, balances: untouched }],
    });
  });

  it("07 'send jordan 30', the account, yes, then 'when will he get it?'", async () => {
    await run("o07", {
      turns: [
        { say: "send jordan lee 30", expect: { confirmation: false, text: /which account/i } },
        { say: "from checking", expect: { confirmation: true, text: /\$30\.00[\s\S]*Jordan Lee/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 970_00 } },
        { say: "when will he get it?", expect: { confirmation: false, text: /already|at once|right away|immediately|instant|now/i, notText: /how much|who should/i } },
      ],
    });
  });

  it("08 'send 500 to jordan lee from checking', then 'no actually dont'", async () => {
    await run("o08", {
      turns: [
        { say: "send 500 to jordan lee from checking", expect: { confirmation: true, text: /\$500\.00/ } },
        { say: "no actually dont", expect: { text: /Nothing was sent/i }, balances: untouched },
      ],
    });
  });
});

describe("forty others: bills and the credit card", () => {
  it("09 'pay the electric bill, 80 bucks from checking'", async () => {
    await run("o09", {
      turns: [
        { say: "pay the electric bill, 80 bucks from checking", expect: { confirmation: true, text: /\$80\.00[\s\S]*City Power/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 920_00 } },
      ],
    });
  });

  it("10 'pay off my full statement balance from checking'", async () => {
    await run("o10", {
      history: [OWES_STATEMENT],
      turns: [
        { say: "pay off my full statement balance from checking", expect: { confirmation: true, text: /\$412\.35[\s\S]*Teller Card/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 587_65 } },
      ],
    });
  });

  it("11 'put 100 towards my credit card from savings'", async () => {
    await run("o11", {
      history: [OWES_STATEMENT],
      turns: [
        { say: "put 100 towards my credit card from savings", expect: { confirmation: true, text: /\$100\.00[\s\S]*Teller Card/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 4_900_00 } },
      ],
    });
  });

  it("12 'i need to pay my credit card bill', then the minimum from checking", async () => {
    await run("o12", {
      history: [OWES_STATEMENT],
      turns: [
        { say: "i need to pay my credit card bill", expect: { confirmation: false, text: /how much/i } },
        { say: "just the minimum", expect: { confirmation: false, text: /which account/i } },
        { say: "checking", expect: { confirmation: true, text: /\$25\.00[\s\S]*Teller Card/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
      ],
    });
  });
});

describe("forty others: balances, transactions, spending", () => {
  it("13 'how much money do i have'", async () => {
    await run("o13", { turns: [{ say: "how much money do i have", expect: { intent: "balance", data: "accounts" } }] });
  });

  it("14 'whats in my savings'", async () => {
    await run("o14", { turns: [{ say: "whats in my savings", expect: { intent: "balance", text: /\$5,000\.00/ } }] });
  });

  it("15 'show me my lst 5 transactions'", async () => {
    await run("o15", { history: RECENT, turns: [{ say: "show me my lst 5 transactions", expect: { data: "transactions" }, check: rowsCount(5) }] });
  });

  it("16 'how much did I spend on food last month': groceries and dining", async () => {
    await run("o16", { history: LAST_MONTH, turns: [{ say: "how much did I spend on food last month", expect: { intent: "spending", text: /\$165\.00/ } }] });
  });

  it("17 'what did i spend at sakura sushi last month'", async () => {
    await run("o17", { history: LAST_MONTH, turns: [{ say: "what did i spend at sakura sushi last month", expect: { intent: "spending", text: /\$45\.00/ } }] });
  });

  it("18 'did i get paid this week'", async () => {
    await run("o18", {
      history: RECENT,
      turns: [
        {
          say: "did i get paid this week",
          expect: { data: "transactions" },
          check: (reply) => {
            const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
            expect.soft(rows.some((t) => t.merchant === "Acme Corp Payroll"), "the payroll row").toBe(true);
          },
        },
      ],
    });
  });
});

describe("forty others: cards", () => {
  it("19 'freeze my visa', then 'ok unfreeze it' with a Yes", async () => {
    await run("o19", {
      turns: [
        { say: "freeze my visa", expect: { text: /4242[\s\S]*frozen/ } },
        { say: "ok unfreeze it", expect: { confirmation: true, text: /4242/ } },
        { say: "yes", press: "yes", expect: { text: /unfrozen|active/i } },
      ],
    });
  });

  it("20 'i left my card at the bar last night': a lost card, a freeze offered", async () => {
    await run("o20", { turns: [{ say: "i left my card at the bar last night", expect: { text: /freeze/i, notText: /didn't understand|not sure/i } }] });
  });

  it("21 'freeze my visa', later 'found my card': an offer to unfreeze, not another freeze", async () => {
    await run("o21", {
      turns: [
        { say: "freeze my visa", expect: { text: /4242[\s\S]*frozen/ } },
        { say: "found my card", expect: { confirmation: true, text: /unfreeze/i } },
        { say: "yes", press: "yes", expect: { text: /unfrozen|active/i } },
      ],
    });
  });

  it("22 'freeze my card and tell me my balance': both done", async () => {
    await run("o22", { turns: [{ say: "freeze my card and tell me my balance", expect: { text: /\$1,000\.00[\s\S]*(freeze|frozen)|(freeze|frozen)[\s\S]*\$1,000\.00/i } }] });
  });

  it("23 'my debit card got stolen'", async () => {
    await run("o23", { turns: [{ say: "my debit card got stolen", expect: { text: /4242/, notText: /5151/ } }] });
  });

  it("24 'is my mastercard frozen?' (it isn't)", async () => {
    await run("o24", { turns: [{ say: "is my mastercard frozen?", expect: { confirmation: false, text: /5151[\s\S]*(not frozen|active)/i } }] });
  });
});

describe("forty others: a person, bank questions", () => {
  it("25 'i need to speak to someone real'", async () => {
    await run("o25", { turns: [{ say: "i need to speak to someone real", expect: { intent: "human_agent" } }] });
  });

  it("26 'this is useless, get me a human'", async () => {
    await run("o26", { turns: [{ say: "this is useless, get me a human", expect: { intent: "human_agent" } }] });
  });

  it("27 'do you charge a fee for transfers'", async () => {
    await run("o27", { turns: [{ say: "do you charge a fee for transfers", expect: { confirmation: false, text: /no fee|free|don't charge|no charge/i } }] });
  });

  it("28 'how do i add a new payee'", async () => {
    await run("o28", { turns: [{ say: "how do i add a new payee", expect: { confirmation: false, text: /payee/i } }] });
  });

  it("29 'my new card still hasnt come'", async () => {
    await run("o29", { turns: [{ say: "my new card still hasnt come", expect: { intent: "card_arrival", confirmation: false } }] });
  });

  it("30 'are you open on saturdays'", async () => {
    await run("o30", { turns: [{ say: "are you open on saturdays", expect: { confirmation: false, text: /any time|branch/i } }] });
  });
});

describe("forty others: typos and small talk", () => {
  it("31 'whats my balanse'", async () => {
    await run("o31", { turns: [{ say: "whats my balanse", expect: { intent: "balance", data: "accounts" } }] });
  });

  it("32 'tranfer 20 from checkng to savngs'", async () => {
    await run("o32", {
      turns: [
        { say: "tranfer 20 from checkng to savngs", expect: { confirmation: true, text: /\$20\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00, savings: 5_020_00 } },
      ],
    });
  });

  it("33 'shw me my recnt transactions'", async () => {
    await run("o33", { history: RECENT, turns: [{ say: "shw me my recnt transactions", expect: { data: "transactions" } }] });
  });

  it("34 'hello! hope your day's going well. what's my checking balance? thanks'", async () => {
    await run("o34", { turns: [{ say: "hello! hope your day's going well. what's my checking balance? thanks", expect: { intent: "balance", text: /\$1,000\.00/ } }] });
  });

  it("35 'whats my balance', then 'thanks, that's all'", async () => {
    await run("o35", {
      turns: [
        { say: "whats my balance", expect: { intent: "balance" } },
        { say: "thanks, that's all", expect: { intent: /thanks|goodbye/, notText: /didn't understand|person/i } },
      ],
    });
  });

  it("36 'what can you help me with'", async () => {
    await run("o36", { turns: [{ say: "what can you help me with", expect: { confirmation: false, text: /balance[\s\S]*(transfer|send|move)/i } }] });
  });
});

describe("forty others: two requests in one message", () => {
  it("37 'what's my balance and show me my last 3 transactions': both answered", async () => {
    await run("o37", {
      history: RECENT,
      turns: [{ say: "what's my balance and show me my last 3 transactions", expect: { text: /\$2,965\.26/, data: "transactions" }, check: rowsCount(3) }],
    });
  });

  // The script first looked for checking's opening $1,000.00; the history booked on it leaves $810.00.
  it("38 'how much is in checking and how much did i spend on dining last month'", async () => {
    await run("o38", {
      history: LAST_MONTH,
      turns: [{ say: "how much is in checking and how much did i spend on dining last month", expect: { text: /\$810\.00[\s\S]*\$45\.00|\$45\.00[\s\S]*\$810\.00/, notText: /didn't understand/ } }],
    });
  });

  it("39 'send 10 to jordan lee and 20 to my savings': one recipient at a time", async () => {
    await run("o39", { turns: [{ say: "send 10 to jordan lee and 20 to my savings", expect: { confirmation: false, text: /one recipient at a time/i }, balances: untouched }] });
  });

  it("40 'move 100 from savings to checking and freeze my mastercard': the card first", async () => {
    await run("o40", { turns: [{ say: "move 100 from savings to checking and freeze my mastercard", expect: { confirmation: false, text: /5151[\s\S]*frozen/ }, balances: untouched }] });
  });
});
