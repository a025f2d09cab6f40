import { describe, expect, inject, it } from "vitest";
import { bankEffectExecutor } from "../../packages/conversation/bank-effects.js";
import { combineReplies, runTurn } from "../../packages/dialogue/runner.js";
import { initialState, type DialogueState, type Effect, type Entities, type Reply } from "../../packages/dialogue/index.js";
import { insertCustomer, type TestCustomer } from "../../scripts/db/fixtures.js";
import { listAccounts, listCards } from "../../packages/banking/index.js";
import { newId } from "../../packages/banking/ids.js";
import { makeCustomer } from "./banking-helpers.js";
import { testDb, withTestDb } from "./helpers.js";
import { DIALOGUE_SETTINGS } from "../support/dialogue-session.js";

async function talk(customerId: string, script: (c: Conversation) => Promise<void>): Promise<void> {
  const c = new Conversation(customerId);
  try {
    await script(c);
  } finally {
    await c.close();
  }
}

async function checkingBalance(c: Conversation): Promise<number | undefined> {
  const accounts = await listAccounts(c.db, c.customerId);
  return accounts.ok ? accounts.value.find((a) => a.type === "checking")?.balance.minor : undefined;
}

/**
 * The new bank intents from the engine to Postgres and back, with the understanding injected: the
 * real effect executor, banking domain and database, whatever the model on this branch knows. The
 * gateway scripts (dialogues/bank-facts.dialogue.test.ts) add the NLU once it has the labels.
 */
const FILE = "intents";

// The test holds its own connection while the Worker under test opens others: on the embedded
// PGlite (one session at a time, idle sessions closed when others wait) that races, so this file
// runs on a real server only; the gateway scripts cover the same intents on both.
const onServer = (inject as (key: string) => unknown)("databaseKind") === "server";
if (!onServer) console.log("[bank-intents-turns] skipped: needs TEST_DATABASE_URL (a real Postgres server)");

/**
 * Plays the ChatSession DO for one customer. It holds one connection for the whole conversation
 * (checks go through it too): the embedded PGlite serves one session at a time.
 */
class Conversation {
  state: DialogueState = initialState();
  readonly handoffs: Array<Extract<Effect, { kind: "handoff" }>> = [];
  private n = 0;
  private readonly handle = testDb();
  readonly db = this.handle.db;

  constructor(readonly customerId: string) {}

  close(): Promise<void> {
    return this.handle.end();
  }

  async say(text: string, intent: string, entities: Partial<Entities> = {}, press?: "yes" | "no"): Promise<Reply> {
    const db = this.db;
    {
      const pending = this.state.task && this.state.task.kind !== "lookup" ? this.state.task.confirmation : null;
      const outcome = await runTurn(
        this.state,
        {
          type: "message",
          messageId: `m${++this.n}`,
          text,
          now: Date.now(),
          newId: crypto.randomUUID(),
          understanding: { intent, confidence: 0.95, entities: { accountRefs: [], ...entities } },
          settings: DIALOGUE_SETTINGS,
          ...(press && pending ? { confirmation: { id: pending.id, answer: press } } : {}),
        },
        {
          executor: bankEffectExecutor({ customerId: this.customerId, db: async () => db, handoff: (e) => this.handoffs.push(e), audit: () => {} }),
          save: (state) => (this.state = state),
          now: () => Date.now(),
          newId: () => crypto.randomUUID(),
        },
      );
      this.state = outcome.state;
      return combineReplies(outcome.replies);
    }
  }
}

async function customerWithoutCreditCard(): Promise<TestCustomer> {
  const customerId = `cus_test_${FILE}_nocard_${crypto.randomUUID().slice(0, 8)}`;
  const checkingId = newId("account");
  await withTestDb((db) =>
    insertCustomer(db, {
      customer: { id: customerId, name: "No Card" },
      accounts: [{ id: checkingId, type: "checking", name: "Everyday Checking", mask: "4444", currency: "USD", details: { accountNumber: "123456784444", routingNumber: "074001239", annualRateBps: 1 } }],
      cards: [],
      payees: [],
      bookings: [],
    }),
  );
  return { customerId, checkingId, savingsId: "", creditId: "", cardIds: [], payeeIds: [] };
}

