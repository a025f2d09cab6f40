import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { runScript } from "./script.js";
import { eventually, withTestDb } from "../helpers.js";
import { listCards } from "../../../packages/banking/index.js";
import { ALL_INTENTS } from "../../../packages/contract/intents.js";
import { chatEvents } from "../../../packages/db/schema/events.js";

/**
 * The bank requests of CLINC150's banking and credit-card domains, answered from the customer's
 * data through the gateway. Each case runs only once the shipped model knows its intent (the NLU
 * branch adds the labels); until then it is skipped, named by its intent.
 */
const knows = (intent: string) => (ALL_INTENTS as readonly string[]).includes(intent);
const forIntent = (intent: string) => it.skipIf(!knows(intent));

async function eventsOf(customerId: string, type: string) {
  return withTestDb((db) => db.select().from(chatEvents).where(and(eq(chatEvents.customerId, customerId), eq(chatEvents.type, type))));
}

describe("dialogue: facts about the customer's accounts", () => {
  forIntent("account_numbers")("account_numbers: masked by default, in full only when asked, never in the transcript", async () => {
    const ctx = await runScript("account-numbers", {
      turns: [
        {
          say: "what is my routing number",
          expect: { intent: "account_numbers", text: /routing number 074001239/, notText: /000012341001/ },
        },
        // The quick reply the first answer offers.
        { say: "What is my full account number?", expect: { intent: "account_numbers", text: /account number 000012341001/ } },
      ],
    });
    const sent = await eventually(async () => {
      const rows = await eventsOf(ctx.customer.customerId, "reply.sent");
      return rows.length >= 2 ? rows : undefined;
    });
    expect(JSON.stringify(sent.map((r) => r.payload))).not.toContain("000012341001");
  });

  forIntent("credit_statement")("credit_statement: statement balance, minimum payment and due date", async () => {
    await runScript("credit-statement", {
      turns: [{ say: "when is my credit card payment due", expect: { intent: "credit_statement", text: /\$412\.35[\s\S]*minimum payment is \$25\.00, due/ } }],
    });
  });

  forIntent("credit_limit")("credit_limit: limit and available credit", async () => {
    await runScript("credit-limit", {
      turns: [{ say: "what is my credit limit", expect: { intent: "credit_limit", text: /credit limit is \$1,000\.00 and you have \$1,000\.00 of available credit/ } }],
    });
  });

  forIntent("interest_rate")("interest_rate: the rate of the account asked for", async () => {
    await runScript("interest-rate", {
      turns: [{ say: "what's the interest rate on my savings account", expect: { intent: "interest_rate", text: /^Rainy Day Savings ••2002: 3\.75% APY\.$/ } }],
    });
  });

  forIntent("card_expiry")("card_expiry: expiry dates of the cards", async () => {
    await runScript("card-expiry", {
      turns: [{ say: "when does my card expire", expect: { intent: "card_expiry", text: /08\/2029[\s\S]*03\/2028|03\/2028[\s\S]*08\/2029/, data: "cards" } }],
    });
  });

  forIntent("rewards_balance")("rewards_balance: points from the data", async () => {
    await runScript("rewards", {
      turns: [{ say: "how many rewards points do I have", expect: { intent: "rewards_balance", text: /4,250 rewards points on Teller Card ••3003/ } }],
    });
  });
});

