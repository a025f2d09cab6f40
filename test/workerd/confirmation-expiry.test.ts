/**
 * A confirmation past its expiry (CONFIRMATION_TTL_MS) is not confirmable, through the gateway:
 * neither its Yes button nor a typed "yes" moves money, and the state no longer reports it. The
 * engine's rule is unit-tested (state.test.ts, engine.properties.test.ts); this is the whole path.
 */
import { describe, expect, it } from "vitest";
import { runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import type { TurnsPage } from "../../packages/contract/chat.js";
import type { DialogueState, Reply } from "../../packages/dialogue/index.js";
import { transfers } from "../../packages/db/schema/banking.js";
import { gatewayFetch, postJson, withTestDb } from "./helpers.js";
import { balancesOf, runScript } from "./dialogues/script.js";
import { chatSession } from "./session-faults.js";

interface StateStore {
  loadState(): DialogueState;
  saveState(state: DialogueState): void;
}

/** Its confirmation's expiry moved into the past, as if CONFIRMATION_TTL_MS had gone by. */
function expireConfirmation(customerId: string): Promise<void> {
  return runInDurableObject(chatSession(customerId), (instance) => {
    const store = (instance as unknown as { store: StateStore }).store;
    const state = JSON.parse(JSON.stringify(store.loadState())) as DialogueState;
    const task = state.task as { confirmation?: { expiresAt: number } } | null;
    task!.confirmation!.expiresAt = Date.now() - 1;
    store.saveState(state);
  });
}

async function say(token: string, body: Record<string, unknown>): Promise<Reply> {
  const response = await postJson("/api/chat/messages", token, body);
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: Reply }).reply;
}

describe("a confirmation past its expiry", () => {
  it("is not reported, and neither its Yes button nor a typed yes moves money", async () => {
    const ctx = await runScript("expired-confirmation", { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });
    const card = ctx.turns[0]!.reply.confirmation!;
    await expireConfirmation(ctx.customer.customerId);

    const read = await gatewayFetch("/api/chat/turns?limit=0", { headers: { authorization: `Bearer ${ctx.token}` } });
    expect(((await read.json()) as TurnsPage).pendingConfirmation).toBeNull();

    const pressed = await say(ctx.token, { id: `${ctx.customer.customerId}-press`, text: "Yes", confirmation: { id: card.id, answer: "yes" } });
    expect(pressed.text).toMatch(/expired/i);
    expect(pressed.text).not.toMatch(/Done — I sent/);
    const typed = await say(ctx.token, { id: `${ctx.customer.customerId}-yes`, text: "yes" });
    expect(typed.text).not.toMatch(/Done — I sent/);

    expect(await withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, ctx.customer.customerId)))).toHaveLength(0);
    expect((await balancesOf(ctx.customer)).checking).toBe(1_000_00);
  });
});
