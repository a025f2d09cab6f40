import { describe, expect, it } from "vitest";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../../packages/db/schema/index.js";
import type { Db } from "../../packages/db/client.js";
import { useMigratedDatabase } from "../../test/support/migrated-database.js";
import { eraseCommand } from "./erase.js";

const database = useMigratedDatabase("teller_erase_test");

describe("npm run ops -- erase", () => {
  it("deletes the customer's conversation, keeps their audit events and records the erasure", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const insert = (id: string, customer: string, type: string, payload: object) =>
        client.query("INSERT INTO chat_events (id, customer_id, type, payload, occurred_at) VALUES ($1, $2, $3, $4, now())", [id, customer, type, JSON.stringify(payload)]);
      await insert("00000000-0000-4000-8000-000000000001", "cus_erase", "message.received", { text: "my secret plans" });
      await insert("00000000-0000-4000-8000-000000000002", "cus_erase", "reply.sent", { reply: { text: "ok" } });
      await insert("00000000-0000-4000-8000-000000000003", "cus_erase", "audit.transfer", { ok: true });
      await insert("00000000-0000-4000-8000-000000000004", "cus_other", "message.received", { text: "not erased" });

      await client.query("INSERT INTO transcript_keys (key_id, customer_id, master_key_id, wrapped_key) VALUES ($1, 'cus_erase', 'k1', 'AAAA'), ($2, 'cus_other', 'k1', 'BBBB')", [
        "00000000-0000-4000-8000-0000000000a1",
        "00000000-0000-4000-8000-0000000000a2",
      ]);

      const db = drizzle(client, { schema }) as unknown as Db;
      const lines: string[] = [];
      expect(await eraseCommand(db, ["cus_erase"], (l) => lines.push(l))).toBe(0);
      expect(lines[0]).toContain("2 conversation event(s)");
      expect(lines[0]).toContain("1 data key(s) destroyed");

      const rows = await client.query<{ customer_id: string; type: string; payload: unknown }>("SELECT customer_id, type, payload FROM chat_events ORDER BY customer_id, type");
      expect(rows.rows).toEqual([
        { customer_id: "cus_erase", type: "audit.erasure", payload: { by: "operator", deletedEvents: 2, shreddedKeys: 1 } },
        { customer_id: "cus_erase", type: "audit.transfer", payload: { ok: true } },
        { customer_id: "cus_other", type: "message.received", payload: { text: "not erased" } },
      ]);
      // Crypto-shredded: only the other customer's key is left.
      expect((await client.query("SELECT customer_id FROM transcript_keys")).rows).toEqual([{ customer_id: "cus_other" }]);
      // The Durable Object's part waits for the chat Worker's cron, and --status says so.
      const status: string[] = [];
      expect(await eraseCommand(db, ["--status", "cus_erase"], (l) => status.push(l))).toBe(0);
      expect(status).toEqual([expect.stringMatching(/requested .* pending$/)]);
      expect(await eraseCommand(db, [], () => {})).toBe(2);
    } finally {
      await client.end();
    }
  });
});
