import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { statementDates, TEST_ROUTING_NUMBER } from "../../../scripts/db/fixtures.js";
import { daysAgo, lastMonth, runScript, type HistoryItem, type Script } from "./script.js";

/**
 * sweep17: forty more conversations, written before they were run (issue 12), on themes the first
 * forty (forty-conversations.dialogue.test.ts) left out: CLINC150's bank and credit-card questions,
 * bills to saved billers, fraud, PINs, lost cards, direct deposit, spending and income by period,
 * small talk around a request, texting style, corrections and requests Teller should decline.
 * Each runs soft (every wrong step is reported). Opening balances: checking $1,000.00 (Everyday
 * Checking ••1001), savings $5,000.00 (Rainy Day Savings ••2002), Teller Card ••3003 (limit
 * $1,000.00, APR 22.49%, 4,250 points, statement $412.35, minimum $25.00); cards Visa ••4242
 * (08/2029) and Mastercard ••5151 (03/2028); payees Jordan Lee ••7788 and City Power & Light ••9911.
 */
const untouched = { checking: 1_000_00, savings: 5_000_00 };

const LAST_MONTH_NAME = lastMonth(1).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
const LAST_MONTH: HistoryItem[] = [
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -82_40, postedAt: lastMonth(4) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -37_60, postedAt: lastMonth(18) },
  { merchant: "Sakura Sushi", category: "Dining", amount: -45_00, postedAt: lastMonth(9) },
  { merchant: "Metro Transit", category: "Transport", amount: -25_00, postedAt: lastMonth(12) },
];
const PAYDAY_LAST_MONTH: HistoryItem = { merchant: "Acme Corp Payroll", category: "Income", amount: 2_100_00, postedAt: lastMonth(15) };
const BROADBAND = { name: "Bright Broadband", mask: "5566", kind: "biller" as const };
const OWES_STATEMENT: HistoryItem = { account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -412_35, postedAt: daysAgo(20) };

/**
 * First run (written before running, 2026-12-04): 27 / 40. The 13 misses were marked `it.fails`
 * (07 17 18 20 22 23 24 26 28 29 32 35 37); each fix turned its mark back into `it`. Four were the
 * script's fault (20 22 24 29: the right answer, looked for under another intent or in the text
 * instead of the table); eight were fixed in the reading and the dialogue (07 17 18 26 28 32 35 37).
 * 23 ("block them": every card at once) was fixed last (wallet19, flows/card-batch.ts).
 */

/** The reply's table holds a payment in from `merchant` of `minor`. */
const paidIn = (merchant: string, minor: number) => (reply: Reply) => {
  const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
  expect.soft(rows.some((t) => t.merchant === merchant && t.amount.minor === minor), `a row from ${merchant}`).toBe(true);
};
/** The reply's table holds transactions at `merchant` only. */
const onlyMerchant = (merchant: string) => (reply: Reply) => {
  const rows = reply.data?.kind === "transactions" ? reply.data.transactions : [];
  expect.soft(rows.map((t) => t.merchant)).toEqual([merchant]);
};

/** A soft script: every wrong step is reported, and the test fails if any was. */
const run = (label: string, script: Script) => runScript(label, { ...script, soft: true });

