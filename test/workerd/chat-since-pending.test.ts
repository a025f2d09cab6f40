/**
 * A shared device: what the conversation waits on from before a sign-in (a confirmation naming a
 * payee and an amount, a question) is not reported to that sign-in (the turns' state, the socket's
 * state frame), and a "yes" or an answer it sends never settles it: the card was never shown to it.
 * The sign-in that saw it (no `since`, or an earlier one) still sees it until a later sign-in speaks.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { TurnsPage } from "../../packages/contract/chat.js";
import type { Reply } from "../../packages/dialogue/index.js";
import { transfers } from "../../packages/db/schema/banking.js";
import { connect, ticketFor } from "./chat-socket-client.js";
import { gatewayFetch, postJson, withTestDb } from "./helpers.js";
import { balancesOf, runScript, type ScriptContext } from "./dialogues/script.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function state(token: string, since?: string): Promise<TurnsPage> {
  const query = since === undefined ? "?limit=0" : `?limit=0&since=${encodeURIComponent(since)}`;
  const response = await gatewayFetch(`/api/chat/turns${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as TurnsPage;
}

async function say(token: string, body: Record<string, unknown>): Promise<Reply> {
  const response = await postJson("/api/chat/messages", token, body);
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: Reply }).reply;
}

const transfersOf = (ctx: ScriptContext) => withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, ctx.customer.customerId)));

/** A sign-in after everything said so far. */
async function signInLater(): Promise<string> {
  await sleep(5);
  const since = new Date().toISOString();
  await sleep(5);
  return since;
}

describe("a sign-in after a confirmation was shown", () => {
  it("is not told of it (turns' state, socket state frame) and its typed yes moves nothing; the old card's button then says so", async () => {
    const ctx = await runScript("since-pending-yes", { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });
    const card = ctx.turns[0]!.reply.confirmation!;
    const since = await signInLater();

    // The tab that showed it still sees it; the later sign-in does not.
    expect((await state(ctx.token)).pendingConfirmation?.id).toBe(card.id);
    const fresh = await state(ctx.token, since);
    expect(fresh.pendingConfirmation).toBeNull();
    expect(fresh.pendingQuestion).toBeNull();

    // Its socket: neither the first state frame (since in the URL) nor the resume's tells it.
    const ticket = await ticketFor(ctx.token);
    const upgraded = await gatewayFetch(`/api/chat/ws?ticket=${encodeURIComponent(ticket)}&since=${encodeURIComponent(since)}`, { headers: { upgrade: "websocket" } });
    expect(upgraded.status).toBe(101);
    const ws = upgraded.webSocket!;
    ws.accept();
    const frames: Array<Record<string, unknown>> = [];
    ws.addEventListener("message", (e) => {
      frames.push(JSON.parse(e.data as string));
    });
    ws.send(JSON.stringify({ type: "resume", since }));
    for (let i = 0; i < 50 && frames.filter((f) => f.type === "state").length < 2; i++) await sleep(100);
    const states = frames.filter((f) => f.type === "state");
    expect(states).toHaveLength(2);
    for (const frame of states) expect(frame.pendingConfirmation).toBeNull();

    // Its "yes" (on the socket, whose since came with the upgrade) confirms nothing.
    ws.send(JSON.stringify({ type: "message", id: `${ctx.customer.customerId}-yes`, text: "yes" }));
    for (let i = 0; i < 100 && !frames.some((f) => f.type === "turn"); i++) await sleep(100);
    const yes = frames.find((f) => f.type === "turn")!.turn as { reply: Reply };
    // Dropped before the turn (settled cancelled): no payee or amount is said back.
    expect(yes.reply.text).toBe("That request was cancelled or replaced, so I haven't done anything.");
    expect(yes.reply.confirmation).toBeUndefined();
    ws.close();
    expect(await transfersOf(ctx)).toHaveLength(0);

    // The old tab's Yes button: the request is no longer waiting, and nothing moves.
    const pressed = await say(ctx.token, { id: `${ctx.customer.customerId}-press`, text: "Yes", confirmation: { id: card.id, answer: "yes" } });
    expect(pressed.text).toMatch(/^That request was cancelled or replaced, so I haven't done anything\./);
    expect(await transfersOf(ctx)).toHaveLength(0);
    expect((await balancesOf(ctx.customer)).checking).toBe(1_000_00);
  });

  it("a question asked before the sign-in is not shown to it, and its bare answer over HTTP fills nothing", async () => {
    const ctx = await runScript("since-pending-question", { turns: [{ say: "send money to Jordan from checking" }] });
    expect((await state(ctx.token)).pendingQuestion?.text).toMatch(/how much/i);
    const since = await signInLater();
    expect((await state(ctx.token, since)).pendingQuestion).toBeNull();

    const answer = await say(ctx.token, { id: `${ctx.customer.customerId}-50`, text: "50", since });
    // A bare amount with nothing waiting: a new transfer's question, never Jordan's card.
    expect(answer.confirmation).toBeUndefined();
    expect(answer.text).not.toMatch(/Jordan/);
    // What this sign-in says is its own: a new request is confirmed as usual.
    const fresh = await say(ctx.token, { id: `${ctx.customer.customerId}-new`, text: "send $20 to Jordan from checking", since });
    expect(fresh.confirmation?.summary).toMatch(/\$20\.00/);
    expect((await state(ctx.token, since)).pendingConfirmation?.id).toBe(fresh.confirmation!.id);
    const done = await say(ctx.token, { id: `${ctx.customer.customerId}-yes`, text: "yes", since });
    expect(done.text).toMatch(/Done — I sent \$20\.00/);
    expect(await transfersOf(ctx)).toHaveLength(1);
  });
});
