import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { runScript } from "./script.js";
import { eventually, withTestDb } from "../helpers.js";
import { listCards } from "../../../packages/banking/index.js";
import { chatEvents } from "../../../packages/db/schema/events.js";

async function cardStatus(customerId: string, last4: string) {
  const cards = await withTestDb((db) => listCards(db, customerId));
  if (!cards.ok) throw new Error(cards.message);
  return cards.value.find((c) => c.last4 === last4)?.status;
}

async function handoffEvents(customerId: string) {
  return withTestDb((db) =>
    db.select().from(chatEvents).where(and(eq(chatEvents.customerId, customerId), eq(chatEvents.type, "handoff.requested"))),
  );
}

describe("dialogue: cards and payees", () => {
  it("freezes the card named at once and unfreezes it only after a confirmation", async () => {
    const ctx = await runScript("cards", {
      turns: [
        { say: "freeze my card ending 4242", expect: { intent: "freeze_card", data: "cards", confirmation: false } },
        { say: "please unfreeze my card ending 4242", expect: { intent: "unfreeze_card", confirmation: true } },
      ],
    });
    expect(await cardStatus(ctx.customer.customerId, "4242")).toBe("frozen");
    await runScriptContinue(ctx, "yes");
    expect(await cardStatus(ctx.customer.customerId, "4242")).toBe("active");
  });

  it("asks which card when the customer has several", async () => {
    const ctx = await runScript("cards-which", {
      turns: [
        { say: "freeze my card", expect: { intent: "freeze_card", text: /which card/i } },
        { say: "the Mastercard ending 5151", expect: { data: "cards" } },
      ],
    });
    expect(await cardStatus(ctx.customer.customerId, "5151")).toBe("frozen");
    expect(await cardStatus(ctx.customer.customerId, "4242")).toBe("active");
  });

  it("freezes the one card of the brand named, without asking which", async () => {
    const ctx = await runScript("cards-brand", {
      turns: [{ say: "freeze my mastercard", expect: { intent: "freeze_card", data: "cards", notText: /which card/i } }],
    });
    expect(await cardStatus(ctx.customer.customerId, "5151")).toBe("frozen");
    expect(await cardStatus(ctx.customer.customerId, "4242")).toBe("active");
  });

  it("answers 'are my cards frozen?' with their state and freezes nothing; asking to freeze twice says it already is", async () => {
    const ctx = await runScript("cards-status", {
      turns: [
        // Both cards are created in one statement: same created_at, then ordered by their random ids.
        { say: "are my cards frozen?", expect: { data: "cards", text: /^(?:Mastercard ••5151 is active and Visa ••4242 is active|Visa ••4242 is active and Mastercard ••5151 is active)\.$/, confirmation: false } },
        { say: "freeze my card ending 4242", expect: { intent: "freeze_card", data: "cards" } },
        { say: "freeze my card ending 4242", expect: { text: /already frozen/ } },
        { say: "is my card ending 4242 frozen?", expect: { text: /••4242 is frozen\.$/ } },
        { say: "is my mastercard frozen?", expect: { text: /^Mastercard ••5151 is active\.$/ } },
      ],
    });
    expect(await cardStatus(ctx.customer.customerId, "5151")).toBe("active");
  });

  it("'I lost my card' offers the freeze as a question a typed yes answers, and asks the team in", async () => {
    const ctx = await runScript("card-lost", {
      turns: [
        { say: "I lost my card", expect: { text: /^Freeze your card right away[\s\S]*Which card would you like to freeze\?/ } },
        { say: "the card ending 4242", expect: { confirmation: true, text: /^Shall I freeze Visa ••4242 now\?/ } },
        { say: "yes", expect: { data: "cards" } },
      ],
    });
    expect(await cardStatus(ctx.customer.customerId, "4242")).toBe("frozen");
    expect(await cardStatus(ctx.customer.customerId, "5151")).toBe("active");
  });

  it("lists the saved payees", async () => {
    await runScript("payees", {
      turns: [{ say: "who are my saved payees?", expect: { intent: "payees", data: "payees", text: /Jordan Lee/ } }],
    });
  });
});