describe("forty more: credit limit, APR, numbers, expiry, rewards, statement", () => {
  it("01 'whats the credit limit on my mastercard'", async () => {
    await run("m01", { turns: [{ say: "whats the credit limit on my mastercard", expect: { intent: "credit_limit", text: /\$1,000\.00/, notText: /Rainy Day Savings/ } }] });
  });

  it("02 'how much can i still spend on my credit card' after a $150 purchase", async () => {
    await run("m02", {
      history: [{ account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -150_00, postedAt: daysAgo(1) }],
      turns: [{ say: "how much can i still spend on my credit card", expect: { intent: "credit_limit", text: /\$850\.00/ } }],
    });
  });

  it("03 'can you up my credit limit to 5000': not done in the chat", async () => {
    await run("m03", { turns: [{ say: "can you up my credit limit to 5000", expect: { intent: "credit_limit_change", confirmation: false } }] });
  });

  it("04 'what apr am i paying on my teller card'", async () => {
    await run("m04", { turns: [{ say: "what apr am i paying on my teller card", expect: { intent: "interest_rate", text: /22\.49%/ } }] });
  });

  it("05 'whats the interest rate on checking': checking's only", async () => {
    await run("m05", { turns: [{ say: "whats the interest rate on checking", expect: { intent: "interest_rate", text: /0\.01%/, notText: /3\.75%|22\.49%/ } }] });
  });

  it("06 'what's the routing number for my checking account': the account number stays masked", async () => {
    await run("m06", {
      turns: [{ say: "what's the routing number for my checking account", expect: { intent: "account_numbers", text: new RegExp(TEST_ROUTING_NUMBER), notText: /000012341001/ } }],
    });
  });

  it("07 'i want to set up direct deposit for my paycheck, what numbers do i need?'", async () => {
    await run("m07", {
      turns: [{ say: "i want to set up direct deposit for my paycheck, what numbers do i need?", expect: { text: new RegExp(`${TEST_ROUTING_NUMBER}[\\s\\S]*1001|1001[\\s\\S]*${TEST_ROUTING_NUMBER}`) } }],
    });
  });

  it("08 'show me the full account number for my savings'", async () => {
    await run("m08", { turns: [{ say: "show me the full account number for my savings", expect: { intent: "account_numbers", text: /000056782002/ } }] });
  });

  it("09 'when does my mastercard expire': that card's date only", async () => {
    await run("m09", { turns: [{ say: "when does my mastercard expire", expect: { intent: "card_expiry", text: /2028/, notText: /2029/ } }] });
  });

  it("10 'how many points have i got on my credit card'", async () => {
    await run("m10", { turns: [{ say: "how many points have i got on my credit card", expect: { intent: "rewards_balance", text: /4,250/ } }] });
  });

  it("11 'can i use my reward points to pay my bill': a written answer, nothing moves", async () => {
    await run("m11", { turns: [{ say: "can i use my reward points to pay my bill", expect: { intent: "redeem_rewards", confirmation: false }, balances: untouched }] });
  });

  it("12 'whats my statement balance'", async () => {
    await run("m12", { turns: [{ say: "whats my statement balance", expect: { intent: "credit_statement", text: /\$412\.35/ } }] });
  });

  it("13 'what's the least i can pay on my card this month'", async () => {
    await run("m13", { turns: [{ say: "what's the least i can pay on my card this month", expect: { intent: "credit_statement", text: /\$25\.00/ } }] });
  });

  it("14 'by when do i have to pay my credit card'", async () => {
    const iso = statementDates(new Date()).dueDate;
    const due = new Date(`${iso}T12:00:00Z`);
    const [mon, day] = [due.toLocaleString("en-US", { month: "short", timeZone: "UTC" }), due.getUTCDate()];
    const dueDate = new RegExp(`${iso}|${mon}\\w* ${day}\\b|\\b${day} ${mon}|\\b${due.getUTCMonth() + 1}/${day}\\b`);
    await run("m14", { turns: [{ say: "by when do i have to pay my credit card", expect: { intent: "credit_statement", text: dueDate, confirmation: false } }] });
  });
});

