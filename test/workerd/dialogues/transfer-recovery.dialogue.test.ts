import { describe, expect, it } from "vitest";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { balancesOf, runScript, type ScriptContext } from "./script.js";
import { postJson, sessionStore, withTestDb } from "../helpers.js";
import { chatSession, setSessionEnv, storedDialogueState, UNREACHABLE_DB } from "../session-faults.js";
import { transfer } from "../../../packages/banking/index.js";
import { transfers } from "../../../packages/db/schema/banking.js";
import { EXECUTION_DEADLINE_MS, type DialogueState, type Effect, type Reply } from "../../../packages/dialogue/index.js";
import { sessionHooks, type SessionPorts } from "../../../packages/conversation/turn.js";

const session = (ctx: ScriptContext) => chatSession(ctx.customer.customerId);
/** Points this DO instance at a Postgres that refuses connections, until it is evicted. */
const cutPostgres = (ctx: ScriptContext) => setSessionEnv(ctx.customer.customerId, { DATABASE_URL: UNREACHABLE_DB });
const dialogueState = (ctx: ScriptContext) => storedDialogueState(ctx.customer.customerId);

/** Moves the confirmed execution's start into the past, as if the customer said "yes" long ago. */
async function ageExecution(ctx: ScriptContext, ms: number) {
  await runInDurableObject(session(ctx), (instance, state) => {
    const row = state.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'dialogue_state'").one();
    const parsed = JSON.parse(row.value) as DialogueState;
    parsed.executing!.startedAt -= ms;
    // Through the object's store, which keeps a copy of what it wrote.
    sessionStore(instance).setMeta("dialogue_state", JSON.stringify(parsed));
  });
}

async function say(ctx: ScriptContext, text: string): Promise<Reply> {
  const response = await postJson("/api/chat/messages", ctx.token, { id: `r-${crypto.randomUUID().slice(0, 8)}`, text });
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: Reply }).reply;
}

async function transfersOf(ctx: ScriptContext) {
  return withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, ctx.customer.customerId)));
}

async function confirmWhilePostgresIsDown(label: string) {
  const ctx = await runScript(label, { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });
  await cutPostgres(ctx);
  const reply = await say(ctx, "yes");
  expect(reply.text).toMatch(/try again shortly/);
  const executing = (await dialogueState(ctx)).executing!;
  expect(executing.effect.kind).toBe("transfer");
  return { ctx, effect: executing.effect as Extract<Effect, { kind: "transfer" }> };
}

describe("confirmed transfers under faults", () => {
  it("sets the alarm before the ledger call, so an eviction mid-call is resumed", async () => {
    const ctx = await runScript("alarm-first", { turns: [{ say: "hi" }] });
    const alarmAtCall = await runInDurableObject(session(ctx), async (instance, state) => {
      await state.storage.deleteAlarm();
      let seen: Promise<number | null> | undefined;
      const ports = (instance as unknown as { ports(c: string, db: () => never): SessionPorts }).ports(ctx.customer.customerId, () => {
        seen = state.storage.getAlarm();
        throw new Error("connection lost mid-call");
      });
      const hooks = sessionHooks(ports);
      const result = await hooks.executor.execute({
        kind: "transfer",
        effectId: "e1",
        idempotencyKey: `transfer:alarm-first-${crypto.randomUUID()}`,
        fromAccountId: ctx.customer.checkingId,
        to: { accountId: ctx.customer.savingsId },
        amount: { minor: 1_00, currency: "USD" },
      });
      expect(result).toEqual({ ok: false, error: { code: "unavailable" } });
      return seen;
    });
    expect(alarmAtCall).not.toBeNull();
  });

  it("the alarm finishes the transfer after the outage, and the customer hears of it with their next message", async () => {
    const { ctx } = await confirmWhilePostgresIsDown("alarm-finishes");
    await evictDurableObject(session(ctx));
    expect(await runDurableObjectAlarm(session(ctx))).toBe(true);
    expect((await dialogueState(ctx)).executing).toBeNull();
    expect((await balancesOf(ctx.customer)).checking).toBe(970_00);
    expect(await transfersOf(ctx)).toHaveLength(1);
    const next = await say(ctx, "thanks");
    expect(next.text).toMatch(/^Done — I sent \$30\.00/);
    // Told once only.
    expect((await say(ctx, "thanks again")).text).not.toMatch(/Done — I sent/);
  });

  it("never settles as unknown: past the deadline an unposted transfer is cancelled, nothing moves, the customer is told", async () => {
    const { ctx } = await confirmWhilePostgresIsDown("deadline-cancel");
    // Three more failed attempts: the old code gave up here as "unknown" and dropped the key.
    for (let i = 0; i < 3; i++) {
      await runDurableObjectAlarm(session(ctx));
      expect((await dialogueState(ctx)).executing).not.toBeNull();
    }
    await ageExecution(ctx, EXECUTION_DEADLINE_MS + 1_000);
    await evictDurableObject(session(ctx)); // Postgres is back
    await runDurableObjectAlarm(session(ctx));
    const state = await dialogueState(ctx);
    expect(state.executing).toBeNull();
    expect(state.settled.at(-1)?.outcome).toBe("cancelled");
    expect(await transfersOf(ctx)).toHaveLength(0);
    expect((await balancesOf(ctx.customer)).checking).toBe(1_000_00);
    expect((await say(ctx, "ok")).text).toMatch(/cancelled it\. Nothing was sent/);
  });

  it("past the deadline, a transfer that committed but lost its answer is reported done, never made twice", async () => {
    const { ctx, effect } = await confirmWhilePostgresIsDown("deadline-found");
    const committed = await withTestDb((db) =>
      transfer(db, ctx.customer.customerId, { idempotencyKey: effect.idempotencyKey, fromAccountId: effect.fromAccountId, to: effect.to, amount: effect.amount }),
    );
    expect(committed.ok).toBe(true);
    await ageExecution(ctx, EXECUTION_DEADLINE_MS + 1_000);
    await evictDurableObject(session(ctx));
    await runDurableObjectAlarm(session(ctx));
    expect((await dialogueState(ctx)).settled.at(-1)?.outcome).toBe("done");
    expect((await say(ctx, "hello")).text).toMatch(/^Done — I sent \$30\.00/);
    // Asking again makes a new confirmation, but the old key was never dropped while unknown.
    const byKey = await withTestDb((db) =>
      db.select().from(transfers).where(and(eq(transfers.customerId, ctx.customer.customerId), eq(transfers.idempotencyKey, effect.idempotencyKey))),
    );
    expect(byKey).toHaveLength(1);
    expect((await balancesOf(ctx.customer)).checking).toBe(970_00);
  });
});

