import { describe, expect, it } from "vitest";
import { daysAgo, runScript, scheduleRowsOf, type HistoryItem } from "./script.js";

/**
 * flows24: follow-ups and answers inside a conversation, found by using Teller as seeded customers.
 * Each script failed before its fix (first run, 2026-12-04, the replies quoted in each test).
 * Through the gateway: JWT, RPC, the ChatSession DO, NLU, the dialogue engine and Postgres.
 */
const untouched = { checking: 1_000_00, savings: 5_000_00 };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "4 Dec 2026", as the dispute replies date a charge. */
const day = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

describe("a slip of yes at a money confirmation", () => {
  // Before: "yse" got "Sorry, I didn't catch that. Send $10.00 … Please answer Yes or No."; "ya"
  // (read as goodbye) got "I've stopped what we were setting up — nothing was done."
  for (const slip of ["yse", "ya"]) {
    it(`'${slip}' asks whether yes was meant, with the same card; nothing moves until the Yes`, async () => {
      await runScript(`near-yes-${slip}`, {
        turns: [
          { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true } },
          {
            say: slip,
            expect: { confirmation: true, text: /^Did you mean yes\? Tap Yes to send \$10\.00 to “Jordan Lee” ••7788, or No to cancel\.$/ },
            balances: untouched,
            check: (reply, ctx) => void expect(reply.confirmation!.id).toBe(ctx.turns[0]!.reply.confirmation!.id),
          },
          { say: "Yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 990_00 } },
          { say: "yes", balances: { checking: 990_00 } },
        ],
      });
    });
  }

  it("'yess', 'yea', 'yeah', 'yep' and 'sure' stay a yes: the money moves once", async () => {
    for (const yes of ["yess", "yea", "yeah", "yep", "sure"]) {
      await runScript(`near-yes-kept-${yes}`, {
        turns: [
          { say: "send 10 to Jordan Lee from checking", expect: { confirmation: true } },
          { say: yes, expect: { data: "transfer_receipt" }, balances: { checking: 990_00 } },
        ],
      });
    }
  });
});

describe("the status of the dispute just shown", () => {
  // Before: "what's happening with it" got the greeting; "any update?" and "whats the status" got
  // "Sorry, I can't help with that. …".
  it("'what's happening with it' / 'any update?' / 'whats the status' after 'show my disputes'", async () => {
    const status = /^Your dispute DSP-[0-9A-Z]{6} for the \$61\.20 charge at “Amazon” on .* is open \(opened .*\): our disputes team will review it/;
    await runScript("dsp-status", {
      history: [{ merchant: "Amazon", category: "Shopping", amount: -61_20, postedAt: daysAgo(6) }],
      turns: [
        { say: "dispute the amazon charge", expect: { text: /\$61\.20 at “Amazon”/ } },
        { say: "charge 1", expect: { text: /opened dispute DSP-/ } },
        { say: "show my disputes", expect: { data: "disputes" } },
        { say: "what's happening with it", expect: { data: "disputes", text: status } },
        { say: "any update?", expect: { data: "disputes", text: status } },
        { say: "whats the status", expect: { data: "disputes", text: status } },
      ],
    });
  });
});

describe("a weekly schedule without a day", () => {
  // Before: "every Saturday from Sat 5 Dec 2026": tomorrow's weekday, never said to be tomorrow.
  it("'send $50 to savings every week' says the weekday and that it starts tomorrow", async () => {
    const tomorrow = daysAgo(-1);
    const weekday = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][tomorrow.getUTCDay()]!;
    await runScript("weekly-start", {
      turns: [
        {
          say: "send $50 to savings every week",
          expect: { confirmation: true, text: new RegExp(`^Send \\$50\\.00 from Everyday Checking ••1001 to Rainy Day Savings ••2002 every ${weekday}, starting tomorrow, ${weekday.slice(0, 3)} ${day(tomorrow)}, until you cancel it\\?$`) },
          balances: untouched,
        },
      ],
    });
  });
});

describe("a charge made twice", () => {
  const TWICE: HistoryItem[] = [
    { merchant: "Fresh Fields Market", category: "Groceries", amount: -54_10, postedAt: daysAgo(3) },
    { merchant: "Fresh Fields Market", category: "Groceries", amount: -54_10, postedAt: daysAgo(2) },
  ];
  // Before: only the repeat was listed ("Is this the charge you mean? 1. $54.10 …"), and "the
  // second one" got "There's no charge number 2.".
  for (const [said, postedAt] of [["the second one", daysAgo(2)], ["the first one", daysAgo(3)]] as const) {
    it(`both charges are listed, and '${said}' disputes that one`, async () => {
      await runScript(`twice-${said.split(" ")[1]}`, {
        history: TWICE,
        turns: [
          {
            say: "i was charged twice",
            expect: { text: new RegExp(`^These look like the same charge made twice: 1\\. \\$54\\.10 at “Fresh Fields Market” on ${day(daysAgo(3))}; 2\\. \\$54\\.10 at “Fresh Fields Market” on ${day(daysAgo(2))}\\.`) },
          },
          { say: said, expect: { text: new RegExp(`^I've opened dispute DSP-[0-9A-Z]{6} for the \\$54\\.10 charge at “Fresh Fields Market” on ${day(postedAt)}\\.`) } },
        ],
      });
    });
  }
});

describe("changing a schedule just set up", () => {
  // Before: "I can't change a schedule here: I can cancel it, and then set up $150.00 as a new one."
  // with a card that only cancelled: after its Yes the customer had no schedule at all.
  it("'change it to 150': one card cancels the $50 and sets up the same schedule at $150, once", async () => {
    const ctx = await runScript("schedule-change", {
      turns: [
        { say: "send $50 to savings every week", expect: { confirmation: true } },
        { say: "Yes", press: "yes", expect: { text: /scheduled \$50\.00/ } },
        {
          say: "change it to 150",
          expect: { confirmation: true, text: /^That payment is already scheduled, and I can't change a schedule in place: I can cancel it and set up the same schedule at \$150\.00 instead\.\n\nCancel your scheduled payment of \$50\.00 to Rainy Day Savings .*, and instead set up \$150\.00 to Rainy Day Savings every \w+day, starting .*, until you cancel it\? Nothing is sent now\.$/ },
          balances: untouched,
        },
        { say: "Yes", press: "yes", expect: { text: /scheduled \$150\.00 to Rainy Day Savings ••2002 every \w+day/ }, balances: untouched },
        { say: "yes", balances: untouched },
        { say: "Yes", press: "yes", pressOf: 2, balances: untouched },
      ],
    });
    const rows = await scheduleRowsOf(ctx);
    expect(rows.map((r) => [r.status, r.amount]).sort()).toEqual([["active", 150_00], ["cancelled", 50_00]]);
  });
});