describe("dialogue: questions, out of scope and hand-off", () => {
  it("answers a BANKING77 question with the written answer", async () => {
    await runScript("faq", {
      turns: [{ say: "my new card still hasn't arrived, it's been two weeks", expect: { intent: "card_arrival", text: /arriv/i } }],
    });
  });

  it("answers out-of-scope questions politely with what Teller can do", async () => {
    await runScript("oos", {
      turns: [{ say: "what's the weather like in Paris tomorrow?", expect: { intent: "out_of_scope", text: /balances[\s\S]*transfer|move money/i } }],
    });
  });

  it("records a message it could not read as out_of_scope, not as the model's unsure guess", async () => {
    await runScript("oos-unsure", {
      // The local model guesses declined_cash_withdrawal at 0.44: the reply carried that intent.
      turns: [{ say: "the thing with the money", expect: { intent: "out_of_scope", text: /^Sorry, I can't help with that\./ } }],
    });
  });

  it("declines a question outside banking that shares a word with a banking one", async () => {
    // Wave 9's training-only out-of-scope lines: "transfer" here is changing schools, not money.
    await runScript("oos-shared-word", {
      turns: [{ say: "how do i transfer schools mid year", expect: { intent: "out_of_scope", text: /balances[\s\S]*transfer|move money/i } }],
    });
  });

  it("tells a customer writing in another language, politely and in English, without passing them on unasked", async () => {
    const ctx = await runScript("other-language", {
      turns: [
        { say: "hola, cuál es mi saldo?", expect: { text: /^Sorry, I can only understand English for now\./, notText: /^Hi!/ } },
        { say: "wie hoch ist mein Kontostand?", expect: { text: /only understand English/, notText: /still not getting it/ } },
        { say: "what is my balance?", expect: { intent: "balance", data: "accounts" } },
        { say: "send 40 to Jordan Lee", expect: { text: /which account/i } },
        { say: "desde la cuenta corriente por favor", expect: { text: /^Sorry, I can only understand English for now\. Which account/ } },
        { say: "de mi cuenta corriente", expect: { text: /only understand English[\s\S]*Which account/, notText: /still not getting it/ } },
        { say: "checking", expect: { confirmation: true } },
        { say: "no", balances: { checking: 1_000_00 } },
      ],
    });
    expect(await handoffEvents(ctx.customer.customerId)).toEqual([]);
  });

  it("hands off to a person on request, and queues the hand-off", async () => {
    const ctx = await runScript("handoff-request", {
      turns: [{ say: "I want to talk to a real person", expect: { intent: "human_agent", text: /(team|agent|person)/i } }],
    });
    const events = await eventually(async () => {
      const rows = await handoffEvents(ctx.customer.customerId);
      return rows.length > 0 ? rows : undefined;
    });
    expect(events[0]!.payload).toMatchObject({ reason: "customer_request" });
  });

  // Two messages it could not read; an off-topic one (the weather) is declined and not counted (explore23).
  it("hands off after two fallbacks in a row", async () => {
    const ctx = await runScript("handoff-fallbacks", {
      turns: [
        { say: "the thing with the money", expect: { intent: "out_of_scope" } },
        { say: "asdfgh", expect: { text: /(team|agent|person)/i } },
      ],
    });
    const events = await eventually(async () => {
      const rows = await handoffEvents(ctx.customer.customerId);
      return rows.length > 0 ? rows : undefined;
    });
    expect(events[0]!.payload).toMatchObject({ reason: "repeated_fallback" });
  });

  it("hands off on a fraud-related question", async () => {
    const ctx = await runScript("handoff-fraud", {
      turns: [{ say: "there is a payment on my card I don't recognise", expect: { intent: /not_recognised|compromised/ } }],
    });
    const events = await eventually(async () => {
      const rows = await handoffEvents(ctx.customer.customerId);
      return rows.length > 0 ? rows : undefined;
    });
    expect(events[0]!.payload).toMatchObject({ reason: "fraud_risk" });
  });
});

async function runScriptContinue(ctx: Awaited<ReturnType<typeof runScript>>, text: string) {
  const { postJson } = await import("../helpers.js");
  const response = await postJson("/api/chat/messages", ctx.token, { id: `cont-${crypto.randomUUID().slice(0, 8)}`, text });
  expect(response.status).toBe(200);
}
