import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { eventually, gatewayFetch, withTestDb } from "../../../test/workerd/helpers.js";
import { staffTokenFor } from "../../../test/workerd/handoff/support.js";

// Claiming, replying and handing back across the chat Worker and the ChatSession:
// test/workerd/handoff/; the routes attacked across roles: test/workerd/attacks/cross-role.test.ts.
const get = (path: string, token: string) => gatewayFetch(path, { headers: { authorization: `Bearer ${token}` } });

describe("the staff console's routes", () => {
  it("answer /me with the member of staff the token names", async () => {
    const id = `stf_routes_${Date.now().toString(36)}`;
    const response = await get("/api/staff/me", await staffTokenFor(id, "supervisor", "Rita Routes"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id, name: "Rita Routes", role: "supervisor" });
  });

  it("audit every read of the queue: who, with which role, and what", async () => {
    const id = `stf_audit_${Date.now().toString(36)}`;
    const response = await get("/api/staff/queue", await staffTokenFor(id));
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id");
    // Raw SQL: the gateway's code (tests included) never imports the database schema.
    const row = await eventually(async () =>
      withTestDb(async (db) => {
        const result = await db.execute(sql`select payload from chat_events where customer_id = ${`staff:${id}`} and type = 'audit.staff_read'`);
        return (result as unknown as { rows: Array<{ payload: Record<string, unknown> }> }).rows[0];
      }),
    );
    expect(row.payload).toMatchObject({ staffId: id, role: "agent", what: "queue", requestId });
  });

  it("open the desk socket only as an upgrade with a well-formed ticket", async () => {
    const plain = await gatewayFetch("/api/staff/ws?ticket=desk.x");
    expect(plain.status).toBe(426);
    for (const ticket of ["", "desk.short", `chat.${"a".repeat(43)}`]) {
      const response = await gatewayFetch(`/api/staff/ws?ticket=${ticket}`, { headers: { upgrade: "websocket" } });
      expect(response.status).toBe(401);
    }
  });
});
