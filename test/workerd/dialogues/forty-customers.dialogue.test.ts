import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { TEST_ROUTING_NUMBER } from "../../../scripts/db/fixtures.js";
import { runScript, scheduleRowsOf, type HistoryItem, type Script } from "./script.js";

/**
 * sweep23: forty more customers' conversations (2–5 messages each), written before they were run,
 * on themes the other forty-* files touch little: the credit card (statement, minimum, due date,
 * APR, credit left, points), bills to a saved biller, recurring and scheduled payments (set up,
 * list, change, cancel), fraud, disputes, card expiry, account and routing numbers, small talk
 * around a request, texting, corrections mid-flow, a change of mind at the confirmation and
 * amounts in words. Each runs soft. Opening balances: checking $1,000.00 (Everyday Checking
 * ••1001), savings $5,000.00 (Rainy Day Savings ••2002), Teller Card ••3003 (limit $1,000.00, APR
 * 22.49%, 4,250 points, statement $412.35, minimum $25.00); cards Visa ••4242 (08/2029, debit) and
 * Mastercard ••5151 (03/2028); payees Jordan Lee ••7788 and City Power & Light ••9911.
 *
 * First run (written before running, 2026-12-04): 28 / 40. Nine misses were Teller's and fixed, each
 * with a test beside its module: 03 23 25 (a fact's follow-up: flows/fact-follow-up.ts), 14 (a
 * schedule changed: schedules.ts), 16 (a freeze asked during a fraud report), 18 (someone else used
 * the card: own-words-12.ts), 33 ("my cc"; "pay it off": flows/pay-it-off.ts), 37 ("on second
 * thought leave it" at the card: the next yes had sent the money). Four were the script's: 07 (the
 * biller is a quick reply, not in the question), 11 ("every week" is confirmed as "every Saturday"),
 * 20 (the repeated charge is listed once, the duplicate; "the second one" of a list of one), 35 (the
 * payee's name is quoted); 33 now expects the card payment's "How much?" as "pay off my card" gets.
 */
const untouched = { checking: 1_000_00, savings: 5_000_00 };

/** Noon UTC `days` days ago. */
function daysAgo(days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days, 12));
}
const OWES_STATEMENT: HistoryItem = { account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -412_35, postedAt: daysAgo(20) };
const GADGET: HistoryItem = { merchant: "Gadget Hub", category: "Shopping", amount: -89_99, postedAt: daysAgo(3) };
const TWICE: HistoryItem[] = [
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -54_10, postedAt: daysAgo(2) },
  { merchant: "Fresh Fields Market", category: "Groceries", amount: -54_10, postedAt: daysAgo(2) },
];
const ABROAD: HistoryItem = { account: "credit", merchant: "Hotel Lisboa Centro", category: "Travel", amount: -310_00, postedAt: daysAgo(1) };
const WATER = { name: "Lakeside Water", mask: "3344", kind: "biller" as const };

/** A soft script: every wrong step is reported, and the test fails if any was. */
const run = (label: string, script: Script) => runScript(label, { ...script, soft: true });

/** The reply offers a quick reply whose label matches `label`. */
const offers = (label: RegExp) => (reply: Reply) => {
  expect.soft(reply.actions.some((a) => label.test(a.label)), `a quick reply ${label}`).toBe(true);
};

/** The customer's schedules by status. */
async function statuses(ctx: Awaited<ReturnType<typeof runScript>>): Promise<string[]> {
  return (await scheduleRowsOf(ctx)).map((row) => row.status);
}

