import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../../packages/db/schema/index.js";
import type { Db } from "../../packages/db/client.js";
import { eraseConversationEvents } from "../../packages/db/conversation-erasure.js";

const USAGE = "usage: DATABASE_URL=postgres://… npm run ops -- erase <customerId>";

/**
 * `npm run ops -- erase <customerId>`: an operator's erasure request (GDPR Art. 17). Deletes the
 * customer's conversation events from chat_events and records `audit.erasure` (by operator)
 * without content; ledger, transfers and audit events stay. The customer's Durable Object is
 * not reached from here (see docs/operations.md#erasure-requests).
 */
export async function eraseCommand(db: Db, args: string[], out: (line: string) => void = console.log): Promise<number> {
  const [customerId] = args;
  if (!customerId || args.length !== 1 || !/^[\x21-\x7e]{1,128}$/.test(customerId)) {
    out(USAGE);
    return 2;
  }
  const deleted = await eraseConversationEvents(db, customerId, { id: crypto.randomUUID(), by: "operator", at: new Date() });
  out(`erased ${customerId}: ${deleted} conversation event(s) deleted from chat_events; audit.erasure recorded`);
  return 0;
}

export async function runEraseWithDatabase(args: string[]): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`DATABASE_URL is not set\n${USAGE}`);
    return 2;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await eraseCommand(drizzle(client, { schema }) as unknown as Db, args);
  } finally {
    await client.end();
  }
}
