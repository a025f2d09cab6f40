import { describe, expect, it } from "vitest";
import { runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { transfers } from "../packages/db/schema/banking.js";
import type { Reply } from "../packages/dialogue/index.js";
import { gatewayFetch, postJson, tokenFor, uniqueCustomerId, withTestDb } from "../test/workerd/helpers.js";
import { connect, ticketFor } from "../test/workerd/chat-socket-client.js";
import { balancesOf, runScript, type ScriptContext } from "../test/workerd/dialogues/script.js";
import { chatSession, setSessionEnv, storedDialogueState } from "../test/workerd/session-faults.js";
import { agentMessagesFor } from "../test/workerd/handoff/support.js";

// A turn whose Postgres hangs (the local switch FAULT_DB_HANG_RATE, durable-objects/fault-switches.ts)
// is answered 504 `timeout` at the turn deadline, its late writes are refused, and a resent
// message gets the truth, with money moved once. The deadline logic itself: turn-deadline.test.ts.

const DEADLINE_MS = 1_500;
/**
 * A hang that ends after the deadline, so the abandoned turn goes on and tries to write. Every test
 * waits for its hang to end: a request left pending for ever in a Durable Object is cancelled when
 * the runtime drops the object, and that rejection surfaced in whichever test file ran then (CI:
 * "Cannot perform I/O on behalf of a different Durable Object").
 */
const HANG_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function hangPostgres(customerId: string, at: "start" | "after-ledger" = "start", ms?: number) {
  return setSessionEnv(customerId, {
    TURN_DEADLINE_MS: String(DEADLINE_MS),
    FAULT_DB_HANG_RATE: "1",
    FAULT_DB_HANG_AT: at,
    FAULT_DB_HANG_MS: ms === undefined ? "" : String(ms),
  });
}
const answerPostgres = (customerId: string) => setSessionEnv(customerId, { FAULT_DB_HANG_RATE: "0" });

async function say(token: string, id: string, text: string) {
  const response = await postJson("/api/chat/messages", token, { id, text });
  return { status: response.status, body: (await response.json()) as { reply: Reply; error: { code: string; message: string; requestId?: string } } };
}

/** The message ids of the turns the customer's session keeps, oldest first. */
function keptIds(customerId: string): Promise<string[]> {
  return runInDurableObject(chatSession(customerId), (_i, state) =>
    state.storage.sql.exec<{ message_id: string }>("SELECT message_id FROM turns ORDER BY seq").toArray().map((r) => r.message_id),
  );
}

const transfersOf = (ctx: ScriptContext) => withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, ctx.customer.customerId)));
const confirmationPending = (label: string) => runScript(label, { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });

describe("a turn whose Postgres hangs", () => {
  it("is answered 504 timeout within the deadline over HTTP, and the next turn is answered", async () => {
    const ctx = await runScript("deadline-http", { turns: [{ say: "hi" }] });
    const [customerId, token] = [ctx.customer.customerId, ctx.token];
    await hangPostgres(customerId, "start", HANG_MS);

    const started = Date.now();
    const hung = await say(token, "dl-http-1", "what's my balance?");
    // Before: the request stayed open until the platform gave up on it.
    expect(hung.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_000);
    expect(hung.body.error.code).toBe("timeout");
    expect(hung.body.error.message).toMatch(/Send the same message again/);
    expect(hung.body.error.requestId).toEqual(expect.any(String));

    // The lock and the hung pool were let go: the next turn gets Postgres afresh.
    await answerPostgres(customerId);
    const next = await say(token, "dl-http-2", "what's my balance?");
    expect(next.status).toBe(200);
    expect(next.body.reply.text).toMatch(/\$1,000\.00/);
    await sleep(HANG_MS);
  });

  it("gets an error frame with code timeout on the socket, and the socket's next message is answered", async () => {
    const customerId = uniqueCustomerId("deadline-ws");
    const socket = await connect(await ticketFor(await tokenFor(customerId)));
    await socket.until((f) => f.type === "state");
    await hangPostgres(customerId, "start", HANG_MS);

    socket.ws.send(JSON.stringify({ type: "message", id: "dl-ws-1", text: "what's my balance?" }));
    const error = await socket.until((f) => f.type === "error" && f.id === "dl-ws-1", DEADLINE_MS + 5_000);
    expect((error.error as { code: string }).code).toBe("timeout");
    expect(socket.frames.some((f) => f.type === "turn")).toBe(false);

    await answerPostgres(customerId);
    socket.ws.send(JSON.stringify({ type: "message", id: "dl-ws-2", text: "what's my balance?" }));
    const turn = await socket.until((f) => f.type === "turn");
    expect((turn.turn as { id: string }).id).toBe("dl-ws-2");
    socket.ws.close();
    await sleep(HANG_MS);
  });
});

