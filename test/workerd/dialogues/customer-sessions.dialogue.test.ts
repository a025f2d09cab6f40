/**
 * defects18: what customers met using Teller as they would. A lost card whose freeze is refused
 * gets the lost-card answer and its options, with nothing frozen and no freeze offered; a fresh
 * request after a declined one is read as a fresh request.
 */
import { describe, expect, it } from "vitest";
import { runScript } from "./script.js";
import { withTestDb } from "../helpers.js";
import { listCards } from "../../../packages/banking/index.js";

async function cardStatuses(customerId: string) {
  const cards = await withTestDb((db) => listCards(db, customerId));
  if (!cards.ok) throw new Error(cards.message);
  return cards.value.map((c) => c.status);
}

describe("defects18: a lost card whose freeze is refused", () => {
  for (const say of ["I lost my card but don't freeze it", "my card was stolen, don't block it yet", "i lost my visa, please don't freeze it"]) {
    it(`'${say}' gets the lost-card answer and its options, nothing frozen, no freeze offered`, async () => {
      const ctx = await runScript(`defects18-lost-no-freeze`, {
        turns: [
          {
            say,
            expect: {
              intent: "lost_or_stolen_card",
              confirmation: false,
              text: /haven't frozen[\s\S]*replacement/i,
              notText: /can't help with that|Shall I freeze|Which card would you like to freeze/i,
            },
          },
          { say: "yes", expect: { confirmation: false, notText: /is frozen/ } },
        ],
      });
      expect(await cardStatuses(ctx.customer.customerId)).not.toContain("frozen");
    });
  }
});

describe("defects18: the same request said again", () => {
  it("a second 'send 10 to Sam' (no such payee) reads as a fresh request, with no stray 'OK, $10.00.'", async () => {
    await runScript("defects18-same-request-again", {
      turns: [
        { say: "send 10 to Sam", expect: { intent: "transfer", confirmation: false, text: /^I couldn't find a saved payee called “Sam”/ } },
        { say: "send 10 to Sam", expect: { intent: "transfer", confirmation: false, text: /^I couldn't find a saved payee called “Sam”/, notText: /^OK, \$10\.00/ } },
        { say: "send 10 to Jordan Lee", expect: { text: /which account/i, notText: /^OK, \$10\.00/ } },
        { say: "checking", expect: { confirmation: true, text: /Send \$10\.00 from Everyday Checking/ } },
        { say: "no", expect: { confirmation: false } },
      ],
    });
  });
});

describe("defects18: 'checking' at 'Which bill?'", () => {
  it("is where the bill is paid from, never the bill itself", async () => {
    await runScript("defects18-bill-from-checking", {
      turns: [
        { say: "pay my gas bill", expect: { text: /Which bill would you like to pay\?/ } },
        { say: "50", expect: { text: /Which bill would you like to pay\?/ } },
        { say: "checking", expect: { confirmation: false, text: /Which bill would you like to pay\?/, notText: /to Everyday Checking/ } },
        { say: "City Power & Light", expect: { confirmation: true, text: /^Pay \$50\.00 to “City Power & Light” ••9911 from Everyday Checking/ } },
        { say: "no", expect: { confirmation: false } },
      ],
    });
  });
});

describe("defects18: a fee asked of the transfer just sent", () => {
  it("'is there a fee for that?' and 'how much does that cost me' get the transfer fee answer", async () => {
    await runScript("defects18-fee-for-that", {
      turns: [
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
        { say: "checking", expect: { confirmation: true } },
        { say: "yes", expect: { text: /^Done/ }, balances: { checking: 960_00 } },
        { say: "is there a fee for that?", expect: { intent: "transfer_fee_charged", text: /^There's no fee on a transfer I make for you/ } },
        { say: "how much does that cost me", expect: { intent: "transfer_fee_charged", text: /^There's no fee/ }, balances: { checking: 960_00 } },
      ],
    });
  });
});
