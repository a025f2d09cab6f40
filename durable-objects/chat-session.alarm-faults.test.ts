import { describe, expect, inject, it } from "vitest";
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { eventually, postJson, tokenFor, uniqueCustomerId } from "../test/workerd/helpers.js";
import { storedIds } from "../test/workerd/queue-helpers.js";
import { chatSession, setSessionEnv } from "../test/workerd/session-faults.js";

// An alarm step that never answers (a queue send, a Postgres that accepts and stays silent) fails
// at the outbox's step deadline, the alarm sets the next one, and the events still reach Postgres.
// The queue refusing or Postgres refusing: chat-session.alarm.test.ts, test/workerd/outbox-confirm.test.ts.

const RETRY_MS = 5_000;
const DEADLINE_MS = "500";

async function outbox(customerId: string) {
  return runInDurableObject(chatSession(customerId), async (_instance, state) => ({
    unsent: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE event_id NOT IN (SELECT event_id FROM outbox_sent)").one().n,
    sent: state.storage.sql.exec<{ event_id: string }>("SELECT event_id FROM outbox_sent").toArray().map((r) => r.event_id),
    alarm: await state.storage.getAlarm(),
  }));
}

/** Runs the alarm now (only this run: the next one is pushed a minute ahead first); returns how long it took. */
async function runAlarm(customerId: string, before?: string): Promise<number> {
  await runInDurableObject(chatSession(customerId), async (_i, state) => {
    if (before) state.storage.sql.exec(before);
    await state.storage.setAlarm(Date.now() + 60_000);
  });
  const started = Date.now();
  expect(await runDurableObjectAlarm(chatSession(customerId))).toBe(true);
  return Date.now() - started;
}