describe("forty customers: the credit card", () => {
  it("01 'whats my credit card statement balance'", async () => {
    await run("c01", { turns: [
        { say: "whats my credit card statement balance", expect: { confirmation: false, text: /\$412\.35/ } },
        { say: "and when is it due?", expect: { confirmation: false, text: /due/i, notText: /sorry/i } },
      ] });
  });

  it("02 'when's my credit card bill due and what's the minimum'", async () => {
    await run("c02", { turns: [
        { say: "when's my credit card bill due and what's the minimum", expect: { confirmation: false, text: /\$25\.00[\s\S]*due|due[\s\S]*\$25\.00/i } },
        { say: "thanks", expect: { confirmation: false, notText: /sorry/i } },
      ] });
  });

  it("03 'what's the apr on my credit card': the card's rate, not savings'", async () => {
    await run("c03", { turns: [
        { say: "what's the apr on my credit card", expect: { confirmation: false, text: /22\.49%/, notText: /3\.75%/ } },
        { say: "and on my savings?", expect: { confirmation: false, text: /3\.75%/ } },
      ] });
  });

  it("04 'how much credit do i have left' after a $150 purchase", async () => {
    await run("c04", {
      history: [{ account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -150_00, postedAt: daysAgo(2) }],
      turns: [
        { say: "how much credit do i have left", expect: { confirmation: false, text: /\$850\.00/ } },
        { say: "whats my limit", expect: { confirmation: false, text: /\$1,000\.00/ } },
      ],
    });
  });

  it("05 'do i have any rewards points', then 'nice, thank you'", async () => {
    await run("c05", {
      turns: [
        { say: "do i have any rewards points", expect: { confirmation: false, text: /4,250/ } },
        { say: "nice, thank you", expect: { confirmation: false, notText: /4,250|sorry/i } },
      ],
    });
  });

  it("06 'pay the minimum on my credit card', the account asked, yes", async () => {
    await run("c06", {
      history: [OWES_STATEMENT],
      turns: [
        { say: "pay the minimum on my credit card", expect: { confirmation: false, text: /which account|from/i } },
        { say: "checking", expect: { confirmation: true, text: /\$25\.00[\s\S]*Teller Card/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00, savings: 5_000_00 } },
      ],
    });
  });
});

describe("forty customers: bills to a saved biller", () => {
  it("07 'i want to pay a bill': which bill, how much, from where, yes", async () => {
    await run("c07", {
      turns: [
        // The saved biller is offered as a quick reply (the question names none).
        { say: "i want to pay a bill", expect: { confirmation: false, text: /which bill/i }, check: offers(/City Power/) },
        { say: "city power", expect: { confirmation: false, text: /how much/i } },
        { say: "85.20", expect: { confirmation: false, text: /which account|from/i } },
        { say: "checking", expect: { confirmation: true, text: /\$85\.20[\s\S]*City Power & Light/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 914_80, savings: 5_000_00 } },
      ],
    });
  });

  it("08 'pay city power and light one hundred twenty dollars from checking' (words)", async () => {
    await run("c08", {
      turns: [
        { say: "pay city power and light one hundred twenty dollars from checking", expect: { confirmation: true, text: /\$120\.00[\s\S]*City Power & Light/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 880_00 } },
      ],
    });
  });

  it("09 'pay my water bill', 45 from savings, then no at the card", async () => {
    await run("c09", {
      payees: [WATER],
      turns: [
        { say: "pay my water bill", expect: { confirmation: false, text: /how much/i } },
        { say: "45 from savings", expect: { confirmation: true, text: /\$45\.00[\s\S]*Rainy Day Savings[\s\S]*Lakeside Water|\$45\.00[\s\S]*Lakeside Water[\s\S]*Rainy Day Savings/ } },
        { say: "no", press: "no", expect: { confirmation: false, text: /cancel|haven't|nothing|won't/i }, balances: untouched },
      ],
    });
  });
});

