import { describe, expect, it } from "vitest";
import { auditEvent, chatEvent } from "./session-events.js";

const NOW = Date.UTC(2026, 11, 1, 9, 30);

describe("chatEvent", () => {
  it("dates the event and names its message only when there is one", () => {
    expect(chatEvent("message.received", "cus_a", "msg-1", NOW, { text: "hi" }, "evt-1")).toEqual({
      id: "evt-1",
      type: "message.received",
      customerId: "cus_a",
      messageId: "msg-1",
      occurredAt: "2026-12-01T09:30:00.000Z",
      payload: { text: "hi" },
    });
    const unnamed = chatEvent("handoff.requested", "cus_a", undefined, NOW, {});
    expect("messageId" in unnamed).toBe(false);
    expect(unnamed.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(chatEvent("handoff.requested", "cus_a", undefined, NOW, {}).id).not.toBe(unnamed.id);
  });
});

describe("auditEvent", () => {
  const transfer = {
    kind: "transfer" as const,
    effectId: "eff-1",
    idempotencyKey: "transfer:conf-1",
    fromAccountId: "acc_1",
    to: { payeeId: "pay_1" },
    amount: { minor: 40_00, currency: "USD" as const },
    memo: "card 4242 4242 4242 4242",
  };

  it("audits a transfer with its amount kept and its memo redacted", () => {
    const event = auditEvent("cus_a", transfer, { ok: true, data: {} }, NOW);
    expect(event).toMatchObject({ type: "audit.transfer", customerId: "cus_a", occurredAt: "2026-12-01T09:30:00.000Z" });
    expect(event.payload).toEqual({ effect: { ...transfer, memo: "card •••• 4242" }, ok: true });
    expect(JSON.stringify(event)).not.toContain("4242 4242");
  });

  it("audits a card change, and a refusal by its code", () => {
    const freeze = { kind: "set_card_status" as const, effectId: "eff-2", cardId: "card_1", status: "frozen" as const, idempotencyKey: "card:1" };
    const event = auditEvent("cus_a", freeze, { ok: false, error: { code: "unavailable", message: "Postgres down" } }, NOW);
    expect(event.type).toBe("audit.card");
    expect(event.payload).toEqual({ effect: freeze, ok: false, error: "unavailable" });
  });
});
