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
