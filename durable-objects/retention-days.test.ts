import { afterEach, describe, expect, it, vi } from "vitest";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import type { Reply } from "../packages/dialogue/index.js";
import { postJson, tokenFor, uniqueCustomerId } from "../test/workerd/helpers.js";
import { chatSession, setSessionEnv } from "../test/workerd/session-faults.js";
import type { ChatSessionEnv } from "./chat-session.env.js";
import { retentionDays } from "./retention-days.js";

const DAY_MS = 24 * 60 * 60 * 1000;

async function say(token: string, id: string, text: string): Promise<Reply> {
  const response = await postJson("/api/chat/messages", token, { id, text });
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: Reply }).reply;
}

/** A turn stored `daysAgo` days ago, then the alarm run; the ids of the turns kept after it. */
async function keptAfterAlarm(customerId: string, daysAgo: number): Promise<string[]> {
  const stub = chatSession(customerId);
  await runInDurableObject(stub, async (_i, state) => {
    state.storage.sql.exec("INSERT INTO turns (message_id, seq, text, turn, created_at) VALUES ('old-1', 0, 'old words', '{}', ?)", Date.now() - daysAgo * DAY_MS);
    await state.storage.setAlarm(Date.now() + 60_000);
  });
  expect(await runDurableObjectAlarm(stub)).toBe(true);
  return runInDurableObject(stub, (_i, state) => state.storage.sql.exec<{ message_id: string }>("SELECT message_id FROM turns ORDER BY seq").toArray().map((r) => r.message_id));
}

afterEach(() => vi.restoreAllMocks());

describe("the chat session's transcript retention", () => {
  it("is read once per configuration: the figure, or 90 with one error logged", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const thirty = { TRANSCRIPT_RETENTION_DAYS: "30" } as ChatSessionEnv;
    expect(retentionDays(thirty)).toBe(30);
    expect(retentionDays({} as ChatSessionEnv)).toBe(90);
    expect(errors).not.toHaveBeenCalled();
    const bad = { TRANSCRIPT_RETENTION_DAYS: "30d" } as ChatSessionEnv;
    expect([retentionDays(bad), retentionDays(bad), retentionDays(bad)]).toEqual([90, 90, 90]);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/TRANSCRIPT_RETENTION_DAYS must be a whole number of days .*\(it is \\"30d\\"\); using 90/);
  });

  it("is what the chat tells the customer: the bank's TRANSCRIPT_RETENTION_DAYS, passed by the session into the dialogue", async () => {
    const customerId = uniqueCustomerId("retention-said");
    const token = await tokenFor(customerId);
    expect((await say(token, "rs-1", "is this chat recorded")).text).toMatch(/deleted after 90 days\./);
    await setSessionEnv(customerId, { TRANSCRIPT_RETENTION_DAYS: "30" });
    // It said "90 days" whatever the bank configured.
    const said = await say(token, "rs-2", "is this chat recorded");
    expect(said.text).toMatch(/the history is deleted after 30 days\./);
    expect((await say(token, "rs-3", "who can see this conversation")).text).toMatch(/deleted after 30 days\./);
  });

  it("is the figure the Durable Object's alarm trims its own turns by", async () => {
    const customerId = uniqueCustomerId("retention-alarm");
    const token = await tokenFor(customerId);
    await say(token, "ra-1", "hello");
    await setSessionEnv(customerId, { TRANSCRIPT_RETENTION_DAYS: "30" });
    expect(await keptAfterAlarm(customerId, 31)).toEqual(["ra-1"]);
  });

  it("is 90 days when the configured value is no whole number of days (the alarm kept every turn for ever)", async () => {
    const customerId = uniqueCustomerId("retention-bad");
    const token = await tokenFor(customerId);
    await say(token, "rb-1", "hello");
    vi.spyOn(console, "error").mockImplementation(() => {});
    await setSessionEnv(customerId, { TRANSCRIPT_RETENTION_DAYS: "ninety" });
    expect(await keptAfterAlarm(customerId, 91)).toEqual(["rb-1"]);
    expect((await say(token, "rb-2", "is this chat recorded")).text).toMatch(/deleted after 90 days\./);
  });
});
