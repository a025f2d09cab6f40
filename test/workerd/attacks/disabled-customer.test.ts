import { describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { customers } from "../../../packages/db/schema/banking.js";
import { chatEvents } from "../../../packages/db/schema/events.js";
import * as banking from "../../../packages/banking/index.js";
import { createGatewayApp } from "../../../workers/gateway/gateway.app.js";
import { CUSTOMER_STATUS_TTL_MS } from "../../../workers/gateway/auth/customer-status.js";
import { idempotencyKey, makeCustomer, postTransfer, tokenFor } from "../banking-helpers.js";
import { eventually, withTestDb } from "../helpers.js";
import { authGet, expectError, testContext, testEnv } from "./support.js";

/** A customer the bank has disabled is refused, however valid their token (ASVS 5 V7/V9). */
function setDisabled(customerId: string, disabled: boolean) {
  return withTestDb((db) =>
    db.update(customers).set({ disabledAt: disabled ? sql`now()` : null }).where(eq(customers.id, customerId)),
  );
}

describe("a disabled customer", () => {
  it("is refused with 403 on reads and writes, nothing moves, and the refusal is audited", async () => {
    const customer = await makeCustomer("attack_disabled", { checking: 200_00 });
    await setDisabled(customer.customerId, true);
    const token = await tokenFor(customer.customerId);

    await expectError(await authGet("/api/accounts", token), 403, "forbidden");
    const transfer = await postTransfer(token, idempotencyKey("disabled"), {
      fromAccountId: customer.checkingId,
      toAccountId: customer.savingsId,
      amount: { value: "5.00", currency: "USD" },
    });
    await expectError(transfer, 403, "forbidden");
    const accounts = await withTestDb((db) => banking.listAccounts(db, customer.customerId));
    expect(accounts.ok && accounts.value.find((a) => a.id === customer.checkingId)?.balance.minor).toBe(200_00);

    const audited = await eventually(async () => {
      const rows = await withTestDb((db) =>
        db.select().from(chatEvents).where(and(eq(chatEvents.customerId, customer.customerId), eq(chatEvents.type, "audit.auth"))),
      );
      return rows.length >= 2 ? rows : undefined;
    });
    expect(audited.map((r) => r.payload)).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: "refused", reason: "customer_disabled" })]),
    );
  });

  it("is refused on every isolate within the status cache's lifetime after being disabled", async () => {
    const customer = await makeCustomer("attack_disabled", { checking: 10_00 });
    const clock = { now: 5_000_000 };
    const app = createGatewayApp({ customerStatus: { now: () => clock.now } });
    const token = await tokenFor(customer.customerId);
    const whoami = () =>
      app.fetch(new Request("https://teller.test/api/whoami", { headers: { authorization: `Bearer ${token}` } }), testEnv, testContext());

    expect((await whoami()).status).toBe(200);
    await setDisabled(customer.customerId, true);
    clock.now += CUSTOMER_STATUS_TTL_MS - 1_000;
    expect((await whoami()).status).toBe(200); // still cached: the documented window
    clock.now += 2_000;
    await expectError(await whoami(), 403, "forbidden");

    await setDisabled(customer.customerId, false);
    clock.now += CUSTOMER_STATUS_TTL_MS + 1;
    expect((await whoami()).status).toBe(200);
  });
});

describe("a gateway whose status lookup fails", () => {
  it("answers 503 rather than letting the request through", async () => {
    const app = createGatewayApp();
    const broken = { ...testEnv, BANKING: { isCustomerActive: () => Promise.reject(new Error("rpc down")) } } as unknown as typeof testEnv;
    const token = await tokenFor("cus_status_unknown");
    const response = await app.fetch(new Request("https://teller.test/api/whoami", { headers: { authorization: `Bearer ${token}` } }), broken, testContext());
    await expectError(response, 503, "unavailable");
  });

  it("logs why with its cause code, and never the customer id a failed query's message carries", async () => {
    // A load run's Postgres outage logged "Failed query: select ... params: cus_…" for each one.
    const lines: string[] = [];
    for (const level of ["log", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((text: unknown) => void lines.push(String(text)));
    try {
      const app = createGatewayApp();
      const failedQuery = new Error('Failed query: select "disabled_at" from "customers" where "customers"."id" = $1 limit $2\nparams: cus_status_secret,1');
      const broken = { ...testEnv, BANKING: { isCustomerActive: () => Promise.reject(failedQuery) } } as unknown as typeof testEnv;
      const token = await tokenFor("cus_status_secret");
      const response = await app.fetch(new Request("https://teller.test/api/whoami", { headers: { authorization: `Bearer ${token}` } }), broken, testContext());
      await expectError(response, 503, "unavailable");
    } finally {
      vi.restoreAllMocks();
    }
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.find((l) => l.msg === "request")).toMatchObject({ status: 503, errorCode: "unavailable", errorCause: "customer_status_lookup_failed" });
    expect(parsed.find((l) => l.msg === "customer status lookup failed")).toMatchObject({ error: "query failed" });
    expect(lines.join("\n")).not.toContain("cus_status_secret");
  });
});
