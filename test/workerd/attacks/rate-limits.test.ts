import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { chatEvents } from "../../../packages/db/schema/events.js";
import { balances, idempotencyKey, makeCustomer, postTransfer, tokenFor } from "../banking-helpers.js";
import { eventually, gatewayFetch, postJson, uniqueCustomerId, withTestDb } from "../helpers.js";
import { staffTokenFor } from "../handoff/support.js";
import { authGet, expectError } from "./support.js";

/**
 * Bursts against the Workers Rate Limiting bindings (Miniflare enforces wrangler's `[[ratelimits]]`
 * locally, with the limits of test/wrangler.test.toml = wrangler.toml). Windows are fixed and may
 * roll over mid-burst, so a burst sends up to twice the limit: the first `limit` requests always
 * pass, and a 429 must come before 2 × limit + 1.
 */
async function burst(limit: number, send: (i: number) => Promise<Response>): Promise<{ passed: Response[]; refused: Response }> {
  const passed: Response[] = [];
  for (let i = 0; i <= 2 * limit; i++) {
    const response = await send(i);
    if (response.status === 429) {
      expect(passed.length).toBeGreaterThanOrEqual(limit);
      return { passed, refused: response };
    }
    passed.push(response);
  }
  throw new Error(`no 429 after ${2 * limit + 1} requests (limit ${limit})`);
}

async function expectRateLimited(response: Response): Promise<void> {
  await expectError(response, 429, "rate_limited");
  expect(response.headers.get("retry-after")).toBe("60");
}

function auditRows(customerId: string, type: string) {
  return withTestDb((db) =>
    db.select().from(chatEvents).where(and(eq(chatEvents.customerId, customerId), eq(chatEvents.type, type))),
  );
}

describe("per-customer rate limits", () => {
  it("stops a transfer burst after 10 a minute with 429 and Retry-After, moving money only for the ones let through", async () => {
    const customer = await makeCustomer("attack_rl", { checking: 100_00 });
    const token = await tokenFor(customer.customerId);
    const before = await balances(token);
    const { passed, refused } = await burst(10, () =>
      postTransfer(token, idempotencyKey("rl"), {
        fromAccountId: customer.checkingId,
        toAccountId: customer.savingsId,
        amount: { value: "1.00", currency: "USD" },
      }),
    );
    await expectRateLimited(refused);
    expect(new Set(passed.map((r) => r.status))).toEqual(new Set([201]));
    const after = await balances(token);
    const moved = passed.length * 100;
    expect(toMinor(after[customer.checkingId]!)).toBe(toMinor(before[customer.checkingId]!) - moved);
    expect(toMinor(after[customer.savingsId]!)).toBe(toMinor(before[customer.savingsId]!) + moved);

    const rows = await eventually(async () => {
      const found = await auditRows(customer.customerId, "audit.rate_limit");
      return found.length > 0 ? found : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ limiter: "RL_MONEY", route: "/api/*", method: "POST" });
  });

  it("limits chat turns (30 a minute) separately from reads, and audits a refused burst once", async () => {
    const customerId = uniqueCustomerId("rl_chat");
    const token = await tokenFor(customerId);
    const ticket = () => gatewayFetch("/api/chat/ws-ticket", { method: "POST", headers: { authorization: `Bearer ${token}` } });
    const { passed, refused } = await burst(30, ticket);
    await expectRateLimited(refused);
    expect(new Set(passed.map((r) => r.status))).toEqual(new Set([200]));
    for (let i = 0; i < 5; i++) await ticket();
    expect((await authGet("/api/whoami", token)).status).toBe(200);

    const rows = await eventually(async () => {
      const found = await auditRows(customerId, "audit.rate_limit");
      return found.length > 0 ? found : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let any further (wrong) events land
    expect(await auditRows(customerId, "audit.rate_limit")).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ limiter: "RL_CHAT" });
  });

  it("limits reads at 120 a minute per customer, without affecting another customer", async () => {
    const token = await tokenFor(uniqueCustomerId("rl_read"));
    const { refused } = await burst(120, () => authGet("/api/whoami", token));
    await expectRateLimited(refused);
    expect((await authGet("/api/whoami", await tokenFor(uniqueCustomerId("rl_read_other")))).status).toBe(200);
  });
});

describe("per-staff rate limits", () => {
  it("limits each member of staff: reads after 120 a minute, writes after 30, another agent unaffected", async () => {
    const agent = await staffTokenFor(`stf_rl_${crypto.randomUUID().slice(0, 8)}`);
    const reads = await burst(120, () => authGet("/api/staff/queue", agent));
    await expectRateLimited(reads.refused);
    expect(new Set(reads.passed.map((r) => r.status))).toEqual(new Set([200]));

    // Writes count before the route runs: claims of hand-offs that don't exist are 404 until the limit.
    const writer = await staffTokenFor(`stf_rl_${crypto.randomUUID().slice(0, 8)}`);
    const writes = await burst(30, () => postJson(`/api/staff/handoffs/${crypto.randomUUID()}/claim`, writer, {}));
    await expectRateLimited(writes.refused);
    expect(new Set(writes.passed.map((r) => r.status))).toEqual(new Set([404]));

    const other = await staffTokenFor(`stf_rl_${crypto.randomUUID().slice(0, 8)}`);
    expect((await authGet("/api/staff/queue", other)).status).toBe(200);
  });
});

describe("the per-IP limit", () => {
  it("refuses a client IP after 600 requests a minute, before checking tokens, whatever X-Forwarded-For says", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const junk = (i: number) =>
      gatewayFetch("/api/accounts", {
        headers: { "cf-connecting-ip": ip, "x-forwarded-for": `198.51.100.${i % 250}`, authorization: `Bearer a.b.${i}` },
      });
    const { passed, refused } = await burst(600, junk);
    await expectRateLimited(refused);
    expect(new Set(passed.map((r) => r.status))).toEqual(new Set([401]));

    // A valid token from the same address is refused too: the limit is on the address.
    const valid = await tokenFor(uniqueCustomerId("rl_ip"));
    const sameIp = await gatewayFetch("/api/whoami", {
      headers: { "cf-connecting-ip": ip, "x-forwarded-for": "192.0.2.1", authorization: `Bearer ${valid}` },
    });
    await expectRateLimited(sameIp);
    // A chat turn asks its limits at once (rate-limit.ts): the address's refusal still comes first,
    // for a junk token (never verified) and for a valid one (the turn never reaches the session).
    for (const token of ["a.b.c", valid]) {
      const turn = await gatewayFetch("/api/chat/messages", {
        method: "POST",
        headers: { "cf-connecting-ip": ip, authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ id: crypto.randomUUID(), text: "yes" }),
      });
      await expectRateLimited(turn);
    }
    const otherIp = await gatewayFetch("/api/whoami", { headers: { "cf-connecting-ip": "192.0.2.77", authorization: `Bearer ${valid}` } });
    expect(otherIp.status).toBe(200);
  });
});

function toMinor(decimal: string): number {
  const [whole, fraction = ""] = decimal.replace("-", "").split(".");
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return decimal.startsWith("-") ? -minor : minor;
}
