import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../../packages/db/schema/index.js";
import type { Db } from "../../packages/db/client.js";

/**
 * Runs an operator command against the database at DATABASE_URL, over one connection closed when
 * the command ends; exit code 2 when DATABASE_URL is not set.
 */
export async function withDatabase(args: string[], command: (db: Db, args: string[]) => Promise<number>): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`DATABASE_URL is not set`);
    return 2;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await command(drizzle(client, { schema }) as unknown as Db, args);
  } finally {
    await client.end();
  }
}