describe("money and messages across a turn deadline", () => {
  it("a yes whose ledger call committed before the hang: the late save is refused, the resent yes reports it, and it moved once", async () => {
    const ctx = await confirmationPending("deadline-after-ledger");
    const customerId = ctx.customer.customerId;
    await hangPostgres(customerId, "after-ledger", HANG_MS);
    const yes = await say(ctx.token, "dl-yes-1", "yes");
    expect(yes.status).toBe(504);
    expect(await transfersOf(ctx)).toHaveLength(1);

    // The stall ends: the abandoned turn tries to keep its turn and state, and is refused.
    await answerPostgres(customerId);
    await sleep(HANG_MS - DEADLINE_MS + 500);
    expect(await keptIds(customerId)).not.toContain("dl-yes-1");

    // The resent yes (same id) resumes the same idempotency key: the ledger answers with the same transfer.
    const resent = await say(ctx.token, "dl-yes-1", "yes");
    expect(resent.status).toBe(200);
    expect(resent.body.reply.text).toMatch(/Done — I sent \$30\.00/);
    expect((await say(ctx.token, "dl-yes-1", "yes")).body.reply.text).toBe(resent.body.reply.text);
    expect(await transfersOf(ctx)).toHaveLength(1);
    expect((await balancesOf(ctx.customer)).checking).toBe(970_00);
    expect((await storedDialogueState(customerId)).executing).toBeNull();
  });

  it("a yes that hung before the ledger call: the resent yes moves the money, and the abandoned call, once free, sends nothing", async () => {
    const ctx = await confirmationPending("deadline-before-ledger");
    const customerId = ctx.customer.customerId;
    await hangPostgres(customerId, "start", HANG_MS);
    expect((await say(ctx.token, "dl-yes-2", "yes")).status).toBe(504);
    // The yes was saved as executing before its ledger call: once the 504 lets go of the lock, the
    // alarm (whose Postgres does not hang) may finish it first, with the same idempotency key.
    expect((await transfersOf(ctx)).length).toBeLessThanOrEqual(1);

    await answerPostgres(customerId);
    const resent = await say(ctx.token, "dl-yes-2", "yes");
    expect(resent.status).toBe(200);
    expect(resent.body.reply.text).toMatch(/Done — I sent \$30\.00/);

    // The first attempt's stall ends after the resent yes was answered: its ledger call is refused.
    await sleep(HANG_MS);
    expect(await transfersOf(ctx)).toHaveLength(1);
    expect((await balancesOf(ctx.customer)).checking).toBe(970_00);
    expect(await keptIds(customerId)).toEqual([...ctx.turns.map((t) => t.id), "dl-yes-2"]);
  });

  it("loses no acknowledged message: a turn answered while an abandoned one is stalled stays, and the abandoned one's late save does not replace it", async () => {
    const customerId = uniqueCustomerId("deadline-no-loss");
    const token = await tokenFor(customerId);
    expect((await say(token, "dl-a", "hi")).status).toBe(200);
    await hangPostgres(customerId, "start", HANG_MS);
    expect((await say(token, "dl-b", "what's my balance?")).status).toBe(504);

    await answerPostgres(customerId);
    const acknowledged = await say(token, "dl-c", "how long does a new card take?");
    expect(acknowledged.status).toBe(200);
    const stateAfterC = await storedDialogueState(customerId);
    // The abandoned turn's stall ends; it reads its balance and tries to save over "dl-c".
    await sleep(HANG_MS);
    expect(await keptIds(customerId)).toEqual(["dl-a", "dl-c"]);
    expect(await storedDialogueState(customerId)).toEqual(stateAfterC);

    // Resent, it is answered and kept once.
    expect((await say(token, "dl-b", "what's my balance?")).status).toBe(200);
    expect((await say(token, "dl-b", "what's my balance?")).status).toBe(200);
    expect(await keptIds(customerId)).toEqual(["dl-a", "dl-c", "dl-b"]);
    const page = (await (await gatewayFetch("/api/chat/turns", { headers: { authorization: `Bearer ${token}` } })).json()) as { turns: Array<{ turn: { id: string } }> };
    expect(page.turns.map((t) => t.turn.id)).toEqual(["dl-a", "dl-c", "dl-b"]);
  });
});

describe("a hand-off step whose Postgres hangs", () => {
  it("leaving the queue is answered 504 at the deadline, the customer's next turn is answered meanwhile, and the retried leave leaves once", async () => {
    const ctx = await runScript("deadline-leave", { turns: [{ say: "I want to talk to a human" }] });
    const [customerId, token] = [ctx.customer.customerId, ctx.token];
    expect((await agentMessagesFor(token)).waiting).toBe(true);
    await hangPostgres(customerId, "start", HANG_MS);

    const started = Date.now();
    const hung = await postJson("/api/chat/handoff/leave", token, {});
    // Before: the step held the customer's lock until Postgres answered (the driver's 15 s at worst).
    expect(hung.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_000);
    expect(((await hung.json()) as { error: { code: string } }).error.code).toBe("timeout");

    // The lock was let go: the customer is answered while the abandoned step still waits on Postgres.
    await answerPostgres(customerId);
    const next = await say(token, "dl-leave-2", "what's my balance?");
    expect(next.status).toBe(200);
    expect(next.body.reply.text).toMatch(/\$1,000\.00/);

    // Once its Postgres answers, the abandoned step changes nothing: the customer still waits.
    await sleep(HANG_MS);
    expect((await agentMessagesFor(token)).waiting).toBe(true);
    const again = await postJson("/api/chat/handoff/leave", token, {});
    expect(again.status).toBe(200);
    const after = await agentMessagesFor(token);
    expect(after.waiting).toBe(false);
    expect(after.messages.filter((m) => m.id.startsWith("left-queue-"))).toHaveLength(1);
  });
});
