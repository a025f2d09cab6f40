import { describe, expect, it } from "vitest";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../../packages/db/schema/index.js";
import type { Db } from "../../packages/db/client.js";
import { useMigratedDatabase } from "../../test/support/migrated-database.js";
import { registerDataKey } from "../../packages/db/transcript-keys.repo.js";
import { storeChatEvents } from "../../packages/db/chat-events.repo.js";
import { readTranscript } from "../../packages/db/transcript.repo.js";
import { createDataKey, generateMasterKey, importMasterKeys, sealPayload } from "../../packages/transcript-crypto/index.js";
import { rotateCommand } from "./rotate-transcript-keys.js";

const database = useMigratedDatabase("teller_rotate_test");

describe("npm run ops -- rotate-transcript-keys", () => {
  it("re-wraps every data key with the new master key; old ciphertext still reads and the old master key can be retired", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const db = drizzle(client, { schema }) as unknown as Db;
    try {
      const [oldSecret, newSecret] = [generateMasterKey(), generateMasterKey()];
      const before = await importMasterKeys(JSON.stringify({ k2026a: oldSecret }), "k2026a");
      for (const customerId of ["cus_r1", "cus_r2", "cus_r3"]) {
        const { wrapped, dataKey } = await createDataKey(before, customerId);
        await registerDataKey(db, wrapped);
        await storeChatEvents(db, [
          {
            id: crypto.randomUUID(),
            type: "message.received",
            customerId,
            messageId: "m1",
            occurredAt: new Date().toISOString(),
            payload: { ...(await sealPayload(dataKey, { text: `words of ${customerId}` })) },
          },
        ]);
      }

      // Step 1 of the runbook: both keys in the secret, the new one current. Step 2: this command.
      const during = await importMasterKeys(JSON.stringify({ k2026a: oldSecret, k2026b: newSecret }), "k2026b");
      const lines: string[] = [];
      expect(await rotateCommand(db, during, (l) => lines.push(l))).toBe(0);
      expect(lines[0]).toBe("re-wrapped 3 data key(s) with master key k2026b; 0 still under another master key");
      expect((await client.query("SELECT DISTINCT master_key_id FROM transcript_keys")).rows).toEqual([{ master_key_id: "k2026b" }]);
      // Running it again is harmless.
      expect(await rotateCommand(db, during, () => {})).toBe(0);

      // Step 3: the old master key is retired; every transcript still reads with the new one alone.
      const after = await importMasterKeys(JSON.stringify({ k2026b: newSecret }), "k2026b");
      for (const customerId of ["cus_r1", "cus_r2", "cus_r3"]) {
        const transcript = await readTranscript(db, after, customerId);
        expect(transcript).toMatchObject({ unreadable: 0, events: [{ payload: { text: `words of ${customerId}` } }] });
      }
      // And without the rotation, retiring it would have made them unreadable.
      expect((await readTranscript(db, await importMasterKeys(JSON.stringify({ other: generateMasterKey() }), "other"), "cus_r1")).unreadable).toBe(1);

      // A key under a master key the run does not hold is reported, and the run says the old key cannot go yet.
      const stray = await createDataKey(await importMasterKeys(JSON.stringify({ lost: generateMasterKey() }), "lost"), "cus_r4");
      await registerDataKey(db, stray.wrapped);
      const report: string[] = [];
      expect(await rotateCommand(db, during, (l) => report.push(l))).toBe(1);
      expect(report.join("\n")).toContain(stray.wrapped.keyId);
    } finally {
      await client.end();
    }
  });
});
