import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import type { ChatEvent } from "../../packages/contract/events.js";
import { uniqueCustomerId } from "../../test/workerd/helpers.js";
import { chatSession } from "../../test/workerd/session-faults.js";

// The gateway's side of these calls: chat.routes.test.ts and test/workerd/chat-messages.test.ts.
describe("the chat Worker's RPC surface", () => {
  it("runs a customer's message in that customer's own ChatSession", async () => {
    const customerId = uniqueCustomerId("chat-service");
    const result = await env.CHAT.sendMessage(customerId, { id: "svc-1", text: "hello" });
    expect(result.ok).toBe(true);
    const stored = await runInDurableObject(chatSession(customerId), (_instance, state) =>
      state.storage.sql.exec<{ message_id: string }>("SELECT message_id FROM turns").toArray().map((r) => r.message_id),
    );
    expect(stored).toEqual(["svc-1"]);
  });

  it("parks only well-formed chat events", async () => {
    const event: ChatEvent = { id: crypto.randomUUID(), type: "audit.auth", customerId: "anonymous", occurredAt: new Date().toISOString(), payload: { outcome: "refused" } };
    await expect(env.CHAT.parkAuditEvent(event)).resolves.toBeUndefined();
    const refused = await env.CHAT.parkAuditEvent({ ...event, type: "not.an.event" } as unknown as ChatEvent).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(String(refused)).toMatch(/not a chat event/);
  });

  it("refuses a WebSocket upgrade without a ticket that names a customer", async () => {
    for (const ticket of ["", "nonsense", "chat.x"]) {
      const response = await env.CHAT.fetch(new Request(`https://chat.internal/ws?ticket=${ticket}`, { headers: { upgrade: "websocket" } }));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
  });
});