describe("forty more: bills to saved billers and the card", () => {
  it("15 'pay my internet bill 60 from checking' (Bright Broadband is a saved biller)", async () => {
    await run("m15", {
      payees: [BROADBAND],
      turns: [
        { say: "pay my internet bill 60 from checking", expect: { confirmation: true, text: /\$60\.00[\s\S]*Bright Broadband/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 940_00 } },
      ],
    });
  });

  it("16 'pay bright broadband', then the amount and the account", async () => {
    await run("m16", {
      payees: [BROADBAND],
      turns: [
        { say: "pay bright broadband", expect: { confirmation: false, text: /how much/i } },
        { say: "45.99", expect: { confirmation: false, text: /which account/i } },
        { say: "checking", expect: { confirmation: true, text: /\$45\.99[\s\S]*Bright Broadband/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 954_01 } },
      ],
    });
  });

  it("17 'pay the minimum on my credit card from checking'", async () => {
    await run("m17", {
      history: [OWES_STATEMENT],
      turns: [
        { say: "pay the minimum on my credit card from checking", expect: { confirmation: true, text: /\$25\.00[\s\S]*Teller Card/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("18 'i'd like to pay my power bill, 72.50 from savings'", async () => {
    await run("m18", {
      turns: [
        { say: "i'd like to pay my power bill, 72.50 from savings", expect: { confirmation: true, text: /\$72\.50[\s\S]*City Power/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 4_927_50 } },
      ],
    });
  });
});

describe("forty more: fraud, PIN and lost cards", () => {
  it("19 'someone stole my card details and bought stuff online'", async () => {
    await run("m19", { turns: [{ say: "someone stole my card details and bought stuff online", expect: { intent: /report_fraud|compromised_card/, text: /freeze/i } }] });
  });

  // First run: the compromised-card answer with a Yes/No to freeze a card, under the intent
  // freeze_card, which the script did not list (the script was wrong, not Teller).
  it("20 'i think someone hacked into my account'", async () => {
    await run("m20", { turns: [{ say: "i think someone hacked into my account", expect: { intent: /report_fraud|compromised_card|account_blocked|freeze_card/, text: /team|freeze|person/i } }] });
  });

  it("21 'how do i change my pin'", async () => {
    await run("m21", { turns: [{ say: "how do i change my pin", expect: { intent: "change_pin", confirmation: false } }] });
  });

  // First run: the lost-card answer and "Shall I freeze Mastercard ••5151 now?" as expected, under the
  // intent freeze_card (the offer's); since wallet19 the turn stays lost_or_stolen_card.
  it("22 'i cant find my mastercard anywhere': offered to freeze that card", async () => {
    await run("m22", { turns: [{ say: "i cant find my mastercard anywhere", expect: { intent: "lost_or_stolen_card", confirmation: true, text: /5151/ } }] });
  });

  it("23 'my wallet got stolen with my cards in it, block them'", async () => {
    await run("m23", { turns: [{ say: "my wallet got stolen with my cards in it, block them", expect: { text: /4242[\s\S]*5151[\s\S]*frozen|frozen[\s\S]*4242[\s\S]*5151/ } }] });
  });
});

describe("forty more: direct deposit, spending, income, a day's transactions", () => {
  // First run: "Here are the 3 latest payments into your accounts" with the $2,100.00 in its table, as
  // "did my paycheck come in?" is answered (everyday.dialogue.test.ts); the script looked in the text.
  it("24 'did my direct deposit hit yet'", async () => {
    await run("m24", {
      history: [{ merchant: "Acme Corp Payroll", category: "Income", amount: 2_100_00, postedAt: daysAgo(2) }],
      turns: [{ say: "did my direct deposit hit yet", expect: { data: "transactions", text: /^Your latest pay came in on / }, check: paidIn("Acme Corp Payroll", 2_100_00) }],
    });
  });

  it("25 'how much did i spend eating out last month'", async () => {
    await run("m25", { history: LAST_MONTH, turns: [{ say: "how much did i spend eating out last month", expect: { intent: "spending", text: /\$45\.00/ } }] });
  });

  it("26 'which categories did i spend the most on last month'", async () => {
    await run("m26", { history: LAST_MONTH, turns: [{ say: "which categories did i spend the most on last month", expect: { intent: "spending", text: /Groceries/ } }] });
  });

  it("27 'how much did i spend at fresh fields in <last month>'", async () => {
    await run("m27", { history: LAST_MONTH, turns: [{ say: `how much did i spend at fresh fields in ${LAST_MONTH_NAME}`, expect: { intent: "spending", text: /\$120\.00/ } }] });
  });

  it("28 'how much money came in last month'", async () => {
    await run("m28", { history: [...LAST_MONTH, PAYDAY_LAST_MONTH], turns: [{ say: "how much money came in last month", expect: { text: /\$2,100\.00/ } }] });
  });

  // First run: "Here is 1 transaction between 9 Nov 2026 and 9 Nov 2026." with Sakura Sushi in its
  // table (the script looked in the text); the one day now reads "on 9 Nov 2026".
  it("29 'what did i buy on <last month> 9th'", async () => {
    await run("m29", {
      history: LAST_MONTH,
      turns: [{ say: `what did i buy on ${LAST_MONTH_NAME} 9th`, expect: { data: "transactions", text: /^Here is 1 payment out on 9 / }, check: onlyMerchant("Sakura Sushi") }],
    });
  });

  it("30 'what did i spend money on yesterday'", async () => {
    await run("m30", {
      history: [...LAST_MONTH, { merchant: "Bluebird Coffee", category: "Dining", amount: -4_50, postedAt: daysAgo(1) }],
      turns: [{ say: "what did i spend money on yesterday", expect: { text: /Bluebird Coffee|\$4\.50/, notText: /Fresh Fields/ } }],
    });
  });
});

describe("forty more: small talk around a request, texting style", () => {
  it("31 'hey there! could you check my balance please, thanks so much'", async () => {
    await run("m31", { turns: [{ say: "hey there! could you check my balance please, thanks so much", expect: { intent: "balance", data: "accounts" } }] });
  });

  it("32 'good morning, hope you're well! i'd like to move 50 from checking to savings'", async () => {
    await run("m32", {
      turns: [
        { say: "good morning, hope you're well! i'd like to move 50 from checking to savings", expect: { confirmation: true, text: /\$50\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00, savings: 5_050_00 } },
      ],
    });
  });

  it("33 'cn u chk my bal'", async () => {
    await run("m33", { turns: [{ say: "cn u chk my bal", expect: { intent: "balance", data: "accounts" } }] });
  });

  it("34 'snd 15 2 jordan lee frm checking'", async () => {
    await run("m34", {
      turns: [
        { say: "snd 15 2 jordan lee frm checking", expect: { confirmation: true, text: /\$15\.00[\s\S]*Jordan Lee/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 985_00 } },
      ],
    });
  });

  it("35 'wat did i spnd on groceries last mnth'", async () => {
    await run("m35", { history: LAST_MONTH, turns: [{ say: "wat did i spnd on groceries last mnth", expect: { intent: "spending", text: /\$120\.00/ } }] });
  });
});

describe("forty more: corrections", () => {
  it("36 'actually make it 40' under a bill's card", async () => {
    await run("m36", {
      turns: [
        { say: "pay city power 60 from checking", expect: { confirmation: true, text: /\$60\.00/ } },
        { say: "actually make it 40", expect: { confirmation: true, text: /\$40\.00/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 960_00 } },
      ],
    });
  });

  it("37 'actually only half that'", async () => {
    await run("m37", {
      turns: [
        { say: "transfer 500 from savings to checking", expect: { confirmation: true, text: /\$500\.00/ } },
        { say: "actually only half that", expect: { confirmation: true, text: /\$250\.00/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_250_00, savings: 4_750_00 } },
      ],
    });
  });
});

describe("forty more: what a bank assistant declines", () => {
  it("38 'can i get a loan for 5000 dollars': no transfer is set up", async () => {
    await run("m38", { turns: [{ say: "can i get a loan for 5000 dollars", expect: { intent: /^(?!transfer$|pay_bill$)/, confirmation: false }, balances: untouched }] });
  });

  it("39 'what stocks should i invest in'", async () => {
    await run("m39", { turns: [{ say: "what stocks should i invest in", expect: { intent: "out_of_scope", confirmation: false } }] });
  });

  it("40 'send 50 to my neighbour bob from checking': not a saved payee", async () => {
    await run("m40", { turns: [{ say: "send 50 to my neighbour bob from checking", expect: { confirmation: false, text: /payee/i }, balances: untouched }] });
  });
});
