import { describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { eventually, withTestDb } from "../../test/workerd/helpers.js";
import { testContext, testEnv } from "../../test/workerd/attacks/support.js";
import { createGatewayApp } from "./gateway.app.js";

// What is audited (refused tokens, REST transfers and card changes): test/workerd/attacks/
// logs-and-audit.test.ts; a queue that never takes the event: limits-and-audit-faults.test.ts.
const refusedRequest = () => new Request("https://teller.test/api/accounts", { headers: { authorization: "Bearer not-a-token" } });
// Raw SQL: the gateway's code (tests included) never imports the database schema.
const storedFor = (requestId: string) =>
  withTestDb(async (db) => ((await db.execute(sql`select type from chat_events where payload->>'requestId' = ${requestId}`)) as unknown as { rows: Array<{ type: string }> }).rows);

describe("audit events", () => {
  it("retry a failed queue send, so a passing fault stores the event once", async () => {
    let sends = 0;
    // Cloudflare's Queue binding, failing its first send as a brief outage would.
    const flaky = {
      send: (event: unknown) => (sends++ === 0 ? Promise.reject(new Error("queue briefly down")) : testEnv.AUDIT_EVENTS!.send(event)),
    } as unknown as Queue;
    const ctx = testContext();
    const response = await createGatewayApp().fetch(refusedRequest(), { ...testEnv, AUDIT_EVENTS: flaky }, ctx);
    expect(response.status).toBe(401);
    await ctx.settled();
    expect(sends).toBe(2);
    const requestId = response.headers.get("x-request-id")!;
    const rows = await eventually(async () => ((await storedFor(requestId)).length > 0 ? storedFor(requestId) : undefined));
    expect(rows.map((r) => r.type)).toEqual(["audit.auth"]);
  });

  it("never fail the request: without a queue binding the event is dropped with a warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const response = await createGatewayApp().fetch(refusedRequest(), { ...testEnv, AUDIT_EVENTS: undefined }, testContext());
      expect(response.status).toBe(401);
      expect(warn.mock.calls.map((call) => String(call[0])).join("\n")).toContain("audit event dropped: no AUDIT_EVENTS binding");
    } finally {
      warn.mockRestore();
    }
  });
});