describe("dialogue: paying a bill and reporting fraud", () => {
  forIntent("pay_bill")("pay_bill: to a saved biller, confirmed by the server, paid once", async () => {
    await runScript("pay-bill", {
      turns: [
        // The question names the biller it found; it once asked "How much would you like to send?".
        { say: "I need to pay my electric bill", expect: { intent: "pay_bill", text: /^How much would you like to pay to .City Power & Light. ••9911\?$/, confirmation: false } },
        { say: "$84.20", expect: { text: /which account/i } },
        // The electric bill is the one saved biller whose name fits ("City Power & Light").
        // A bill payment reads as one (it read "Send $84.20 from … to …?").
        { say: "checking", expect: { confirmation: true, text: /^Pay \$84\.20 to .City Power & Light. ••9911 from Everyday Checking ••1001\?$/ }, balances: { checking: 1_000_00 } },
        { say: "yes", press: "yes", expect: { data: "transfer_receipt", text: /^Done — I paid \$84\.20 to .City Power & Light. ••9911\./ }, balances: { checking: 1_000_00 - 84_20 } },
        { say: "yes", expect: { text: /already/i }, balances: { checking: 1_000_00 - 84_20 } },
      ],
    });
  });

  forIntent("pay_bill")("pay_bill: asks which bill when the request names none", async () => {
    await runScript("pay-bill-which", {
      turns: [
        { say: "I want to pay a bill, $40 from checking", expect: { intent: "pay_bill", text: /which bill/i, confirmation: false } },
        { say: "City Power & Light", expect: { confirmation: true, text: /Pay \$40\.00 to .City Power & Light. ••9911 from Everyday Checking ••1001\?/ } },
        { say: "no", expect: { text: /^OK, I've cancelled that bill payment\. Nothing was paid\.$/ }, balances: { checking: 1_000_00 } },
        // No saved biller fits a water bill: said, then which bill (it once asked "How much?").
        { say: "pay my water bill", expect: { intent: "pay_bill", text: /^I couldn't find a saved biller for that bill\. Which bill would you like to pay\?/ } },
        // The kind of bill answers "Which bill?" (it was read as the name of an unknown payee).
        { say: "electric", expect: { confirmation: false, text: /^How much would you like to pay to .City Power & Light. ••9911\?$/ } },
      ],
    });
  });

  forIntent("pay_bill")("pay_bill: a customer without a credit card is not offered one", async () => {
    await runScript("pay-bill-no-card", {
      customer: { credit: false },
      turns: [
        // It said there is no credit account, then "It can be a saved biller or your credit card."
        { say: "pay my credit card", expect: { intent: "pay_bill", confirmation: false, text: /Which bill would you like to pay\? It can be one of your saved billers\.$/ } },
      ],
    });
  });

  forIntent("report_fraud")("report_fraud: offers to freeze with a confirmation, hands off with reason fraud", async () => {
    const ctx = await runScript("report-fraud", {
      turns: [
        { say: "I need to report fraudulent activity on my card", expect: { intent: "report_fraud", text: /fraud team[\s\S]*which card/i } },
        { say: "the Visa ending 4242", expect: { confirmation: true, text: /freeze Visa ••4242/i } },
        { say: "yes", press: "yes", expect: { text: /frozen/ } },
      ],
    });
    const cards = await withTestDb((db) => listCards(db, ctx.customer.customerId));
    expect(cards.ok && cards.value.find((c) => c.last4 === "4242")?.status).toBe("frozen");
    const handoffs = await eventually(async () => {
      const rows = await eventsOf(ctx.customer.customerId, "handoff.requested");
      return rows.length > 0 ? rows : undefined;
    });
    expect(handoffs.map((r) => r.payload)).toMatchObject([{ reason: "fraud", intent: "report_fraud" }]);
  });
});

describe("dialogue: bank questions answered in writing", () => {
  const questions: Array<[string, string, RegExp]> = [
    ["redeem_rewards", "how do I redeem my reward points", /redeem/i],
    ["account_blocked", "why is my account blocked", /restricted/i],
    ["order_checks", "I need to order more checks", /checks/i],
    ["damaged_card", "my card is damaged and won't swipe", /replacement/i],
    ["improve_credit_score", "how can I improve my credit score", /on time/i],
    ["credit_limit_change", "can I get my credit limit raised", /higher credit limit/i],
    ["application_status", "what's the status of my credit card application", /application/i],
    ["credit_score", "what is my credit score", /credit bureaus/i],
    ["international_fees", "are there fees for using my card abroad", /foreign transaction fee/i],
  ];
  for (const [intent, say, text] of questions) {
    forIntent(intent)(`${intent}: the written answer`, async () => {
      await runScript(intent.replace(/_/g, "-"), { turns: [{ say, expect: { intent, text } }] });
    });
  }
});