describe.skipIf(!onServer)("bank intents against Postgres (understanding injected)", () => {
  it("answers every account fact from the customer's data", async () => {
    const customer = await makeCustomer(FILE);
    await talk(customer.customerId, async (c) => {
      expect((await c.say("routing number?", "account_numbers")).text).toMatch(
        /^Everyday Checking ••1001: account number ending 1001, routing number 074001239; .*Teller Card ••3003: account number ending 3003\. /,
      );
      expect((await c.say("show my full savings account number", "account_numbers", { accountRefs: ["savings"] })).text).toMatch(
        /^Rainy Day Savings ••2002: account number 000056782002, routing number 074001239\./,
      );
      expect((await c.say("when is my bill due", "credit_statement")).text).toMatch(
        /^Teller Card ••3003: your statement of .* shows a balance of \$412\.35\. The minimum payment is \$25\.00, due .*\. Your current balance is \$0\.00\.$/,
      );
      expect((await c.say("credit limit", "credit_limit")).text).toBe(
        "Teller Card ••3003: your credit limit is $1,000.00 and you have $1,000.00 of available credit.",
      );
      expect((await c.say("savings rate", "interest_rate", { accountRefs: ["savings"] })).text).toBe("Rainy Day Savings ••2002: 3.75% APY.");
      expect((await c.say("card expiry", "card_expiry", { accountRefs: [{ last4: "5151" }] })).text).toBe("Mastercard ••5151 expires at the end of 03/2028.");
      expect((await c.say("points", "rewards_balance")).text).toBe("You have 4,250 rewards points on Teller Card ••3003.");
    });
  });

  it("tells a customer without a credit card so, for each card question", async () => {
    const customer = await customerWithoutCreditCard();
    await talk(customer.customerId, async (c) => {
      for (const intent of ["credit_statement", "credit_limit"]) expect((await c.say("…", intent)).text).toBe("You don't have a credit card with us.");
      expect((await c.say("…", "rewards_balance")).text).toMatch(/don't have a rewards card/);
    });
  });

  it("pays a bill once, after the server's confirmation", async () => {
    const customer = await makeCustomer(FILE);
    await talk(customer.customerId, async (c) => {
      const confirm = await c.say("pay $84.20 on my electric bill from checking", "pay_bill", { amount: { minor: 84_20, currency: "USD" }, accountRefs: ["checking"] });
      expect(confirm.text).toBe("Pay $84.20 to “City Power & Light” ••9911 from Everyday Checking ••1001?");
      expect(await checkingBalance(c)).toBe(1_000_00);
      expect((await c.say("yes", "out_of_scope", {}, "yes")).data).toMatchObject({ kind: "transfer_receipt" });
      expect((await c.say("yes", "out_of_scope", { yes: true })).text).toMatch(/already/);
      expect(await checkingBalance(c)).toBe(1_000_00 - 84_20);
    });
  });

  it("reports fraud: hands off with reason fraud and freezes the chosen card on yes", async () => {
    const customer = await makeCustomer(FILE);
    await talk(customer.customerId, async (c) => {
      const first = await c.say("someone used my card", "report_fraud");
      expect(first.text).toMatch(/fraud team[\s\S]*Which card would you like to freeze\?/);
      expect(c.handoffs).toMatchObject([{ reason: "fraud", intent: "report_fraud" }]);
      const offer = await c.say("the one ending 4242", "out_of_scope", { accountRefs: [{ last4: "4242" }] });
      expect(offer.confirmation).toBeDefined();
      expect((await c.say("yes", "out_of_scope", {}, "yes")).text).toMatch(/Visa ••4242 is frozen/);
      const cards = await listCards(c.db, customer.customerId);
      expect(cards.ok && cards.value.map((card) => [card.last4, card.status]).sort()).toEqual([["4242", "frozen"], ["5151", "active"]]);
      expect(c.handoffs).toHaveLength(1);
    });
  });
});
