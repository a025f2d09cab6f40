/**
 * Wave 3, explore27: ten everyday customers by hand (`npm start`, the three seeded customers, 150+
 * turns), and what they got wrong. Each turn below failed before its fix: "remove chidi" read as an
 * unfreeze (a Yes asked to unfreeze a frozen card), a fraud report that asked for the freeze
 * answered "Shall I freeze …?", "pay the minimum from checking" read as a transfer ("How much?"),
 * "whats my balance on the rewards card" answered with points, "my apy on checking" with the
 * balance, and "ok and …" after a done transfer told "That's already done — I haven't done it again.".
 * Opening balances: checking $1,000.00, savings $5,000.00, card ••3003 owing a $412.35 statement
 * (minimum $25.00); payees Jordan Lee and City Power & Light.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../packages/dialogue/index.js";
import { daysAgo, lastMonth, runScript, type HistoryItem } from "./script.js";

const rows = (reply: Reply) => (reply.data?.kind === "transactions" ? reply.data.transactions : []);

const OWES_STATEMENT: HistoryItem = { account: "credit", merchant: "Harbor Outfitters", category: "Shopping", amount: -412_35, postedAt: daysAgo(20) };

describe("everyday customers by hand (explore27)", () => {
  it("'remove chidi' with a frozen card: payees can't be removed here, and no unfreeze is offered", async () => {
    await runScript("e27-remove-name", {
      payees: [{ name: "Chidi Okafor", mask: "7869" }],
      turns: [
        { say: "freeze my debit card", expect: { intent: "freeze_card", text: /frozen/ } },
        { say: "remove chidi", expect: { intent: "remove_payee", confirmation: false, notText: /unfreeze/i } },
        { say: "delete jordan lee please", expect: { intent: "remove_payee", confirmation: false, notText: /unfreeze/i } },
        { say: "is my card still frozen", expect: { text: /frozen/, notText: /active again/ } },
      ],
    });
  });

  it("a fraud report that asks for the freeze freezes at once; one that refuses it is not offered one", async () => {
    await runScript("e27-fraud-freeze", {
      turns: [
        {
          say: "there's a charge i don't recognize, i want to report fraud. please freeze my debit card",
          expect: { intent: "report_fraud", confirmation: false, text: /Done — Visa ••\d{4} is frozen/, notText: /Shall I freeze/ },
        },
      ],
    });
    await runScript("e27-fraud-no-freeze", {
      turns: [
        {
          say: "i want to report fraud on my account but don't freeze my card",
          expect: { intent: "report_fraud", confirmation: false, notText: /Shall I freeze|is frozen/ },
        },
      ],
    });
  });

  it("'pay the minimum from checking' pays the card's minimum, confirmed first, once", async () => {
    await runScript("e27-pay-minimum", {
      history: [OWES_STATEMENT],
      turns: [
        { say: "pay the minimum from checking", expect: { intent: "pay_bill", confirmation: true, text: /\$25\.00[\s\S]*Teller Card/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_00 } },
        { say: "pay my card minimum from savings", expect: { intent: "pay_bill", confirmation: true, text: /\$25\.00[\s\S]*Teller Card/ } },
        { say: "no", press: "no", balances: { checking: 975_00, savings: 5_000_00 } },
      ],
    });
  });

  it("the balance on a rewards card is what it owes, not its points", async () => {
    await runScript("e27-rewards-card-balance", {
      history: [OWES_STATEMENT],
      turns: [
        { say: "whats my balance on the rewards card", expect: { intent: "balance", text: /Teller Card ••3003/, notText: /points|Everyday Checking/ } },
        { say: "how much do i owe on my rewards card", expect: { intent: "balance", text: /Teller Card ••3003/, notText: /points|Everyday Checking/ } },
        { say: "how many points do i have", expect: { intent: "rewards_balance", text: /points/ } },
      ],
    });
  });

  it("'can you tell me my apy on checking' is the rate, not the balance", async () => {
    await runScript("e27-apy-checking", {
      turns: [{ say: "can you tell me my apy on checking", expect: { intent: "interest_rate", text: /Everyday Checking ••1001: [\d.]+% APY/, notText: /\$1,000\.00/ } }],
    });
  });

  it("'ok and …' after a transfer was done: the request is answered, nothing said to be done again", async () => {
    await runScript("e27-ok-and", {
      history: [{ merchant: "Bluebird Coffee", category: "Coffee", amount: -4_50, postedAt: daysAgo(1) }],
      turns: [
        { say: "send 20 to savings", expect: { confirmation: true } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 975_50, savings: 5_020_00 } },
        { say: "ok and what did i spend yesterday", expect: { intent: "spending", text: /^You spent \$4\.50/, notText: /already done/ } },
        { say: "alright and whats my savings rate", expect: { intent: "interest_rate", text: /^Rainy Day Savings ••2002: [\d.]+% APY/, notText: /already done/ } },
        { say: "ok", expect: { notText: /already done/ }, balances: { checking: 975_50, savings: 5_020_00 } },
      ],
    });
  });

  it("'show me transfers i made this month' lists the transfers only, not every transaction", async () => {
    await runScript("e27-transfers-only", {
      history: [
        { merchant: "Bluebird Coffee", category: "Coffee", amount: -4_50, postedAt: daysAgo(0) },
        { merchant: "Fresh Fields Market", category: "Groceries", amount: -62_10, postedAt: daysAgo(0) },
      ],
      turns: [
        { say: "send 20 to savings", expect: { confirmation: true } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" } },
        { say: "send 15 to jordan lee from checking", expect: { confirmation: true } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 898_40, savings: 5_020_00 } },
        {
          say: "show me transfers i made this month",
          expect: { intent: "transactions", data: "transactions" },
          check: (reply) => {
            const shown = rows(reply);
            expect(shown.map((t) => t.amount.minor).sort((a, b) => a - b), "the transfers' rows only").toEqual([-20_00, -15_00, 20_00]);
          },
        },
        {
          say: "my transfers this month",
          expect: { intent: "transactions", data: "transactions" },
          check: (reply) => expect(rows(reply).every((t) => !/Coffee|Fresh Fields/.test(t.merchant)), "no card payments").toBe(true),
        },
      ],
    });
  });

  it("'how much did i make last month' is the money that came in, not what was spent", async () => {
    await runScript("e27-made", {
      history: [
        { merchant: "Acme Payroll", category: "Income", amount: 2_000_00, postedAt: lastMonth(10) },
        { merchant: "Corner Grocer", category: "Groceries", amount: -50_00, postedAt: lastMonth(10) },
      ],
      turns: [{ say: "how much did i make last month", expect: { text: /^You received \$2,000\.00 /, notText: /spent/ } }],
    });
  });

  it("'groceries this month vs last' and 'coffee in october and november' answer both months", async () => {
    await runScript("e27-two-months", {
      history: [
        { merchant: "Corner Grocer", category: "Groceries", amount: -50_00, postedAt: lastMonth(10) },
        { merchant: "Corner Grocer", category: "Groceries", amount: -20_00, postedAt: daysAgo(0) },
      ],
      turns: [
        { say: "whats my spending on groceries this month vs last", expect: { intent: "spending", text: /\$20\.00[\s\S]*\$50\.00|\$50\.00[\s\S]*\$20\.00/ } },
        { say: "how much did i spend on coffee in october and november", expect: { intent: "spending", text: /October \d{4}[\s\S]*November \d{4}/ } },
      ],
    });
  });

  it("'how much have i sent to lucia' finds the payments to “Lucía García”, typed without accents", async () => {
    await runScript("e27-accents", {
      payees: [{ name: "Lucía García", mask: "0801" }],
      turns: [
        { say: "send 30 to lucia from checking", expect: { confirmation: true, text: /Lucía García/ } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt" }, balances: { checking: 970_00 } },
        {
          say: "how much have i sent to lucia this month",
          expect: { data: "transactions", notText: /couldn't find/ },
          check: (reply) => expect(rows(reply).map((t) => t.amount.minor)).toEqual([-30_00]),
        },
        { say: "how much did i send lucia this month", expect: { text: /\$30\.00/, notText: /couldn't find/ } },
      ],
    });
  });

  it("'and the full account number for checking' right after the masked numbers shows checking's in full", async () => {
    await runScript("e27-full-number", {
      turns: [
        { say: "whats my routing number", expect: { intent: "account_numbers", text: /account number ending 1001/ } },
        { say: "and the full account number for checking", expect: { intent: "account_numbers", text: /Everyday Checking ••1001: account number \d{6,}1001/, notText: /ending 1001|Rainy Day/ } },
      ],
    });
  });

  it("'can i send money abroad' is answered (own accounts and saved payees only), no transfer started", async () => {
    await runScript("e27-abroad", {
      turns: [
        { say: "can i send money abroad", expect: { intent: "international_transfer", confirmation: false, text: /^I can't send money abroad here in the chat/, notText: /How much/ } },
        { say: "50", expect: { confirmation: false, notText: /Send \$50\.00/ }, balances: { checking: 1_000_00 } },
        { say: "how do i send money overseas", expect: { intent: "international_transfer", notText: /How much/ } },
      ],
    });
  });

  it("'my balance and also when my payment is due': both answered, the balance first", async () => {
    await runScript("e27-balance-and-due", {
      history: [OWES_STATEMENT],
      turns: [
        { say: "hi, i'd like to know my balance and also when my payment is due", expect: { text: /Everyday Checking ••1001[\s\S]*minimum payment is \$25\.00, due/ } },
        { say: "whats my checking balance and what's the interest rate on my savings", expect: { text: /\$1,000\.00[\s\S]*Rainy Day Savings ••2002: [\d.]+% APY/ } },
      ],
    });
  });

  it("'no, carry on' typed at 'drop it …?' goes on with the transfer", async () => {
    await runScript("e27-carry-on", {
      turns: [
        { say: "send 20 to jordan lee", expect: { text: /Which account/ } },
        { say: "i never authorized that charge", expect: { text: /Do you want to drop it/ } },
        { say: "no, carry on", expect: { intent: "transfer", text: /^OK, let's carry on\.[\s\S]*Which account/, notText: /didn't catch/ } },
        { say: "checking", expect: { confirmation: true, text: /\$20\.00/ } },
      ],
    });
  });
});