describe("the ChatSession's alarm when a step never answers", () => {
  it("gives up on a queue send that never settles, sets the next alarm, and sends the events once the queue answers", async () => {
    const customerId = uniqueCustomerId("outbox-hang");
    await setSessionEnv(customerId, { FAULT_QUEUE_SEND_HANG_RATE: "1", OUTBOX_STEP_DEADLINE_MS: DEADLINE_MS });
    const token = await tokenFor(customerId);
    expect((await postJson("/api/chat/messages", token, { id: "hang-1", text: "hello" })).status).toBe(200);

    // Before the deadline, this alarm never returned, and held the lock every turn waits for.
    expect(await runAlarm(customerId)).toBeLessThan(RETRY_MS);
    const stalled = await outbox(customerId);
    expect(stalled.unsent).toBeGreaterThan(0);
    expect(stalled.alarm).not.toBeNull();
    expect(stalled.alarm!).toBeLessThanOrEqual(Date.now() + RETRY_MS + 1_000);
    // The lock is free: the customer's next turn is answered.
    expect((await postJson("/api/chat/messages", token, { id: "hang-2", text: "thanks" })).status).toBe(200);

    await setSessionEnv(customerId, { FAULT_QUEUE_SEND_HANG_RATE: "0" });
    await runAlarm(customerId);
    const sent = await outbox(customerId);
    expect(sent.unsent).toBe(0);
    // Through Miniflare's real queue and the consumer into Postgres.
    await eventually(async () => ((await storedIds(sent.sent)).length === sent.sent.length ? true : undefined), 20_000);
  });

  it("holds the next alarm while it works: a run the runtime never lets finish still leaves one set", async () => {
    const customerId = uniqueCustomerId("alarm-mid-run");
    const token = await tokenFor(customerId);
    expect((await postJson("/api/chat/messages", token, { id: "mid-1", text: "hello" })).status).toBe(200);
    // The queue send hangs until the step deadline: the run is caught mid-way, as an object reset
    // or a runtime that gives up on the handler would leave it.
    await setSessionEnv(customerId, { FAULT_QUEUE_SEND_HANG_RATE: "1", OUTBOX_STEP_DEADLINE_MS: "3000" });
    await runInDurableObject(chatSession(customerId), (_i, state) => state.storage.setAlarm(Date.now() + 60_000));
    // runDurableObjectAlarm removes the alarm and runs the handler, as the runtime does.
    const running = runDurableObjectAlarm(chatSession(customerId));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const midway = await outbox(customerId);
    expect(midway.unsent).toBeGreaterThan(0);
    // Before: none until the send failed; a run that never finished left the events without an alarm.
    expect(midway.alarm).not.toBeNull();
    expect(midway.alarm!).toBeLessThanOrEqual(Date.now() + RETRY_MS + 1_000);
    expect(await running).toBe(true);

    await setSessionEnv(customerId, { FAULT_QUEUE_SEND_HANG_RATE: "0", OUTBOX_STEP_DEADLINE_MS: "" });
    await runAlarm(customerId);
    expect((await outbox(customerId)).unsent).toBe(0);
  });

  it("gives up on a Postgres that accepts and never answers, asks again later, and confirms once it answers", async () => {
    const customerId = uniqueCustomerId("outbox-silent-db");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "silent-1", text: "hello" })).status).toBe(200);
    await runAlarm(customerId);
    const { sent } = await outbox(customerId);
    expect(sent.length).toBeGreaterThan(0);

    // The confirm's query goes to an endpoint that accepts the connection and stays silent: the
    // driver's own timeouts (15 s) would answer eventually; the step deadline answers first.
    await setSessionEnv(customerId, { DB_WS_PROXY: (inject as (key: string) => unknown)("silentAddress") as string, OUTBOX_STEP_DEADLINE_MS: DEADLINE_MS });
    expect(await runAlarm(customerId, "UPDATE outbox_sent SET confirm_at = 0")).toBeLessThan(RETRY_MS);
    const postponed = await outbox(customerId);
    expect(postponed.sent.sort()).toEqual([...sent].sort());
    expect(postponed.alarm).not.toBeNull();

    await setSessionEnv(customerId, { DB_WS_PROXY: env.DB_WS_PROXY as string, OUTBOX_STEP_DEADLINE_MS: "" });
    await eventually(async () => ((await storedIds(sent)).length === sent.length ? true : undefined), 20_000);
    await runAlarm(customerId, "UPDATE outbox_sent SET confirm_at = 0");
    expect((await outbox(customerId)).sent).toEqual([]);
  });

  it("sets the next alarm itself when a step throws, rather than count on workerd's six retries", async () => {
    const customerId = uniqueCustomerId("alarm-throws");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "throws-1", text: "hello" })).status).toBe(200);
    await runAlarm(customerId);
    const { sent } = await outbox(customerId);
    // A row the confirm cannot read makes the alarm's outbox step throw.
    const poison = "INSERT INTO outbox (event_id, body, created_at) VALUES ('poison', 'not json', 0); INSERT INTO outbox_sent (event_id, confirm_at, sends) VALUES ('poison', 0, 1)";
    await runAlarm(customerId, poison);
    const failed = await outbox(customerId);
    expect(failed.alarm).not.toBeNull();
    expect(failed.alarm!).toBeLessThanOrEqual(Date.now() + RETRY_MS + 1_000);

    await eventually(async () => ((await storedIds(sent)).length === sent.length ? true : undefined), 20_000);
    await runAlarm(customerId, "DELETE FROM outbox WHERE event_id = 'poison'; DELETE FROM outbox_sent WHERE event_id = 'poison'; UPDATE outbox_sent SET confirm_at = 0");
    expect((await outbox(customerId)).sent).toEqual([]);
  });

  it("sends and confirms the outbox while the alarm's other step fails every run, and keeps an alarm no later than the next confirmation", async () => {
    const customerId = uniqueCustomerId("alarm-step-fails");
    const token = await tokenFor(customerId);
    expect((await postJson("/api/chat/messages", token, { id: "step-1", text: "hello" })).status).toBe(200);
    // The hand-off expiry / money movement step fails in every alarm run from now on.
    await setSessionEnv(customerId, { FAULT_ALARM_STEP_FAIL_RATE: "1" });

    // Before: the failure stopped the run before the outbox, every time; the events were never
    // sent, and the retries backed off towards five minutes.
    for (let run = 0; run < 3; run++) await runAlarm(customerId);
    const sending = await outbox(customerId);
    expect(sending.unsent).toBe(0);
    expect(sending.sent.length).toBeGreaterThan(0);
    const due = await runInDurableObject(chatSession(customerId), (_i, state) => state.storage.sql.exec<{ at: number }>("SELECT MIN(confirm_at) AS at FROM outbox_sent").one().at);
    expect(sending.alarm).not.toBeNull();
    expect(sending.alarm!).toBeLessThanOrEqual(due);

    // Postgres holds them: the next run confirms them although the other step still fails.
    await eventually(async () => ((await storedIds(sending.sent)).length === sending.sent.length ? true : undefined), 20_000);
    await runAlarm(customerId, "UPDATE outbox_sent SET confirm_at = 0");
    expect((await outbox(customerId)).sent).toEqual([]);
    await setSessionEnv(customerId, { FAULT_ALARM_STEP_FAIL_RATE: "0" });
  });
});