describe("forty customers: recurring and scheduled payments", () => {
  it("10 'set up a monthly transfer of 200 from checking to savings on the 1st'", async () => {
    const ctx = await run("c10", {
      turns: [
        { say: "set up a monthly transfer of 200 from checking to savings on the 1st", expect: { confirmation: true, text: /\$200\.00[\s\S]*(month|1st)/i } },
        { say: "yes", press: "yes", expect: { text: /schedul/i }, balances: untouched },
      ],
    });
    expect.soft(await statuses(ctx)).toEqual(["active"]);
  });

  it("11 'pay jordan lee 25 every week from checking', yes, then the list", async () => {
    await run("c11", {
      turns: [
        { say: "pay jordan lee 25 every week from checking", expect: { confirmation: true, text: /\$25\.00[\s\S]*Jordan Lee[\s\S]*every (?:week|\w+day)/i } },
        { say: "yes", press: "yes", expect: { text: /schedul/i }, balances: untouched },
        { say: "what payments do i have scheduled", expect: { confirmation: false, text: /Jordan Lee[\s\S]*\$25\.00|\$25\.00[\s\S]*Jordan Lee/ } },
      ],
    });
  });

  it("12 scheduled for tomorrow, listed, then 'cancel it' with a yes", async () => {
    const ctx = await run("c12", {
      turns: [
        { say: "send 50 to savings tomorrow from checking", expect: { confirmation: true, text: /\$50\.00[\s\S]*tomorrow/i } },
        { say: "yes", press: "yes", expect: { text: /schedul/i }, balances: untouched },
        { say: "show my scheduled transfers", expect: { confirmation: false, text: /\$50\.00/ } },
        { say: "cancel it", expect: { confirmation: true, text: /cancel/i } },
        { say: "yes", press: "yes", expect: { text: /cancel/i }, balances: untouched },
      ],
    });
    expect.soft(await statuses(ctx)).toEqual(["cancelled"]);
  });

  it("13 'do i have any recurring payments set up?' with none", async () => {
    await run("c13", { turns: [
        { say: "do i have any recurring payments set up?", expect: { confirmation: false, text: /no |don't have|none|nothing/i } },
        { say: "ok set one up: 50 from checking to savings every friday", expect: { confirmation: true, text: /\$50\.00[\s\S]*Friday/i }, balances: untouched },
      ] });
  });

  it("14 'every friday' scheduled, then 'can i change that to 150?'", async () => {
    const ctx = await run("c14", {
      turns: [
        { say: "transfer 100 from checking to savings every friday", expect: { confirmation: true, text: /\$100\.00[\s\S]*Friday/i } },
        { say: "yes", press: "yes", expect: { text: /schedul/i }, balances: untouched },
        { say: "can i change that to 150?", expect: { text: /150/, notText: /didn't understand|sorry, i can't help/i }, balances: untouched },
      ],
    });
    // Nothing is replaced without a Yes: the $100 schedule is still the one active.
    const rows = await scheduleRowsOf(ctx);
    expect.soft(rows.filter((r) => r.status === "active").map((r) => r.amount)).toEqual([100_00]);
  });

  it("15 'move 100 to savings from checking every month', then 'stop the recurring transfer to my savings'", async () => {
    const ctx = await run("c15", {
      turns: [
        { say: "move 100 to savings from checking every month", expect: { confirmation: true, text: /\$100\.00[\s\S]*month/i } },
        { say: "yes", press: "yes", expect: { text: /schedul/i } },
        { say: "stop the recurring transfer to my savings", expect: { confirmation: true, text: /cancel|stop/i } },
        { say: "yes", press: "yes", expect: { text: /cancel|stopped/i }, balances: untouched },
      ],
    });
    expect.soft(await statuses(ctx)).toEqual(["cancelled"]);
  });
});

describe("forty customers: fraud and disputes", () => {
  it("16 'there's a charge on my card i didnt make, i think its fraud'", async () => {
    await run("c16", {
      history: [GADGET],
      turns: [
        { say: "there's a charge on my card i didnt make, i think its fraud", expect: { text: /Gadget Hub|fraud|dispute|team|person/i, notText: /didn't understand/i }, balances: { checking: 910_01 } },
        { say: "can you freeze my visa too", expect: { text: /Visa[\s\S]*frozen|frozen[\s\S]*Visa/i } },
      ],
    });
  });

  it("17 'i need to report fraud on my visa', then yes to the freeze", async () => {
    await run("c17", {
      turns: [
        { say: "i need to report fraud on my visa", expect: { text: /freeze/i } },
        { say: "yes", expect: { text: /Visa[\s\S]*frozen|frozen[\s\S]*Visa/i } },
      ],
    });
  });

  it("18 'someone used my mastercard in another country, it wasnt me'", async () => {
    await run("c18", {
      history: [ABROAD],
      turns: [
        { say: "someone used my mastercard in another country, it wasnt me", expect: { text: /freeze|fraud|dispute|team|person/i, notText: /didn't understand/i } },
        { say: "please block it", expect: { text: /Mastercard[\s\S]*frozen|frozen[\s\S]*Mastercard/i } },
      ],
    });
  });

  it("19 'i want to dispute the gadget hub charge', the charge picked", async () => {
    await run("c19", {
      history: [GADGET],
      turns: [
        { say: "i want to dispute the gadget hub charge", expect: { text: /\$89\.99[\s\S]*Gadget Hub|Gadget Hub[\s\S]*\$89\.99/ } },
        { say: "1", expect: { text: /DSP-[0-9A-Z]{6}/ } },
      ],
    });
  });

  it("20 'i was charged twice at fresh fields', the repeated charge disputed", async () => {
    await run("c20", {
      history: TWICE,
      turns: [
        // Both charges of the pair are listed (flows24), and a yes opens the case for the repeat.
        { say: "i was charged twice at fresh fields", expect: { text: /\$54\.10 at “Fresh Fields Market”/ } },
        { say: "yes", expect: { text: /DSP-[0-9A-Z]{6}[\s\S]*\$54\.10/ } },
      ],
    });
  });

  it("21 'whats the status of my dispute' with none", async () => {
    await run("c21", { turns: [
        { say: "whats the status of my dispute", expect: { confirmation: false, text: /no dispute|don't have any|haven't|no open/i } },
        { say: "ok thanks", expect: { confirmation: false, notText: /sorry/i } },
      ] });
  });

  it("22 a dispute opened, then 'any update on my dispute?'", async () => {
    await run("c22", {
      history: [GADGET],
      turns: [
        { say: "dispute the gadget hub charge", expect: { text: /Gadget Hub/ } },
        { say: "charge 1", expect: { text: /DSP-[0-9A-Z]{6}/ } },
        { say: "any update on my dispute?", expect: { data: "disputes", text: /DSP-[0-9A-Z]{6}[\s\S]*open/i } },
      ],
    });
  });
});

describe("forty customers: cards and account numbers", () => {
  it("23 'when does my visa expire': that card's date only", async () => {
    await run("c23", { turns: [
        { say: "when does my visa expire", expect: { confirmation: false, text: /2029/, notText: /2028/ } },
        { say: "and my mastercard?", expect: { confirmation: false, text: /2028/, notText: /2029/ } },
      ] });
  });

  it("24 'when do my cards expire': both", async () => {
    await run("c24", { turns: [
        { say: "when do my cards expire", expect: { confirmation: false, text: /2029[\s\S]*2028|2028[\s\S]*2029/ } },
        { say: "will i get a new one automatically?", expect: { confirmation: false, notText: /didn't understand/i } },
      ] });
  });

  it("25 'whats my account number': masked", async () => {
    await run("c25", { turns: [
        { say: "whats my account number", expect: { confirmation: false, text: /1001/, notText: /000012341001|000056782002/ } },
        { say: "and for savings?", expect: { confirmation: false, text: /2002/, notText: /000056782002/ } },
      ] });
  });

  it("26 'whats my routing number and checking account number, i need it for my employer'", async () => {
    await run("c26", {
      turns: [
        { say: "whats my routing number and checking account number, i need it for my employer", expect: { confirmation: false, text: new RegExp(TEST_ROUTING_NUMBER) } },
        { say: "thats all thanks", expect: { confirmation: false, notText: /sorry/i } },
      ],
    });
  });

  it("27 'show me my full checking account number': checking's only", async () => {
    await run("c27", { turns: [
        { say: "show me my full checking account number", expect: { confirmation: false, text: /000012341001/, notText: /000056782002/ } },
        { say: "and the routing number?", expect: { confirmation: false, text: new RegExp(TEST_ROUTING_NUMBER) } },
      ] });
  });
});

describe("forty customers: small talk around a request", () => {
  it("28 'hi there', the savings balance, 'cool thanks!'", async () => {
    await run("c28", {
      turns: [
        { say: "hi there", expect: { confirmation: false, notText: /sorry/i } },
        { say: "can you tell me my savings balance", expect: { text: /\$5,000\.00/ } },
        { say: "cool thanks!", expect: { confirmation: false, notText: /sorry|didn't understand/i } },
      ],
    });
  });

  it("29 'ugh long day lol. whats my checking balance'", async () => {
    await run("c29", { turns: [
        { say: "ugh long day lol. whats my checking balance", expect: { text: /\$1,000\.00/ } },
        { say: "and savings?", expect: { text: /\$5,000\.00/ } },
      ] });
  });

  it("30 'are you a real person?', then a transfer and its yes", async () => {
    await run("c30", {
      turns: [
        { say: "are you a real person?", expect: { confirmation: false, text: /assistant|bot|virtual|not a person|automated/i } },
        { say: "ok then transfer 20 from checking to savings", expect: { confirmation: true, text: /\$20\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 980_00, savings: 5_020_00 } },
      ],
    });
  });
});

describe("forty customers: texting and slips", () => {
  it("31 'pls pay city power 60 frm checkng'", async () => {
    await run("c31", {
      turns: [
        { say: "pls pay city power 60 frm checkng", expect: { confirmation: true, text: /\$60\.00[\s\S]*Everyday Checking[\s\S]*City Power|\$60\.00[\s\S]*City Power[\s\S]*Everyday Checking/ } },
        { say: "yep", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 940_00 } },
      ],
    });
  });

  it("32 'wats my credt card balance'", async () => {
    await run("c32", { history: [OWES_STATEMENT], turns: [
        { say: "wats my credt card balance", expect: { text: /\$412\.35/, notText: /Rainy Day Savings/ } },
        { say: "when do i need to pay it by", expect: { confirmation: false, text: /due/i } },
      ] });
  });

  it("33 'how much do i owe on my cc'", async () => {
    await run("c33", { history: [OWES_STATEMENT], turns: [
        { say: "how much do i owe on my cc", expect: { confirmation: false, text: /\$412\.35/ } },
        // As "pay off my card" does: how much, with the statement's figures offered.
        { say: "ok pay it off from savings", expect: { confirmation: false, text: /how much[\s\S]*pay|pay[\s\S]*how much/i, notText: /send|who/i } },
        { say: "the statement balance", expect: { confirmation: true, text: /\$412\.35[\s\S]*Rainy Day Savings[\s\S]*Teller Card|\$412\.35[\s\S]*Teller Card[\s\S]*Rainy Day Savings/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 4_587_65 } },
      ] });
  });
});

describe("forty customers: corrections and second thoughts", () => {
  it("34 'send 500 to jordan lee from checking', 'no, 50 not 500'", async () => {
    await run("c34", {
      turns: [
        { say: "send 500 to jordan lee from checking", expect: { confirmation: true, text: /\$500\.00/ } },
        { say: "no, 50 not 500", expect: { confirmation: true, text: /\$50\.00[\s\S]*Jordan Lee/, notText: /\$500\.00/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00 } },
      ],
    });
  });

  it("35 'transfer 100 to jordan lee from checking', 'actually from savings'", async () => {
    await run("c35", {
      turns: [
        { say: "transfer 100 to jordan lee from checking", expect: { confirmation: true, text: /\$100\.00[\s\S]*Everyday Checking/ } },
        { say: "actually from savings", expect: { confirmation: true, text: /\$100\.00 from Rainy Day Savings ••2002 to “Jordan Lee”/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_000_00, savings: 4_900_00 } },
      ],
    });
  });

  it("36 'move 300 from savings to checking', 'sorry i meant 30'", async () => {
    await run("c36", {
      turns: [
        { say: "move 300 from savings to checking", expect: { confirmation: true, text: /\$300\.00/ } },
        { say: "sorry i meant 30", expect: { confirmation: true, text: /\$30\.00 from Rainy Day Savings/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_030_00, savings: 4_970_00 } },
      ],
    });
  });

  it("37 'pay jordan lee 75 from checking', 'on second thought leave it', a stray yes", async () => {
    await run("c37", {
      turns: [
        { say: "pay jordan lee 75 from checking", expect: { confirmation: true, text: /\$75\.00/ } },
        { say: "on second thought leave it", expect: { confirmation: false, text: /cancel|haven't|nothing|won't/i }, balances: untouched },
        { say: "yes", expect: { confirmation: false, notText: /sent \$75|receipt/i }, balances: untouched },
      ],
    });
  });

  it("38 'transfer 200 from checking to savings', No on the card", async () => {
    await run("c38", {
      turns: [
        { say: "transfer 200 from checking to savings", expect: { confirmation: true, text: /\$200\.00/ } },
        { say: "no", press: "no", expect: { confirmation: false, text: /cancel|haven't|nothing|won't/i }, balances: untouched },
      ],
    });
  });
});

describe("forty customers: amounts in words", () => {
  it("39 'send fifty dollars to jordan lee from checking'", async () => {
    await run("c39", {
      turns: [
        { say: "send fifty dollars to jordan lee from checking", expect: { confirmation: true, text: /\$50\.00[\s\S]*Jordan Lee/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 950_00 } },
      ],
    });
  });

  it("40 'move two hundred and fifty from savings to checking'", async () => {
    await run("c40", {
      turns: [
        { say: "move two hundred and fifty from savings to checking", expect: { confirmation: true, text: /\$250\.00 from Rainy Day Savings/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_250_00, savings: 4_750_00 } },
      ],
    });
  });
});
