import { describe, expect, it } from "vitest";
import { runInDurableObject } from "cloudflare:test";
import type { ChatEvent } from "../packages/contract/events.js";
import { uniqueCustomerId } from "../test/workerd/helpers.js";
import { chatSession } from "../test/workerd/session-faults.js";
import { FLUSH_DELAY_MS } from "./chat-session.outbox.js";

// The ChatSession is wiring: its turn, socket, alarm, outbox, storage, hand-off and cipher parts
// are tested beside each (chat-session.*.test.ts, transcript-cipher, session-db).
const notice = (id: string, text: string) => ({ id, reply: { text, intent: { name: "notice", confidence: 1 }, actions: [] } });

describe("the ChatSession", () => {
  it("belongs to the first customer that uses it and refuses every other", async () => {
    const owner = uniqueCustomerId("bound");
    const stub = chatSession(owner);
    const refused = await runInDurableObject(stub, async (instance) => {
      await instance.addNotice(owner, notice("n1", "for the owner"));
      return instance.addNotice(uniqueCustomerId("intruder"), notice("n2", "not yours")).then(
        () => "accepted",
        (error: Error) => error.message,
      );
    });
    expect(refused).toBe("ChatSession: bound to another customer");
  });

  it("shows a notice once, first, in the customer's next reply", async () => {
    const customerId = uniqueCustomerId("notice");
    const stub = chatSession(customerId);
    await stub.addNotice(customerId, notice("sched-1", "Your scheduled payment didn't go through."));
    await stub.addNotice(customerId, notice("sched-1", "Your scheduled payment didn't go through."));
    const first = await stub.handleMessage(customerId, { id: "n-1", text: "hello" });
    const second = await stub.handleMessage(customerId, { id: "n-2", text: "hello" });
    expect(first.ok && first.value.turn.reply.text).toMatch(/^Your scheduled payment didn't go through\./);
    expect(first.ok && first.value.turn.reply.text.match(/scheduled payment/g)).toHaveLength(1);
    expect(second.ok && second.value.turn.reply.text).not.toMatch(/scheduled payment/);
  });

  it("parks an event in its outbox and wakes soon to send it", async () => {
    const stub = chatSession(`audit-outbox-test:${crypto.randomUUID()}`);
    const event: ChatEvent = { id: crypto.randomUUID(), type: "audit.auth", customerId: "anonymous", occurredAt: new Date().toISOString(), payload: { outcome: "refused" } };
    const parked = await runInDurableObject(stub, async (instance, state) => {
      const before = Date.now();
      await instance.parkEvent(event);
      return {
        outbox: state.storage.sql.exec<{ event_id: string }>("SELECT event_id FROM outbox").toArray().map((r) => r.event_id),
        wakesWithin: ((await state.storage.getAlarm()) ?? Infinity) - before,
      };
    });
    expect(parked.outbox).toEqual([event.id]);
    expect(parked.wakesWithin).toBeLessThanOrEqual(FLUSH_DELAY_MS + 100);
  });
});
