/**
 * Wave 3, explore28: everyday customers by hand (`npm start`, the three seeded customers), and what
 * they got wrong. Each turn below failed before its fix.
 * Opening balances: checking $1,000.00, savings $5,000.00; payees Jordan Lee and City Power & Light.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { daysAgo, lastMonth, runScript, type HistoryItem } from "./script.js";

const rows = (reply: Reply) => (reply.data?.kind === "transactions" ? reply.data.transactions : []);

const SHOPPING: HistoryItem[] = [
  { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_50, postedAt: daysAgo(1) },
  { account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -60_00, postedAt: daysAgo(2) },
  { merchant: "Fresh Market", category: "Groceries", amount: -32_10, postedAt: daysAgo(3) },
  { account: "credit", merchant: "Page Turner Books", category: "Shopping", amount: -18_00, postedAt: daysAgo(4) },
  { merchant: "Daily Grind", category: "Coffee", amount: -3_75, postedAt: daysAgo(5) },
  { merchant: "Fresh Market", category: "Groceries", amount: -41_20, postedAt: daysAgo(6) },
  { merchant: "Metro Transit", category: "Transport", amount: -2_75, postedAt: daysAgo(7) },
  { merchant: "Sakura Sushi", category: "Dining", amount: -27_40, postedAt: daysAgo(8) },
];

describe("everyday customers by hand (explore28)", () => {
  it("'last 5 things i bought', then 'what about just checking' / 'only the card ones': still 5, of that account", async () => {
    await runScript("e28-last-five", {
      customer: { credit: true },
      history: SHOPPING,
      turns: [
        { say: "last 5 things i bought", expect: { intent: "transactions" }, check: (r) => expect(rows(r)).toHaveLength(5) },
        { say: "what about just checking", expect: { intent: "transactions" }, check: (r) => expect(rows(r)).toHaveLength(5) },
        { say: "only the card ones", expect: { intent: "transactions", notText: /can't help/ }, check: (r) => expect(rows(r).map((t) => t.merchant).sort()).toEqual(["Harbor Outfitters", "Page Turner Books"]) },
      ],
    });
  });

  it("'how much was my last water bill' with a water biller never answers with the power company's payment", async () => {
    await runScript("e28-water-bill", {
      payees: [{ name: "Metro Water Utility", mask: "4410", kind: "biller" }],
      history: [{ merchant: "City Power & Light", category: "Utilities", amount: -66_26, postedAt: daysAgo(15) }],
      turns: [
        { say: "how much was my last water bill", expect: { text: /can't find a payment for “water/, notText: /^Your last payment/ } },
        { say: "pay it", expect: { intent: "pay_bill", text: /Metro Water Utility/, notText: /City Power/, confirmation: false } },
        { say: "40", expect: { confirmation: false } },
        { say: "checking", expect: { confirmation: true, text: /\$40\.00[\s\S]*Metro Water Utility/ }, balances: { checking: 933_74 } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 893_74 } },
      ],
    });
  });

  it("'what subscriptions am i paying for' lists them", async () => {
    await runScript("e28-subscriptions", {
      history: [
        { merchant: "Streamflix", category: "Subscriptions", amount: -15_49, postedAt: daysAgo(3) },
        { merchant: "Tunely Music", category: "Subscriptions", amount: -11_99, postedAt: daysAgo(10) },
      ],
      turns: [{ say: "what subscriptions am i paying for", expect: { data: "transactions", text: /subscription/i }, check: (r) => expect(rows(r)).toHaveLength(2) }],
    });
  });

  it("'whats the pending one from' lists the pending payment", async () => {
    await runScript("e28-pending-one", {
      history: [
        { merchant: "Fresh Market", category: "Groceries", amount: -32_10, postedAt: daysAgo(3) },
        { merchant: "Shell", category: "Transport", amount: -48_00, postedAt: daysAgo(0), status: "pending" },
      ],
      turns: [{ say: "whats the pending one from", expect: { data: "transactions" }, check: (r) => expect(rows(r).map((t) => t.merchant)).toEqual(["Shell"]) }],
    });
  });

  it("money abroad and a new credit card are answered as such", async () => {
    await runScript("e28-abroad-card", {
      turns: [
        { say: "can i wire money to mexico", expect: { intent: "international_transfer", text: /abroad/, confirmation: false } },
        { say: "how do i get a credit card", expect: { intent: "open_account", notText: /physical card/ } },
      ],
    });
  });

  it("'how much interest did i pay last month' is the interest charged, not the rates", async () => {
    await runScript("e28-interest-paid", {
      customer: { credit: true },
      history: [
        { account: "credit", merchant: "Interest", category: "Fees", amount: -7_12, postedAt: lastMonth(15) },
        { account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -60_00, postedAt: lastMonth(10) },
      ],
      turns: [
        {
          say: "how much interest did i pay last month",
          expect: { data: "transactions", text: /You were charged \$7\.12 in interest/, notText: /APY/ },
          check: (r) => expect(rows(r).map((t) => [t.merchant, t.amount.minor])).toEqual([["Interest", -7_12]]),
        },
        { say: "was i charged interest this month", expect: { text: /don't see any interest charged/, notText: /APY/ } },
      ],
    });
  });

  it("'any fees this month' / 'did i pay any fees last month': the fees booked, never coffee, never 'Sorry'", async () => {
    await runScript("e28-fees", {
      history: [
        { merchant: "Monthly service fee", category: "Fees", amount: -5_00, postedAt: lastMonth(12) },
        { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_50, postedAt: lastMonth(13) },
        { merchant: "Daily Grind", category: "Coffee", amount: -3_75, postedAt: daysAgo(1) },
      ],
      turns: [
        { say: "any fees this month", expect: { intent: "transactions", notText: /can't help|Coffee|Grind/ }, check: (r) => expect(rows(r)).toEqual([]) },
        {
          say: "did i pay any fees last month",
          expect: { intent: "transactions", data: "transactions" },
          check: (r) => expect(rows(r).map((t) => t.merchant)).toEqual(["Monthly service fee"]),
        },
      ],
    });
  });

  it("'yes' at 'Which card would you like to freeze?' after a lost wallet: asked which, never 'Sorry', never a hand-off", async () => {
    await runScript("e28-wallet-yes", {
      turns: [
        { say: "i lost my wallet", expect: { intent: "lost_or_stolen_card", text: /Which card would you like to freeze\?/ } },
        { say: "yes", expect: { text: /^OK — which one\?(?=[\s\S]*Visa ••4242)(?=[\s\S]*Mastercard ••5151)/, notText: /Sorry/, confirmation: false } },
        { say: "yes", expect: { text: /^OK — which one\?/, notText: /Sorry|member of our team/ } },
        { say: "the visa", expect: { text: /Visa ••4242/, notText: /Sorry|Mastercard ••5151 is frozen/ } },
      ],
    });
  });

  it("'did it go through' before the Yes: not yet, nothing sent, the question or the card again", async () => {
    await runScript("e28-not-sent-yet", {
      turns: [
        { say: "send 25 to jordan lee", expect: { intent: "transfer", confirmation: false } },
        { say: "did it go through", expect: { text: /^Not yet — nothing has been sent\.[\s\S]*from\?/, notText: /Sorry/ }, balances: { checking: 1_000_00 } },
        { say: "checking", expect: { confirmation: true } },
        { say: "did it go through?", expect: { confirmation: true, text: /^Not yet — nothing has been sent\./ }, balances: { checking: 1_000_00 } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
      ],
    });
  });

  it("'is there a fee to send money' is answered, alone or in the middle of a transfer", async () => {
    await runScript("e28-transfer-fee", {
      turns: [
        { say: "is there a fee to send money", expect: { intent: "transfer_fee_charged", text: /no fee on a transfer/, notText: /Sorry/ } },
        { say: "send 25 to jordan lee", expect: { intent: "transfer" } },
        { say: "is there a fee to send money", expect: { text: /no fee on a transfer[\s\S]*Back to your transfer/, notText: /Sorry/ }, balances: { checking: 1_000_00 } },
      ],
    });
  });

  it("a bare 'cancel' after a balance read since a transfer offers no money back; 'cancel that transfer' still does", async () => {
    await runScript("e28-bare-cancel", {
      turns: [
        { say: "move 50 from savings to checking", expect: { confirmation: true } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 1_050_00, savings: 4_950_00 } },
        { say: "whats my balance", expect: { intent: "balance" } },
        { say: "cancel", expect: { confirmation: false, notText: /move it back|already gone through/ }, balances: { checking: 1_050_00, savings: 4_950_00 } },
        { say: "cancel that transfer", expect: { confirmation: true, text: /move it back/ } },
        { say: "no", press: "no", balances: { checking: 1_050_00, savings: 4_950_00 } },
      ],
    });
  });

  it("'send 20 to jordan and 30 to sam' (both saved): one recipient at a time, neither taken, nothing sent", async () => {
    await runScript("e28-two-payees", {
      payees: [{ name: "Sam Ortiz", mask: "1212" }],
      turns: [
        {
          say: "send 20 to jordan and 30 to sam",
          expect: { intent: "transfer", confirmation: false, text: /one recipient at a time/, notText: /More than one of your saved payees fits/ },
          balances: { checking: 1_000_00 },
        },
      ],
    });
  });
});
