import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { chatEvents } from "../../../packages/db/schema/events.js";
import gateway from "../../../workers/gateway/index.js";
import { idempotencyKey, makeCustomer, tokenFor } from "../banking-helpers.js";
import { eventually, withTestDb } from "../helpers.js";
import { signToken, testContext, testEnv } from "./support.js";

/**
 * What the gateway writes down: one structured line per request with a pseudonymous customer, and
 * never a token, a customer id, message text, card numbers, emails or amounts; security events in
 * the audit log (chat_events, through the queue).
 */
const PAN = "4242 4242 4242 4242";
const EMAIL = "victim.person@example.com";

let lines: string[];
beforeEach(() => {
  lines = [];
  for (const level of ["log", "warn", "error", "info", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  }
});
afterEach(() => vi.restoreAllMocks());

/** The real gateway module, with the test Worker's bindings and request lines switched on. */
async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = testContext();
  const response = await gateway.fetch(new Request(`https://teller.test${path}`, init), { ...testEnv, LOG_LEVEL: "info" }, ctx);
  await response.clone().text();
  await ctx.settled();
  return response;
}

function auditEvents(customerId: string, type: string) {
  return withTestDb((db) =>
    db
      .select()
      .from(chatEvents)
      .where(and(eq(chatEvents.customerId, customerId), eq(chatEvents.type, type)))
      .orderBy(sql`${chatEvents.occurredAt}`),
  );
}

describe("request logs", () => {
  it("record id, route pattern, status, latency and a hashed customer — and none of the secrets in the requests", async () => {
    const customer = await makeCustomer("attack_logs", { checking: 100_00 });
    const token = await tokenFor(customer.customerId);
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };

    await call("/api/chat/messages", { method: "POST", headers: auth, body: JSON.stringify({ id: "log-1", text: `my card ${PAN}, mail ${EMAIL}` }) });
    await call("/api/transfers", {
      method: "POST",
      headers: { ...auth, "idempotency-key": idempotencyKey("logs") },
      body: JSON.stringify({ fromAccountId: customer.checkingId, toAccountId: customer.savingsId, amount: { value: "12.34", currency: "USD" }, memo: `rent ${PAN}` }),
    });
    await call(`/api/accounts/${customer.checkingId}/transactions?q=${encodeURIComponent(EMAIL)}`, { headers: auth });
    await call("/api/accounts", { headers: { authorization: `Bearer ${token}x` } });

    const requestLines = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "request");
    expect(requestLines.map((l) => [l.route, l.status])).toEqual([
      ["/api/chat/messages", 200],
      ["/api/transfers", 201],
      ["/api/accounts/:id/transactions", 200],
      ["/api/*", 401],
    ]);
    for (const line of requestLines) {
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof line.latencyMs).toBe("number");
    }
    const hashes = new Set(requestLines.slice(0, 3).map((l) => l.customer));
    expect(hashes.size).toBe(1);
    expect([...hashes][0]).toMatch(/^[0-9a-f]{16}$/);
    expect(requestLines[3]).toMatchObject({ authFailure: "signature" });
    // The chat turn's line says which path decided its intent.
    expect(requestLines[0]).toMatchObject({ intentDecidedBy: "local" });
    expect(typeof requestLines[0]!.intent).toBe("string");
    expect(requestLines[3]!.customer).toBeUndefined();

    const everything = lines.join("\n");
    // Distinctive strings only: a bare "1234" could turn up inside a random request id.
    for (const secret of [token, token.split(".")[2]!, customer.customerId, "4242424242424242", PAN, EMAIL, "12.34", `rent ${PAN}`, "my card"]) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe("the audit log", () => {
  it("records refused tokens with a reason and the request id, without the token", async () => {
    const sub = `cus_audit_${Date.now().toString(36)}`;
    const expired = await signToken({ sub, iat: -600, exp: -300 });
    const response = await call("/api/accounts", { headers: { authorization: `Bearer ${expired}`, "cf-connecting-ip": "192.0.2.10" } });
    expect(response.status).toBe(401);
    const requestId = response.headers.get("x-request-id");
    const row = await eventually(async () => {
      const rows = await withTestDb((db) =>
        db.select().from(chatEvents).where(and(eq(chatEvents.type, "audit.auth"), sql`${chatEvents.payload}->>'requestId' = ${requestId}`)),
      );
      return rows[0];
    });
    // The customer is unverified, so the event is not filed under the sub the token claimed.
    expect(row.customerId).toBe("anonymous");
    expect(row.payload).toMatchObject({ outcome: "refused", reason: "expired", method: "GET", ip: "192.0.2.10" });
    expect(JSON.stringify(row.payload)).not.toContain(expired.split(".")[1]!);
  });

  it("records REST transfers and card changes, including refusals on another customer's card", async () => {
    const customer = await makeCustomer("attack_audit", { checking: 100_00 });
    const token = await tokenFor(customer.customerId);
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const transfer = await call("/api/transfers", {
      method: "POST",
      headers: { ...auth, "idempotency-key": idempotencyKey("audit") },
      body: JSON.stringify({ fromAccountId: customer.checkingId, toAccountId: customer.savingsId, amount: { value: "3.00", currency: "USD" } }),
    });
    expect(transfer.status).toBe(201);
    const transferId = ((await transfer.json()) as { id: string }).id;
    expect((await call(`/api/cards/${customer.cardIds[0]}/freeze`, { method: "POST", headers: auth })).status).toBe(200);
    expect((await call("/api/cards/card_00000000000000000000/unfreeze", { method: "POST", headers: auth })).status).toBe(404);

    const transfers = await eventually(async () => {
      const rows = await auditEvents(customer.customerId, "audit.transfer");
      return rows.length > 0 ? rows : undefined;
    });
    expect(transfers[0]!.payload).toMatchObject({ source: "api", ok: true, status: 201, transferId, fromAccountId: customer.checkingId, replayed: false });
    const cards = await eventually(async () => {
      const rows = await auditEvents(customer.customerId, "audit.card");
      return rows.length >= 2 ? rows : undefined;
    });
    expect(cards.map((r) => r.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: "api", action: "freeze", cardId: customer.cardIds[0], ok: true }),
        expect.objectContaining({ source: "api", action: "unfreeze", cardId: "card_00000000000000000000", ok: false, status: 404, error: "not_found" }),
      ]),
    );
  });
});
