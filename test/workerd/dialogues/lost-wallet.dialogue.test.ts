/**
 * wallet19: a lost wallet, every card, and "should I freeze it?". A question is not an instruction:
 * it gets an answer and a server-rendered Yes/No; "block them all" freezes every card, each under
 * its own idempotency key, and a repeated Yes changes nothing and writes no second audit row.
 * Cards: Visa ••4242 and Mastercard ••5151, both active at the start.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listCards } from "../../../packages/banking/index.js";
import { chatEvents } from "../../../packages/db/schema/events.js";
import { eventually, withTestDb } from "../helpers.js";
import { runScript, type ScriptContext } from "./script.js";

/** The customer's cards' statuses by last four digits. */
async function statuses(ctx: ScriptContext): Promise<Record<string, string>> {
  const result = await withTestDb((db) => listCards(db, ctx.customer.customerId));
  if (!result.ok) throw new Error(result.message);
  return Object.fromEntries(result.value.map((c) => [c.last4, c.status]));
}

const expectStatuses = (expected: Record<string, string>) => async (_reply: unknown, ctx: ScriptContext) => {
  expect(await statuses(ctx)).toEqual(expected);
};
const untouched = expectStatuses({ "4242": "active", "5151": "active" });
const bothFrozen = expectStatuses({ "4242": "frozen", "5151": "frozen" });

function cardAudits(customerId: string) {
  return withTestDb((db) => db.select().from(chatEvents).where(and(eq(chatEvents.customerId, customerId), eq(chatEvents.type, "audit.card"))));
}

describe("a freeze asked about gets an answer and a Yes/No", () => {
  it("'I lost my card, should I freeze it?': the lost-card answer, nothing frozen until Yes", async () => {
    await runScript("w01", {
      turns: [
        {
          say: "I lost my card, should I freeze it?",
          expect: { intent: "lost_or_stolen_card", text: /^Freeze your card right away[\s\S]*Which card would you like to freeze\?/ },
          check: untouched,
        },
        { say: "the visa", expect: { confirmation: true, text: /^Shall I freeze Visa ••4242 now\?/ }, check: untouched },
        { say: "yes", press: "yes", expect: { text: /Visa ••4242 is frozen/ }, check: expectStatuses({ "4242": "frozen", "5151": "active" }) },
      ],
    });
  });

  it("'I lost my card, should I freeze it?' then No: nothing frozen", async () => {
    await runScript("w02", {
      turns: [
        { say: "I lost my card, should I freeze it?", check: untouched },
        { say: "the mastercard", expect: { confirmation: true, text: /5151/ } },
        { say: "no", press: "no", expect: { confirmation: false }, check: untouched },
      ],
    });
  });

  it("'should I freeze my card?': a word on freezing, then the offer", async () => {
    await runScript("w03", {
      turns: [
        { say: "should I freeze my card?", expect: { intent: "freeze_card", text: /freezing it is the safe thing to do[\s\S]*Which card/ }, check: untouched },
        { say: "the card ending 5151", expect: { confirmation: true }, check: untouched },
        { say: "yes", expect: { text: /Mastercard ••5151 is frozen/ }, check: expectStatuses({ "4242": "active", "5151": "frozen" }) },
      ],
    });
  });

  it("'I lost my wallet, should I freeze my cards?': one Yes/No for both; a second Yes and a retried Yes freeze nothing twice", async () => {
    const ctx = await runScript("w04", {
      turns: [
        { say: "I lost my wallet, should I freeze my cards?", expect: { intent: "lost_or_stolen_card", confirmation: true, text: /Shall I freeze Visa ••4242 and Mastercard ••5151 now\?/ }, check: untouched },
        { say: "yes", press: "yes", expect: { text: /Visa ••4242 and Mastercard ••5151 are frozen/ }, check: bothFrozen },
        { say: "yes", press: "yes", pressOf: 0, expect: { notText: /Done —/ }, check: bothFrozen },
        { say: "yes", press: "yes", pressOf: 0, retryOf: 1, expect: { text: /Visa ••4242 and Mastercard ••5151 are frozen/ }, check: bothFrozen },
      ],
    });
    // One audit row per card: the second press and the retry wrote none.
    const rows = await eventually(async () => {
      const found = await cardAudits(ctx.customer.customerId);
      return found.length >= 2 ? found : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await cardAudits(ctx.customer.customerId)).length).toBe(rows.length);
    expect(rows.map((r) => (r.payload as { effect: { cardId: string } }).effect.cardId).sort()).toEqual([...ctx.customer.cardIds].sort());
  });
});

describe("every card at once", () => {
  it("'my wallet got stolen, block them all': both frozen in one turn, no 'which card?'", async () => {
    await runScript("w05", {
      turns: [{ say: "my wallet got stolen, block them all", expect: { text: /Visa ••4242 and Mastercard ••5151 are frozen/, notText: /Which card/ }, check: bothFrozen }],
    });
  });

  it("'freeze all my cards' twice: the second says they already are", async () => {
    await runScript("w06", {
      turns: [
        { say: "freeze all my cards", expect: { intent: "freeze_card", text: /^Done — Visa ••4242 and Mastercard ••5151 are frozen/ }, check: bothFrozen },
        { say: "freeze all my cards", expect: { text: /already frozen/, notText: /Done/ }, check: bothFrozen },
      ],
    });
  });

  it("one card already frozen: the other is frozen and the first named as already frozen", async () => {
    await runScript("w07", {
      turns: [
        { say: "freeze my mastercard", expect: { text: /Mastercard ••5151 is frozen/ } },
        { say: "my wallet got stolen, freeze all my cards", expect: { text: /Visa ••4242 is frozen[\s\S]*Mastercard ••5151 was already frozen/ }, check: bothFrozen },
      ],
    });
  });

  it("'I lost my card' then 'both' at 'Which card?': one Yes for both", async () => {
    await runScript("w08", {
      turns: [
        { say: "I lost my card", expect: { text: /Which card would you like to freeze\?/ }, check: untouched },
        { say: "both", expect: { confirmation: true, text: /Visa ••4242 and Mastercard ••5151/ }, check: untouched },
        { say: "yes", expect: { text: /are frozen/ }, check: bothFrozen },
      ],
    });
  });

  it("'I lost my visa' then 'my wallet got stolen, block them all' at its offer: both frozen, not 'Let's finish this one first'", async () => {
    await runScript("w10", {
      turns: [
        { say: "I lost my visa", expect: { confirmation: true, text: /Shall I freeze Visa ••4242 now\?/ }, check: untouched },
        { say: "my wallet got stolen, block them all", expect: { text: /Visa ••4242 and Mastercard ••5151 are frozen/, notText: /finish this one first/ }, check: bothFrozen },
      ],
    });
  });

  it("'freeze my card' then the 'All of them' button: both frozen at once", async () => {
    await runScript("w09", {
      turns: [
        { say: "freeze my card", expect: { text: /Which card would you like to freeze\?/ }, check: untouched },
        { say: "all of them", expect: { text: /Visa ••4242 and Mastercard ••5151 are frozen/ }, check: bothFrozen },
      ],
    });
  });
});