/** Posts a message under a given id (a client retry reuses it). */
async function sayAs(ctx: ScriptContext, id: string, text: string): Promise<Reply> {
  const response = await postJson("/api/chat/messages", ctx.token, { id, text });
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: Reply }).reply;
}

describe("replies held for a receipt, when the bank could not be reached", () => {
  it("'yes and thanks' while Postgres is down: no receipt for money that did not move, one receipt once it has, retries answer the same", async () => {
    const ctx = await runScript("held-unreachable", { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });
    await cutPostgres(ctx);
    const yesId = `held-${crypto.randomUUID().slice(0, 8)}`;
    const first = await sayAs(ctx, yesId, "yes and thanks");
    // The truth first (not reached, will retry once), then the rest of the message's answer.
    expect(first.text).toMatch(/^I couldn't reach your accounts to finish this just now\. I'll try again shortly — it will only go through once\.[\s\S]*welcome/);
    expect(first.text).not.toMatch(/Done —/);

    // The client retries the same message: the same answer, nothing claimed, nothing moved.
    const retried = await sayAs(ctx, yesId, "yes and thanks");
    expect(retried.text).toBe(first.text);
    expect((await balancesOf(ctx.customer)).checking).toBe(1_000_00);

    // Still unreachable: the next messages are told it is under way, never that it is done.
    expect((await say(ctx, "did it work?")).text).toBe("I'm still working on it — it will only happen once.");
    const yesAgain = await say(ctx, "yes");
    expect(yesAgain.text).toMatch(/already working on that/);
    expect(yesAgain.text).not.toMatch(/Done —/);
    expect(await transfersOf(ctx)).toHaveLength(0);

    // Postgres is back: the next message finishes it first, and says so once.
    await evictDurableObject(session(ctx));
    const next = await say(ctx, "what's my balance?");
    expect(next.text).toMatch(/^Done — I sent \$30\.00 to “Jordan Lee”/);
    expect(next.text.match(/Done — I sent/g)).toHaveLength(1);
    expect(await transfersOf(ctx)).toHaveLength(1);
    expect((await balancesOf(ctx.customer)).checking).toBe(970_00);
    expect((await say(ctx, "did it work?")).text).toBe("Yes — that's done.");
    // The first message retried again: its own answer, no second receipt, no second transfer.
    expect((await sayAs(ctx, yesId, "yes and thanks")).text).toBe(first.text);
    expect((await say(ctx, "thanks")).text).not.toMatch(/Done —/);
    expect(await transfersOf(ctx)).toHaveLength(1);
  });

  it("'yes, and also 20 to savings' while Postgres is down: each part told the truth, a later yes moves only the first, once", async () => {
    const ctx = await runScript("held-second", { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });
    await cutPostgres(ctx);
    const first = await say(ctx, "yes, and also 20 to savings");
    // The first part is under way, the second could not even be set up: neither is claimed done.
    expect(first.text).toMatch(/^I couldn't reach your accounts to finish this just now\.[\s\S]*I can't reach your accounts right now\./);
    expect(first.text).not.toMatch(/Done —/);
    expect(first.confirmation).toBeUndefined();
    const early = await say(ctx, "yes");
    expect(early.text).toMatch(/already working on that/);
    expect(await transfersOf(ctx)).toHaveLength(0);

    await evictDurableObject(session(ctx));
    const after = await say(ctx, "yes");
    // The $30 finished first, once; the yes is to nothing else (no $20 card was ever shown).
    expect(after.text).toMatch(/^Done — I sent \$30\.00 to “Jordan Lee”[\s\S]*already done — I haven't done it again/);
    expect(after.text.match(/Done — I sent/g)).toHaveLength(1);
    expect(await transfersOf(ctx)).toHaveLength(1);
    expect(await balancesOf(ctx.customer)).toMatchObject({ checking: 970_00, savings: 5_000_00 });
  });
});
